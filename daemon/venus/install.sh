#!/bin/sh
# Install dbus-p1 (P1 smart meter reader) on Venus OS.
#
# Everything that must survive a firmware update lives in /data/dbus-p1/ (only
# /data survives one). The parts that have to sit on the root file system (the
# serial-starter service template and the udev rule) are copied there again at
# every boot by a hook in /data/rc.local that runs "install.sh --boot". Every
# step compares before it writes, so running the script again changes nothing
# and a normal boot does not even remount the root file system.
#
# Plain POSIX sh: Venus OS has busybox ash, not necessarily bash.
# Run with --help for the options.

PKG=/data/dbus-p1
RC_LOCAL=/data/rc.local
CONF_DIR=/data/conf/serial-starter.d
CONF=$CONF_DIR/dbus-p1.conf
SS_CONF=/etc/venus/serial-starter.conf
TEMPLATE=/opt/victronenergy/service-templates/dbus-p1
UDEV_RULE=/etc/udev/rules.d/99-dbus-p1.rules
NET_SERVICE=/service/dbus-p1-net
REMOUNT_RW=/opt/victronenergy/swupdate-scripts/remount-rw.sh
SS_SERVICE=/service/serial-starter
KEY_FILE=$PKG/meter.key
AK_FILE=$PKG/meter.ak
QT_SERIAL_LIB=libQt6SerialPort.so.6
P1_MODEL=P1_Converter_Cable
HOOK_BEGIN='# >>> dbus-p1: re-install after firmware updates (remove: /data/dbus-p1/install.sh --uninstall)'
HOOK_END='# <<< dbus-p1'

me=install.sh

usage() {
    cat <<'EOF'
Usage: install.sh [options]

Install dbus-p1 on Venus OS: the daemon and its files go to /data/dbus-p1/,
serial-starter starts it on the P1 converter cable, and a hook in
/data/rc.local re-installs the rest after firmware updates.

Options:
  --bin PATH          the dbus-p1 binary to install (default: bin/dbus-p1 or
                      dbus-p1 beside this script, or ../bin/dbus-p1); a
                      libQt6SerialPort.so.6 beside it (or in ../lib) is
                      installed too
  --source tcp://HOST:PORT
                      also run dbus-p1 permanently on a network P1 dongle
                      (service /service/dbus-p1-net, log /var/log/dbus-p1.net)
  --source none       remove that network service again
  --key FILE          the meter's encryption key (encrypted meters: Luxembourg,
                      Austria), 32 hex digits in FILE; stored as
                      /data/dbus-p1/meter.key (mode 0600), which the services
                      pass to dbus-p1 with --key; --key none removes it
  --auth-key FILE     the meter's authentication key, when the grid operator
                      gives one other than the usual default (same form;
                      /data/dbus-p1/meter.ak); --auth-key none removes it
  --probe             also offer unknown USB serial ports to dbus-p1 while
                      serial-starter probes them (P1 cables with a generic USB
                      chip); adds up to half a minute to each probe cycle
  --no-probe          stop doing so
  --uninstall         remove everything this script installed
  --root DIR          work on the tree under DIR instead of / (for tests): no
                      remount, udev reload or service control
  --boot              re-install after boot (what the /data/rc.local hook runs)
  -h, --help          show this help

Settings (--source, --probe, the keys) are kept in /data/dbus-p1/settings and stay in
force until changed. Exit status: 0 done, 1 failed, 2 usage error.
EOF
}

say() { printf '%s: %s\n' "$me" "$*"; }
warn() { printf '%s: warning: %s\n' "$me" "$*" >&2; }
die() {
    printf '%s: error: %s\n' "$me" "$*" >&2
    exit 1
}
usage_error() {
    printf '%s: %s\n' "$me" "$*" >&2
    printf 'Try "%s --help".\n' "$me" >&2
    exit 2
}

# --- options -----------------------------------------------------------------

root=
bin=
source_opt=
probe_opt=
key_opt=
ak_opt=
mode=install

need_arg() {
    [ "$2" -ge 2 ] || usage_error "option $1 needs an argument"
}

