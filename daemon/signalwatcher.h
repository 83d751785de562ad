#pragma once

#include <QObject>

class QSocketNotifier;

namespace p1 {

/// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe), so the daemon
/// leaves the bus cleanly when svc -d or Ctrl-C stops it: the handler itself only writes a byte.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace p1
