// The Venus OS packaging in daemon/venus/, driven as Venus drives it: the service template
// substituted the way serial-starter does (sed "s:TTY:<port>:"), its run script started and
// stopped as supervise does, install.sh run under dash/sh and busybox ash into a scratch
// root (--root), and the venus-package archive built and unpacked.

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 60'000;
constexpr int kBuildTimeoutMs = 600'000;

const QString kHookBlock = u"# >>> dbus-p1: re-install after firmware updates "
                           u"(remove: /data/dbus-p1/install.sh --uninstall)\n"
                           u"if [ -x /data/dbus-p1/install.sh ]; then /data/dbus-p1/install.sh "
                           u"--boot || true; fi\n"
                           u"# <<< dbus-p1\n"_s;

QString venusDir()
{
    return QStringLiteral(P1_VENUS_DIR);
}

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QString &program, const QStringList &args, const QString &cwd = {},
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
    int timeoutMs = kTimeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    Result r;
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished();
        r.err = u"did not finish: "_s + program + u' ' + args.join(u' ');
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// A shell row: {"sh"} (dash on Debian) or {"busybox", "sh"} (Venus OS's ash).
bool haveShell(const QStringList &shell)
{
    return !QStandardPaths::findExecutable(shell.first()).isEmpty();
}

Result runShell(const QStringList &shell, const QStringList &args, const QString &cwd = {},
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return run(shell.first(), shell.mid(1) + args, cwd, env);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data, int mode = 0644)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

enum class Snap
{
    WithModes,
    ContentOnly
};

// Every entry under root, relative path -> what it is: folders with their mode, files with
// mode and SHA-256, symbolic links with their target. Two equal snapshots are equal trees.
QMap<QString, QString> snapshot(const QString &root, Snap how = Snap::WithModes)
{
    QMap<QString, QString> out;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo fi(path);
        const QString rel = QDir(root).relativeFilePath(path);
        const QString mode = how == Snap::WithModes
            ? QString::number(modeOf(path), 8).rightJustified(4, u'0')
            : QString();
        if (fi.isSymLink()) {
            out.insert(rel, u"link -> "_s + fi.symLinkTarget());
        } else if (fi.isDir()) {
            if (how == Snap::WithModes)
                out.insert(rel, u"dir "_s + mode);
        } else {
            const QByteArray sum =
                QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256).toHex();
            out.insert(rel, u"file "_s + mode + u' ' + QString::fromLatin1(sum));
        }
    }
    return out;
}

// Lines of a script that do something: no comments (but the #! line), no blank lines.
QStringList codeLines(const QString &text)
{
    QStringList out;
    const QStringList lines = text.split(u'\n');
    for (const QString &l : lines) {
        const QString t = l.trimmed();
        if (t.isEmpty() || (t.startsWith(u'#') && !t.startsWith(u"#!")))
            continue;
        out << l;
    }
    return out;
}

// The template as serial-starter makes a service of it: copy, then sed -i "s:TTY:<port>:".
QString substituted(const QString &file, const QString &port, QString *error)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"run"_s);
    QFile::copy(venusDir() + u"/service/dbus-p1/"_s + file, copy);
    const Result r = run(u"sed"_s, {u"-i"_s, u"s:TTY:"_s + port + u':', copy});
    if (r.exitCode != 0)
        *error = r.err;
    return QString::fromUtf8(readFile(copy));
}

const QStringList kRunLines = {
    u"#!/bin/sh"_s,
    u"exec 2>&1"_s,
    u"tty=@PORT@"_s,
    u"lock=/var/lock/serial-starter/$tty"_s,
    u"keys=/data/dbus-p1/meter.key"_s,
    u"ak=/data/dbus-p1/meter.ak"_s,
    u"set --"_s,
    uR"([ -f "$keys" ] && set -- --key "$keys")"_s,
    uR"([ -f "$ak" ] && set -- "$@" --auth-key "$ak")"_s,
    u"pid="_s,
    u"stop="_s,
    uR"(trap 'stop=1; [ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null' TERM INT HUP)"_s,
    uR"(softlimit -d 100000000 -s 1000000 -a 100000000 /data/dbus-p1/bin/dbus-p1 "$@" "$tty" &)"_s,
    u"pid=$!"_s,
    uR"([ -z "$stop" ] || kill -TERM "$pid" 2>/dev/null)"_s,
    uR"(while wait "$pid"; status=$?; kill -0 "$pid" 2>/dev/null; do :; done)"_s,
    uR"(rm -f "$lock")"_s,
    uR"(if [ ! -e "/dev/$tty" ]; then)"_s,
    uR"(    echo "dbus-p1: /dev/$tty is gone, service down until the port comes back")"_s,
    uR"(    svc -d . 2>/dev/null)"_s,
    u"fi"_s,
    uR"(exit "$status")"_s,
};

