#include "filesource.h"

#include "logging.h"

#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace p1 {

namespace {

constexpr qint64 kBlockSize = 64 * 1024;
/// A "piece" with no telegram start in this many bytes is not a P1 capture: deliver it as is.
constexpr qsizetype kMaxPiece = 1024 * 1024;

/// Index of the first '/' at a line start at or after \a from, or -1. A NUL after the line end
/// (some meters send one after the CRC's CR LF) still counts as a line start.
qsizetype findTelegramStart(const QByteArray &buffer, qsizetype from)
{
    for (qsizetype at = buffer.indexOf('/', from); at >= 0; at = buffer.indexOf('/', at + 1)) {
        if (at == 0)
            return 0;
        const char before = buffer.at(at - 1);
        if (before == '\n' || before == '\r' || before == '\0')
            return at;
    }
    return -1;
}

} // namespace

FileSource::FileSource(const QString &path, QObject *parent)
    : Source(parent)
    , m_path(path)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FileSource::deliverNext);
}

FileSource::~FileSource() = default;

void FileSource::setReplaySpeed(double speed)
{
    Q_ASSERT(speed >= 0);
    m_speed = std::isfinite(speed) && speed > 0 ? speed : 0.0;
}

std::chrono::milliseconds FileSource::meterInterval(QByteArrayView telegram)
{
    // DSMR 5 (`1-3:0.2.8(50)`) and Fluvius (`0-0:96.1.4(50217)`) send every second; DSMR 2.2
    // to 4.x, Luxembourg and the rest every ten.
    if (telegram.contains(QByteArrayView("1-3:0.2.8(5"))
        || telegram.contains(QByteArrayView("0-0:96.1.4(")))
        return kFastInterval;
    return kSlowInterval;
}

QString FileSource::name() const
{
    return QFileInfo(m_path).fileName();
}

QString FileSource::logDescription() const
{
    if (m_speed == 0)
        return QStringLiteral("file %1 (as fast as possible)").arg(m_path);
    return QStringLiteral("file %1 (speed %2)").arg(m_path).arg(m_speed);
}

QString FileSource::userDescription() const
{
    if (m_speed <= 0)
        return tr("capture %1, as fast as possible").arg(m_path);
    return tr("capture %1 at %2× speed").arg(m_path, QLocale().toString(m_speed));
}

void FileSource::open()
{
    if (m_file.isOpen() || m_opening)
        return;
    m_opening = true;
    QMetaObject::invokeMethod(this, &FileSource::openNow, Qt::QueuedConnection);
}

void FileSource::openNow()
{
    if (!m_opening)
        return;
    m_opening = false;
    m_buffer.clear();
    m_scanFrom = 0;
    m_atEnd = false;
    const QFileInfo info(m_path);
    m_file.setFileName(m_path);
    if (info.isDir() || !m_file.open(QIODevice::ReadOnly)) {
        const QString detail =
            info.isDir() ? QStringLiteral("is a directory") : m_file.errorString();
        Error error = Error::Other;
        if (!info.exists())
            error = Error::NotFound;
        else if (!info.isDir() && !info.isReadable())
            error = Error::PermissionDenied;
        qCWarning(lcFile, "cannot open %s: %s", qUtf8Printable(m_path), qUtf8Printable(detail));
        fail(error, detail, true);
        return;
    }
    qCInfo(lcFile, "replaying %s", qUtf8Printable(logDescription()));
    setState(State::Open);
    m_timer.start(0);
}

void FileSource::close()
{
    m_opening = false;
    m_timer.stop();
    m_file.close();
    m_buffer.clear();
    setState(State::Closed);
}

bool FileSource::readBlock()
{
    if (m_atEnd)
        return false;
    const QByteArray block = m_file.read(kBlockSize);
    if (block.isEmpty()) {
        m_atEnd = true;
        return false;
    }
    m_buffer.append(block);
    return true;
}

QByteArray FileSource::takePiece()
{
    // The piece runs from the buffer's start (noise before the first telegram included) to the
    // line-start '/' of the telegram after the first one.
    qsizetype first = findTelegramStart(m_buffer, 0);
    while (first < 0 && m_buffer.size() < kMaxPiece && readBlock())
        first = findTelegramStart(m_buffer, 0);
    if (first >= 0) {
        qsizetype next = -1;
        for (;;) {
            next = findTelegramStart(m_buffer, std::max(first + 1, m_scanFrom));
            if (next >= 0 || m_buffer.size() >= kMaxPiece)
                break;
            m_scanFrom = m_buffer.size();
            if (!readBlock())
                break;
        }
        m_scanFrom = 0;
        if (next >= 0) {
            QByteArray piece = m_buffer.left(next);
            m_buffer.remove(0, next);
            return piece;
        }
    }
    // No further start: the rest of the file (or an oversized run without one) is the piece.
    QByteArray piece;
    piece.swap(m_buffer);
    m_scanFrom = 0;
    return piece;
}

void FileSource::deliverNext()
{
    if (!m_file.isOpen())
        return;
    if (m_speed == 0) {
        QByteArray chunk;
        chunk.swap(m_buffer);
        if (chunk.isEmpty() && readBlock())
            chunk.swap(m_buffer);
        if (chunk.isEmpty()) {
            finishReplay();
            return;
        }
        Q_EMIT dataReceived(chunk);
        if (m_file.isOpen())
            m_timer.start(0);
        return;
    }
    const QByteArray piece = takePiece();
    if (piece.isEmpty()) {
        finishReplay();
        return;
    }
    const auto interval = meterInterval(piece);
    Q_EMIT dataReceived(piece);
    if (!m_file.isOpen())
        return; // the receiver closed us
    if (m_buffer.isEmpty() && !readBlock()) {
        m_timer.start(0); // that was the last one: end without waiting another interval
        return;
    }
    m_timer.start(std::chrono::milliseconds(qRound64(double(interval.count()) / m_speed)));
}

void FileSource::finishReplay()
{
    qCInfo(lcFile, "end of %s", qUtf8Printable(m_path));
    fail(Error::EndOfFile, m_path, true);
}

} // namespace p1
