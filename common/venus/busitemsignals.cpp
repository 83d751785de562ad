// The signals through libdbus. QDBusConnection::send() marshals into a QDBusMessage, then
// hands it to QtDBus's own thread, which wakes up to write it: with ItemsChanged and one
// PropertiesChanged per changed path that is a thread hand-over per message, several per
// telegram, and they dominated the daemon's CPU. The signals are built here with libdbus
// (which QtDBus itself runs on) and sent on the same DBusConnection from this thread; libdbus
// is thread-safe and writes at once, and QtDBus handles the watch changes libdbus reports from
// other threads (as for its blocking calls).

#include "busitemsignals.h"

#include "busitemexport.h"

#include <dbus/dbus.h>

#include <memory>
#include <vector>

namespace p1 {

namespace {

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

} // namespace

bool sendBusItemSignals(
    const QDBusConnection &bus, const QList<BusItemChange> &changes, bool propertiesChanged)
{
    auto *connection = static_cast<DBusConnection *>(bus.internalPointer());
    if (!connection || !bus.isConnected())
        return false;
    std::vector<MessagePointer> messages;
    if (!buildSignals(changes, propertiesChanged, messages))
        return false;
    for (const MessagePointer &message : messages)
        dbus_connection_send(connection, message.get(), nullptr);
    return true;
}

} // namespace p1