const QStringList kLogRunLines = {
    u"#!/bin/sh"_s,
    u"exec multilog t s25000 n4 /var/log/dbus-p1.@PORT@"_s,
};

// What install.sh must leave in a scratch root, with modes.
const QMap<QString, int> kInstalledFiles = {
    {u"data/dbus-p1/bin/dbus-p1"_s, 0755},
    {u"data/dbus-p1/install.sh"_s, 0755},
    {u"data/dbus-p1/README.md"_s, 0644},
    {u"data/dbus-p1/settings"_s, 0644},
    {u"data/dbus-p1/service/dbus-p1/run"_s, 0755},
    {u"data/dbus-p1/service/dbus-p1/log/run"_s, 0755},
    {u"data/dbus-p1/serial-starter.d/dbus-p1.conf"_s, 0644},
    {u"data/dbus-p1/udev/99-dbus-p1.rules"_s, 0644},
    {u"opt/victronenergy/service-templates/dbus-p1/run"_s, 0755},
    {u"opt/victronenergy/service-templates/dbus-p1/log/run"_s, 0755},
    {u"etc/udev/rules.d/99-dbus-p1.rules"_s, 0644},
    {u"data/conf/serial-starter.d/dbus-p1.conf"_s, 0644},
    {u"data/rc.local"_s, 0755},
};

// A stand-in for the daemon binary, and optionally a Qt SerialPort library in ../lib.
QString makeFakeBinary(const QTemporaryDir &dir, bool withLib)
{
    QString bin = dir.filePath(u"build/bin/dbus-p1"_s);
    writeFile(bin, QByteArrayLiteral("#!/bin/sh\necho fake dbus-p1 \"$@\"\n"), 0755);
    if (withLib)
        writeFile(dir.filePath(u"build/lib/libQt6SerialPort.so.6"_s),
            QByteArrayLiteral("not really a library\n"), 0755);
    return bin;
}

QStringList shellRow(const char *name)
{
    return qstrcmp(name, "busybox") == 0 ? QStringList {u"busybox"_s, u"sh"_s}
                                         : QStringList {u"sh"_s};
}

QTestData &row(const char *shell, const char *name)
{
    const QByteArray tag = QByteArray(shell) + '-' + name;
    return QTest::newRow(tag.constData());
}

} // namespace

class TstVenusPackaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templateSubstitution_data();
    void templateSubstitution();
    void runScriptLifecycle_data();
    void runScriptLifecycle();
    void serialStarterConf();
    void udevRule();
    void installer_data();
    void installer();
    void installerNetworkSource_data();
    void installerNetworkSource();
    void installerProbe_data();
    void installerProbe();
    void installerKey();
    void installerBadOptions_data();
    void installerBadOptions();
    void packageArchive();
};

void TstVenusPackaging::templateSubstitution_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("run-ttyUSB0") << u"run"_s << u"ttyUSB0"_s << kRunLines;
    QTest::newRow("run-ttyACM1") << u"run"_s << u"ttyACM1"_s << kRunLines;
    QTest::newRow("log-run-ttyUSB0") << u"log/run"_s << u"ttyUSB0"_s << kLogRunLines;
    QTest::newRow("log-run-ttyS4") << u"log/run"_s << u"ttyS4"_s << kLogRunLines;
}

