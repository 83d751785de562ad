# The Venus package as a GX runs it; run by scripts/test-target.sh inside its Debian 13 root
# (bash -c, arguments: the venus-data.tar.gz of the armhf build, a scratch folder, the project's
# tests/data/dsmr5-sample.p1). armhf
# programs run through qemu-arm (binfmt_misc).
#
# - venus-data.tar.gz is unpacked into SCRATCH/data as a GX unpacks it into /data, and its
#   install.sh --root SCRATCH puts the service template, the udev rule and the serial-starter
#   configuration in place;
# - the packaged daemon SCRATCH/data/dbus-p1/bin/dbus-p1 runs on a pty with a DSMR 5 stream of
#   60 telegrams (one every 100 ms, each a second later than the one before) and a private bus,
#   with its bundled libQt6SerialPort.so.6, under the Venus limits as far as emulation allows
#   them (below);
# - the grid service must appear with /Ac/Power 884 W and stay until the last telegram;
# - figures: the package's size and the daemon's peak RSS after the 60 telegrams.
#
# The limits: the run script's `softlimit -d 100000000 -s 1000000 -a 100000000` applies to the
# qemu-arm process that carries the daemon here. -s (stack) and -d (data: qemu's own heap, its
# translation cache, limited to 16 MB, and everything the daemon maps writable) apply as
# ulimit -s/-d. -a (address space) cannot: qemu reserves the 32-bit guest's 4 GB up front; the
# guest's own figure is the RSS measured below.
#
# Peak RSS of the guest: qemu maps the daemon's memory 1:1 into a 4 GB window at guest_base
# (fixed here with QEMU_GUEST_BASE); the resident pages of the mappings in that window, sampled
# every 50 ms, are the daemon's own RSS, without qemu's (the translation cache, qemu's heap).
set -euo pipefail
archive=$1 scratch=$2 sample=$3
[[ -f "$archive" ]] || { echo "no package: $archive"; exit 1; }
rm -rf "$scratch"
mkdir -p "$scratch/data"
tar xzf "$archive" -C "$scratch/data"
echo "package: $(stat -c %s "$archive") bytes ($(basename "$archive")), unpacked:"
(cd "$scratch/data" && find dbus-p1 -type f -printf '  %p %s\n' | sort)
sh "$scratch/data/dbus-p1/install.sh" --root "$scratch"
bin=$scratch/data/dbus-p1/bin/dbus-p1
lib=$scratch/data/dbus-p1/lib/libQt6SerialPort.so.6
[[ -x "$bin" && -f "$lib" ]] || { echo "install.sh did not install the daemon and its library"; exit 1; }
arm-linux-gnueabihf-readelf -h "$bin" | grep -q 'Machine: *ARM' || { echo "not an ARM binary"; exit 1; }
arm-linux-gnueabihf-readelf -d "$bin" | grep -E 'RUNPATH|NEEDED' | sed 's/^ */  /'
# libcrypto.so.3 (OpenSSL 3: the AES-GCM of encrypted meters) is part of the Venus OS image: the
# daemon loads it from there with the first key (not linked: a plain meter does not pay its
# RSS), and the package must not carry a copy of its own.
! arm-linux-gnueabihf-readelf -d "$bin" | grep -q 'NEEDED.*\[libcrypto' ||
    { echo "the daemon links libcrypto: it should load it only for an encrypted meter"; exit 1; }
[[ -z "$(find "$scratch/data/dbus-p1" -name 'libcrypto*' -o -name 'libssl*')" ]] ||
    { echo "the package carries OpenSSL: Venus OS has libcrypto.so.3 in its image"; exit 1; }

# 60 DSMR 5 telegrams from the project's sample capture, a second apart (new CRCs): perl, as the
# root has it (perl-base is essential) and the CRC needs bit operations.
telegrams=$scratch/telegrams.p1
perl -0777 -ne '
    /(\/Ene5.*?!)[0-9A-F]{4}\r\n/s or die "no telegram in the sample\n";
    my $t = $1;
    sub crc { my $c = 0; for my $b (unpack "C*", $_[0]) { $c ^= $b;
        for (1 .. 8) { $c = $c & 1 ? ($c >> 1) ^ 0xA001 : $c >> 1 } } sprintf "%04X", $c }
    for my $i (0 .. 59) {
        my $s = 14 * 3600 + 30 * 60 + 15 + $i;
        my $ts = sprintf "261125%02d%02d%02dW", $s / 3600, ($s / 60) % 60, $s % 60;
        (my $x = $t) =~ s/0-0:1\.0\.0\(\d{12}[SW]\)/0-0:1.0.0($ts)/ or die "no timestamp\n";
        print $x, crc($x), "\r\n";
    }' "$sample" >"$telegrams"
