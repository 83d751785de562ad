#pragma once

// Test support: two linked ptys from socat, a serial cable with no hardware. The code under test
// opens port(); the test plays the meter on meter(), with write() or its own QSerialPort.
// unplug() kills socat: port() hangs up as a pulled USB cable does.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <chrono>
#include <optional>
#include <string_view>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace p1::test {

class PtyPair
{
public:
    /// The links are \a dir/\a portName and \a dir/\a portName-meter; without \a dir they go
    /// into a temporary folder of their own.
    explicit PtyPair(
        const QString &dir = QString(), const QString &portName = QStringLiteral("ttyP1"))
    {
        QString base = dir;
        if (base.isEmpty()) {
            m_ownDir.emplace();
            base = m_ownDir->path();
        }
        m_port = base + u'/' + portName;
        m_meter = m_port + QStringLiteral("-meter");
    }
    PtyPair(const PtyPair &) = delete;
    PtyPair &operator=(const PtyPair &) = delete;
    ~PtyPair() { unplug(); }

    /// socat is installed (the tests that need it skip otherwise).
    [[nodiscard]] static bool available()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("socat")).isEmpty();
    }

    /// Starts socat and waits for both links; false when socat is missing or too slow.
    [[nodiscard]] bool start()
    {
        if (m_ownDir && !m_ownDir->isValid())
            return false;
        m_process.setProgram(QStandardPaths::findExecutable(QStringLiteral("socat")));
        m_process.setArguments({QStringLiteral("pty,raw,echo=0,link=") + m_meter,
            QStringLiteral("pty,raw,echo=0,link=") + m_port});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        for (int i = 0; i < 250; ++i) {
            if (QFileInfo::exists(m_port) && QFileInfo::exists(m_meter))
                return true;
            QTest::qWait(20);
        }
        return false;
    }

    /// Writes all of \a bytes as the meter, waiting while the pty is full (at most \a timeout:
    /// a reader that never reads must not hang the test). False when not all went out.
    bool write(
        std::string_view bytes, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
    {
        if (!openMeter())
            return false;
        while (!bytes.empty()) {
            const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
            if (n > 0) {
                bytes.remove_prefix(std::size_t(n));
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno != EAGAIN)
                return false;
            pollfd ready {m_fd, POLLOUT, 0};
            if (::poll(&ready, 1, int(timeout.count())) <= 0)
                return false;
        }
        return true;
    }
    bool write(const QByteArray &bytes)
    {
        return write(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    }

    /// Writes what the pty takes now and drops the rest, as a device does on a line nobody
    /// reads.
    void offer(const QByteArray &bytes)
    {
        if (!openMeter())
            return;
        const char *data = bytes.constData();
        std::size_t left = std::size_t(bytes.size());
        while (left > 0) {
            const ssize_t n = ::write(m_fd, data, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return;
            data += n;
            left -= std::size_t(n);
        }
    }

    /// Pieces cut at \a cuts with pauses between, so the reader sees them as separate reads.
    void writeSplit(std::string_view bytes, std::initializer_list<std::size_t> cuts)
    {
        std::size_t at = 0;
        for (const std::size_t cut : cuts) {
            write(bytes.substr(at, cut - at));
            QTest::qWait(30);
            at = cut;
        }
        write(bytes.substr(at));
    }

    /// Pulls the cable: socat goes, and with it both ptys.
    void unplug()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// The link path, as a user passes it.
    [[nodiscard]] QString port() const { return m_port; }
    /// The far end, where the meter writes.
    [[nodiscard]] QString meter() const { return m_meter; }
    /// The pty behind port(), /dev/pts/N.
    [[nodiscard]] QString target() const { return QFileInfo(m_port).symLinkTarget(); }

private:
    // Non-blocking: nobody may be reading the other end yet, and the writer must not hang.
    bool openMeter()
    {
        if (m_fd < 0)
            m_fd = ::open(QFile::encodeName(m_meter).constData(), O_WRONLY | O_NOCTTY | O_NONBLOCK);
        return m_fd >= 0;
    }

    std::optional<QTemporaryDir> m_ownDir;
    QString m_port;
    QString m_meter;
    QProcess m_process;
    int m_fd = -1;
};

} // namespace p1::test
