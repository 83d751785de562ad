#include <QTest>

class TestTimestamp : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
