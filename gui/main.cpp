#include "languagemanager.h"
#include "logging.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"dbus-p1"_s);
    QApplication::setApplicationName(u"p1-monitor"_s);
    QApplication::setApplicationVersion(QStringLiteral(P1_VERSION));

    p1::LanguageManager languages;
    languages.applySaved();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Sets up and debugs a P1 smart meter cable: live telegrams, CRC, decoded fields and "
        "what dbus-p1 would publish."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"SOURCE"_s,
        QApplication::translate("main",
            "Connect at start: a serial port (ttyUSB0), tcp://HOST:PORT, file:PATH or sim:."),
        u"[SOURCE]"_s);
    const QCommandLineOption baud(u"baud"_s,
        QApplication::translate("main", "Serial baud rate: auto, 115200 or 9600."),
        QApplication::translate("main", "RATE"), u"auto"_s);
    const QCommandLineOption speed(u"replay-speed"_s,
        QApplication::translate("main", "For file: sources: 1 = the meter's pace, 0 = at once."),
        QApplication::translate("main", "X"), u"1"_s);
    const QCommandLineOption language(u"language"_s,
        QApplication::translate("main", "Language for this run: en, nl, de or fr."),
        QApplication::translate("main", "LANG"));
    const QCommandLineOption tab(u"tab"_s,
        QApplication::translate("main", "Tab to show: raw, fields or venus."),
        QApplication::translate("main", "TAB"), u"raw"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
        QApplication::translate("main", "Save a picture of the window to FILE and quit."),
        QApplication::translate("main", "FILE"));
    const QCommandLineOption delay(u"screenshot-delay"_s,
        QApplication::translate("main", "Seconds to run before the screenshot (default: 5)."),
        QApplication::translate("main", "S"), u"5"_s);
    for (const auto *o : {&baud, &speed, &language, &tab, &screenshot, &delay})
        parser.addOption(*o);
    parser.process(app);

    if (parser.isSet(language))
        languages.apply(parser.value(language));

    p1::MainWindow window(&languages);
    const QStringList tabs = {u"raw"_s, u"fields"_s, u"venus"_s};
    window.tabs()->setCurrentIndex(std::max(0, int(tabs.indexOf(parser.value(tab)))));
    window.show();

    if (!parser.positionalArguments().isEmpty()) {
        p1::SourceOptions options;
        if (const auto mode = p1::SerialSource::parseBaudMode(parser.value(baud)))
            options.baudMode = *mode;
        options.replaySpeed = std::max(0.0, parser.value(speed).toDouble());
        window.openSource(parser.positionalArguments().constFirst(), options);
    }

    if (parser.isSet(screenshot)) {
        const QString path = parser.value(screenshot);
        const int ms = int(std::max(0.0, parser.value(delay).toDouble()) * 1000);
        QTimer::singleShot(ms, &window, [&window, path] {
            if (!window.grab().save(path)) {
                p1::printError(QStringLiteral("cannot write %1").arg(path));
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    }
    return app.exec();
}