while [ $# -gt 0 ]; do
    case $1 in
    --bin) need_arg "$1" $#; bin=$2; shift ;;
    --bin=*) bin=${1#*=} ;;
    --source) need_arg "$1" $#; source_opt=$2; shift ;;
    --source=*) source_opt=${1#*=} ;;
    --root) need_arg "$1" $#; root=$2; shift ;;
    --root=*) root=${1#*=} ;;
    --key) need_arg "$1" $#; key_opt=$2; shift ;;
    --key=*) key_opt=${1#*=} ;;
    --auth-key) need_arg "$1" $#; ak_opt=$2; shift ;;
    --auth-key=*) ak_opt=${1#*=} ;;
    --probe) probe_opt=yes ;;
    --no-probe) probe_opt=no ;;
    --uninstall) mode=uninstall ;;
    --boot) mode=boot ;;
    -h | --help) usage; exit 0 ;;
    -*) usage_error "unknown option: $1" ;;
    *) usage_error "unexpected argument: $1" ;;
    esac
    shift
done

if [ "$mode" != install ] && { [ -n "$bin" ] || [ -n "$source_opt" ] || [ -n "$probe_opt" ] ||
    [ -n "$key_opt" ] || [ -n "$ak_opt" ]; }; then
    usage_error "--$mode takes no --bin, --source, --probe, --key or --auth-key option"
fi

# check_key OPTION FILE: FILE holds a key (32 hex digits, blanks around them
# allowed); the key itself is never printed.
check_key() {
    [ "$2" = none ] && return 0
    [ -f "$2" ] || usage_error "$1 $2: no such file (give a file holding the key, not the key)"
    ck_digits=$(tr -d ' \t\r\n' <"$2") || usage_error "$1 $2: cannot read it"
    printf '%s\n' "$ck_digits" | grep -Eqx '[0-9A-Fa-f]{32}' ||
        usage_error "$1 $2: the file does not hold a key of 32 hex digits"
}
[ -z "$key_opt" ] || check_key --key "$key_opt"
[ -z "$ak_opt" ] || check_key --auth-key "$ak_opt"

case $source_opt in
'' | none) ;;
tcp://*)
    hostport=${source_opt#tcp://}
    host=${hostport%:*}
    port=${hostport##*:}
    case $hostport in *:*) ;; *) port= ;; esac
    # A host name, an IPv4 address or a bracketed IPv6 address.
    printf '%s\n' "$host" | grep -Eqx '[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]' ||
        usage_error "bad host in --source $source_opt (want tcp://HOST:PORT)"
    case $port in '' | *[!0-9]*) usage_error "bad port in --source $source_opt (want tcp://HOST:PORT)" ;; esac
    [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || usage_error "port out of range in --source $source_opt"
    ;;
*) usage_error "unsupported --source $source_opt (want tcp://HOST:PORT or none)" ;;
esac

if [ -n "$root" ]; then
    [ -d "$root" ] || die "--root $root is not a directory"
    root=$(cd -P "$root" && pwd -P) || die "cannot enter $root"
    [ "$root" = / ] && root=
fi
live=yes # act on the running system: remount, udev, svc
[ -n "$root" ] && live=no

if [ $live = yes ] && [ ! -d /opt/victronenergy ]; then
    die "this is not Venus OS (no /opt/victronenergy); use --root DIR to install into a folder"
fi

here=$(cd -P "$(dirname "$0")" && pwd -P) || die "cannot find the folder of $0"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dbus-p1-install.XXXXXX") || die "cannot create a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# --- helpers -----------------------------------------------------------------

have() { command -v "$1" >/dev/null 2>&1; }

# same FILE1 FILE2: true when both exist with equal contents.
same() {
    [ -f "$1" ] && [ -f "$2" ] || return 1
    if have cmp; then
        cmp -s "$1" "$2"
    else
        [ "$(md5sum <"$1")" = "$(md5sum <"$2")" ]
    fi
}

# put SRC DEST MODE: copy SRC to DEST unless it already holds the same bytes
# (also when SRC is DEST), then set MODE. Returns 0 when DEST changed.
put() {
    if same "$1" "$2"; then
        chmod "$3" "$2" || die "cannot chmod $2"
        return 1
    fi
    mkdir -p "$(dirname "$2")" || die "cannot create the folder of $2"
    cp "$1" "$2.new.$$" && chmod "$3" "$2.new.$$" && mv -f "$2.new.$$" "$2" ||
        { rm -f "$2.new.$$"; die "cannot write $2"; }
    say "installed $2"
    return 0
}

