#include <QTest>

class TestObis : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestObis)
#include "tst_obis.moc"
