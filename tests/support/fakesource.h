#pragma once

// Test support: a Source that delivers what the test pushes, in memory, on the test's schedule:
// the Mediator and the GUI session can be tested without a pty, a socket or a timer of the
// source's own.

#include "io/source.h"

#include <QByteArray>
#include <QString>

#include <string>

namespace p1::test {

// No Q_OBJECT: it adds no signals or slots, and the support headers are not moc'ed.
class FakeSource : public Source
{
public:
    explicit FakeSource(Kind kind = Kind::Serial, QString name = QStringLiteral("ttyFAKE0"),
        QObject *parent = nullptr)
        : Source(parent)
        , m_kind(kind)
        , m_name(std::move(name))
    { }

    [[nodiscard]] Kind kind() const noexcept override { return m_kind; }
    [[nodiscard]] QString name() const override { return m_name; }
    [[nodiscard]] QString logDescription() const override
    {
        return QStringLiteral("fake ") + m_name;
    }
    [[nodiscard]] QString userDescription() const override
    {
        return QStringLiteral("fake source ") + m_name;
    }

    void open() override
    {
        ++opens;
        setState(State::Open);
        Q_EMIT opened();
    }
    void close() override
    {
        if (state() != State::Closed)
            setState(State::Closed);
    }
    void telegramAccepted() override { ++accepted; }

    /// Delivers \a bytes as if they had just been read.
    void push(const std::string &bytes)
    {
        Q_EMIT dataReceived(QByteArray(bytes.data(), qsizetype(bytes.size())));
    }
    /// Gives up for good with \a error, as a real source does (errorOccurred, then finished).
    void failWith(Error error, const QString &detail = {}) { fail(error, detail, true); }
    /// Reports \a error and goes on, as a TCP source that reconnects does.
    void reportError(Error error, const QString &detail = {}) { fail(error, detail, false); }

    int opens = 0;
    int accepted = 0; ///< telegramAccepted() calls

private:
    Kind m_kind;
    QString m_name;
};

} // namespace p1::test