# remove PATH...: delete files or folders that exist, saying so.
remove() {
    for r_path in "$@"; do
        if [ -e "$r_path" ] || [ -L "$r_path" ]; then
            rm -rf "$r_path" || die "cannot remove $r_path"
            say "removed $r_path"
        fi
    done
}

# The root file system of Venus OS is read-only; remount it only when a file on
# it really has to change.
rootfs_rw() {
    [ $live = yes ] || return 0
    rw_opts=$(awk '$2 == "/" { o = $4 } END { print o }' /proc/mounts 2>/dev/null)
    case $rw_opts in ro | ro,*) ;; *) return 0 ;; esac
    [ -f "$REMOUNT_RW" ] || die "the root file system is read-only and $REMOUNT_RW is missing"
    say "remounting the root file system read-write"
    sh "$REMOUNT_RW" || die "$REMOUNT_RW failed"
}

# Restart serial-starter: it reads its configuration only when it starts.
restart_serial_starter() {
    [ $live = yes ] || return 0
    if [ -d "$SS_SERVICE" ] && have svc; then
        say "restarting serial-starter: its configuration changed"
        svc -t "$SS_SERVICE"
        # Give it a moment to read its configuration again.
        sleep 2
    fi
}

# A new binary replaced the file, not the running program: restart the
# services that run it (supervise starts them again at once).
restart_daemons() {
    [ $live = yes ] && have svc || return 0
    for rd_svc in /service/dbus-p1.* "$NET_SERVICE"; do
        if [ -d "$rd_svc" ]; then
            say "restarting $rd_svc"
            svc -t "$rd_svc"
        fi
    done
}

udev_reload() {
    [ $live = yes ] && have udevadm || return 0
    # Replay "add" for P1 cables only: serial-starter then sees the port again
    # and starts (or, after uninstall, stops routing) the p1 service.
    udevadm control --reload-rules &&
        udevadm trigger --action=add --subsystem-match=tty --property-match=ID_MODEL=$P1_MODEL ||
        warn "udev reload failed; re-plug the P1 cable or reboot"
}

