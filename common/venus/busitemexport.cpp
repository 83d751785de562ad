#include "busitemexport.h"

#include "logging.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QMap>

namespace p1::detail {

/// The a{sa{sv}} of GetItems and ItemsChanged, marshalled straight from the tree's changes
/// instead of through a QMap<QString, QVariantMap> per telegram.
struct BusItemsPayload
{
    QList<BusItemChange> items;
};

} // namespace p1::detail

Q_DECLARE_METATYPE(p1::detail::BusItemsPayload)

namespace p1 {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kIntrospectable {"org.freedesktop.DBus.Introspectable"};

constexpr QLatin1StringView kIntrospectHeader {
    "<!DOCTYPE node PUBLIC \"-//freedesktop//DTD D-BUS Object Introspection 1.0//EN\"\n"
    " \"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd\">\n"
    "<node>\n"
    "  <interface name=\"org.freedesktop.DBus.Introspectable\">\n"
    "    <method name=\"Introspect\">\n"
    "      <arg name=\"xml_data\" type=\"s\" direction=\"out\"/>\n"
    "    </method>\n"
    "  </interface>\n"
    "  <interface name=\"org.freedesktop.DBus.Peer\">\n"
    "    <method name=\"Ping\"/>\n"
    "    <method name=\"GetMachineId\">\n"
    "      <arg name=\"machine_uuid\" type=\"s\" direction=\"out\"/>\n"
    "    </method>\n"
    "  </interface>\n"};

constexpr QLatin1StringView kLeafInterfaceXml {
    "  <interface name=\"com.victronenergy.BusItem\">\n"
    "    <method name=\"GetValue\">\n"
    "      <arg name=\"value\" type=\"v\" direction=\"out\"/>\n"
    "    </method>\n"
    "    <method name=\"GetText\">\n"
    "      <arg name=\"text\" type=\"s\" direction=\"out\"/>\n"
    "    </method>\n"
    "    <method name=\"SetValue\">\n"
    "      <arg name=\"value\" type=\"v\" direction=\"in\"/>\n"
    "      <arg name=\"result\" type=\"i\" direction=\"out\"/>\n"
    "    </method>\n"
    "    <signal name=\"PropertiesChanged\">\n"
    "      <arg name=\"changes\" type=\"a{sv}\"/>\n"
    "    </signal>\n"
    "  </interface>\n"};

// A node's GetText is a variant holding a{ss}, as vedbus's tree nodes answer.
constexpr QLatin1StringView kNodeMethodsXml {
    "  <interface name=\"com.victronenergy.BusItem\">\n"
    "    <method name=\"GetValue\">\n"
    "      <arg name=\"values\" type=\"v\" direction=\"out\"/>\n"
    "    </method>\n"
    "    <method name=\"GetText\">\n"
    "      <arg name=\"texts\" type=\"v\" direction=\"out\"/>\n"
    "    </method>\n"};

constexpr QLatin1StringView kRootExtraXml {
    "    <method name=\"GetItems\">\n"
    "      <arg name=\"items\" type=\"a{sa{sv}}\" direction=\"out\"/>\n"
    "    </method>\n"
    "    <signal name=\"ItemsChanged\">\n"
    "      <arg name=\"changes\" type=\"a{sa{sv}}\"/>\n"
    "    </signal>\n"};

constexpr QLatin1StringView kInterfaceEnd {"  </interface>\n"};

/// What goes on the wire for a value: itself, or for invalid an empty int32 array, which Qt
/// marshals as `ai` (QList<int> is one of QtDBus's built-in types).
QVariant wireValue(const QVariant &value)
{
    static const QVariant invalid = QVariant::fromValue(QList<int> {});
    return value.isValid() ? value : invalid;
}

QDBusVariant wireVariant(const QVariant &value)
{
    return QDBusVariant(wireValue(value));
}

void registerTypes()
{
    static const bool registered = [] {
        qDBusRegisterMetaType<detail::BusItemsPayload>();
        qDBusRegisterMetaType<QMap<QString, QString>>();
        return true;
    }();
    Q_UNUSED(registered)
}

QDBusMessage unknownMethod(const QDBusMessage &message)
{
    return message.createErrorReply(QDBusError::UnknownMethod,
        u"No method %1(%2) on %3"_s.arg(message.member(), message.signature(), message.path()));
}

} // namespace

namespace detail {

QDBusArgument &operator<<(QDBusArgument &argument, const BusItemsPayload &payload)
{
    argument.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QVariantMap>());
    for (const BusItemChange &item : payload.items) {
        argument.beginMapEntry();
        argument << item.path;
        argument.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
        argument.beginMapEntry();
        argument << u"Value"_s << wireVariant(item.value);
        argument.endMapEntry();
        argument.beginMapEntry();
        argument << u"Text"_s << QDBusVariant(item.text);
        argument.endMapEntry();
        argument.endMap();
        argument.endMapEntry();
    }
    argument.endMap();
    return argument;
}

// Only needed for the registration: nothing here receives an a{sa{sv}}.
const QDBusArgument &operator>>(const QDBusArgument &argument, BusItemsPayload &payload)
{
    payload.items.clear();
    argument.beginMap();
    while (!argument.atEnd()) {
        BusItemChange item;
        QVariantMap properties;
        argument.beginMapEntry();
        argument >> item.path >> properties;
        argument.endMapEntry();
        item.value = properties.value(u"Value"_s);
        item.text = properties.value(u"Text"_s).toString();
        payload.items.append(item);
    }
    argument.endMap();
    return argument;
}

} // namespace detail

BusItemExport::BusItemExport(BusItemTree *tree, QObject *parent)
    : QDBusVirtualObject(parent)
    , m_tree(tree)
    , m_bus(QString())
{
    Q_ASSERT(tree);
    registerTypes();
    connect(tree, &BusItemTree::itemsChanged, this, &BusItemExport::sendChanges);
}

