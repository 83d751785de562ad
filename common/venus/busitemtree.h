#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace p1 {

/// One path's state as ItemsChanged, PropertiesChanged and GetItems carry it.
struct BusItemChange
{
    QString path; ///< full path, "/Ac/L1/Power"
    QVariant value; ///< a null QVariant is invalid (an empty `ai` on the wire)
    QString text;
};

/// The paths of one Venus D-Bus service and their values, with change batching.
///
/// A Venus service is a flat set of object paths ("/Ac/L1/Power"), each holding one value
/// (double, int32 or string; invalid is a null QVariant) and a text for GetText. The service
/// sets values as a telegram is mapped, then calls publish() once: itemsChanged() then carries
/// exactly the paths whose value or text changed since the last publish, so the D-Bus side
/// (BusItemExport) sends one ItemsChanged per telegram. Setting the same value again is not a
/// change; the same number with another type (int 1 vs double 1.0) is, as the wire type
/// changes.
///
/// The tree knows nothing about D-Bus, so the GUI can show "what would be published" from
/// the same object. It is the one copy of a service's published state: items live in a vector
/// in the order they were added, and a service that sets the same paths every telegram keeps
/// their indices (indexOf()) and sets by index, so a value is compared once and no path is
/// looked up per telegram. A sorted map from path to index serves the D-Bus side: a subtree
/// ("/Ac") is a contiguous range of it.
///
/// Writes from other processes (SetValue) go through write(): read-only paths refuse, a
/// writable path checks the type it was declared with and the length of a string
/// (kMaxWritableStringBytes), then asks its validator; an accepted
/// write is stored and announced at once (itemsChanged() with that path alone, then
/// valueWritten()), because the writer expects to see it before the next telegram.
class BusItemTree : public QObject
{
    Q_OBJECT

public:
    /// GetText for a value. Not called for invalid values: they read "---" (as vedbus).
    /// Give lambdas an explicit `-> QString`: with QT_USE_QSTRINGBUILDER `a + b` is a builder
    /// that would outlive its temporaries.
    using TextFormatter = std::function<QString(const QVariant &value)>;
    /// Asked before a remote write is accepted; the value already has the path's type.
    using Validator = std::function<bool(const QString &path, const QVariant &value)>;

    /// What SetValue returns: 0 accepted, non-zero refused. 1 and 2 are vedbus's codes.
    enum class WriteResult : int
    {
        Accepted = 0,
        ReadOnly = 1, ///< not writable, or no such path
        Refused = 2, ///< the validator said no
        WrongType = 3, ///< the value cannot be the path's type (vedbus folds this into 1)
        TooLong = 4, ///< a string over kMaxWritableStringBytes
    };

    /// The longest string a remote write may store, in bytes of UTF-8. Anything on the bus can
    /// write; a megabyte name would be stored, sent in every signal and to the settings.
    static constexpr qsizetype kMaxWritableStringBytes = 128;

    /// GetText of an invalid value, as Venus's own services show it.
    static constexpr QLatin1StringView kInvalidText {"---"};

    explicit BusItemTree(QObject *parent = nullptr);
    ~BusItemTree() override;

    /// Adds a read-only path with its initial value (not a pending change: the service is not
    /// on the bus yet, or GetItems shows it anyway) and how GetText shows it (default:
    /// defaultText()). Refuses (false, with a warning) a malformed object path, "/", a path
    /// that exists, or one that would be a leaf and a node at once.
    bool addPath(const QString &path, const QVariant &initial = {}, TextFormatter text = {});
    /// Adds a path other processes may change with SetValue (e.g. /CustomName). Remote writes
    /// must have the type of \a initial (so it must be valid): an integer written to a double
    /// path is converted, nothing else is. \a validator, if any, may refuse a value.
    bool addWritablePath(const QString &path, const QVariant &initial, Validator validator = {},
        TextFormatter text = {});

    [[nodiscard]] bool contains(const QString &path) const;
    /// The index of \a path for the *At() functions; stable for the tree's life (paths are
    /// never removed). nullopt for an unknown path.
    [[nodiscard]] std::optional<std::size_t> indexOf(const QString &path) const;
    /// True for "/" and every path that has paths below it ("/Ac" when "/Ac/Power" exists).
    [[nodiscard]] bool isNode(const QString &path) const;
    [[nodiscard]] bool isWritable(const QString &path) const;
    [[nodiscard]] QVariant value(const QString &path) const;
    [[nodiscard]] QString text(const QString &path) const;
    [[nodiscard]] qsizetype size() const { return qsizetype(m_items.size()); }
    [[nodiscard]] QStringList paths() const;

    /// Sets a value (null QVariant = invalid) to go out with the next publish(); the text comes
    /// from the path's formatter. Returns whether anything changed. Unknown path: false and a
    /// warning (a programming error of the service).
    bool setValue(const QString &path, const QVariant &value);
    /// Same with the text given, for services that format values themselves.
    bool setValue(const QString &path, const QVariant &value, const QString &text);
    /// setValue() for the item at \a index (from indexOf()): the value is compared with the
    /// stored one, and only a changed value is formatted.
    bool setValueAt(std::size_t index, const QVariant &value);
    [[nodiscard]] const QVariant &valueAt(std::size_t index) const { return m_items[index].value; }

    /// Emits itemsChanged() with every path changed since the last publish, if any.
    void publish();
    [[nodiscard]] bool hasPendingChanges() const { return !m_pending.empty(); }

    /// A write from another process (SetValue). See WriteResult.
    WriteResult write(const QString &path, const QVariant &value);

    /// Every leaf at or below \a node ("/" for all), in path order, with full paths.
    [[nodiscard]] QList<BusItemChange> items(const QString &node = QStringLiteral("/")) const;
    /// The names of the nodes one level below \a node: "/Ac" -> {"Energy", "L1", "Power"}.
    [[nodiscard]] QStringList childNames(const QString &node) const;

    /// The text shown for \a value when a path has no formatter.
    [[nodiscard]] static QString defaultText(const QVariant &value);
    /// Whether \a path is a well-formed D-Bus object path other than "/".
    [[nodiscard]] static bool isValidLeafPath(const QString &path);

Q_SIGNALS:
    /// Once per publish() that had changes, and once per accepted remote write.
    void itemsChanged(const QList<BusItemChange> &changes);
    /// After an accepted remote write, so the service can act on it (persist a name).
    void valueWritten(const QString &path, const QVariant &value);

private:
    struct Item
    {
        QString path;
        QVariant value;
        QString text;
        TextFormatter formatter;
        Validator validator;
        QMetaType type;
        bool writable = false;
        bool pending = false;
    };
    using Index = std::map<QString, std::size_t>; ///< path -> position in m_items

    bool insert(const QString &path, const QVariant &initial, Item item);
    [[nodiscard]] Item *find(const QString &path);
    [[nodiscard]] const Item *find(const QString &path) const;
    /// Stores \a value and \a text unless both are unchanged; whether it did.
    bool store(std::size_t index, const QVariant &value, const QString &text);
    /// Stores a changed value and queues it for publish().
    void assign(std::size_t index, const QVariant &value, const QString &text);
    [[nodiscard]] QString format(const Item &item, const QVariant &value) const;
    [[nodiscard]] BusItemChange change(const Item &item) const;
    /// The range of paths strictly below \a node ("/" = all).
    [[nodiscard]] std::pair<Index::const_iterator, Index::const_iterator> subtree(
        const QString &node) const;

    std::vector<Item> m_items;
    Index m_index;
    std::vector<std::size_t> m_pending; ///< indices into m_items, in the order they changed
};

} // namespace p1
