#include <QTest>

class TestBusItemExport : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestBusItemExport)
#include "tst_busitemexport.moc"