BusItemExport::~BusItemExport()
{
    unregister();
}

bool BusItemExport::registerOn(const QDBusConnection &bus)
{
    unregister();
    m_bus = bus;
    m_registered = m_bus.registerVirtualObject(u"/"_s, this, QDBusConnection::SubPath);
    if (!m_registered)
        qCWarning(lcDbus) << "cannot register the item tree on" << m_bus.name()
                          << m_bus.lastError().message();
    return m_registered;
}

void BusItemExport::unregister()
{
    if (!m_registered)
        return;
    m_bus.unregisterObject(u"/"_s, QDBusConnection::UnregisterTree);
    m_registered = false;
}

void BusItemExport::sendChanges(const QList<BusItemChange> &changes)
{
    if (!m_registered || changes.isEmpty())
        return;
    QDBusMessage items = QDBusMessage::createSignal(u"/"_s, kInterface, u"ItemsChanged"_s);
    items << QVariant::fromValue(detail::BusItemsPayload {changes});
    m_bus.send(items);
    // -v: one line per change sent; nothing is formatted when debug is off.
    if (lcDbus().isDebugEnabled()) {
        QStringList parts;
        parts.reserve(changes.size());
        for (const BusItemChange &change : changes)
            parts << change.path + u'=' + (change.value.isValid() ? change.text : u"invalid"_s);
        qCDebug(lcDbus).noquote() << m_bus.name() << "ItemsChanged" << parts.join(u", "_s);
    }
    if (!m_propertiesChanged)
        return;
    for (const BusItemChange &change : changes) {
        QDBusMessage signal =
            QDBusMessage::createSignal(change.path, kInterface, u"PropertiesChanged"_s);
        signal << QVariantMap {{u"Value"_s, wireValue(change.value)}, {u"Text"_s, change.text}};
        m_bus.send(signal);
    }
}

bool BusItemExport::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (message.type() != QDBusMessage::MethodCallMessage)
        return false;
    const QString interface = message.interface();
    QDBusMessage reply;
    if (interface == kIntrospectable
        || (interface.isEmpty() && message.member() == u"Introspect")) {
        if (message.member() != u"Introspect" || !message.signature().isEmpty())
            reply = unknownMethod(message);
        else if (!m_tree || !(m_tree->contains(message.path()) || m_tree->isNode(message.path())))
            reply = message.createErrorReply(
                QDBusError::UnknownObject, u"No object at %1"_s.arg(message.path()));
        else
            reply = message.createReply(introspectionXml(message.path()));
    } else if (interface.isEmpty() || interface == kInterface) {
        reply = answerBusItem(message);
    } else {
        reply = message.createErrorReply(QDBusError::UnknownInterface,
            u"No interface %1 on %2"_s.arg(interface, message.path()));
    }
    connection.send(reply);
    return true;
}

QDBusMessage BusItemExport::answerBusItem(const QDBusMessage &message) const
{
    const QString path = message.path();
    const QString member = message.member();
    const QString signature = message.signature();
    if (!m_tree)
        return message.createErrorReply(QDBusError::UnknownObject, u"No object at %1"_s.arg(path));

    if (m_tree->contains(path)) {
        if (member == u"GetValue" && signature.isEmpty())
            return message.createReply(QVariant::fromValue(wireVariant(m_tree->value(path))));
        if (member == u"GetText" && signature.isEmpty())
            return message.createReply(m_tree->text(path));
        if (member == u"SetValue" && signature == u"v") {
            const QVariant value = message.arguments().constFirst().value<QDBusVariant>().variant();
            const auto result = m_tree->write(path, value);
            if (result != BusItemTree::WriteResult::Accepted)
                qCInfo(lcDbus) << "refused SetValue on" << path << "from" << message.service()
                               << "code" << int(result);
            return message.createReply(int(result));
        }
        return unknownMethod(message);
    }

    if (!m_tree->isNode(path))
        return message.createErrorReply(QDBusError::UnknownObject, u"No object at %1"_s.arg(path));

    const bool root = path == u'/';
    const qsizetype prefix = root ? 1 : path.size() + 1;
    if (member == u"GetValue" && signature.isEmpty()) {
        QVariantMap values;
        for (const BusItemChange &item : m_tree->items(path))
            values.insert(item.path.sliced(prefix), wireValue(item.value));
        return message.createReply(QVariant::fromValue(QDBusVariant(values)));
    }
    if (member == u"GetText" && signature.isEmpty()) {
        QMap<QString, QString> texts;
        for (const BusItemChange &item : m_tree->items(path))
            texts.insert(item.path.sliced(prefix), item.text);
        return message.createReply(QVariant::fromValue(QDBusVariant(QVariant::fromValue(texts))));
    }
    if (root && member == u"GetItems" && signature.isEmpty())
        return message.createReply(QVariant::fromValue(detail::BusItemsPayload {m_tree->items()}));
    return unknownMethod(message);
}

QString BusItemExport::introspect(const QString &path) const
{
    if (!m_tree)
        return {};
    QString xml;
    if (m_tree->contains(path)) {
        xml += kLeafInterfaceXml;
        return xml;
    }
    if (!m_tree->isNode(path))
        return {};
    xml += kNodeMethodsXml;
    if (path == u'/')
        xml += kRootExtraXml;
    xml += kInterfaceEnd;
    const QStringList children = m_tree->childNames(path);
    for (const QString &child : children)
        xml += R"(  <node name=")"_L1 + child + "\"/>\n"_L1;
    return xml;
}

QString BusItemExport::introspectionXml(const QString &path) const
{
    return kIntrospectHeader + introspect(path) + "</node>\n"_L1;
}

} // namespace p1
