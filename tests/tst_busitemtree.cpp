#include "venus/busitemtree.h"

#include <QRegularExpression>
#include <QTest>

using p1::BusItemChange;
using p1::BusItemTree;
using WriteResult = BusItemTree::WriteResult;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(WriteResult)

namespace {

/// Records what a tree announces, in order.
struct Recorder
{
    explicit Recorder(BusItemTree &tree)
    {
        QObject::connect(&tree, &BusItemTree::itemsChanged,
            [this](const QList<BusItemChange> &changes) { batches.append(changes); });
        QObject::connect(
            &tree, &BusItemTree::valueWritten, [this](const QString &path, const QVariant &value) {
                written.append({path, value, {}});
            });
    }
    [[nodiscard]] QStringList paths(qsizetype batch) const
    {
        QStringList result;
        for (const BusItemChange &change : batches.at(batch))
            result.append(change.path);
        return result;
    }
    QList<QList<BusItemChange>> batches;
    QList<BusItemChange> written;
};

/// The grid meter's shape, small: a few leaves at several depths, plus neighbours that share
/// a prefix without being in the subtree ("/AcX" is not below "/Ac").
void addGridPaths(BusItemTree &tree)
{
    QVERIFY(tree.addPath(u"/Ac/Power"_s, 100.0));
    QVERIFY(tree.addPath(u"/Ac/L1/Power"_s, 40.0));
    QVERIFY(tree.addPath(u"/Ac/L1/Voltage"_s, 230.1));
    QVERIFY(tree.addPath(u"/Ac/L2/Power"_s));
    QVERIFY(tree.addPath(u"/Ac/Energy/Forward"_s, 12345.678));
    QVERIFY(tree.addPath(u"/AcX"_s, 1));
    QVERIFY(tree.addPath(u"/DeviceInstance"_s, 40));
    QVERIFY(tree.addPath(u"/ProductName"_s, u"P1 smart meter"_s));
}

} // namespace

class TestBusItemTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addPath_data();
    void addPath();
    void setValueDetectsChanges_data();
    void setValueDetectsChanges();
    void publishBatchesChanges();
    void publishWithoutChangesIsSilent();
    void defaultText_data();
    void defaultText();
    void formatterAndExplicitText();
    void setValueAtComparesOnce();
    void write_data();
    void write();
    void writeOfPendingPathIsAnnouncedOnce();
    void subtree_data();
    void subtree();
};

void TestBusItemTree::addPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("added");

    QTest::newRow("new-leaf") << u"/Ac/L3/Power"_s << true;
    QTest::newRow("new-top-level") << u"/Connected"_s << true;
    QTest::newRow("underscore-digits") << u"/P1/Tariff_2"_s << true;
    QTest::newRow("duplicate") << u"/Ac/Power"_s << false;
    QTest::newRow("existing-node") << u"/Ac/L1"_s << false;
    QTest::newRow("below-a-leaf") << u"/Ac/Power/Total"_s << false;
    QTest::newRow("root") << u"/"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no-leading-slash") << u"Ac/Power"_s << false;
    QTest::newRow("trailing-slash") << u"/Ac/L3/"_s << false;
    QTest::newRow("double-slash") << u"/Ac//Power"_s << false;
    QTest::newRow("dash") << u"/Ac/L-3"_s << false;
    QTest::newRow("space") << u"/Custom Name"_s << false;
}

void TestBusItemTree::addPath()
{
    QFETCH(QString, path);
    QFETCH(bool, added);
    BusItemTree tree;
    addGridPaths(tree);
    const qsizetype before = tree.size();
    if (!added)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^(not a valid item path|path)"_s));
    QCOMPARE(tree.addPath(path, 1.0), added);
    QCOMPARE(tree.size(), before + (added ? 1 : 0));
    QCOMPARE(tree.contains(path), added || path == u"/Ac/Power");
    QVERIFY(!tree.hasPendingChanges()); // initial values are not changes

    // A writable path takes its type from its initial value, so that must be valid.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"needs a valid initial value"_s));
    QVERIFY(!tree.addWritablePath(u"/Untyped"_s, QVariant()));
    QVERIFY(!tree.contains(u"/Untyped"_s));
}