void TstVenusPackaging::templateSubstitution()
{
    QFETCH(QString, file);
    QFETCH(QString, port);
    QFETCH(QStringList, expected);

    QString error;
    const QString text = substituted(file, port, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QStringList want;
    for (const QString &l : expected)
        want << QString(l).replace(u"@PORT@"_s, port);
    QCOMPARE(codeLines(text), want);

    // Comments come through untouched (sed changes the first placeholder of every line,
    // comment or not), nothing is left over, and the other key serial-starter rewrites in
    // run ("PRODUCT") appears nowhere.
    const QString original =
        QString::fromUtf8(readFile(venusDir() + u"/service/dbus-p1/"_s + file));
    QCOMPARE(original.count(u"TTY"_s), 1);
    QVERIFY(!text.contains(u"TTY"_s));
    QVERIFY(!original.contains(u"PRODUCT"_s));
    QCOMPARE(text, QString(original).replace(u"TTY"_s, port));
}

void TstVenusPackaging::runScriptLifecycle_data()
{
    QTest::addColumn<QStringList>("shell");
    QTest::addColumn<QString>("daemonMode"); // what the stand-in daemon does
    QTest::addColumn<bool>("stopBySignal"); // svc -d: TERM to the run script
    QTest::addColumn<bool>("portPresent");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("svcCalls");
    QTest::addColumn<QString>("keyFiles"); // "": none, "key", "key+ak"

    for (const char *sh : {"sh", "busybox"}) {
        row(sh, "svc-d-stops-daemon")
            << shellRow(sh) << u"run"_s << true << true << 0 << QString() << QString();
        row(sh, "with-key") << shellRow(sh) << u"exit3"_s << false << true << 3 << QString()
                            << u"key"_s;
        row(sh, "with-key-and-ak")
            << shellRow(sh) << u"exit3"_s << false << true << 3 << QString() << u"key+ak"_s;
        row(sh, "meter-lost") << shellRow(sh) << u"exit3"_s << false << true << 3 << QString()
                              << QString();
        row(sh, "no-meter-probe") << shellRow(sh) << u"exit1"_s << false << true << 1 << QString()
                                  << QString();
        row(sh, "cable-pulled") << shellRow(sh) << u"exit3"_s << false << false << 3 << u"-d .\n"_s
                                << QString();
    }
}

void TstVenusPackaging::runScriptLifecycle()
{
    QFETCH(QStringList, shell);
    QFETCH(QString, daemonMode);
    QFETCH(bool, stopBySignal);
    QFETCH(bool, portPresent);
    QFETCH(int, exitCode);
    QFETCH(QString, svcCalls);
    QFETCH(QString, keyFiles);
    if (!haveShell(shell))
        QSKIP("shell not installed (apt-get install busybox)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString d = dir.path();
    QString error;
    QString text = substituted(u"run"_s, u"ttyUSB0"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The absolute Venus paths, moved into the scratch folder.
    text.replace(u"/data/dbus-p1/bin/dbus-p1"_s, d + u"/bin/dbus-p1"_s)
        .replace(u"/data/dbus-p1/meter."_s, d + u"/meter."_s)
        .replace(u"/var/lock/serial-starter"_s, d + u"/lock"_s)
        .replace(u"/dev/$tty"_s, d + u"/dev/$tty"_s);
    QVERIFY(writeFile(d + u"/service/run"_s, text.toUtf8(), 0755));

    QVERIFY(writeFile(d + u"/bin/softlimit"_s, QByteArrayLiteral(R"(#!/bin/sh
while [ $# -gt 0 ]; do case $1 in -[dsa]) shift 2 ;; *) break ;; esac; done
exec "$@"
)"),
        0755));
    QVERIFY(writeFile(d + u"/bin/dbus-p1"_s, QByteArrayLiteral(R"(#!/bin/sh
trap 'echo TERM > "$P1_TEST_DIR/daemon.signal"; exit 0' TERM
echo "$*" > "$P1_TEST_DIR/daemon.started"
case $P1_FAKE_MODE in
exit1) exit 1 ;;
exit3) exit 3 ;;
esac
while :; do sleep 0.05; done
)"),
        0755));
    QVERIFY(writeFile(d + u"/bin/svc"_s,
        QByteArrayLiteral("#!/bin/sh\necho \"$*\" >> \"$P1_TEST_DIR/svc.log\"\n"), 0755));
    QDir().mkpath(d + u"/lock"_s);
    // serial-starter's lock: a link to its own pid.
    QVERIFY(QFile::link(u"4242"_s, d + u"/lock/ttyUSB0"_s));
    if (portPresent)
        QVERIFY(writeFile(d + u"/dev/ttyUSB0"_s, {}));
    if (!keyFiles.isEmpty())
        QVERIFY(writeFile(d + u"/meter.key"_s, "00112233445566778899AABBCCDDEEFF\n", 0600));
    if (keyFiles == u"key+ak"_s)
        QVERIFY(writeFile(d + u"/meter.ak"_s, "FFEEDDCCBBAA99887766554433221100\n", 0600));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"PATH"_s, d + u"/bin:"_s + env.value(u"PATH"_s));
    env.insert(u"P1_TEST_DIR"_s, d);
    env.insert(u"P1_FAKE_MODE"_s, daemonMode);

    QProcess p;
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(d + u"/service"_s);
    p.start(shell.first(), shell.mid(1) << d + u"/service/run"_s);
    QVERIFY(p.waitForStarted());
    if (stopBySignal) {
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(d + u"/daemon.started"_s), 10'000);
        p.terminate();
    }
    QVERIFY(p.waitForFinished(kTimeoutMs));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), exitCode);

    QByteArray args = "ttyUSB0\n";
    if (keyFiles == u"key+ak"_s)
        args.prepend("--auth-key " + d.toUtf8() + "/meter.ak ");
    if (!keyFiles.isEmpty())
        args.prepend("--key " + d.toUtf8() + "/meter.key ");
    QCOMPARE(readFile(d + u"/daemon.started"_s), args);
    QCOMPARE(QFile::exists(d + u"/daemon.signal"_s), stopBySignal);
    QVERIFY2(!QFileInfo(d + u"/lock/ttyUSB0"_s).isSymLink(), "the port lock must be released");
    QCOMPARE(QString::fromUtf8(readFile(d + u"/svc.log"_s)), svcCalls);
}

