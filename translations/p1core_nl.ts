<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>p1::FileSource</name>
    <message>
        <source>capture %1, as fast as possible</source>
        <translation>opname %1, zo snel mogelijk</translation>
    </message>
    <message>
        <source>capture %1 at %2× speed</source>
        <translation>opname %1 op %2× snelheid</translation>
    </message>
</context>
<context>
    <name>p1::KeyInput</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kan %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a key (32 hex digits)</source>
        <translation>%1 bevat geen sleutel (32 hexadecimale cijfers)</translation>
    </message>
    <message>
        <source>not 32 hex digits, nor a file holding them</source>
        <translation>geen 32 hexadecimale cijfers, en ook geen bestand dat ze bevat</translation>
    </message>
</context>
<context>
    <name>p1::PortDetector</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: data, but no valid telegram (%2 bytes)</source>
        <translation>%1: wel data, maar geen geldig telegram (%2 bytes)</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: geen data</translation>
    </message>
    <message>
        <source>DSMR 2.2/3.0</source>
        <translation>DSMR 2.2/3.0</translation>
    </message>
    <message>
        <source>P1 %1.%2</source>
        <translation>P1 %1.%2</translation>
    </message>
    <message>
        <source>P1 version %1</source>
        <translation>P1-versie %1</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 at %4 baud, with gas meter (%5 valid, %6 rejected)</source>
        <translation>%1: %2-meter %3 op %4 baud, met gasmeter (%5 geldig, %6 afgekeurd)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 at %4 baud (%5 valid, %6 rejected)</source>
        <translation>%1: %2-meter %3 op %4 baud (%5 geldig, %6 afgekeurd)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3, with gas meter (%4 valid, %5 rejected)</source>
        <translation>%1: %2-meter %3, met gasmeter (%4 geldig, %5 afgekeurd)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 (%4 valid, %5 rejected)</source>
        <translation>%1: %2-meter %3 (%4 geldig, %5 afgekeurd)</translation>
    </message>
    <message>
        <source>%1: encrypted P1 meter at %2 baud: give its key with --key</source>
        <translation>%1: versleutelde P1-meter op %2 baud: geef de sleutel met --key</translation>
    </message>
    <message>
        <source>%1: encrypted P1 meter: give its key with --key</source>
        <translation>%1: versleutelde P1-meter: geef de sleutel met --key</translation>
    </message>
</context>
<context>
    <name>p1::SerialSource</name>
    <message>
        <source>serial port %1 at %2 baud</source>
        <translation>seriële poort %1 op %2 baud</translation>
    </message>
    <message>
        <source>serial port %1 at %2 baud (detected)</source>
        <translation>seriële poort %1 op %2 baud (herkend)</translation>
    </message>
    <message>
        <source>serial port %1, trying %2 baud</source>
        <translation>seriële poort %1, probeert %2 baud</translation>
    </message>
</context>
<context>
    <name>p1::SimulatorSource</name>
    <message>
        <source>simulated DSMR 5 meter (seed %1, time ×%2)</source>
        <translation>gesimuleerde DSMR 5-meter (seed %1, tijd ×%2)</translation>
    </message>
</context>
<context>
    <name>p1::Source</name>
    <message>
        <source>The port, host or file does not exist.</source>
        <translation>De poort, host of het bestand bestaat niet.</translation>
    </message>
    <message>
        <source>Permission denied (is the user in the dialout group?).</source>
        <translation>Geen toegang (zit de gebruiker in de groep dialout?).</translation>
    </message>
    <message>
        <source>The port is in use by another program.</source>
        <translation>De poort is in gebruik door een ander programma.</translation>
    </message>
    <message>
        <source>The device was unplugged.</source>
        <translation>Het apparaat is losgekoppeld.</translation>
    </message>
    <message>
        <source>The connection was lost; reconnecting.</source>
        <translation>De verbinding is verbroken; er wordt opnieuw verbonden.</translation>
    </message>
    <message>
        <source>End of the capture file.</source>
        <translation>Einde van het opnamebestand.</translation>
    </message>
    <message>
        <source>Input/output error.</source>
        <translation>Invoer-/uitvoerfout.</translation>
    </message>
</context>
<context>
    <name>p1::SourceFactory</name>
    <message>
        <source>No source given (use a tty, tcp://HOST:PORT, file:PATH or sim:).</source>
        <translation>Geen bron opgegeven (gebruik een tty, tcp://HOST:PORT, file:PAD of sim:).</translation>
    </message>
    <message>
        <source>Unknown source type &quot;%1&quot; (use a tty, tcp://HOST:PORT, file:PATH or sim:).</source>
        <translation>Onbekend brontype &quot;%1&quot; (gebruik een tty, tcp://HOST:PORT, file:PAD of sim:).</translation>
    </message>
    <message>
        <source>No host in the tcp source &quot;%1&quot; (use tcp://HOST:PORT).</source>
        <translation>Geen host in de tcp-bron &quot;%1&quot; (gebruik tcp://HOST:PORT).</translation>
    </message>
    <message>
        <source>No port after the host &quot;%1&quot; (use tcp://HOST:PORT).</source>
        <translation>Geen poort na de host &quot;%1&quot; (gebruik tcp://HOST:PORT).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>&quot;%1&quot; is geen poortnummer (1-65535).</translation>
    </message>
    <message>
        <source>No file name after file: (use file:PATH).</source>
        <translation>Geen bestandsnaam na file: (gebruik file:PAD).</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; after sim: (use sim:).</source>
        <translation>Onverwacht &quot;%1&quot; na sim: (gebruik sim:).</translation>
    </message>
</context>
<context>
    <name>p1::TcpSource</name>
    <message>
        <source>network %1</source>
        <translation>netwerk %1</translation>
    </message>
</context>
</TS>