void TestBusItemTree::setValueDetectsChanges_data()
{
    QTest::addColumn<QVariant>("initial");
    QTest::addColumn<QVariant>("next");
    QTest::addColumn<bool>("changed");

    QTest::newRow("same-double") << QVariant(230.1) << QVariant(230.1) << false;
    QTest::newRow("other-double") << QVariant(230.1) << QVariant(230.2) << true;
    QTest::newRow("int-to-equal-double") << QVariant(1) << QVariant(1.0) << true;
    QTest::newRow("double-to-equal-int") << QVariant(1.0) << QVariant(1) << true;
    QTest::newRow("zero-to-negative-zero") << QVariant(0.0) << QVariant(-0.0) << false;
    QTest::newRow("same-int") << QVariant(40) << QVariant(40) << false;
    QTest::newRow("other-int") << QVariant(40) << QVariant(41) << true;
    QTest::newRow("int-to-string") << QVariant(40) << QVariant(u"40"_s) << true;
    QTest::newRow("same-string") << QVariant(u"E0043007"_s) << QVariant(u"E0043007"_s) << false;
    QTest::newRow("other-string") << QVariant(u"E0043007"_s) << QVariant(u"E0043008"_s) << true;
    QTest::newRow("valid-to-invalid") << QVariant(0.0) << QVariant() << true;
    QTest::newRow("invalid-to-valid") << QVariant() << QVariant(0.0) << true;
    QTest::newRow("invalid-to-invalid") << QVariant() << QVariant() << false;
}

void TestBusItemTree::setValueDetectsChanges()
{
    QFETCH(QVariant, initial);
    QFETCH(QVariant, next);
    QFETCH(bool, changed);
    BusItemTree tree;
    QVERIFY(tree.addPath(u"/Value"_s, initial));
    QCOMPARE(tree.setValue(u"/Value"_s, next), changed);
    QCOMPARE(tree.hasPendingChanges(), changed);
    QCOMPARE(tree.value(u"/Value"_s).metaType(), next.metaType());
    QCOMPARE(tree.value(u"/Value"_s), next);
}

void TestBusItemTree::publishBatchesChanges()
{
    BusItemTree tree;
    addGridPaths(tree);
    Recorder recorder(tree);

    QVERIFY(tree.setValue(u"/Ac/Power"_s, -275.0));
    QVERIFY(tree.setValue(u"/Ac/L1/Power"_s, -275.0));
    QVERIFY(!tree.setValue(u"/Ac/L1/Voltage"_s, 230.1)); // unchanged
    QVERIFY(tree.setValue(u"/Ac/L2/Power"_s, 12.5)); // was invalid
    QVERIFY(tree.setValue(u"/Ac/Power"_s, -280.0)); // twice: once in the batch, last value
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"unknown path"_s));
    QVERIFY(!tree.setValue(u"/Unknown"_s, 1.0));
    QVERIFY(recorder.batches.isEmpty()); // nothing before publish()

    tree.publish();
    QCOMPARE(recorder.batches.size(), 1);
    QCOMPARE(
        recorder.paths(0), (QStringList {u"/Ac/Power"_s, u"/Ac/L1/Power"_s, u"/Ac/L2/Power"_s}));
    const BusItemChange &power = recorder.batches.at(0).at(0);
    QCOMPARE(power.value, QVariant(-280.0));
    QCOMPARE(power.text, u"-280"_s);
    QVERIFY(!tree.hasPendingChanges());

    // The next telegram: only what changed since the last publish.
    QVERIFY(tree.setValue(u"/Ac/L2/Power"_s, QVariant()));
    tree.publish();
    QCOMPARE(recorder.batches.size(), 2);
    QCOMPARE(recorder.paths(1), QStringList {u"/Ac/L2/Power"_s});
    QVERIFY(!recorder.batches.at(1).at(0).value.isValid());
    QCOMPARE(recorder.batches.at(1).at(0).text, u"---"_s);
    QVERIFY(recorder.written.isEmpty());
}

void TestBusItemTree::publishWithoutChangesIsSilent()
{
    BusItemTree tree;
    addGridPaths(tree);
    Recorder recorder(tree);
    tree.publish();
    QVERIFY(!tree.setValue(u"/Ac/Power"_s, 100.0));
    QVERIFY(!tree.setValue(u"/ProductName"_s, u"P1 smart meter"_s));
    tree.publish();
    QVERIFY(recorder.batches.isEmpty());
}

