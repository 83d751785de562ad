#include "sourcepicker.h"

#include "io/portdetector.h"
#include "keyinput.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QToolButton>

namespace p1 {

namespace {

// The settings group of a source's keys: one per SOURCE string.
QString keysGroup(const QString &spec)
{
    return QStringLiteral("sourceKeys/") + QString::fromLatin1(spec.toUtf8().toPercentEncoding());
}

QWidget *page(QWidget *parent, QHBoxLayout **layout)
{
    auto *w = new QWidget(parent);
    *layout = new QHBoxLayout(w);
    (*layout)->setContentsMargins(0, 0, 0, 0);
    return w;
}

} // namespace

SourcePicker::SourcePicker(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_kind = new QComboBox(this);
    for (int i = 0; i < 4; ++i)
        m_kind->addItem(QString());
    layout->addWidget(m_kind);

    m_stack = new QStackedWidget(this);
    QHBoxLayout *l = nullptr;

    QWidget *serial = page(m_stack, &l);
    m_port = new QComboBox(serial);
    m_port->setEditable(true);
    m_port->setMinimumContentsLength(14);
    m_port->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_refresh = new QToolButton(serial);
    m_detect = new QPushButton(serial);
    m_baudLabel = new QLabel(serial);
    m_baud = new QComboBox(serial);
    m_baud->addItem(QString(), int(SerialSource::BaudMode::Auto));
    m_baud->addItem(QString(), int(SerialSource::BaudMode::Baud115200));
    m_baud->addItem(QString(), int(SerialSource::BaudMode::Baud9600));
    l->addWidget(m_port, 1);
    l->addWidget(m_refresh);
    l->addWidget(m_detect);
    l->addWidget(m_baudLabel);
    l->addWidget(m_baud);
    m_stack->addWidget(serial);

    QWidget *network = page(m_stack, &l);
    m_address = new QLineEdit(network);
    m_address->setPlaceholderText(QStringLiteral("tcp://192.168.1.20:8088"));
    l->addWidget(m_address, 1);
    m_stack->addWidget(network);

    QWidget *file = page(m_stack, &l);
    m_file = new QLineEdit(file);
    m_browse = new QToolButton(file);
    m_speedLabel = new QLabel(file);
    m_speed = new QComboBox(file);
    for (const double speed : {1.0, 10.0, 0.0})
        m_speed->addItem(QString(), speed);
    l->addWidget(m_file, 1);
    l->addWidget(m_browse);
    l->addWidget(m_speedLabel);
    l->addWidget(m_speed);
    m_stack->addWidget(file);

    QWidget *sim = page(m_stack, &l);
    m_simulatorNote = new QLabel(sim);
    l->addWidget(m_simulatorNote, 1);
    m_stack->addWidget(sim);

    layout->addWidget(m_stack, 1);
    m_keyLabel = new QLabel(this);
    m_key = new QLineEdit(this);
    m_authKey = new QLineEdit(this);
    for (QLineEdit *edit : {m_key, m_authKey}) {
        // Out of sight like a password, with the usual "show" action: keys are secrets.
        edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
        edit->setMaxLength(4096);
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    }
    layout->addWidget(m_keyLabel);
    layout->addWidget(m_key);
    layout->addWidget(m_authKey);
    m_connect = new QPushButton(this);
    m_connect->setDefault(true);
    layout->addWidget(m_connect);

    connect(m_kind, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_refresh, &QToolButton::clicked, this, &SourcePicker::refreshPorts);
    connect(m_detect, &QPushButton::clicked, this, &SourcePicker::detectRequested);
    connect(m_browse, &QToolButton::clicked, this, &SourcePicker::browse);
    connect(m_connect, &QPushButton::clicked, this, &SourcePicker::toggleConnection);
    // Each source has its own keys: switching shows the ones stored for it.
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SourcePicker::loadKeys);
    connect(m_port, &QComboBox::currentTextChanged, this, &SourcePicker::loadKeys);
    connect(m_address, &QLineEdit::editingFinished, this, &SourcePicker::loadKeys);
    connect(m_file, &QLineEdit::editingFinished, this, &SourcePicker::loadKeys);

    retranslate();
    refreshPorts();
}

void SourcePicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SourcePicker::retranslate()
{
    m_kind->setItemText(int(Kind::Serial), tr("Serial port"));
    m_kind->setItemText(int(Kind::Network), tr("Network (TCP)"));
    m_kind->setItemText(int(Kind::File), tr("Capture file"));
    m_kind->setItemText(int(Kind::Simulator), tr("Simulated meter"));
    m_kind->setToolTip(tr("Where the meter's data comes from"));
    m_port->setToolTip(tr("The serial port of the P1 cable, e.g. ttyUSB0"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the serial ports again (after plugging in a cable)"));
    m_detect->setText(tr("Detect…"));
    m_detect->setToolTip(tr("Listen on every serial port at both baud rates and show where a "
                            "meter is (read-only: nothing is sent to any port)"));
    m_baudLabel->setText(tr("Baud:"));
    m_baud->setItemText(0, tr("Auto"));
    m_baud->setItemText(1, tr("115200 (DSMR 4/5)"));
    m_baud->setItemText(2, tr("9600 (DSMR 2.2/3.0)"));
    m_address->setToolTip(tr("A network P1 dongle or ser2net: tcp://HOST:PORT"));
    m_file->setPlaceholderText(tr("A capture recorded by p1-monitor or any raw P1 dump"));
    m_browse->setText(tr("Browse…"));
    m_speedLabel->setText(tr("Speed:"));
    m_speed->setItemText(0, tr("meter's pace"));
    m_speed->setItemText(1, tr("10× faster"));
    m_speed->setItemText(2, tr("as fast as possible"));
    m_simulatorNote->setText(
        tr("A simulated DSMR 5 meter with solar panels, gas and water: try the app without "
           "hardware."));
    m_keyLabel->setText(tr("Key:"));
    m_key->setPlaceholderText(tr("none (plain meter)"));
    m_key->setToolTip(tr("An encrypted meter's key (Luxembourg, Austria: from the grid "
                         "operator): 32 hex digits, or the path of a file holding them"));
    m_authKey->setPlaceholderText(tr("default AK"));
    m_authKey->setToolTip(tr("The authentication key (AK), only when the grid operator gives one "
                             "other than 00112233445566778899AABBCCDDEEFF"));
    m_connect->setText(m_connected ? tr("Disconnect") : tr("Connect"));
}

std::optional<DecryptionKeys> SourcePicker::keys(QString *error) const
{
    DecryptionKeys keys;
    QString reason;
    const QString key = keyText();
    if (!key.isEmpty() && !(keys.key = readAesKey(key, &reason))) {
        if (error)
            *error = tr("Key: %1").arg(reason);
        return std::nullopt;
    }
    const QString authKey = authKeyText();
    if (!authKey.isEmpty()) {
        const std::optional<AesKey> ak = readAesKey(authKey, &reason);
        if (!ak) {
            if (error)
                *error = tr("Authentication key: %1").arg(reason);
            return std::nullopt;
        }
        keys.authKey = *ak;
    }
    return keys;
}

void SourcePicker::setKeyTexts(const QString &key, const QString &authKey)
{
    m_key->setText(key);
    m_authKey->setText(authKey);
}

QString SourcePicker::keyText() const
{
    return m_key->text().trimmed();
}

QString SourcePicker::authKeyText() const
{
    return m_authKey->text().trimmed();
}

void SourcePicker::saveKeys() const
{
    QSettings settings;
    settings.beginGroup(keysGroup(spec()));
    if (keyText().isEmpty() && authKeyText().isEmpty()) {
        settings.remove(QString());
        return;
    }
    settings.setValue(QStringLiteral("key"), keyText());
    settings.setValue(QStringLiteral("authKey"), authKeyText());
}

void SourcePicker::loadKeys()
{
    QSettings settings;
    settings.beginGroup(keysGroup(spec()));
    setKeyTexts(settings.value(QStringLiteral("key")).toString(),
        settings.value(QStringLiteral("authKey")).toString());
}

void SourcePicker::refreshPorts()
{
    setPorts(PortDetector::availablePorts());
}

void SourcePicker::setPorts(const QStringList &ports)
{
    const QString current = m_port->currentText();
    m_port->clear();
    m_port->addItems(ports);
    if (!current.isEmpty())
        m_port->setCurrentText(current);
}

QStringList SourcePicker::ports() const
{
    QStringList out;
    for (int i = 0; i < m_port->count(); ++i)
        out.append(m_port->itemText(i));
    return out;
}

void SourcePicker::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a capture file"),
        m_file->text(), tr("P1 captures (*.p1 *.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

SourcePicker::Kind SourcePicker::kind() const
{
    return Kind(m_kind->currentIndex());
}

QString SourcePicker::spec() const
{
    switch (kind()) {
    case Kind::Serial:
        return m_port->currentText().trimmed();
    case Kind::Network: {
        const QString address = m_address->text().trimmed();
        return address.startsWith(QLatin1StringView("tcp://"), Qt::CaseInsensitive)
            ? address
            : QStringLiteral("tcp://") + address;
    }
    case Kind::File:
        return QStringLiteral("file:") + m_file->text().trimmed();
    case Kind::Simulator:
        return QStringLiteral("sim:");
    }
    return QString();
}

SourceOptions SourcePicker::options() const
{
    SourceOptions o;
    o.baudMode = SerialSource::BaudMode(m_baud->currentData().toInt());
    o.replaySpeed = m_speed->currentData().toDouble();
    return o;
}

bool SourcePicker::setSpec(const QString &text)
{
    const SourceFactory::Spec spec = SourceFactory::parse(text);
    if (!spec.ok())
        return false;
    switch (spec.kind) {
    case Source::Kind::Serial:
        m_kind->setCurrentIndex(int(Kind::Serial));
        m_port->setCurrentText(spec.location);
        break;
    case Source::Kind::Tcp:
        m_kind->setCurrentIndex(int(Kind::Network));
        m_address->setText(text.trimmed());
        break;
    case Source::Kind::File:
        m_kind->setCurrentIndex(int(Kind::File));
        m_file->setText(spec.location);
        break;
    case Source::Kind::Simulator:
        m_kind->setCurrentIndex(int(Kind::Simulator));
        break;
    }
    loadKeys();
    return true;
}

void SourcePicker::setBaudMode(SerialSource::BaudMode mode)
{
    m_baud->setCurrentIndex(m_baud->findData(int(mode)));
}

void SourcePicker::setConnected(bool connected)
{
    m_connected = connected;
    m_kind->setEnabled(!connected);
    m_stack->setEnabled(!connected);
    retranslate();
}

void SourcePicker::toggleConnection()
{
    if (m_connected)
        Q_EMIT disconnectRequested();
    else {
        saveKeys();
        Q_EMIT connectRequested(spec(), options());
    }
}

} // namespace p1
