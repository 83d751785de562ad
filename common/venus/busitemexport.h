#pragma once

#include "busitemtree.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QPointer>

class QDBusMessage;

namespace p1 {

/// Serves a BusItemTree on one D-Bus connection as Venus's com.victronenergy.BusItem.
///
/// One QDBusVirtualObject registered on "/" with QDBusConnection::SubPath answers every path,
/// so forty paths cost no forty QObjects. What each path answers (vedbus.py is the reference):
/// - a leaf ("/Ac/L1/Power"): GetValue() -> v, GetText() -> s, SetValue(v) -> i
///   (0 accepted; see BusItemTree::write());
/// - a node ("/", "/Ac"): GetValue() -> v holding a{sv} of its subtree keyed relative to it
///   ("L1/Power"; on "/" the full path without its leading slash), GetText() -> v holding a{ss};
///   "/" also GetItems() -> a{sa{sv}}: every full path -> {"Value": v, "Text": s};
/// - anything else: org.freedesktop.DBus.Error.UnknownObject; a method a path does not have:
///   UnknownMethod.
/// Invalid values go out as an empty int32 array (`ai`). Every path answers
/// org.freedesktop.DBus.Introspectable.Introspect with its interface and child nodes, so
/// `gdbus introspect`, `busctl tree` and d-feet can browse the service.
///
/// Signals: each BusItemTree::itemsChanged() becomes one ItemsChanged(a{sa{sv}}) on "/", as
/// veutil and velib's batched mode send it; every Venus consumer follows that one (DESIGN §3).
/// A PropertiesChanged(a{sv}) {Value, Text} on each changed path only when enabled, for
/// third-party listeners that need it: it would multiply the messages per telegram. Everything
/// goes through QDBusConnection::send(), which writes from the thread that owns the
/// connection's socket.
///
/// The export does not claim a bus name: the service does that once every path exists
/// (Venus scans a service once, when its name appears). One export per connection; the tree
/// must outlive the export or be its parent.
class BusItemExport : public QDBusVirtualObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView kInterface {"com.victronenergy.BusItem"};

    explicit BusItemExport(BusItemTree *tree, QObject *parent = nullptr);
    ~BusItemExport() override;

    /// Registers "/" and everything below it on \a bus. False if the path is taken.
    bool registerOn(const QDBusConnection &bus);
    /// Withdraws the objects (the service's name is the service's business).
    void unregister();
    [[nodiscard]] bool isRegistered() const { return m_registered; }

    /// Whether each change also sends PropertiesChanged on its path (default off: ItemsChanged
    /// alone serves the Venus consumers, at one message per telegram).
    void setPropertiesChangedEnabled(bool enabled) { m_propertiesChanged = enabled; }

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    void sendChanges(const QList<BusItemChange> &changes);
    [[nodiscard]] QDBusMessage answerBusItem(const QDBusMessage &message) const;
    [[nodiscard]] QString introspectionXml(const QString &path) const;

    QPointer<BusItemTree> m_tree;
    QDBusConnection m_bus;
    bool m_registered = false;
    bool m_propertiesChanged = false;
};

} // namespace p1