void TestBusItemTree::defaultText_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("voltage") << QVariant(230.1) << u"230.1"_s;
    QTest::newRow("whole-double") << QVariant(230.0) << u"230"_s;
    QTest::newRow("negative-power") << QVariant(-275.0) << u"-275"_s;
    QTest::newRow("energy") << QVariant(12345678.901) << u"12345678.901"_s;
    QTest::newRow("zero") << QVariant(0.0) << u"0"_s;
    QTest::newRow("small") << QVariant(0.001) << u"0.001"_s;
    QTest::newRow("tiny") << QVariant(1e-7) << u"1e-07"_s;
    QTest::newRow("int") << QVariant(40) << u"40"_s;
    QTest::newRow("negative-int") << QVariant(-3) << u"-3"_s;
    QTest::newRow("string") << QVariant(u"XMX5LGF0010453"_s) << u"XMX5LGF0010453"_s;
    QTest::newRow("invalid") << QVariant() << u"---"_s;
}

void TestBusItemTree::defaultText()
{
    QFETCH(QVariant, value);
    QFETCH(QString, text);
    QCOMPARE(BusItemTree::defaultText(value), text);
    BusItemTree tree;
    QVERIFY(tree.addPath(u"/Value"_s, value));
    QCOMPARE(tree.text(u"/Value"_s), text);
}

void TestBusItemTree::formatterAndExplicitText()
{
    BusItemTree tree;
    int calls = 0;
    // "-> QString": with QT_USE_QSTRINGBUILDER, "a + b" would return a builder of temporaries.
    const auto watts = [&calls](const QVariant &v) -> QString {
        ++calls;
        return QString::number(v.toDouble(), 'f', 0) + u" W"_s;
    };
    QVERIFY(tree.addPath(u"/Ac/Power"_s, 1234.4, watts));
    QCOMPARE(tree.text(u"/Ac/Power"_s), u"1234 W"_s);
    QVERIFY(tree.setValue(u"/Ac/Power"_s, -5.0));
    QCOMPARE(tree.text(u"/Ac/Power"_s), u"-5 W"_s);
    QCOMPARE(calls, 2);

    // Invalid reads "---" without asking the formatter.
    QVERIFY(tree.setValue(u"/Ac/Power"_s, QVariant()));
    QCOMPARE(tree.text(u"/Ac/Power"_s), u"---"_s);
    QCOMPARE(calls, 2);

    // An explicit text wins, and a new text alone is a change.
    QVERIFY(tree.setValue(u"/Ac/Power"_s, 7.0, u"7.0 W"_s));
    QCOMPARE(tree.text(u"/Ac/Power"_s), u"7.0 W"_s);
    QVERIFY(tree.setValue(u"/Ac/Power"_s, 7.0, u"7 W"_s));
    QVERIFY(!tree.setValue(u"/Ac/Power"_s, 7.0, u"7 W"_s));
    QCOMPARE(calls, 2);
}

void TestBusItemTree::setValueAtComparesOnce()
{
    BusItemTree tree;
    int calls = 0;
    const auto watts = [&calls](const QVariant &v) -> QString {
        ++calls;
        return QString::number(v.toDouble(), 'f', 0) + u" W"_s;
    };
    QVERIFY(tree.addPath(u"/Ac/Power"_s, QVariant(), watts));
    QVERIFY(tree.addPath(u"/Serial"_s, u"A"_s));
    QVERIFY(!tree.indexOf(u"/Ac"_s)); // a node, not an item
    QVERIFY(!tree.indexOf(u"/Nothing"_s));
    const std::optional<std::size_t> power = tree.indexOf(u"/Ac/Power"_s);
    QVERIFY(power);
    QCOMPARE(tree.indexOf(u"/Serial"_s), std::optional<std::size_t>(1));

    QVERIFY(tree.setValueAt(*power, 884.0));
    QCOMPARE(calls, 1);
    QCOMPARE(tree.valueAt(*power), QVariant(884.0));
    QCOMPARE(tree.value(u"/Ac/Power"_s), QVariant(884.0));
    QCOMPARE(tree.text(u"/Ac/Power"_s), u"884 W"_s);
    // The same value: no change, and the formatter is not asked.
    QVERIFY(!tree.setValueAt(*power, 884.0));
    QCOMPARE(calls, 1);
    // The same number as another type is a change (the wire type changes).
    QVERIFY(tree.setValueAt(*power, 884));
    QCOMPARE(calls, 2);

    Recorder recorder(tree);
    tree.publish();
    QCOMPARE(recorder.batches.size(), 1);
    QCOMPARE(recorder.paths(0), QStringList {u"/Ac/Power"_s});
    QCOMPARE(recorder.batches.at(0).constFirst().text, u"884 W"_s);
}

