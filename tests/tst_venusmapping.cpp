#include "venusmapping.h"

#include <QTest>

class TestVenusMapping : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestVenusMapping)
#include "tst_venusmapping.moc"
