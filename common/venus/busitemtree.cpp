#include "busitemtree.h"

#include "logging.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace p1 {

namespace {

/// Whether \a a and \a b would look the same on the wire. QVariant's operator== compares
/// numbers across types (int 1 == double 1.0), but a type change is a change for consumers.
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.metaType() != b.metaType())
        return false;
    // Every path is compared per telegram: numbers skip QVariant's generic comparison (which
    // for two values of one type is this same operator==, NaN included).
    switch (a.metaType().id()) {
    case QMetaType::UnknownType:
        return true;
    case QMetaType::Double:
        return qvariant_cast<double>(a) == qvariant_cast<double>(b);
    case QMetaType::Int:
        return qvariant_cast<int>(a) == qvariant_cast<int>(b);
    default:
        return a == b;
    }
}

bool isIntegerType(QMetaType type)
{
    switch (type.id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return true;
    default:
        return false;
    }
}

/// \a value converted to \a type for a remote write, or a null QVariant when it cannot be:
/// only an exact type match, an integer into a double, or an integer into an int32 that holds
/// it. Strings are never parsed: a GUI writing "12" into a number path is a bug to refuse.
QVariant coerce(const QVariant &value, QMetaType type)
{
    if (!value.isValid() || !type.isValid())
        return {};
    if (value.metaType() == type)
        return value;
    if (!isIntegerType(value.metaType()))
        return {};
    if (type.id() == QMetaType::Double)
        return QVariant(value.toDouble());
    if (type.id() == QMetaType::Int) {
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        if (value.metaType().id() == QMetaType::ULongLong
            && value.toULongLong() > quint64(std::numeric_limits<int>::max()))
            return {};
        if (!ok || n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
            return {};
        return QVariant(int(n));
    }
    return {};
}

/// Over kMaxWritableStringBytes of UTF-8. A UTF-16 unit is at least one byte of UTF-8, so a
/// long string is refused before it is converted (no megabyte copy for a megabyte write).
bool tooLong(const QString &text)
{
    constexpr qsizetype max = BusItemTree::kMaxWritableStringBytes;
    return text.size() > max || text.toUtf8().size() > max;
}

} // namespace

BusItemTree::BusItemTree(QObject *parent)
    : QObject(parent)
{ }

BusItemTree::~BusItemTree() = default;

bool BusItemTree::isValidLeafPath(const QString &path)
{
    if (path.size() < 2 || path.front() != u'/' || path.back() == u'/')
        return false;
    QChar previous;
    for (const QChar c : path) {
        const char16_t u = c.unicode();
        const bool element = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')
            || (u >= u'0' && u <= u'9') || u == u'_';
        if (!element && u != u'/')
            return false;
        if (u == u'/' && previous == u'/')
            return false;
        previous = c;
    }
    return true;
}

bool BusItemTree::addPath(const QString &path, const QVariant &initial, TextFormatter text)
{
    Item item;
    item.formatter = std::move(text);
    return insert(path, initial, std::move(item));
}

bool BusItemTree::addWritablePath(
    const QString &path, const QVariant &initial, Validator validator, TextFormatter text)
{
    if (!initial.isValid()) {
        qCWarning(lcDbus) << "writable path" << path << "needs a valid initial value";
        return false;
    }
    Item item;
    item.formatter = std::move(text);
    item.validator = std::move(validator);
    item.writable = true;
    item.type = initial.metaType();
    return insert(path, initial, std::move(item));
}

bool BusItemTree::insert(const QString &path, const QVariant &initial, Item item)
{
    if (!isValidLeafPath(path)) {
        qCWarning(lcDbus) << "not a valid item path:" << path;
        return false;
    }
    if (m_index.count(path) != 0 || isNode(path)) {
        qCWarning(lcDbus) << "path exists already:" << path;
        return false;
    }
    // A leaf cannot have children: "/Ac/Power" forbids "/Ac/Power/L1" and the other way round.
    for (qsizetype slash = path.indexOf(u'/', 1); slash > 0;
         slash = path.indexOf(u'/', slash + 1)) {
        if (m_index.count(path.left(slash)) != 0) {
            qCWarning(lcDbus) << "path" << path << "is below the item" << path.left(slash);
            return false;
        }
    }
    item.path = path;
    item.value = initial;
    item.text = format(item, initial);
    m_index.emplace(path, m_items.size());
    m_items.push_back(std::move(item));
    return true;
}

BusItemTree::Item *BusItemTree::find(const QString &path)
{
    const auto it = m_index.find(path);
    return it == m_index.end() ? nullptr : &m_items[it->second];
}

const BusItemTree::Item *BusItemTree::find(const QString &path) const
{
    const auto it = m_index.find(path);
    return it == m_index.end() ? nullptr : &m_items[it->second];
}

bool BusItemTree::contains(const QString &path) const
{
    return m_index.count(path) != 0;
}

