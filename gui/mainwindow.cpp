#include "mainwindow.h"

#include "detectdialog.h"
#include "io/portdetector.h"
#include "languagemanager.h"
#include "rawtelegramformatter.h"
#include "sourcepicker.h"
#include "statuspanel.h"
#include "telegramhistorymodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace p1 {

namespace {

QString bannerStyle(CableDiagnosis::Severity severity)
{
    switch (severity) {
    case CableDiagnosis::Severity::Error:
        return QStringLiteral("background:#fbe3e3;color:#7d1010;border:1px solid #d9a0a0;");
    case CableDiagnosis::Severity::Warning:
        return QStringLiteral("background:#fff4d6;color:#6b4a00;border:1px solid #e2c675;");
    case CableDiagnosis::Severity::Information:
    case CableDiagnosis::Severity::None:
        break;
    }
    return QStringLiteral("background:#e3eefb;color:#123f73;border:1px solid #a6c3e6;");
}

} // namespace

MainWindow::MainWindow(LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_session(new MonitorSession(this))
    , m_history(new TelegramHistoryModel(this))
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_picker = new SourcePicker(central);
    layout->addWidget(m_picker);
    m_banner = new QLabel(central);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setMargin(6);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *split = new QSplitter(Qt::Horizontal, central);
    auto *left = new QSplitter(Qt::Vertical, split);
    m_status = new StatusPanel(left);
    auto *historyBox = new QWidget(left);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    m_historyView = new QTableView(historyBox);
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->verticalHeader()->setDefaultSectionSize(
        m_historyView->fontMetrics().height() + 6);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->setWordWrap(false);
    historyLayout->addWidget(m_historyView);
    m_follow = new QCheckBox(historyBox);
    m_follow->setChecked(true);
    historyLayout->addWidget(m_follow);

    m_telegram = new TelegramView(split);

    split->addWidget(left);
    split->addWidget(m_telegram);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    setCentralWidget(central);

    m_recordingLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_recordingLabel);

    buildMenus();

    connect(m_picker, &SourcePicker::connectRequested, this,
        [this](const QString &spec, const SourceOptions &options) { openSource(spec, options); });
    connect(m_picker, &SourcePicker::disconnectRequested, this, &MainWindow::closeSource);
    connect(m_picker, &SourcePicker::detectRequested, this, &MainWindow::detect);
    connect(m_session, &MonitorSession::telegramReceived, this, &MainWindow::onTelegram);
    connect(m_session, &MonitorSession::statisticsChanged, this,
        [this] { m_status->setStatistics(m_session->statistics()); });
    connect(m_session, &MonitorSession::problemChanged, this, &MainWindow::showProblem);
    connect(m_session, &MonitorSession::sourceFinished, this, &MainWindow::onSourceFinished);
    connect(m_session, &MonitorSession::recordingFailed, this, [this](const QString &reason) {
        m_recordAction->setChecked(false);
        showMessage(reason, CableDiagnosis::Severity::Error);
    });
    connect(m_follow, &QCheckBox::toggled, this, &MainWindow::setFollowLatest);
    connect(m_historyView, &QTableView::clicked, this,
        [this](const QModelIndex &index) { showHistoryRow(index.row()); });
    if (m_languages)
        connect(m_languages, &LanguageManager::languageChanged, this, [this] {
            const QString choice = m_languages->choice();
            for (QAction *action : m_languageGroup->actions())
                action->setChecked(action->data().toString() == choice);
        });

    retranslate();
    resize(1180, 760);
}

