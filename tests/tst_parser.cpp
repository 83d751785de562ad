#include <QTest>

class TestParser : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