void TestBusItemTree::write_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<WriteResult>("result");
    QTest::addColumn<QVariant>("stored"); ///< the path's value afterwards
    QTest::addColumn<bool>("announced");
    QTest::addColumn<bool>("asked"); ///< whether the validator was asked

    const QVariant name(u"Meter"_s);
    QTest::newRow("read-only") << u"/Ac/Power"_s << QVariant(5.0) << WriteResult::ReadOnly
                               << QVariant(100.0) << false << false;
    QTest::newRow("unknown-path") << u"/Nope"_s << QVariant(5.0) << WriteResult::ReadOnly
                                  << QVariant() << false << false;
    QTest::newRow("node") << u"/Ac"_s << QVariant(5.0) << WriteResult::ReadOnly << QVariant()
                          << false << false;
    QTest::newRow("string-accepted")
        << u"/CustomName"_s << QVariant(u"Hoofdmeter"_s) << WriteResult::Accepted
        << QVariant(u"Hoofdmeter"_s) << true << true;
    QTest::newRow("same-string-no-signal")
        << u"/CustomName"_s << name << WriteResult::Accepted << name << false << false;
    QTest::newRow("int-into-string")
        << u"/CustomName"_s << QVariant(5) << WriteResult::WrongType << name << false << false;
    QTest::newRow("invalid-into-string")
        << u"/CustomName"_s << QVariant() << WriteResult::WrongType << name << false << false;
    QTest::newRow("validator-refuses")
        << u"/CustomName"_s << QVariant(u"x"_s) << WriteResult::Refused << name << false << true;
    // kMaxWritableStringBytes counts bytes of UTF-8, and the validator is not asked past it.
    QTest::newRow("128-bytes") << u"/CustomName"_s << QVariant(QString(128, u'm'))
                               << WriteResult::Accepted << QVariant(QString(128, u'm')) << true
                               << true;
    QTest::newRow("129-bytes") << u"/CustomName"_s << QVariant(QString(129, u'm'))
                               << WriteResult::TooLong << name << false << false;
    QTest::newRow("129-bytes-in-43-chars") << u"/CustomName"_s << QVariant(u"€"_s.repeated(43))
                                           << WriteResult::TooLong << name << false << false;
    QTest::newRow("a-megabyte") << u"/CustomName"_s << QVariant(QString(1 << 20, u'm'))
                                << WriteResult::TooLong << name << false << false;
    QTest::newRow("double-accepted")
        << u"/Limit"_s << QVariant(2.5) << WriteResult::Accepted << QVariant(2.5) << true << false;
    QTest::newRow("int-into-double")
        << u"/Limit"_s << QVariant(3) << WriteResult::Accepted << QVariant(3.0) << true << false;
    QTest::newRow("uint-into-double")
        << u"/Limit"_s << QVariant(3u) << WriteResult::Accepted << QVariant(3.0) << true << false;
    QTest::newRow("string-into-double") << u"/Limit"_s << QVariant(u"3"_s) << WriteResult::WrongType
                                        << QVariant(1.0) << false << false;
    QTest::newRow("bool-into-double") << u"/Limit"_s << QVariant(true) << WriteResult::WrongType
                                      << QVariant(1.0) << false << false;
    QTest::newRow("int-accepted") << u"/Mode"_s << QVariant(2) << WriteResult::Accepted
                                  << QVariant(2) << true << false;
    QTest::newRow("int64-into-int") << u"/Mode"_s << QVariant(qlonglong(3)) << WriteResult::Accepted
                                    << QVariant(3) << true << false;
    QTest::newRow("int64-out-of-range") << u"/Mode"_s << QVariant(qlonglong(1) << 40)
                                        << WriteResult::WrongType << QVariant(0) << false << false;
    QTest::newRow("uint-out-of-range") << u"/Mode"_s << QVariant(4000000000u)
                                       << WriteResult::WrongType << QVariant(0) << false << false;
    QTest::newRow("double-into-int")
        << u"/Mode"_s << QVariant(2.0) << WriteResult::WrongType << QVariant(0) << false << false;
}

