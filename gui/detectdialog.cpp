#include "detectdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace p1 {

namespace {

constexpr int kPortRole = Qt::UserRole + 1;
constexpr int kFoundRole = Qt::UserRole + 2;
constexpr int kBaudRole = Qt::UserRole + 3;

} // namespace

DetectDialog::DetectDialog(PortDetector *detector, QWidget *parent)
    : QDialog(parent)
    , m_detector(detector)
{
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    layout->addWidget(m_progress);
    m_list = new QListWidget(this);
    layout->addWidget(m_list, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_use = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    resize(560, 320);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentItemChanged, this, &DetectDialog::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (m_use->isEnabled())
            accept();
    });
    connect(m_detector, &PortDetector::portChanged, this, &DetectDialog::showResult);
    connect(m_detector, &PortDetector::portFinished, this, &DetectDialog::showResult);
    connect(m_detector, &PortDetector::progress, this, [this](int done, int total) {
        m_done = done;
        m_total = total;
        updateProgress();
    });
    connect(m_detector, &PortDetector::finished, this, &DetectDialog::scanFinished);
    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, &DetectDialog::updateProgress);
    retranslate();
    updateButtons();
}

void DetectDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void DetectDialog::retranslate()
{
    setWindowTitle(tr("Detect the P1 cable"));
    m_intro->setText(
        tr("Listening on every serial port at 115200 and 9600 baud for a valid "
           "telegram. Nothing is sent to any port. This takes at most %1 s.")
            .arg(std::chrono::duration_cast<std::chrono::seconds>(m_detector->deadline()).count()));
    m_use->setText(tr("Use this port"));
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (!item->data(kPortRole).toString().isEmpty())
            showResult(item->data(Qt::UserRole).value<PortDetector::Result>());
    }
}

void DetectDialog::start(const QStringList &ports)
{
    m_list->clear();
    m_done = 0;
    m_total = 0;
    m_elapsed.start();
    m_ticker.start();
    m_detector->start(ports);
    if (m_detector->results().isEmpty())
        m_list->addItem(tr("No serial ports found. Is the cable plugged in?"));
    for (const PortDetector::Result &result : m_detector->results())
        showResult(result);
    updateProgress();
}

void DetectDialog::showResult(const PortDetector::Result &result)
{
    QListWidgetItem *item = nullptr;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kPortRole).toString() == result.port)
            item = m_list->item(i);
    if (!item) {
        item = new QListWidgetItem(m_list);
        item->setData(kPortRole, result.port);
    }
    QString text = PortDetector::describe(result);
    if (!result.done && !result.found)
        text = tr("%1: listening at %2 baud…").arg(result.port).arg(result.baudRate);
    item->setText(text);
    item->setData(Qt::UserRole, QVariant::fromValue(result));
    item->setData(kFoundRole, result.found);
    item->setData(kBaudRole, result.baudRate);
    QFont font = item->font();
    font.setBold(result.found);
    item->setFont(font);
    if (result.found && !m_list->currentItem())
        m_list->setCurrentItem(item);
    updateButtons();
}

void DetectDialog::updateProgress()
{
    const double deadline = double(m_detector->deadline().count());
    const double byTime = deadline > 0 ? double(m_elapsed.elapsed()) / deadline : 1.0;
    const double byPorts = m_total > 0 ? double(m_done) / double(m_total) : 0.0;
    const double fraction =
        m_detector->isRunning() ? std::min(0.99, std::max(byTime, byPorts)) : 1.0;
    m_progress->setValue(int(fraction * 1000));
}

void DetectDialog::scanFinished()
{
    m_ticker.stop();
    updateProgress();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
}

void DetectDialog::updateButtons()
{
    const QListWidgetItem *item = m_list->currentItem();
    m_use->setEnabled(item && item->data(kFoundRole).toBool());
}

void DetectDialog::reject()
{
    m_detector->cancel();
    QDialog::reject();
}

QString DetectDialog::chosenPort() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->data(kFoundRole).toBool() ? item->data(kPortRole).toString() : QString();
}

int DetectDialog::chosenBaudRate() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kBaudRole).toInt() : 0;
}

} // namespace p1