# stop_service DIR: take a daemontools service out of /service for good.
stop_service() {
    ss_dir=$1
    ss_real=$ss_dir
    if [ -L "$ss_dir" ]; then
        ss_real=$(readlink "$ss_dir")
        case $ss_real in /*) ss_real=$root$ss_real ;; *) ss_real=$(dirname "$ss_dir")/$ss_real ;; esac
        remove "$ss_dir"
    fi
    if [ $live = yes ] && have svc && [ -d "$ss_real" ]; then
        svc -dx "$ss_real" "$ss_real/log" 2>/dev/null
        # Let both supervise processes exit before their folder goes.
        ss_wait=0
        while [ $ss_wait -lt 10 ] && have svok &&
            { svok "$ss_real" || svok "$ss_real/log"; } 2>/dev/null; do
            sleep 1
            ss_wait=$((ss_wait + 1))
        done
    fi
    remove "$ss_dir" "$ss_real"
}

# --- settings ----------------------------------------------------------------

settings=$root$PKG/settings
setting() {
    [ -f "$settings" ] && sed -n "s/^$1=//p" "$settings" | tail -n 1
}

# --- serial-starter probe list -----------------------------------------------

# load_alias FILE: emulate serial-starter's load_config for "alias default" and
# "include", leaving out our own file; prints the value that ends up in force.
load_alias() {
    [ -r "$1" ] || return 0
    sed 's/#.*//' "$1" | while read -r la_key la_name la_value; do
        case $la_key in
        alias) [ "$la_name" = default ] && echo "$la_value" ;;
        include)
            if [ -d "$root$la_name" ]; then
                for la_file in "$root$la_name"/*.conf; do
                    [ "$la_file" = "$root$CONF" ] || load_alias "$la_file"
                done
            else
                load_alias "$root$la_name"
            fi
            ;;
        esac
    done
}

# probe_line: the alias line that adds p1 to the probe list of unknown ports,
# or nothing when p1 is in it already or there is no list to add to.
probe_line() {
    pl_list=$(load_alias "$root$SS_CONF" | tail -n 1)
    if [ -z "$pl_list" ]; then
        warn "--probe: no \"alias default\" in $SS_CONF; unknown ports are not probed for P1"
        return 0
    fi
    case :$pl_list: in *:p1:*) return 0 ;; esac
    printf '\n# Written by install.sh --probe: the list in force (%s and the files\n# it includes) with p1 last; recomputed at every boot.\nalias default %s:p1\n' \
        "$SS_CONF" "$pl_list"
}

# --- install -----------------------------------------------------------------

find_binary() {
    if [ -n "$bin" ]; then
        [ -f "$bin" ] || die "binary not found: $bin"
        return 0
    fi
    for fb_try in "$here/bin/dbus-p1" "$here/dbus-p1" "$here/../bin/dbus-p1"; do
        if [ -f "$fb_try" ]; then
            bin=$fb_try
            return 0
        fi
    done
    die "no dbus-p1 binary found in $here/bin, $here or $here/../bin; pass --bin PATH"
}

# A binary for another CPU is the usual mistake: compare its ELF class and
# machine with those of the shell that runs us.
check_binary() {
    [ $live = yes ] && have od || return 0
    cb_want=$(od -An -tx1 -j4 -N1 /bin/sh; od -An -tx1 -j18 -N2 /bin/sh)
    cb_have=$(od -An -tx1 -j4 -N1 "$1"; od -An -tx1 -j18 -N2 "$1")
    [ "$(od -An -c -j1 -N3 "$1" | tr -d ' ')" = ELF ] || die "$1 is not an ELF binary"
    [ "$cb_want" = "$cb_have" ] || die "$1 is built for another CPU than this device (build it with the Venus OS SDK)"
}

install_package() {
    find_binary
    check_binary "$bin"
    bin_changed=no
    put "$bin" "$root$PKG/bin/dbus-p1" 755 && bin_changed=yes
    bin_dir=$(dirname "$bin")
    for ip_lib in "$bin_dir/$QT_SERIAL_LIB" "$bin_dir/../lib/$QT_SERIAL_LIB"; do
        if [ -f "$ip_lib" ]; then
            put "$ip_lib" "$root$PKG/lib/$QT_SERIAL_LIB" 644
            break
        fi
    done
    put "$here/install.sh" "$root$PKG/install.sh" 755
    put "$here/service/dbus-p1/run" "$root$PKG/service/dbus-p1/run" 755
    put "$here/service/dbus-p1/log/run" "$root$PKG/service/dbus-p1/log/run" 755
    put "$here/serial-starter.d/dbus-p1.conf" "$root$PKG/serial-starter.d/dbus-p1.conf" 644
    put "$here/udev/99-dbus-p1.rules" "$root$PKG/udev/99-dbus-p1.rules" 644
    if [ -f "$here/README.md" ]; then
        put "$here/README.md" "$root$PKG/README.md" 644
    fi
}

# save_key FILE DEST: DEST (mode 0600: a key is a secret) gets the key in FILE,
# or goes for "none". Returns 0 when DEST changed.
save_key() {
    if [ "$1" = none ]; then
        [ -e "$2" ] || return 1
        remove "$2"
        return 0
    fi
    # Written with a umask that keeps it private from the first byte on.
    (umask 077 && tr -d ' \t\r\n' <"$1" >"$tmp/key" && echo >>"$tmp/key") ||
        die "cannot read $1"
    put "$tmp/key" "$2" 600 >/dev/null || return 1
    say "stored the key from $1 in $2"
    return 0
}

save_keys() {
    keys_changed=no
    [ -n "$key_opt" ] && save_key "$key_opt" "$root$KEY_FILE" && keys_changed=yes
    [ -n "$ak_opt" ] && save_key "$ak_opt" "$root$AK_FILE" && keys_changed=yes
    # The daemons read the keys when they start.
    [ $keys_changed = yes ] && [ $bin_changed = no ] && restart_daemons
    return 0
}

save_settings() {
    ss_source=$(setting source)
    ss_probe=$(setting probe)
    case $source_opt in '') ;; none) ss_source= ;; *) ss_source=$source_opt ;; esac
    [ -n "$probe_opt" ] && ss_probe=$probe_opt
    {
        echo "# dbus-p1 settings, written by install.sh, read by install.sh --boot"
        echo "source=$ss_source"
        echo "probe=${ss_probe:-no}"
    } >"$tmp/settings"
    put "$tmp/settings" "$settings" 644 >/dev/null
}

# The network service: a permanent daemontools service, since no tty means no
# serial-starter. Its master copy stays in /data/dbus-p1/service/dbus-p1-net;
# at every boot it is copied into /service, which Venus OS rebuilds on a tmpfs
# at boot (from /opt/victronenergy/service, which a firmware update replaces).
# A copy rather than a link into /data: supervise keeps its state files in the
# service folder, and those belong on the tmpfs, not on the flash.
install_net_service() {
    in_source=$(setting source)
    in_master=$root$PKG/service/dbus-p1-net
    if [ -z "$in_source" ]; then
        if [ -e "$root$NET_SERVICE" ] || [ -e "$in_master" ]; then
            stop_service "$root$NET_SERVICE"
            remove "$in_master"
        fi
        return 0
    fi
    mkdir -p "$tmp/net/log"
    cat >"$tmp/net/run" <<EOF
#!/bin/sh
# dbus-p1 on a network P1 dongle, written by /data/dbus-p1/install.sh --source.
# Exit status of dbus-p1: 0 stopped by a signal, 2 usage error, 3 meter lost
# (connection closed or data stopped); supervise starts it again after an exit.
# Limits as Victron's own daemons: 100 MB data and address space, 1 MB stack.
exec 2>&1
keys=
[ -f $KEY_FILE ] && keys="--key $KEY_FILE"
[ -f $AK_FILE ] && keys="\$keys --auth-key $AK_FILE"
exec softlimit -d 100000000 -s 1000000 -a 100000000 $PKG/bin/dbus-p1 \$keys $in_source
EOF
    cat >"$tmp/net/log/run" <<'EOF'
#!/bin/sh
exec multilog t s25000 n4 /var/log/dbus-p1.net
EOF
    put "$tmp/net/run" "$in_master/run" 755
    put "$tmp/net/log/run" "$in_master/log/run" 755
    # Write log/run before run: svscan starts a service as soon as its run
    # file appears, and the log service with it.
    in_new=no
    in_changed=no
    [ -d "$root$NET_SERVICE" ] || in_new=yes
    put "$in_master/log/run" "$root$NET_SERVICE/log/run" 755 && in_changed=yes
    put "$in_master/run" "$root$NET_SERVICE/run" 755 && in_changed=yes
    if [ $live = yes ] && [ $in_new = no ] && [ $in_changed = yes ] && have svc; then
        svc -t "$NET_SERVICE" "$NET_SERVICE/log"
    fi
    [ $in_new = yes ] && say "network service $NET_SERVICE reads $in_source (log: /var/log/dbus-p1.net/current)"
    return 0
}

install_system() {
    p=$root$PKG
    # Root file system: service template and udev rule.
    if ! same "$p/service/dbus-p1/run" "$root$TEMPLATE/run" ||
        ! same "$p/service/dbus-p1/log/run" "$root$TEMPLATE/log/run" ||
        ! same "$p/udev/99-dbus-p1.rules" "$root$UDEV_RULE"; then
        rootfs_rw
    fi
    put "$p/service/dbus-p1/run" "$root$TEMPLATE/run" 755
    put "$p/service/dbus-p1/log/run" "$root$TEMPLATE/log/run" 755
    rule_changed=no
    put "$p/udev/99-dbus-p1.rules" "$root$UDEV_RULE" 644 && rule_changed=yes

    # serial-starter configuration, with the probe line when asked for.
    cp "$p/serial-starter.d/dbus-p1.conf" "$tmp/conf" || die "cannot read $p/serial-starter.d/dbus-p1.conf"
    [ "$(setting probe)" = yes ] && probe_line >>"$tmp/conf"
    conf_changed=no
    put "$tmp/conf" "$root$CONF" 644 && conf_changed=yes

    install_net_service

    # serial-starter first: a port that udev hands to "p1" before serial-starter
    # knows that service stays locked until it is plugged in again.
    [ $conf_changed = yes ] && restart_serial_starter
    [ $rule_changed = yes ] && udev_reload
    return 0
}

hook_block() {
    # "|| true": an rc.local run with "set -e" must go on past a failure of ours.
    printf '%s\nif [ -x %s/install.sh ]; then %s/install.sh --boot || true; fi\n%s\n' \
        "$HOOK_BEGIN" "$PKG" "$PKG" "$HOOK_END"
}

# rc.local without our block (and with nothing else changed).
strip_hook() {
    awk -v b="$HOOK_BEGIN" -v e="$HOOK_END" '
        $0 == b { skip = 1; next }
        skip && $0 == e { skip = 0; next }
        !skip { print }' "$1"
}

# Hook /data/rc.local: once, and before a final "exit" line if it has one.
install_hook() {
    rc=$root$RC_LOCAL
    hook_block >"$tmp/block"
    if [ -f "$rc" ]; then
        strip_hook "$rc" >"$tmp/rest"
        awk -v blockfile="$tmp/block" '
            { line[NR] = $0; if ($0 ~ /[^ \t]/) last = NR }
            END {
                at = NR + 1
                if (last && line[last] ~ /^[ \t]*exit([ \t]|$)/) at = last
                for (i = 1; i <= NR + 1; i++) {
                    if (i == at) while ((getline l < blockfile) > 0) print l
                    if (i <= NR) print line[i]
                }
            }' "$tmp/rest" >"$tmp/rc.local"
    else
        { echo '#!/bin/sh'; cat "$tmp/block"; } >"$tmp/rc.local"
    fi
    if [ -f "$rc" ] && [ ! -x "$rc" ]; then
        say "making $rc executable: Venus OS runs it only then"
    fi
    if same "$tmp/rc.local" "$rc"; then
        chmod 755 "$rc" || die "cannot chmod $rc"
        return 0
    fi
    mkdir -p "$(dirname "$rc")"
    if [ -f "$rc" ]; then
        # Rewrite in place: keeps the owner and any link to the file.
        cat "$tmp/rc.local" >"$rc" || die "cannot write $rc"
        chmod 755 "$rc"
    else
        put "$tmp/rc.local" "$rc" 755 >/dev/null
    fi
    say "hooked $rc"
}

# --- uninstall ---------------------------------------------------------------

uninstall() {
    # Services serial-starter made from our template, and the network one.
    for un_svc in "$root"/service/dbus-p1.*; do
        [ -e "$un_svc" ] || [ -L "$un_svc" ] || continue
        stop_service "$un_svc"
        # Give the port back to serial-starter.
        remove "$root/var/lock/serial-starter/${un_svc##*/dbus-p1.}"
    done
    stop_service "$root$NET_SERVICE"

    if [ -e "$root$TEMPLATE" ] || [ -e "$root$UDEV_RULE" ]; then
        rootfs_rw
    fi
    remove "$root$TEMPLATE"
    rule_was=no
    [ -e "$root$UDEV_RULE" ] && rule_was=yes
    remove "$root$UDEV_RULE"
    if [ -e "$root$CONF" ]; then
        remove "$root$CONF"
        restart_serial_starter
    fi
    [ $rule_was = yes ] && udev_reload

    rc=$root$RC_LOCAL
    if [ -f "$rc" ] && grep -qxF "$HOOK_BEGIN" "$rc"; then
        strip_hook "$rc" >"$tmp/rest"
        if grep -v '^#!' "$tmp/rest" | grep -q '[^[:space:]]'; then
            cat "$tmp/rest" >"$rc" || die "cannot write $rc"
            say "unhooked $rc"
        else
            # Nothing left but a shebang: the file was ours.
            remove "$rc"
        fi
    fi

    remove "$root$PKG"
    say "dbus-p1 uninstalled (logs are left in /var/log/dbus-p1.*)"
}

# --- main --------------------------------------------------------------------

case $mode in
install)
    install_package
    # Before install_system: only services that ran the old binary.
    [ $bin_changed = yes ] && restart_daemons
    save_keys
    save_settings
    install_system
    install_hook
    say "dbus-p1 is installed in $PKG"
    say "plug in the P1 cable: serial-starter starts dbus-p1 on it (log: /var/log/dbus-p1.ttyUSB0/current)"
    ;;
boot)
    [ -x "$root$PKG/bin/dbus-p1" ] || die "$root$PKG/bin/dbus-p1 is missing; run install.sh again"
    install_system
    ;;
uninstall)
    uninstall
    ;;
esac
exit 0
