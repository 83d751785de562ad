#pragma once

#include "monitorsession.h"
#include "telegramrecord.h"
#include "telegramview.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QActionGroup;
class QCheckBox;
class QLabel;
class QMenu;
class QSplitter;
class QTableView;

namespace p1 {

class LanguageManager;
class PortDetector;
class SourcePicker;
class StatusPanel;
class TelegramHistoryModel;

/// p1-monitor's window: the source picker on top, a banner for cable problems, the status
/// panel and the telegram scrollback on the left, and on the right the selected telegram three
/// ways: raw bytes, decoded fields, and what the daemon would publish on D-Bus.
///
/// All the work is in MonitorSession and the models; the window wires them to the views and
/// handles the user's commands (record, save, copy, language).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LanguageManager *languages = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts reading \a spec, as if picked and connected in the source picker. Returns false
    /// (and shows why) when \a spec is not a valid SOURCE.
    bool openSource(const QString &spec, const SourceOptions &options = {});
    /// Reads from \a source (tests: a simulator with a short interval).
    void openSource(std::unique_ptr<Source> source);
    void closeSource();

    /// Shows the telegram in row \a row of the scrollback (and stops following the latest).
    void showHistoryRow(int row);
    void setFollowLatest(bool follow);
    [[nodiscard]] bool followLatest() const;

    /// Writes the telegram shown, exactly as received, to \a path.
    bool saveTelegram(const QString &path, QString *error = nullptr) const;
    /// The telegram shown as text (invisible bytes as tokens), as "Copy" puts it on the clipboard.
    [[nodiscard]] QString telegramAsText() const;

    [[nodiscard]] MonitorSession *session() const noexcept { return m_session; }
    [[nodiscard]] TelegramHistoryModel *historyModel() const noexcept { return m_history; }
    [[nodiscard]] FieldsModel *fieldsModel() const noexcept { return m_telegram->fieldsModel(); }
    [[nodiscard]] VenusModel *venusModel() const noexcept { return m_telegram->venusModel(); }
    [[nodiscard]] StatusPanel *statusPanel() const noexcept { return m_status; }
    [[nodiscard]] SourcePicker *sourcePicker() const noexcept { return m_picker; }
    [[nodiscard]] QTextBrowser *rawView() const noexcept { return m_telegram->rawView(); }
    [[nodiscard]] QTreeView *fieldsView() const noexcept { return m_telegram->fieldsView(); }
    [[nodiscard]] QTableView *venusView() const noexcept { return m_telegram->venusView(); }
    [[nodiscard]] QTableView *historyView() const noexcept { return m_historyView; }
    [[nodiscard]] QTabWidget *tabs() const noexcept { return m_telegram; }
    /// The cable-problem banner's text; empty when hidden.
    [[nodiscard]] QString problemText() const;
    [[nodiscard]] const std::optional<TelegramRecord> &shownRecord() const noexcept
    {
        return m_telegram->shownRecord();
    }

    /// Replaces the detector the Detect action uses (tests); the window does not own it.
    void setPortDetector(PortDetector *detector);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void resetViews();
    void retranslate();
    void onTelegram(const TelegramRecord &record);
    void showProblem(CableDiagnosis::Problem problem, const QString &message);
    void showMessage(const QString &message, CableDiagnosis::Severity severity);
    void onSourceFinished();
    void toggleRecording(bool on);
    void saveTelegramAs();
    void copyTelegram();
    void detect();
    void updateTitle();

    LanguageManager *m_languages;
    MonitorSession *m_session;
    TelegramHistoryModel *m_history;
    TelegramView *m_telegram = nullptr;
    PortDetector *m_detector = nullptr;
    PortDetector *m_ownDetector = nullptr;

    SourcePicker *m_picker = nullptr;
    QLabel *m_banner = nullptr;
    StatusPanel *m_status = nullptr;
    QTableView *m_historyView = nullptr;
    QCheckBox *m_follow = nullptr;
    QLabel *m_recordingLabel = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_systemLanguageAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;

    QString m_problemMessage;
    CableDiagnosis::Severity m_problemSeverity = CableDiagnosis::Severity::None;
    bool m_followLatest = true;
};

} // namespace p1