void TestBusItemTree::write()
{
    QFETCH(QString, path);
    QFETCH(QVariant, value);
    QFETCH(WriteResult, result);
    QFETCH(QVariant, stored);
    QFETCH(bool, announced);
    QFETCH(bool, asked);

    BusItemTree tree;
    addGridPaths(tree);
    QStringList validated;
    const auto noShortNames = [&validated](const QString &p, const QVariant &v) {
        validated.append(p);
        return v.toString().size() > 1;
    };
    QVERIFY(tree.addWritablePath(u"/CustomName"_s, u"Meter"_s, noShortNames));
    QVERIFY(tree.addWritablePath(u"/Limit"_s, 1.0));
    QVERIFY(tree.addWritablePath(u"/Mode"_s, 0));
    Recorder recorder(tree);

    QCOMPARE(tree.write(path, value), result);
    QCOMPARE(tree.value(path), stored);
    QCOMPARE(tree.value(path).metaType(), stored.metaType());
    QCOMPARE(recorder.batches.size(), announced ? 1 : 0);
    QCOMPARE(recorder.written.size(), announced ? 1 : 0);
    if (announced) {
        QCOMPARE(recorder.paths(0), QStringList {path});
        QCOMPARE(recorder.batches.at(0).at(0).value, stored);
        QCOMPARE(recorder.batches.at(0).at(0).text, BusItemTree::defaultText(stored));
        QCOMPARE(recorder.written.at(0).path, path);
        QCOMPARE(recorder.written.at(0).value, stored);
    }
    // The validator is asked only about well-typed changes.
    QCOMPARE(validated, asked ? QStringList {path} : QStringList());
    QVERIFY(!tree.hasPendingChanges());
}

void TestBusItemTree::writeOfPendingPathIsAnnouncedOnce()
{
    BusItemTree tree;
    QVERIFY(tree.addWritablePath(u"/CustomName"_s, u"A"_s));
    QVERIFY(tree.addPath(u"/Ac/Power"_s, 1.0));
    Recorder recorder(tree);

    QVERIFY(tree.setValue(u"/CustomName"_s, u"B"_s));
    QVERIFY(tree.setValue(u"/Ac/Power"_s, 2.0));
    QCOMPARE(tree.write(u"/CustomName"_s, u"C"_s), WriteResult::Accepted);
    QCOMPARE(recorder.batches.size(), 1);
    QCOMPARE(recorder.paths(0), QStringList {u"/CustomName"_s});
    QCOMPARE(recorder.batches.at(0).at(0).value, QVariant(u"C"_s));

    tree.publish();
    QCOMPARE(recorder.batches.size(), 2);
    QCOMPARE(recorder.paths(1), QStringList {u"/Ac/Power"_s});
}

void TestBusItemTree::subtree_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<bool>("isNode");
    QTest::addColumn<QStringList>("items");
    QTest::addColumn<QStringList>("children");

    QTest::newRow("root") << u"/"_s << true
                          << QStringList {u"/Ac/Energy/Forward"_s, u"/Ac/L1/Power"_s,
                                 u"/Ac/L1/Voltage"_s, u"/Ac/L2/Power"_s, u"/Ac/Power"_s, u"/AcX"_s,
                                 u"/DeviceInstance"_s, u"/ProductName"_s}
                          << QStringList {u"Ac"_s, u"AcX"_s, u"DeviceInstance"_s, u"ProductName"_s};
    QTest::newRow("ac") << u"/Ac"_s << true
                        << QStringList {u"/Ac/Energy/Forward"_s, u"/Ac/L1/Power"_s,
                               u"/Ac/L1/Voltage"_s, u"/Ac/L2/Power"_s, u"/Ac/Power"_s}
                        << QStringList {u"Energy"_s, u"L1"_s, u"L2"_s, u"Power"_s};
    QTest::newRow("ac-l1") << u"/Ac/L1"_s << true
                           << QStringList {u"/Ac/L1/Power"_s, u"/Ac/L1/Voltage"_s}
                           << QStringList {u"Power"_s, u"Voltage"_s};
    QTest::newRow("leaf") << u"/Ac/L1/Power"_s << false << QStringList {u"/Ac/L1/Power"_s}
                          << QStringList();
    QTest::newRow("prefix-not-node") << u"/A"_s << false << QStringList() << QStringList();
    QTest::newRow("unknown") << u"/Dc"_s << false << QStringList() << QStringList();
    QTest::newRow("trailing-slash") << u"/Ac/"_s << false << QStringList() << QStringList();
}

void TestBusItemTree::subtree()
{
    QFETCH(QString, node);
    QFETCH(bool, isNode);
    QFETCH(QStringList, items);
    QFETCH(QStringList, children);

    BusItemTree tree;
    addGridPaths(tree);
    QCOMPARE(tree.isNode(node), isNode);
    QStringList paths;
    for (const BusItemChange &item : tree.items(node))
        paths.append(item.path);
    QCOMPARE(paths, items);
    QCOMPARE(tree.childNames(node), children);
}

QTEST_GUILESS_MAIN(TestBusItemTree)
#include "tst_busitemtree.moc"