void TstVenusPackaging::serialStarterConf()
{
    // serial-starter's load_config: "service NAME VALUE", NAME of [[:alnum:]_], VALUE of
    // [[:alnum:]_:.-]; "#" starts a comment anywhere.
    const QString text =
        QString::fromUtf8(readFile(venusDir() + u"/serial-starter.d/dbus-p1.conf"_s));
    QStringList statements;
    const QStringList lines = text.split(u'\n');
    for (QString l : lines) {
        l = l.left(l.indexOf(u'#') < 0 ? l.size() : l.indexOf(u'#')).simplified();
        if (!l.isEmpty())
            statements << l;
    }
    QCOMPARE(statements, QStringList {u"service p1 dbus-p1"_s});
    const QStringList words = statements.first().split(u' ');
    QVERIFY(QRegularExpression(u"^[[:alnum:]_]+$"_s).match(words.at(1)).hasMatch());
    QVERIFY(QRegularExpression(u"^[[:alnum:]_:.-]+$"_s).match(words.at(2)).hasMatch());
    // The template named there exists.
    QVERIFY(QFileInfo::exists(venusDir() + u"/service/"_s + words.at(2) + u"/run"_s));
}

void TstVenusPackaging::udevRule()
{
    const QString path = venusDir() + u"/udev/99-dbus-p1.rules"_s;
    const QStringList rules = codeLines(QString::fromUtf8(readFile(path)));
    QCOMPARE(rules,
        QStringList {uR"(ACTION!="remove", SUBSYSTEM=="tty", ENV{ID_BUS}=="usb", )"
                     uR"(ENV{ID_MODEL}=="P1_Converter_Cable", ENV{VE_SERVICE}="p1")"_s});

    // systemd 253+ can check the syntax; Debian 12's udevadm (252) cannot.
    if (QStandardPaths::findExecutable(u"udevadm"_s).isEmpty()
        || run(u"udevadm"_s, {u"verify"_s, u"--help"_s}).exitCode != 0) {
        qInfo("udevadm verify not available: checked the rule text only");
        return;
    }
    const Result r = run(u"udevadm"_s, {u"verify"_s, path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
}

void TstVenusPackaging::installer_data()
{
    QTest::addColumn<QStringList>("shell");
    QTest::addColumn<bool>("withLib");
    QTest::addColumn<QByteArray>("rcLocalBefore"); // empty: no rc.local yet
    QTest::addColumn<int>("rcLocalModeBefore");
    QTest::addColumn<QByteArray>("rcLocalAfter");

    const QByteArray block = kHookBlock.toUtf8();
    const QByteArray withExit = "#!/bin/bash\necho hello > /tmp/hello\n\nexit 0\n";
    const QByteArray plain = "#!/bin/sh\n/data/other-driver/boot.sh\n";
    for (const char *sh : {"sh", "busybox"}) {
        row(sh, "no-rc-local") << shellRow(sh) << false << QByteArray() << 0
                               << "#!/bin/sh\n" + block;
        row(sh, "rc-local-ends-in-exit")
            << shellRow(sh) << true << withExit << 0755
            << "#!/bin/bash\necho hello > /tmp/hello\n\n" + block + "exit 0\n";
        row(sh, "rc-local-not-executable")
            << shellRow(sh) << false << plain << 0644 << plain + block;
    }
}

void TstVenusPackaging::installer()
{
    QFETCH(QStringList, shell);
    QFETCH(bool, withLib);
    QFETCH(QByteArray, rcLocalBefore);
    QFETCH(int, rcLocalModeBefore);
    QFETCH(QByteArray, rcLocalAfter);
    if (!haveShell(shell))
        QSKIP("shell not installed (apt-get install busybox)");

    QTemporaryDir build;
    QTemporaryDir rootDir;
    QVERIFY(build.isValid() && rootDir.isValid());
    const QString root = rootDir.path();
    const QString bin = makeFakeBinary(build, withLib);
    if (!rcLocalBefore.isEmpty())
        QVERIFY(writeFile(root + u"/data/rc.local"_s, rcLocalBefore, rcLocalModeBefore));
    const auto before = snapshot(root, Snap::ContentOnly);

    // First install.
    const QString installer = venusDir() + u"/install.sh"_s;
    Result r = runShell(shell, {installer, u"--root"_s, root, u"--bin"_s, bin});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    for (auto it = kInstalledFiles.cbegin(); it != kInstalledFiles.cend(); ++it)
        QVERIFY2(modeOf(root + u'/' + it.key()) == it.value(), qPrintable(it.key()));
    QCOMPARE(modeOf(root + u"/data/dbus-p1/lib/libQt6SerialPort.so.6"_s), withLib ? 0644 : -1);
    QCOMPARE(readFile(root + u"/data/rc.local"_s), rcLocalAfter);
    QCOMPARE(readFile(root + u"/data/dbus-p1/bin/dbus-p1"_s), readFile(bin));
    QCOMPARE(readFile(root + u"/opt/victronenergy/service-templates/dbus-p1/run"_s),
        readFile(venusDir() + u"/service/dbus-p1/run"_s));
    QCOMPARE(readFile(root + u"/etc/udev/rules.d/99-dbus-p1.rules"_s),
        readFile(venusDir() + u"/udev/99-dbus-p1.rules"_s));
    QCOMPARE(readFile(root + u"/data/conf/serial-starter.d/dbus-p1.conf"_s),
        readFile(venusDir() + u"/serial-starter.d/dbus-p1.conf"_s));
    QCOMPARE(readFile(root + u"/data/dbus-p1/settings"_s),
        QByteArrayLiteral("# dbus-p1 settings, written by install.sh, read by install.sh --boot\n"
                          "source=\nprobe=no\n"));
    const auto installed = snapshot(root);

    // Again: the same tree, and nothing even rewritten.
    r = runShell(shell, {installer, u"--root"_s, root, u"--bin"_s, bin});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(u"installed /"_s), qPrintable(r.out));
    QCOMPARE(snapshot(root), installed);

    // A firmware update wipes the root file system; the rc.local hook puts it back.
    QVERIFY(QDir(root + u"/opt"_s).removeRecursively());
    QVERIFY(QDir(root + u"/etc"_s).removeRecursively());
    const QString hooked = root + u"/data/dbus-p1/install.sh"_s;
    r = runShell(shell, {hooked, u"--root"_s, root, u"--boot"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(snapshot(root), installed);
    // A normal boot has nothing to do.
    r = runShell(shell, {hooked, u"--root"_s, root, u"--boot"_s});
    QVERIFY2(r.exitCode == 0 && r.out.isEmpty(), qPrintable(r.out + r.err));
    QCOMPARE(snapshot(root), installed);

    // A port serial-starter gave to the template: its service, and its lock.
    QVERIFY(writeFile(root + u"/var/volatile/services/dbus-p1.ttyUSB0/run"_s, "x", 0755));
    QVERIFY(writeFile(root + u"/var/volatile/services/dbus-p1.ttyUSB0/log/run"_s, "x", 0755));
    QDir().mkpath(root + u"/service"_s);
    QVERIFY(QFile::link(
        u"/var/volatile/services/dbus-p1.ttyUSB0"_s, root + u"/service/dbus-p1.ttyUSB0"_s));
    QDir().mkpath(root + u"/var/lock/serial-starter"_s);
    QVERIFY(QFile::link(u"4242"_s, root + u"/var/lock/serial-starter/ttyUSB0"_s));

    // Uninstall: every file as before (rc.local to the byte), nothing of ours left.
    r = runShell(shell, {hooked, u"--root"_s, root, u"--uninstall"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(snapshot(root, Snap::ContentOnly), before);
}

void TstVenusPackaging::installerNetworkSource_data()
{
    QTest::addColumn<QStringList>("shell");
    QTest::addColumn<QString>("source");

    QTest::newRow("sh-ipv4") << shellRow("sh") << u"tcp://192.168.1.50:8088"_s;
    QTest::newRow("sh-hostname") << shellRow("sh") << u"tcp://p1-dongle.local:23"_s;
    QTest::newRow("busybox-ipv6") << shellRow("busybox") << u"tcp://[fd00::50]:2000"_s;
}

void TstVenusPackaging::installerNetworkSource()
{
    QFETCH(QStringList, shell);
    QFETCH(QString, source);
    if (!haveShell(shell))
        QSKIP("shell not installed (apt-get install busybox)");

    QTemporaryDir build;
    QTemporaryDir rootDir;
    const QString root = rootDir.path();
    const QString bin = makeFakeBinary(build, false);
    const QString installer = venusDir() + u"/install.sh"_s;
    Result r =
        runShell(shell, {installer, u"--root"_s, root, u"--bin"_s, bin, u"--source"_s, source});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));

    const QStringList runLines = {
        u"#!/bin/sh"_s,
        u"exec 2>&1"_s,
        u"keys="_s,
        u"[ -f /data/dbus-p1/meter.key ] && keys=\"--key /data/dbus-p1/meter.key\""_s,
        u"[ -f /data/dbus-p1/meter.ak ] && keys=\"$keys --auth-key /data/dbus-p1/meter.ak\""_s,
        u"exec softlimit -d 100000000 -s 1000000 -a 100000000 /data/dbus-p1/bin/dbus-p1 $keys "_s
            + source,
    };
    const QStringList logLines = {
        u"#!/bin/sh"_s, u"exec multilog t s25000 n4 /var/log/dbus-p1.net"_s};
    for (const QString &dir : {u"/service/dbus-p1-net"_s, u"/data/dbus-p1/service/dbus-p1-net"_s}) {
        QCOMPARE(codeLines(QString::fromUtf8(readFile(root + dir + u"/run"_s))), runLines);
        QCOMPARE(codeLines(QString::fromUtf8(readFile(root + dir + u"/log/run"_s))), logLines);
        QCOMPARE(modeOf(root + dir + u"/run"_s), 0755);
        QCOMPARE(modeOf(root + dir + u"/log/run"_s), 0755);
    }
    QVERIFY(readFile(root + u"/data/dbus-p1/settings"_s)
                .contains(QByteArray("\nsource=" + source.toUtf8() + '\n')));
    // The serial-starter side is there as well: the USB cable still works.
    QVERIFY(QFileInfo::exists(root + u"/opt/victronenergy/service-templates/dbus-p1/run"_s));
    const auto installed = snapshot(root);

    // A plain re-install keeps the setting; /service is a tmpfs, rebuilt at boot.
    r = runShell(shell, {installer, u"--root"_s, root, u"--bin"_s, bin});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(snapshot(root), installed);
    QVERIFY(QDir(root + u"/service"_s).removeRecursively());
    r = runShell(shell, {root + u"/data/dbus-p1/install.sh"_s, u"--root"_s, root, u"--boot"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(snapshot(root), installed);

    // --source none takes the service away again.
    r = runShell(shell, {installer, u"--root"_s, root, u"--bin"_s, bin, u"--source"_s, u"none"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(!QFileInfo::exists(root + u"/service/dbus-p1-net"_s));
    QVERIFY(!QFileInfo::exists(root + u"/data/dbus-p1/service/dbus-p1-net"_s));
    QVERIFY(readFile(root + u"/data/dbus-p1/settings"_s).contains("\nsource=\n"));
}

void TstVenusPackaging::installerProbe_data()
{
    QTest::addColumn<QByteArray>("stockConf"); // /etc/venus/serial-starter.conf
    QTest::addColumn<QByteArray>("otherDriver"); // serial-starter.d/dbus-serialbattery.conf
    QTest::addColumn<QByteArray>("probeLine"); // expected alias line, empty: none

    const QByteArray stock = "service gps gps-dbus\nservice vedirect vedirect-interface\n"
                             "alias default gps:vedirect\nalias rs485 cgwacs:modbus\n"
                             "include /data/conf/serial-starter.d\n";
    QTest::newRow("stock-list") << stock << QByteArray()
                                << QByteArrayLiteral("alias default gps:vedirect:p1");
    QTest::newRow("other-driver-extended-it")
        << stock
        << QByteArrayLiteral("service sbattery dbus-serialbattery\n"
                             "alias default gps:vedirect:sbattery # probe batteries\n")
        << QByteArrayLiteral("alias default gps:vedirect:sbattery:p1");
    QTest::newRow("p1-already-listed")
        << stock << QByteArrayLiteral("alias default gps:p1:vedirect\n") << QByteArray();
    QTest::newRow("alias-after-include-wins")
        << stock + "alias default gps:vedirect:vecan\n"
        << QByteArrayLiteral("alias default gps:vedirect:sbattery\n")
        << QByteArrayLiteral("alias default gps:vedirect:vecan:p1");
    QTest::newRow("no-stock-conf") << QByteArray() << QByteArray() << QByteArray();
}

void TstVenusPackaging::installerProbe()
{
    QFETCH(QByteArray, stockConf);
    QFETCH(QByteArray, otherDriver);
    QFETCH(QByteArray, probeLine);

    QTemporaryDir build;
    QTemporaryDir rootDir;
    const QString root = rootDir.path();
    const QString bin = makeFakeBinary(build, false);
    if (!stockConf.isEmpty())
        QVERIFY(writeFile(root + u"/etc/venus/serial-starter.conf"_s, stockConf));
    if (!otherDriver.isEmpty())
        QVERIFY(writeFile(
            root + u"/data/conf/serial-starter.d/dbus-serialbattery.conf"_s, otherDriver));

    const QString installer = venusDir() + u"/install.sh"_s;
    Result r = runShell({u"sh"_s}, {installer, u"--root"_s, root, u"--bin"_s, bin, u"--probe"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QByteArray shipped = readFile(venusDir() + u"/serial-starter.d/dbus-p1.conf"_s);
    const QByteArray conf = readFile(root + u"/data/conf/serial-starter.d/dbus-p1.conf"_s);
    QVERIFY(conf.startsWith(shipped));
    const QList<QByteArray> added = conf.mid(shipped.size()).split('\n');
    QByteArray aliasLine;
    for (const QByteArray &l : added)
        if (l.startsWith("alias"))
            aliasLine = l;
    QCOMPARE(aliasLine, probeLine);
    QCOMPARE(r.err.contains(u"no \"alias default\""_s), stockConf.isEmpty());
    QVERIFY(readFile(root + u"/data/dbus-p1/settings"_s).contains("\nprobe=yes\n"));

    // Recomputed at boot, and gone with --no-probe.
    r = runShell({u"sh"_s}, {root + u"/data/dbus-p1/install.sh"_s, u"--root"_s, root, u"--boot"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(readFile(root + u"/data/conf/serial-starter.d/dbus-p1.conf"_s), conf);
    r = runShell({u"sh"_s}, {installer, u"--root"_s, root, u"--bin"_s, bin, u"--no-probe"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(readFile(root + u"/data/conf/serial-starter.d/dbus-p1.conf"_s), shipped);
}

void TstVenusPackaging::installerKey()
{
    QTemporaryDir build;
    QTemporaryDir rootDir;
    const QString root = rootDir.path();
    const QString bin = makeFakeBinary(build, false);
    const QString installer = venusDir() + u"/install.sh"_s;
    const QString keyFile = build.filePath(u"smarty.key"_s);
    QVERIFY(writeFile(keyFile, " 0123456789abcdef0123456789ABCDEF\r\n", 0644));
    Result r =
        runShell({u"sh"_s}, {installer, u"--root"_s, root, u"--bin"_s, bin, u"--key"_s, keyFile});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QString stored = root + u"/data/dbus-p1/meter.key"_s;
    QCOMPARE(readFile(stored), QByteArray("0123456789abcdef0123456789ABCDEF\n"));
    QCOMPARE(modeOf(stored), 0600);
    QVERIFY2(!r.out.contains(u"0123456789"_s), "the key is never printed");
    // A re-install keeps it; --key none removes it.
    r = runShell({u"sh"_s}, {installer, u"--root"_s, root, u"--bin"_s, bin});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(QFileInfo::exists(stored));
    r = runShell({u"sh"_s}, {installer, u"--root"_s, root, u"--bin"_s, bin, u"--key"_s, u"none"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(!QFileInfo::exists(stored));
}

void TstVenusPackaging::installerBadOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown-option") << QStringList {u"--frobnicate"_s} << 2 << u"--frobnicate"_s;
    QTest::newRow("unknown-short-option") << QStringList {u"-x"_s} << 2 << u"-x"_s;
    QTest::newRow("missing-argument") << QStringList {u"--bin"_s} << 2 << u"--bin"_s;
    QTest::newRow("stray-argument") << QStringList {u"ttyUSB0"_s} << 2 << u"ttyUSB0"_s;
    QTest::newRow("missing-binary")
        << QStringList {u"--bin"_s, u"/nonexistent/dbus-p1"_s} << 1 << u"/nonexistent/dbus-p1"_s;
    QTest::newRow("source-without-port")
        << QStringList {u"--source"_s, u"tcp://dongle"_s} << 2 << u"tcp://dongle"_s;
    QTest::newRow("source-port-out-of-range")
        << QStringList {u"--source"_s, u"tcp://dongle:70000"_s} << 2 << u"tcp://dongle:70000"_s;
    QTest::newRow("source-bad-host")
        << QStringList {u"--source"_s, u"tcp://a;b:23"_s} << 2 << u"tcp://a;b:23"_s;
    QTest::newRow("source-other-scheme")
        << QStringList {u"--source"_s, u"/dev/ttyUSB0"_s} << 2 << u"/dev/ttyUSB0"_s;
    QTest::newRow("key-not-a-file")
        << QStringList {u"--key"_s, u"00112233445566778899AABBCCDDEEFF"_s} << 2
        << u"no such file"_s;
    QTest::newRow("key-file-without-key")
        << QStringList {u"--key"_s, venusDir() + u"/README.md"_s} << 2 << u"32 hex digits"_s;
    QTest::newRow("boot-with-key")
        << QStringList {u"--boot"_s, u"--key"_s, u"none"_s} << 2 << u"--boot"_s;
    QTest::newRow("uninstall-with-bin")
        << QStringList {u"--uninstall"_s, u"--bin"_s, u"x"_s} << 2 << u"--uninstall"_s;
}

void TstVenusPackaging::installerBadOptions()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    QTemporaryDir rootDir;
    const QString root = rootDir.path();
    const Result r =
        runShell({u"sh"_s}, QStringList {venusDir() + u"/install.sh"_s, u"--root"_s, root} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY2(snapshot(root).isEmpty(), "a refused call must not write anything");
}

void TstVenusPackaging::packageArchive()
{
    for (const char *tool : {"tar", "readelf"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP("tar or readelf not installed");

    const QString buildDir = QStringLiteral(P1_BUILD_DIR);
    Result r = run(QStringLiteral(P1_CMAKE_COMMAND),
        {u"--build"_s, buildDir, u"--target"_s, u"venus-package"_s}, {},
        QProcessEnvironment::systemEnvironment(), kBuildTimeoutMs);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out.right(2000) + r.err.right(2000)));
    const QString archive = buildDir + u"/venus-data.tar.gz"_s;

    // Unpack it as a user does into /data, and look at what came out.
    QTemporaryDir rootDir;
    const QString root = rootDir.path();
    QDir().mkpath(root + u"/data"_s);
    r = run(u"tar"_s, {u"-xzf"_s, archive, u"-C"_s, root + u"/data"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList members;
    const auto tree = snapshot(root + u"/data"_s);
    for (auto it = tree.cbegin(); it != tree.cend(); ++it)
        if (it.value().startsWith(u"file"_s))
            members << it.key() + u' ' + it.value().section(u' ', 1, 1);
    const QStringList expected = {
        u"dbus-p1/README.md 0644"_s,
        u"dbus-p1/bin/dbus-p1 0755"_s,
        u"dbus-p1/install.sh 0755"_s,
        u"dbus-p1/serial-starter.d/dbus-p1.conf 0644"_s,
        u"dbus-p1/service/dbus-p1/log/run 0755"_s,
        u"dbus-p1/service/dbus-p1/run 0755"_s,
        u"dbus-p1/udev/99-dbus-p1.rules 0644"_s,
    };
    QStringList withoutLib = members;
    withoutLib.removeAll(u"dbus-p1/lib/libQt6SerialPort.so.6 0644"_s); // cross builds only
    QCOMPARE(withoutLib, expected);
    QCOMPARE(readFile(root + u"/data/dbus-p1/service/dbus-p1/run"_s),
        readFile(venusDir() + u"/service/dbus-p1/run"_s));

    // The binary finds the bundled Qt SerialPort beside it, wherever /data/dbus-p1 is.
    const QString packagedBin = root + u"/data/dbus-p1/bin/dbus-p1"_s;
    r = run(u"readelf"_s, {u"-d"_s, packagedBin});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(
        r.out.contains(u"(RUNPATH)"_s) && r.out.contains(u"[$ORIGIN/../lib]"_s), qPrintable(r.out));

    // The unpacked installer finds its binary in the package (bin/) without --bin.
    if (!haveShell({u"sh"_s}))
        return;
    const QByteArray binBytes = readFile(packagedBin);
    r = runShell({u"sh"_s}, {root + u"/data/dbus-p1/install.sh"_s, u"--root"_s, root});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QCOMPARE(readFile(root + u"/data/dbus-p1/bin/dbus-p1"_s), binBytes);
    QVERIFY(QFileInfo::exists(root + u"/opt/victronenergy/service-templates/dbus-p1/log/run"_s));
    QVERIFY(readFile(root + u"/data/rc.local"_s).contains(kHookBlock.toUtf8()));
}

QTEST_GUILESS_MAIN(TstVenusPackaging)
#include "tst_venuspackaging.moc"
