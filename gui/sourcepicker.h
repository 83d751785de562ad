#pragma once

#include "gcmdecryptor.h"
#include "io/sourcefactory.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace p1 {

/// Where to read from: a serial port (with a Detect action and the baud rate: auto, 115200,
/// 9600), a network dongle (tcp://HOST:PORT), a capture file (replayed at the meter's pace or
/// faster) or the simulated meter. It produces the same SOURCE string the daemon takes, so
/// what works here works in `dbus-p1 SOURCE`.
///
/// An encrypted meter (Luxembourg, Austria) needs its key, and maybe an authentication key: the
/// two fields take 32 hex digits each (or a key file, as `--key` does), and are remembered per
/// source in the app's settings (QSettings), so the same port or file gets its key back.
class SourcePicker : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        Serial,
        Network,
        File,
        Simulator
    };

    explicit SourcePicker(QWidget *parent = nullptr);

    /// The SOURCE string for the current choice: "/dev/ttyUSB0", "tcp://h:p", "file:x", "sim:".
    [[nodiscard]] QString spec() const;
    [[nodiscard]] SourceOptions options() const;
    [[nodiscard]] Kind kind() const;
    /// Shows \a spec (as the daemon parses it) in the picker; false when it is not valid.
    bool setSpec(const QString &spec);
    void setBaudMode(SerialSource::BaudMode mode);
    /// The keys as entered; nullopt with a translated \a error when one is not a key. Empty
    /// fields: no key (a plain meter) and the default authentication key.
    [[nodiscard]] std::optional<DecryptionKeys> keys(QString *error = nullptr) const;
    /// Fills the key fields (and shows them); empty strings clear them.
    void setKeyTexts(const QString &key, const QString &authKey);
    [[nodiscard]] QString keyText() const;
    [[nodiscard]] QString authKeyText() const;
    /// Stores the key fields for the current source in the settings / loads them from there.
    void saveKeys() const;
    void loadKeys();
    void setPorts(const QStringList &ports);
    [[nodiscard]] QStringList ports() const;
    /// Switches the button between Connect and Disconnect.
    void setConnected(bool connected);
    [[nodiscard]] bool isConnected() const noexcept { return m_connected; }

    [[nodiscard]] QPushButton *connectButton() const noexcept { return m_connect; }
    [[nodiscard]] QPushButton *detectButton() const noexcept { return m_detect; }

Q_SIGNALS:
    void connectRequested(const QString &spec, const p1::SourceOptions &options);
    void disconnectRequested();
    void detectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshPorts();
    void browse();
    void toggleConnection();

    QComboBox *m_kind = nullptr;
    QStackedWidget *m_stack = nullptr;
    QComboBox *m_port = nullptr;
    QToolButton *m_refresh = nullptr;
    QPushButton *m_detect = nullptr;
    QLabel *m_baudLabel = nullptr;
    QComboBox *m_baud = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_file = nullptr;
    QToolButton *m_browse = nullptr;
    QLabel *m_speedLabel = nullptr;
    QComboBox *m_speed = nullptr;
    QLabel *m_simulatorNote = nullptr;
    QLabel *m_keyLabel = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_authKey = nullptr;
    QPushButton *m_connect = nullptr;
    bool m_connected = false;
};

} // namespace p1
