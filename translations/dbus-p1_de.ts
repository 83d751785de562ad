<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CommandLine</name>
    <message>
        <source>Displays version information.</source>
        <translation>Zeigt Versionsinformationen an.</translation>
    </message>
    <message>
        <source>FILE|-</source>
        <translation>DATEI|-</translation>
    </message>
    <message>
        <source>The bus to publish on: system, session or a bus address (default: system).</source>
        <translation>Der Bus für die Veröffentlichung: system, session oder eine Busadresse (Standard: system).</translation>
    </message>
    <message>
        <source>BUS</source>
        <translation>BUS</translation>
    </message>
    <message>
        <source>Seconds without a valid telegram before the values go invalid; on a serial port the daemon then exits (default: %1).</source>
        <translation>Sekunden ohne gültiges Telegramm, bis die Werte ungültig werden; an einer seriellen Schnittstelle beendet sich der Dienst dann (Standard: %1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Seconds per baud rate to wait for a first valid telegram on a serial port before giving the port back (default: %1).</source>
        <translation>Sekunden je Baudrate, die an einer seriellen Schnittstelle auf ein erstes gültiges Telegramm gewartet wird, bevor die Schnittstelle freigegeben wird (Standard: %1).</translation>
    </message>
    <message>
        <source>Seconds to wait for the settings service before using the default device instance (default: %1).</source>
        <translation>Sekunden, die auf den Einstellungsdienst gewartet wird, bevor die Standard-Geräteinstanz verwendet wird (Standard: %1).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>Serial baud rate: auto (115200, then 9600), 115200 (DSMR 4/5) or 9600 (DSMR 2.2/3.0) (default: auto).</source>
        <translation>Serielle Baudrate: auto (115200, dann 9600), 115200 (DSMR 4/5) oder 9600 (DSMR 2.2/3.0) (Standard: auto).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>BAUDRATE</translation>
    </message>
    <message>
        <source>For file: sources, how fast to replay: 1 is the meter&apos;s own pace, 0 as fast as possible (default: 1).</source>
        <translation>Für file:-Quellen die Wiedergabegeschwindigkeit: 1 ist das Tempo des Zählers, 0 so schnell wie möglich (Standard: 1).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Log every telegram and every D-Bus change (debug).</source>
        <translation>Jedes Telegramm und jede D-Bus-Änderung protokollieren (Debug).</translation>
    </message>
    <message>
        <source>Where the meter is: /dev/ttyUSB0 (or ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (a simulated meter).</source>
        <translation>Wo der Zähler ist: /dev/ttyUSB0 (oder ttyUSB0), tcp://HOST:PORT, file:PFAD oder sim: (ein simulierter Zähler).</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: --decode reads one FILE (or - for standard input)</source>
        <translation>unerwartetes Argument „%1“: --decode liest eine DATEI (oder - für die Standardeingabe)</translation>
    </message>
    <message>
        <source>no SOURCE given: name a serial port (/dev/ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (see --help)</source>
        <translation>keine QUELLE angegeben: eine serielle Schnittstelle (/dev/ttyUSB0), tcp://HOST:PORT, file:PFAD oder sim: nennen (siehe --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: give one SOURCE</source>
        <translation>unerwartetes Argument „%1“: genau eine QUELLE angeben</translation>
    </message>
    <message>
        <source>--dbus: give system, session or a bus address</source>
        <translation>--dbus: system, session oder eine Busadresse angeben</translation>
    </message>
    <message>
        <source>--gas-service: &apos;%1&apos; is not one of gasmeter, pulsemeter, none</source>
        <translation>--gas-service: „%1“ ist keiner der Werte gasmeter, pulsemeter, none</translation>
    </message>
    <message>
        <source>--baud: &apos;%1&apos; is not one of auto, 115200, 9600</source>
        <translation>--baud: „%1“ ist keiner der Werte auto, 115200, 9600</translation>
    </message>
    <message>
        <source>--replay-speed: &apos;%1&apos; is not a speed (0 = as fast as possible, 1 = real time)</source>
        <translation>--replay-speed: „%1“ ist keine Geschwindigkeit (0 = so schnell wie möglich, 1 = Echtzeit)</translation>
    </message>
    <message>
        <source>Look for a P1 meter on the serial ports given as arguments (every serial port when none are), read-only, trying 115200 and 9600 baud for --probe-timeout each, all ports at once. Prints one JSON object per port and line: port, found, baud, version, ident, equipmentId, gas, crcOk, noCrc, rejected, bytes, and error when the port could not be read. Exit status 0 when a meter was found, 1 when none.</source>
        <translation>Einen P1-Zähler an den als Argumente angegebenen seriellen Schnittstellen suchen (an jeder seriellen Schnittstelle, wenn keine angegeben ist), nur lesend, mit 115200 und 9600 Baud für je --probe-timeout, an allen Schnittstellen gleichzeitig. Gibt je Schnittstelle ein JSON-Objekt pro Zeile aus: port, found, baud, version, ident, equipmentId, gas, crcOk, noCrc, rejected, bytes und error, wenn die Schnittstelle nicht gelesen werden konnte. Exit-Status 0, wenn ein Zähler gefunden wurde, 1, wenn keiner.</translation>
    </message>
    <message>
        <source>--detect and --decode do not go together</source>
        <translation>--detect und --decode können nicht zusammen verwendet werden</translation>
    </message>
    <message>
        <source>--probe-timeout: &apos;%1&apos; is not a number of seconds above 0</source>
        <translation>--probe-timeout: „%1“ ist keine gültige Sekundenzahl größer als 0</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of seconds</source>
        <translation>--%1: „%2“ ist keine gültige Sekundenzahl</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of seconds above 0</source>
        <translation>--%1: „%2“ ist keine gültige Sekundenzahl größer als 0</translation>
    </message>
    <message>
        <source>Also send a PropertiesChanged signal on every changed path, for listeners that do not follow ItemsChanged (Venus needs only ItemsChanged; off by default).</source>
        <translation>Zusätzlich ein PropertiesChanged-Signal auf jedem geänderten Pfad senden, für Empfänger, die ItemsChanged nicht auswerten (Venus braucht nur ItemsChanged; standardmäßig aus).</translation>
    </message>
    <message>
        <source>Decode a capture of P1 data (a file, or - for standard input) and print one JSON object per telegram. Exit status 0 when the input was read to its end, whatever it held; 1 when it could not be read.</source>
        <translation>Eine Aufzeichnung von P1-Daten dekodieren (eine Datei, oder - für die Standardeingabe) und je Telegramm ein JSON-Objekt ausgeben. Exit-Status 0, wenn die Eingabe bis zum Ende gelesen wurde, was immer sie enthielt; 1, wenn sie nicht gelesen werden konnte.</translation>
    </message>
    <message>
        <source>Reads a P1 smart meter and publishes it on Venus OS D-Bus as a grid meter and gas and water pulse meters.</source>
        <translation>Liest einen Smart Meter über die P1-Schnittstelle aus und veröffentlicht ihn auf dem D-Bus von Venus OS als Netzzähler und als Impulszähler für Gas und Wasser.</translation>
    </message>
    <message>
        <source>How to publish the gas meter: pulsemeter (shows in the Venus device list), gasmeter (for scripts only: Venus shows it nowhere) or none (default: pulsemeter).</source>
        <translation>Wie der Gaszähler veröffentlicht wird: pulsemeter (erscheint in der Geräteliste von Venus), gasmeter (nur für Skripte: Venus zeigt ihn nirgends an) oder none (Standard: pulsemeter).</translation>
    </message>
    <message>
        <source>How to publish the water meters: pulsemeter or none (default: pulsemeter).</source>
        <translation>Wie die Wasserzähler veröffentlicht werden: pulsemeter oder none (Standard: pulsemeter).</translation>
    </message>
    <message>
        <source>--water-service: &apos;%1&apos; is not one of pulsemeter, none</source>
        <translation>--water-service: &apos;%1&apos; ist keiner der Werte pulsemeter, none</translation>
    </message>
    <message>
        <source>The meter&apos;s encryption key (Luxembourg, Austria: from the grid operator): 32 hex digits, or a file holding them.</source>
        <translation>Der Verschlüsselungsschlüssel des Zählers (Luxemburg, Österreich: vom Netzbetreiber): 32 Hexadezimalziffern oder eine Datei, die sie enthält.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SCHLÜSSEL</translation>
    </message>
    <message>
        <source>The meter&apos;s authentication key, when it is not the usual 00112233445566778899AABBCCDDEEFF: 32 hex digits, or a file holding them.</source>
        <translation>Der Authentifizierungsschlüssel des Zählers, wenn er nicht der übliche 00112233445566778899AABBCCDDEEFF ist: 32 Hexadezimalziffern oder eine Datei, die sie enthält.</translation>
    </message>
    <message>
        <source>--key needs OpenSSL&apos;s libcrypto.so.3: %1</source>
        <translation>--key benötigt libcrypto.so.3 von OpenSSL: %1</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>Schreiben auf die Standardausgabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>this meter encrypts its telegrams: give its key with --key</source>
        <translation>dieser Zähler verschlüsselt seine Telegramme: Schlüssel mit --key angeben</translation>
    </message>
    <message>
        <source>decryption failed: wrong key?</source>
        <translation>Entschlüsselung fehlgeschlagen: falscher Schlüssel?</translation>
    </message>
</context>
<context>
    <name>DetectCommand</name>
    <message>
        <source>no serial ports to scan</source>
        <translation>keine seriellen Schnittstellen zum Durchsuchen</translation>
    </message>
    <message numerus="yes">
        <source>scanning %n port(s) for a P1 meter, at most %L1 s</source>
        <translation>
            <numerusform>suche an %n Schnittstelle nach einem P1-Zähler, höchstens %L1 s</numerusform>
            <numerusform>suche an %n Schnittstellen nach einem P1-Zähler, höchstens %L1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P1 meter found on %n port(s)</source>
        <translation>
            <numerusform>P1-Zähler an %n Schnittstelle gefunden</numerusform>
            <numerusform>P1-Zähler an %n Schnittstellen gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>no P1 meter found</source>
        <translation>kein P1-Zähler gefunden</translation>
    </message>
</context>
</TS>
