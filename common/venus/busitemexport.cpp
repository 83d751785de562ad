#include "busitemexport.h"

#include "logging.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QMap>

#include <dbus/dbus.h>

#include <memory>

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

// ---- The signals through libdbus ------------------------------------------------------------
//
// QDBusConnection::send() marshals into a QDBusMessage, then hands the message to QtDBus's own
// thread, which wakes up to write it: with ItemsChanged and one PropertiesChanged per changed
// path that is about ten thread hand-overs per telegram, a quarter of the daemon's CPU. The
// signals are built here with libdbus (which QtDBus itself runs on) and sent on the same
// DBusConnection from this thread; libdbus is thread-safe and writes at once, and QtDBus
// handles the watch changes libdbus reports from other threads (as for its blocking calls).

struct MessageUnref
{
    void operator()(DBusMessage *message) const { dbus_message_unref(message); }
};
using MessagePointer = std::unique_ptr<DBusMessage, MessageUnref>;

/// A value type libdbus is given here, and its wire type: what QtDBus marshals it as.
struct BasicWireType
{
    int metaType;
    int dbusType;
    const char *signature;
};

constexpr BasicWireType kBasicWireTypes[] {
    {QMetaType::Double, DBUS_TYPE_DOUBLE, "d"},
    {QMetaType::Int, DBUS_TYPE_INT32, "i"},
    {QMetaType::UInt, DBUS_TYPE_UINT32, "u"},
    {QMetaType::Bool, DBUS_TYPE_BOOLEAN, "b"},
    {QMetaType::LongLong, DBUS_TYPE_INT64, "x"},
    {QMetaType::ULongLong, DBUS_TYPE_UINT64, "t"},
    {QMetaType::QString, DBUS_TYPE_STRING, "s"},
};

// The numbers go to libdbus straight from the QVariant's storage.
static_assert(sizeof(int) == sizeof(dbus_int32_t) && sizeof(uint) == sizeof(dbus_uint32_t));
static_assert(
    sizeof(qlonglong) == sizeof(dbus_int64_t) && sizeof(qulonglong) == sizeof(dbus_uint64_t));

/// The wire type of a valid \a value, or null when it needs QtDBus's marshalling.
const BasicWireType *basicWireType(const QVariant &value)
{
    const int id = value.metaType().id();
    for (const BasicWireType &type : kBasicWireTypes) {
        if (type.metaType == id)
            return &type;
    }
    return nullptr;
}

bool appendBasicVariant(DBusMessageIter *parent, int type, const char *signature, const void *value)
{
    DBusMessageIter variant;
    if (!dbus_message_iter_open_container(parent, DBUS_TYPE_VARIANT, signature, &variant))
        return false;
    if (!dbus_message_iter_append_basic(&variant, type, value)) {
        dbus_message_iter_abandon_container(parent, &variant);
        return false;
    }
    return dbus_message_iter_close_container(parent, &variant);
}

bool appendStringVariant(DBusMessageIter *parent, const QString &text)
{
    const QByteArray utf8 = text.toUtf8(); // QString always gives valid UTF-8, as libdbus needs
    const char *data = utf8.constData();
    return appendBasicVariant(parent, DBUS_TYPE_STRING, "s", &data);
}

/// Appends \a value as a variant, with the wire types QtDBus uses; false for a type not in
/// kBasicWireTypes (buildSignals() checks for those first).
bool appendValue(DBusMessageIter *parent, const QVariant &value)
{
    if (!value.isValid()) {
        DBusMessageIter variant;
        DBusMessageIter array;
        if (!dbus_message_iter_open_container(parent, DBUS_TYPE_VARIANT, "ai", &variant))
            return false;
        if (!dbus_message_iter_open_container(&variant, DBUS_TYPE_ARRAY, "i", &array)) {
            dbus_message_iter_abandon_container(parent, &variant);
            return false;
        }
        if (!dbus_message_iter_close_container(&variant, &array)) {
            dbus_message_iter_abandon_container(parent, &variant);
            return false;
        }
        return dbus_message_iter_close_container(parent, &variant);
    }
    const BasicWireType *wire = basicWireType(value);
    if (!wire)
        return false;
    switch (wire->dbusType) {
    case DBUS_TYPE_STRING:
        return appendStringVariant(parent, value.toString());
    case DBUS_TYPE_BOOLEAN: {
        const dbus_bool_t flag = value.toBool() ? TRUE : FALSE; // a bool is 1 byte, this 4
        return appendBasicVariant(parent, wire->dbusType, wire->signature, &flag);
    }
    default:
        return appendBasicVariant(parent, wire->dbusType, wire->signature, value.constData());
    }
}