MainWindow::~MainWindow()
{
    m_session->stop();
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_recordAction = m_fileMenu->addAction(QString());
    m_recordAction->setCheckable(true);
    connect(m_recordAction, &QAction::toggled, this, &MainWindow::toggleRecording);
    m_saveAction = m_fileMenu->addAction(QString(), this, &MainWindow::saveTelegramAs);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_copyAction = m_fileMenu->addAction(QString(), this, &MainWindow::copyTelegram);
    m_copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_clearAction = m_viewMenu->addAction(QString(), this, [this] {
        m_history->clear();
        m_status->clearChart();
    });

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    m_systemLanguageAction = m_languageMenu->addAction(QString());
    m_systemLanguageAction->setData(QString());
    m_languageMenu->addSeparator();
    QList<QAction *> actions {m_systemLanguageAction};
    for (const QString &language : LanguageManager::availableLanguages()) {
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(language));
        action->setData(language);
        actions.append(action);
    }
    for (QAction *action : actions) {
        action->setCheckable(true);
        m_languageGroup->addAction(action);
        action->setChecked(m_languages && action->data().toString() == m_languages->choice());
        connect(action, &QAction::triggered, this, [this, action] {
            if (m_languages)
                m_languages->setLanguage(action->data().toString());
        });
    }
    m_languageMenu->setEnabled(m_languages != nullptr);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About p1-monitor"),
            tr("<p><b>p1-monitor</b> %1</p><p>Sets up and debugs a P1 cable: shows the smart "
               "meter's telegrams as received, their CRC, the decoded fields and what "
               "dbus-p1 would publish on Venus OS.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recordAction->setText(tr("&Record to capture file…"));
    m_saveAction->setText(tr("&Save telegram as…"));
    m_copyAction->setText(tr("&Copy telegram as text"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_clearAction->setText(tr("C&lear history and chart"));
    m_languageMenu->setTitle(tr("&Language"));
    m_systemLanguageAction->setText(tr("System language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About p1-monitor"));
    m_follow->setText(tr("Show the latest telegram as it arrives"));
    m_recordingLabel->setText(m_session->isRecording()
            ? tr("Recording to %1").arg(m_session->recordingPath())
            : QString());
    m_history->retranslate();
    m_telegram->retranslate();
    if (m_problemSeverity != CableDiagnosis::Severity::None && m_session->isActive()
        && m_session->diagnosis().problem() != CableDiagnosis::Problem::None)
        showMessage(m_session->diagnosis().message(), m_session->diagnosis().severity());
    updateTitle();
}

void MainWindow::updateTitle()
{
    const MonitorSession::Statistics &s = m_session->statistics();
    setWindowTitle(s.source.isEmpty()
            ? tr("p1-monitor")
            : tr("p1-monitor — %1")
                  .arg(m_session->source() ? m_session->source()->name() : s.source));
}

void MainWindow::resetViews()
{
    m_history->clear();
    m_telegram->clear();
    m_status->clearChart();
    showMessage(QString(), CableDiagnosis::Severity::None);
}

void MainWindow::openSource(std::unique_ptr<Source> source)
{
    resetViews();
    m_session->start(std::move(source));
    m_picker->setConnected(true);
    m_telegram->showWaiting();
    updateTitle();
}

bool MainWindow::openSource(const QString &spec, const SourceOptions &options)
{
    m_picker->setSpec(spec);
    QString error;
    const std::optional<DecryptionKeys> keys = m_picker->keys(&error);
    if (!keys) {
        showMessage(error, CableDiagnosis::Severity::Error);
        return false;
    }
    m_session->setKeys(*keys);
    resetViews();
    if (!m_session->start(spec, options, &error)) {
        showMessage(error, CableDiagnosis::Severity::Error);
        m_picker->setConnected(false);
        return false;
    }
    m_picker->setConnected(true);
    m_telegram->showWaiting();
    updateTitle();
    return true;
}

void MainWindow::closeSource()
{
    m_session->stop();
    m_picker->setConnected(false);
    showMessage(QString(), CableDiagnosis::Severity::None);
}

void MainWindow::onSourceFinished()
{
    // The source gave up (port error, end of a capture): the picker offers Connect again.
    m_picker->setConnected(false);
}

void MainWindow::onTelegram(const TelegramRecord &record)
{
    m_history->append(record);
    if (record.accepted() && record.netPower)
        m_status->addPowerSample(*record.netPower);
    if (m_followLatest) {
        m_telegram->showRecord(record);
        m_historyView->scrollToBottom();
    }
}

void MainWindow::showHistoryRow(int row)
{
    if (row < 0 || row >= m_history->count())
        return;
    setFollowLatest(row == m_history->count() - 1 && m_followLatest);
    m_telegram->showRecord(m_history->record(row));
    m_historyView->selectRow(row);
}

void MainWindow::setFollowLatest(bool follow)
{
    m_followLatest = follow;
    if (m_follow->isChecked() != follow)
        m_follow->setChecked(follow);
    if (follow && m_history->count() > 0) {
        m_telegram->showRecord(m_history->record(m_history->count() - 1));
        m_historyView->clearSelection();
        m_historyView->scrollToBottom();
    }
}

bool MainWindow::followLatest() const
{
    return m_followLatest;
}

QString MainWindow::problemText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void MainWindow::showProblem(CableDiagnosis::Problem problem, const QString &message)
{
    showMessage(message, CableDiagnosis::severity(problem));
}

void MainWindow::showMessage(const QString &message, CableDiagnosis::Severity severity)
{
    m_problemMessage = message;
    m_problemSeverity = message.isEmpty() ? CableDiagnosis::Severity::None : severity;
    m_banner->setText(message);
    m_banner->setStyleSheet(bannerStyle(severity));
    m_banner->setHidden(message.isEmpty());
}

void MainWindow::toggleRecording(bool on)
{
    if (!on) {
        m_session->stopRecording();
        m_recordingLabel->clear();
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Record to capture file"),
        QStringLiteral("p1-capture.p1"), tr("P1 captures (*.p1);;All files (*)"));
    QString error;
    if (path.isEmpty() || !m_session->startRecording(path, &error)) {
        const QSignalBlocker block(m_recordAction);
        m_recordAction->setChecked(false);
        if (!error.isEmpty())
            showMessage(error, CableDiagnosis::Severity::Error);
        return;
    }
    m_recordingLabel->setText(tr("Recording to %1").arg(path));
}

bool MainWindow::saveTelegram(const QString &path, QString *error) const
{
    if (!m_telegram->shownRecord()) {
        if (error)
            *error = tr("No telegram to save yet.");
        return false;
    }
    QFile file(path);
    // The bytes as received plus the line end after the CRC, so the file replays and decodes.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(m_telegram->shownRecord()->text + QByteArrayLiteral("\r\n"))
            != m_telegram->shownRecord()->text.size() + 2) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void MainWindow::saveTelegramAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save telegram"),
        QStringLiteral("telegram.p1"), tr("P1 captures (*.p1);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTelegram(path, &error))
        showMessage(error, CableDiagnosis::Severity::Error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

QString MainWindow::telegramAsText() const
{
    return m_telegram->shownRecord()
        ? RawTelegramFormatter::toPlainText(m_telegram->shownRecord()->text)
        : QString();
}

void MainWindow::copyTelegram()
{
    if (!m_telegram->shownRecord())
        return;
    QApplication::clipboard()->setText(telegramAsText());
    statusBar()->showMessage(tr("Telegram copied"), 3000);
}

void MainWindow::setPortDetector(PortDetector *detector)
{
    m_detector = detector;
}

void MainWindow::detect()
{
    PortDetector *detector = m_detector;
    if (!detector) {
        if (!m_ownDetector)
            m_ownDetector = new PortDetector(this);
        detector = m_ownDetector;
    }
    DetectDialog dialog(detector, this);
    dialog.start();
    if (dialog.exec() != QDialog::Accepted || dialog.chosenPort().isEmpty())
        return;
    SourceOptions options = m_picker->options();
    if (dialog.chosenBaudRate() == 9600)
        options.baudMode = SerialSource::BaudMode::Baud9600;
    else if (dialog.chosenBaudRate() == 115200)
        options.baudMode = SerialSource::BaudMode::Baud115200;
    m_picker->setBaudMode(options.baudMode);
    openSource(dialog.chosenPort(), options);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_session->stopRecording();
    m_session->stop();
    QMainWindow::closeEvent(event);
}

} // namespace p1
