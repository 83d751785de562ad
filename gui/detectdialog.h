#pragma once

#include "io/portdetector.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace p1 {

/// The Detect action: runs a PortDetector over the machine's serial ports (the same detection
/// as `dbus-p1 --detect`), shows each port's verdict as it comes and a progress bar over the
/// scan's bounded time, and lets the user take a port where a meter was found.
///
/// The detector is passed in (tests give one with their own sources); the dialog only drives
/// and shows it.
class DetectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DetectDialog(PortDetector *detector, QWidget *parent = nullptr);

    /// Starts the scan over \a ports (all the machine's when empty).
    void start(const QStringList &ports = {});
    /// The port picked, empty when none.
    [[nodiscard]] QString chosenPort() const;
    [[nodiscard]] int chosenBaudRate() const;
    [[nodiscard]] QListWidget *list() const noexcept { return m_list; }
    [[nodiscard]] QProgressBar *progressBar() const noexcept { return m_progress; }

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void retranslate();
    void showResult(const PortDetector::Result &result);
    void updateProgress();
    void scanFinished();
    void updateButtons();

    PortDetector *m_detector;
    QLabel *m_intro = nullptr;
    QProgressBar *m_progress = nullptr;
    QListWidget *m_list = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_use = nullptr;
    QTimer m_ticker;
    QElapsedTimer m_elapsed;
    int m_done = 0;
    int m_total = 0;
};

} // namespace p1
