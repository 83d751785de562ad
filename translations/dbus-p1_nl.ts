<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>CommandLine</name>
    <message>
        <source>Displays version information.</source>
        <translation>Toont versie-informatie.</translation>
    </message>
    <message>
        <source>FILE|-</source>
        <translation>BESTAND|-</translation>
    </message>
    <message>
        <source>The bus to publish on: system, session or a bus address (default: system).</source>
        <translation>De bus om op te publiceren: system, session of een busadres (standaard: system).</translation>
    </message>
    <message>
        <source>BUS</source>
        <translation>BUS</translation>
    </message>
    <message>
        <source>Seconds without a valid telegram before the values go invalid; on a serial port the daemon then exits (default: %1).</source>
        <translation>Seconden zonder geldig telegram voordat de waarden ongeldig worden; op een seriële poort stopt de daemon dan (standaard: %1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Seconds per baud rate to wait for a first valid telegram on a serial port before giving the port back (default: %1).</source>
        <translation>Seconden per baudrate om op een eerste geldig telegram te wachten op een seriële poort, voordat de poort wordt vrijgegeven (standaard: %1).</translation>
    </message>
    <message>
        <source>Seconds to wait for the settings service before using the default device instance (default: %1).</source>
        <translation>Seconden wachten op de instellingendienst voordat de standaard apparaatinstantie wordt gebruikt (standaard: %1).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>SOORT</translation>
    </message>
    <message>
        <source>Serial baud rate: auto (115200, then 9600), 115200 (DSMR 4/5) or 9600 (DSMR 2.2/3.0) (default: auto).</source>
        <translation>Seriële baudrate: auto (115200, dan 9600), 115200 (DSMR 4/5) of 9600 (DSMR 2.2/3.0) (standaard: auto).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>SNELHEID</translation>
    </message>
    <message>
        <source>For file: sources, how fast to replay: 1 is the meter&apos;s own pace, 0 as fast as possible (default: 1).</source>
        <translation>Voor file:-bronnen, hoe snel af te spelen: 1 is het tempo van de meter zelf, 0 zo snel mogelijk (standaard: 1).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Log every telegram and every D-Bus change (debug).</source>
        <translation>Log elk telegram en elke D-Bus-wijziging (debug).</translation>
    </message>
    <message>
        <source>Where the meter is: /dev/ttyUSB0 (or ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (a simulated meter).</source>
        <translation>Waar de meter is: /dev/ttyUSB0 (of ttyUSB0), tcp://HOST:PORT, file:PAD of sim: (een gesimuleerde meter).</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>BRON</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: --decode reads one FILE (or - for standard input)</source>
        <translation>onverwacht argument &apos;%1&apos;: --decode leest één BESTAND (of - voor standaardinvoer)</translation>
    </message>
    <message>
        <source>no SOURCE given: name a serial port (/dev/ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (see --help)</source>
        <translation>geen BRON opgegeven: noem een seriële poort (/dev/ttyUSB0), tcp://HOST:PORT, file:PAD of sim: (zie --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: give one SOURCE</source>
        <translation>onverwacht argument &apos;%1&apos;: geef één BRON</translation>
    </message>
    <message>
        <source>--dbus: give system, session or a bus address</source>
        <translation>--dbus: geef system, session of een busadres</translation>
    </message>
    <message>
        <source>--gas-service: &apos;%1&apos; is not one of gasmeter, pulsemeter, none</source>
        <translation>--gas-service: &apos;%1&apos; is geen van gasmeter, pulsemeter, none</translation>
    </message>
    <message>
        <source>--baud: &apos;%1&apos; is not one of auto, 115200, 9600</source>
        <translation>--baud: &apos;%1&apos; is geen van auto, 115200, 9600</translation>
    </message>
    <message>
        <source>--replay-speed: &apos;%1&apos; is not a speed (0 = as fast as possible, 1 = real time)</source>
        <translation>--replay-speed: &apos;%1&apos; is geen snelheid (0 = zo snel mogelijk, 1 = werkelijke tijd)</translation>
    </message>
    <message>
        <source>Look for a P1 meter on the serial ports given as arguments (every serial port when none are), read-only, trying 115200 and 9600 baud for --probe-timeout each, all ports at once. Prints one JSON object per port and line: port, found, baud, version, ident, equipmentId, gas, crcOk, noCrc, rejected, bytes, and error when the port could not be read. Exit status 0 when a meter was found, 1 when none.</source>
        <translation>Zoek een P1-meter op de seriële poorten die als argumenten zijn opgegeven (op elke seriële poort als er geen zijn opgegeven), alleen lezend, op 115200 en 9600 baud, elk gedurende --probe-timeout, op alle poorten tegelijk. Drukt per poort één JSON-object op een regel af: port, found, baud, version, ident, equipmentId, gas, crcOk, noCrc, rejected, bytes, en error als de poort niet gelezen kon worden. Afsluitstatus 0 als er een meter gevonden is, 1 als er geen is.</translation>
    </message>
    <message>
        <source>--detect and --decode do not go together</source>
        <translation>--detect en --decode kunnen niet samen gebruikt worden</translation>
    </message>
    <message>
        <source>--probe-timeout: &apos;%1&apos; is not a number of seconds above 0</source>
        <translation>--probe-timeout: &apos;%1&apos; is geen aantal seconden groter dan 0</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of seconds</source>
        <translation>--%1: &apos;%2&apos; is geen aantal seconden</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of seconds above 0</source>
        <translation>--%1: &apos;%2&apos; is geen aantal seconden groter dan 0</translation>
    </message>
    <message>
        <source>Also send a PropertiesChanged signal on every changed path, for listeners that do not follow ItemsChanged (Venus needs only ItemsChanged; off by default).</source>
        <translation>Stuur ook een PropertiesChanged-signaal op elk gewijzigd pad, voor luisteraars die ItemsChanged niet volgen (Venus heeft alleen ItemsChanged nodig; standaard uit).</translation>
    </message>
    <message>
        <source>Decode a capture of P1 data (a file, or - for standard input) and print one JSON object per telegram. Exit status 0 when the input was read to its end, whatever it held; 1 when it could not be read.</source>
        <translation>Decodeer een opname van P1-data (een bestand, of - voor standaardinvoer) en druk per telegram één JSON-object af. Afsluitstatus 0 als de invoer tot het einde gelezen is, wat die ook bevatte; 1 als die niet gelezen kon worden.</translation>
    </message>
    <message>
        <source>Reads a P1 smart meter and publishes it on Venus OS D-Bus as a grid meter and gas and water pulse meters.</source>
        <translation>Leest een slimme meter via P1 uit en publiceert hem op de D-Bus van Venus OS als netmeter en als pulsmeters voor gas en water.</translation>
    </message>
    <message>
        <source>How to publish the gas meter: pulsemeter (shows in the Venus device list), gasmeter (for scripts only: Venus shows it nowhere) or none (default: pulsemeter).</source>
        <translation>Hoe de gasmeter wordt gepubliceerd: pulsemeter (zichtbaar in de apparatenlijst van Venus), gasmeter (alleen voor scripts: Venus toont hem nergens) of none (standaard: pulsemeter).</translation>
    </message>
    <message>
        <source>How to publish the water meters: pulsemeter or none (default: pulsemeter).</source>
        <translation>Hoe de watermeters worden gepubliceerd: pulsemeter of none (standaard: pulsemeter).</translation>
    </message>
    <message>
        <source>--water-service: &apos;%1&apos; is not one of pulsemeter, none</source>
        <translation>--water-service: &apos;%1&apos; is niet een van pulsemeter, none</translation>
    </message>
    <message>
        <source>The meter&apos;s encryption key (Luxembourg, Austria: from the grid operator): 32 hex digits, or a file holding them.</source>
        <translation>De encryptiesleutel van de meter (Luxemburg, Oostenrijk: van de netbeheerder): 32 hexadecimale cijfers, of een bestand dat ze bevat.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>SLEUTEL</translation>
    </message>
    <message>
        <source>The meter&apos;s authentication key, when it is not the usual 00112233445566778899AABBCCDDEEFF: 32 hex digits, or a file holding them.</source>
        <translation>De authenticatiesleutel van de meter, als die niet de gebruikelijke 00112233445566778899AABBCCDDEEFF is: 32 hexadecimale cijfers, of een bestand dat ze bevat.</translation>
    </message>
    <message>
        <source>--key needs OpenSSL&apos;s libcrypto.so.3: %1</source>
        <translation>--key heeft libcrypto.so.3 van OpenSSL nodig: %1</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <source>standard input</source>
        <translation>standaardinvoer</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>kan %1 niet openen: %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>kan niet naar standaarduitvoer schrijven: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kan %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>this meter encrypts its telegrams: give its key with --key</source>
        <translation>deze meter versleutelt zijn telegrammen: geef de sleutel met --key</translation>
    </message>
    <message>
        <source>decryption failed: wrong key?</source>
        <translation>ontsleutelen mislukt: verkeerde sleutel?</translation>
    </message>
</context>
<context>
    <name>DetectCommand</name>
    <message>
        <source>no serial ports to scan</source>
        <translation>geen seriële poorten om te doorzoeken</translation>
    </message>
    <message numerus="yes">
        <source>scanning %n port(s) for a P1 meter, at most %L1 s</source>
        <translation>
            <numerusform>zoeken naar een P1-meter op %n poort, hooguit %L1 s</numerusform>
            <numerusform>zoeken naar een P1-meter op %n poorten, hooguit %L1 s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P1 meter found on %n port(s)</source>
        <translation>
            <numerusform>P1-meter gevonden op %n poort</numerusform>
            <numerusform>P1-meters gevonden op %n poorten</numerusform>
        </translation>
    </message>
    <message>
        <source>no P1 meter found</source>
        <translation>geen P1-meter gevonden</translation>
    </message>
</context>
</TS>