[[ $(grep -c '^!' "$telegrams") == 60 ]] || { echo "could not make the telegrams"; exit 1; }

dbus-run-session -- bash -euo pipefail -c '
bin=$1 telegrams=$2 tmp=$3
socat pty,raw,echo=0,link="$tmp/meter" pty,raw,echo=0,link="$tmp/ttyP1" &
socat=$!
for _ in $(seq 100); do [[ -e "$tmp/meter" && -e "$tmp/ttyP1" ]] && break; sleep 0.05; done
guest_base=0x100000000
(
    ulimit -s 976 -d 97656 # kB: softlimit -s 1000000 -d 100000000
    export QEMU_GUEST_BASE=$guest_base QEMU_TB_SIZE=16
    exec "$bin" --dbus session --settings-timeout 0 --baud 115200 "$tmp/ttyP1"
) 2>"$tmp/daemon.log" &
daemon=$!
trap "kill $daemon $socat 2>/dev/null || true" EXIT
value() {
    dbus-send --session --print-reply=literal --dest="$1" "$2" com.victronenergy.BusItem.GetValue \
        2>/dev/null | awk "{print \$NF}"
}
# The resident kB of the mappings inside the guest window.
guest_rss() {
    perl -ne "no warnings;
        BEGIN { \$lo = hex(\"$guest_base\"); \$hi = \$lo + 2**32 }
        if (/^([0-9a-f]+)-[0-9a-f]+ /) { \$a = hex(\$1); \$in = \$a >= \$lo && \$a < \$hi }
        elsif (/^Rss:\\s+(\\d+)/ && \$in) { \$kb += \$1 }
        END { print \$kb + 0 }" "/proc/$daemon/smaps" 2>/dev/null || echo 0
}
for _ in $(seq 300); do
    grep -q ": opened " "$tmp/daemon.log" && break
    kill -0 $daemon 2>/dev/null || { cat "$tmp/daemon.log"; echo "the daemon exited"; exit 1; }
    sleep 0.1
done
grep -q ": opened " "$tmp/daemon.log" || { cat "$tmp/daemon.log"; echo "the port was not opened"; exit 1; }
grep -q "$(dirname "$bin")/../lib/libQt6SerialPort.so.6\|$(cd "$(dirname "$bin")/../lib" && pwd)/libQt6SerialPort.so.6" \
    "/proc/$daemon/maps" || { echo "the daemon does not use its bundled libQt6SerialPort.so.6"; grep -i serialport "/proc/$daemon/maps" | head -3; exit 1; }
echo "the daemon maps $(grep -o "/[^ ]*libQt6SerialPort.so.6" "/proc/$daemon/maps" | head -1)"
grep -E "^(Max stack size|Max data size)" "/proc/$daemon/limits"
peak=0 sent=0 seen=""
exec 3>"$tmp/meter"
while IFS= read -r -d "!" body && IFS= read -r crc; do
    printf "%s!%s\n" "$body" "$crc" >&3
    sent=$((sent + 1))
    for _ in 1 2; do
        sleep 0.05
        rss=$(guest_rss); ((rss > peak)) && peak=$rss
    done
    if [[ -z "$seen" ]] && dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.ListNames | grep -q com.victronenergy.grid.p1_ttyP1; then
        seen=$sent
    fi
done <"$telegrams"
sleep 1
rss=$(guest_rss); ((rss > peak)) && peak=$rss
power=$(value com.victronenergy.grid.p1_ttyP1 /Ac/Power)
stamp=$(value com.victronenergy.grid.p1_ttyP1 /P1/Timestamp)
kill -0 $daemon 2>/dev/null || { cat "$tmp/daemon.log"; echo "the daemon died"; exit 1; }
hwm=$(awk "/^VmHWM/ {print \$2}" "/proc/$daemon/status")
echo "telegrams written: $sent; grid service seen after telegram ${seen:-never}"
echo "/Ac/Power: $power; /P1/Timestamp: $stamp"
echo "peak RSS of the armhf daemon after $sent telegrams: $peak kB (guest memory; the qemu-arm process: VmHWM $hwm kB)"
kill -TERM $daemon
wait $daemon && status=0 || status=$?
echo "dbus-p1 exit status after SIGTERM: $status"
[[ -n "$seen" && "$power" =~ ^884(\.0+)?$ && "$stamp" == *T14:31:14* ]] || {
    cat "$tmp/daemon.log"; echo "the grid service did not show the stream"; exit 1; }
((status == 0))
' venus-check "$bin" "$telegrams" "$scratch" \
    2> >(grep -v --line-buffered 'Failed to set fd limit' >&2)