std::optional<std::size_t> BusItemTree::indexOf(const QString &path) const
{
    const auto it = m_index.find(path);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

bool BusItemTree::isNode(const QString &path) const
{
    if (path == u'/')
        return true;
    const auto [first, last] = subtree(path);
    return first != last;
}

bool BusItemTree::isWritable(const QString &path) const
{
    const Item *item = find(path);
    return item && item->writable;
}

QVariant BusItemTree::value(const QString &path) const
{
    const Item *item = find(path);
    return item ? item->value : QVariant();
}

QString BusItemTree::text(const QString &path) const
{
    const Item *item = find(path);
    return item ? item->text : QString();
}

QStringList BusItemTree::paths() const
{
    QStringList result;
    result.reserve(size());
    for (const auto &entry : m_index)
        result.append(entry.first);
    return result;
}

bool BusItemTree::setValue(const QString &path, const QVariant &value)
{
    const auto index = indexOf(path);
    if (!index) {
        qCWarning(lcDbus) << "setValue on unknown path" << path;
        return false;
    }
    return setValueAt(*index, value);
}

bool BusItemTree::setValue(const QString &path, const QVariant &value, const QString &text)
{
    const auto index = indexOf(path);
    if (!index) {
        qCWarning(lcDbus) << "setValue on unknown path" << path;
        return false;
    }
    return store(*index, value, text);
}

bool BusItemTree::setValueAt(std::size_t index, const QVariant &value)
{
    Q_ASSERT(index < m_items.size());
    // The text is a function of the value here: an unchanged value needs no formatting.
    if (sameValue(m_items[index].value, value))
        return false;
    assign(index, value, format(m_items[index], value));
    return true;
}

bool BusItemTree::store(std::size_t index, const QVariant &value, const QString &text)
{
    const Item &item = m_items[index];
    if (sameValue(item.value, value) && item.text == text)
        return false;
    assign(index, value, text);
    return true;
}

void BusItemTree::assign(std::size_t index, const QVariant &value, const QString &text)
{
    Item &item = m_items[index];
    item.value = value;
    item.text = text;
    if (!item.pending) {
        item.pending = true;
        m_pending.push_back(index);
    }
}

BusItemChange BusItemTree::change(const Item &item) const
{
    return {item.path, item.value, item.text};
}

void BusItemTree::publish()
{
    if (m_pending.empty())
        return;
    QList<BusItemChange> changes;
    changes.reserve(qsizetype(m_pending.size()));
    for (const std::size_t index : m_pending) {
        m_items[index].pending = false;
        changes.append(change(m_items[index]));
    }
    m_pending.clear();
    Q_EMIT itemsChanged(changes);
}

BusItemTree::WriteResult BusItemTree::write(const QString &path, const QVariant &value)
{
    const auto index = indexOf(path);
    if (!index || !m_items[*index].writable)
        return WriteResult::ReadOnly;
    Item &item = m_items[*index];
    const QVariant typed = coerce(value, item.type);
    if (!typed.isValid())
        return WriteResult::WrongType;
    if (typed.metaType() == QMetaType::fromType<QString>() && tooLong(typed.toString()))
        return WriteResult::TooLong;
    if (sameValue(item.value, typed))
        return WriteResult::Accepted; // as vedbus: nothing to ask, nothing to announce
    if (item.validator && !item.validator(path, typed))
        return WriteResult::Refused;

    item.value = typed;
    item.text = format(item, typed);
    // Announced now, on its own: if it was also waiting for publish(), that change is this one.
    if (item.pending) {
        item.pending = false;
        m_pending.erase(std::find(m_pending.begin(), m_pending.end(), *index));
    }
    Q_EMIT itemsChanged({change(item)});
    Q_EMIT valueWritten(path, item.value);
    return WriteResult::Accepted;
}

QList<BusItemChange> BusItemTree::items(const QString &node) const
{
    QList<BusItemChange> result;
    if (const Item *exact = find(node)) {
        result.append(change(*exact));
        return result;
    }
    auto [first, last] = subtree(node);
    for (; first != last; ++first)
        result.append(change(m_items[first->second]));
    return result;
}

QStringList BusItemTree::childNames(const QString &node) const
{
    QStringList names;
    const qsizetype offset = node == u'/' ? 1 : node.size() + 1;
    auto [first, last] = subtree(node);
    for (; first != last; ++first) {
        const QString &path = first->first;
        const qsizetype end = path.indexOf(u'/', offset);
        const QStringView name =
            QStringView(path).sliced(offset, (end < 0 ? path.size() : end) - offset);
        // Path elements are [A-Za-z0-9_], all sorting after '/', so one name's paths are
        // contiguous: comparing with the last name found is enough.
        if (names.isEmpty() || names.constLast() != name)
            names.append(name.toString());
    }
    return names;
}

std::pair<BusItemTree::Index::const_iterator, BusItemTree::Index::const_iterator>
BusItemTree::subtree(const QString &node) const
{
    if (node == u'/')
        return {m_index.cbegin(), m_index.cend()};
    if (node.isEmpty() || node.back() == u'/')
        return {m_index.cend(), m_index.cend()};
    // Everything with the prefix "/Ac/" sorts in ["/Ac/", "/Ac0"): '0' follows '/' in ASCII.
    return {m_index.lower_bound(node + u'/'), m_index.lower_bound(node + u'0')};
}

QString BusItemTree::format(const Item &item, const QVariant &value) const
{
    if (!value.isValid())
        return kInvalidText;
    return item.formatter ? item.formatter(value) : defaultText(value);
}

QString BusItemTree::defaultText(const QVariant &value)
{
    if (!value.isValid())
        return kInvalidText;
    if (value.metaType().id() == QMetaType::Double) {
        const double d = value.toDouble();
        // Shortest round-trip digits, fixed notation in the range people read meters in.
        const double magnitude = std::fabs(d);
        const bool fixed = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15);
        return QString::number(d, fixed ? 'f' : 'g', QLocale::FloatingPointShortest);
    }
    return value.toString();
}

} // namespace p1