/// {"Value": v, "Text": s} as an a{sv}, appended to \a parent.
bool appendProperties(DBusMessageIter *parent, const BusItemChange &change)
{
    DBusMessageIter properties;
    if (!dbus_message_iter_open_container(parent, DBUS_TYPE_ARRAY, "{sv}", &properties))
        return false;
    const auto entry = [&properties](const char *key, auto &&appendVariant) {
        DBusMessageIter pair;
        if (!dbus_message_iter_open_container(&properties, DBUS_TYPE_DICT_ENTRY, nullptr, &pair))
            return false;
        if (!dbus_message_iter_append_basic(&pair, DBUS_TYPE_STRING, &key)
            || !appendVariant(&pair)) {
            dbus_message_iter_abandon_container(&properties, &pair);
            return false;
        }
        return bool(dbus_message_iter_close_container(&properties, &pair));
    };
    if (!entry("Value", [&](DBusMessageIter *pair) { return appendValue(pair, change.value); })
        || !entry("Text",
            [&](DBusMessageIter *pair) { return appendStringVariant(pair, change.text); })) {
        dbus_message_iter_abandon_container(parent, &properties);
        return false;
    }
    return dbus_message_iter_close_container(parent, &properties);
}

MessagePointer newSignal(const char *path, const char *member)
{
    // kInterface views a string literal, so its data() ends in a NUL as libdbus needs.
    return MessagePointer(dbus_message_new_signal(path, BusItemExport::kInterface.data(), member));
}

/// ItemsChanged and the PropertiesChanged signals for \a changes, built with libdbus; false
/// (nothing built) when a value or path needs QtDBus's checks and marshalling.
bool buildSignals(const QList<BusItemChange> &changes, bool propertiesChanged,
    std::vector<MessagePointer> &messages)
{
    std::vector<QByteArray> paths;
    paths.reserve(size_t(changes.size()));
    for (const BusItemChange &change : changes) {
        // A type libdbus is not given here goes through QtDBus, before anything is half built.
        if (change.value.isValid() && !basicWireType(change.value))
            return false;
        paths.push_back(change.path.toUtf8());
        // libdbus aborts on an invalid path where QtDBus reports it: check first.
        if (!dbus_validate_path(paths.back().constData(), nullptr))
            return false;
    }
    MessagePointer items = newSignal("/", "ItemsChanged");
    if (!items)
        return false;
    DBusMessageIter arguments;
    DBusMessageIter array;
    dbus_message_iter_init_append(items.get(), &arguments);
    if (!dbus_message_iter_open_container(&arguments, DBUS_TYPE_ARRAY, "{sa{sv}}", &array))
        return false;
    for (size_t i = 0; i < paths.size(); ++i) {
        DBusMessageIter entry;
        const char *path = paths[i].constData();
        if (!dbus_message_iter_open_container(&array, DBUS_TYPE_DICT_ENTRY, nullptr, &entry))
            return false;
        if (!dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &path)
            || !appendProperties(&entry, changes[qsizetype(i)])
            || !dbus_message_iter_close_container(&array, &entry))
            return false;
    }
    if (!dbus_message_iter_close_container(&arguments, &array))
        return false;
    messages.push_back(std::move(items));
    if (!propertiesChanged)
        return true;
    for (size_t i = 0; i < paths.size(); ++i) {
        MessagePointer signal = newSignal(paths[i].constData(), "PropertiesChanged");
        if (!signal)
            return false;
        dbus_message_iter_init_append(signal.get(), &arguments);
        if (!appendProperties(&arguments, changes[qsizetype(i)]))
            return false;
        messages.push_back(std::move(signal));
    }
    return true;
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
    if (auto *connection = static_cast<DBusConnection *>(m_bus.internalPointer());
        connection && m_bus.isConnected()) {
        std::vector<MessagePointer> messages;
        if (buildSignals(changes, m_propertiesChanged, messages)) {
            for (const MessagePointer &message : messages)
                dbus_connection_send(connection, message.get(), nullptr);
            return;
        }
        // A message that failed to build (out of memory, an unusual type): QtDBus below.
    }
    QDBusMessage items = QDBusMessage::createSignal(u"/"_s, kInterface, u"ItemsChanged"_s);
    items << QVariant::fromValue(detail::BusItemsPayload {changes});
    m_bus.send(items);
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
        xml += "  <node name=\""_L1 + child + "\"/>\n"_L1;
    return xml;
}

QString BusItemExport::introspectionXml(const QString &path) const
{
    return kIntrospectHeader + introspect(path) + "</node>\n"_L1;
}

} // namespace p1
