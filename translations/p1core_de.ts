<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>p1::FileSource</name>
    <message>
        <source>capture %1, as fast as possible</source>
        <translation>Aufzeichnung %1, so schnell wie möglich</translation>
    </message>
    <message>
        <source>capture %1 at %2× speed</source>
        <translation>Aufzeichnung %1 mit %2-facher Geschwindigkeit</translation>
    </message>
</context>
<context>
    <name>p1::KeyInput</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a key (32 hex digits)</source>
        <translation>%1 enthält keinen Schlüssel (32 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>not 32 hex digits, nor a file holding them</source>
        <translation>weder 32 Hexadezimalziffern noch eine Datei, die sie enthält</translation>
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
        <translation>%1: Daten, aber kein gültiges Telegramm (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: keine Daten</translation>
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
        <translation>P1-Version %1</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 at %4 baud, with gas meter (%5 valid, %6 rejected)</source>
        <translation>%1: %2-Zähler %3 mit %4 Baud, mit Gaszähler (%5 gültig, %6 verworfen)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 at %4 baud (%5 valid, %6 rejected)</source>
        <translation>%1: %2-Zähler %3 mit %4 Baud (%5 gültig, %6 verworfen)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3, with gas meter (%4 valid, %5 rejected)</source>
        <translation>%1: %2-Zähler %3, mit Gaszähler (%4 gültig, %5 verworfen)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 (%4 valid, %5 rejected)</source>
        <translation>%1: %2-Zähler %3 (%4 gültig, %5 verworfen)</translation>
    </message>
    <message>
        <source>%1: encrypted P1 meter at %2 baud: give its key with --key</source>
        <translation>%1: verschlüsselter P1-Zähler mit %2 Baud: Schlüssel mit --key angeben</translation>
    </message>
    <message>
        <source>%1: encrypted P1 meter: give its key with --key</source>
        <translation>%1: verschlüsselter P1-Zähler: Schlüssel mit --key angeben</translation>
    </message>
</context>
<context>
    <name>p1::SerialSource</name>
    <message>
        <source>serial port %1 at %2 baud</source>
        <translation>serielle Schnittstelle %1 mit %2 Baud</translation>
    </message>
    <message>
        <source>serial port %1 at %2 baud (detected)</source>
        <translation>serielle Schnittstelle %1 mit %2 Baud (erkannt)</translation>
    </message>
    <message>
        <source>serial port %1, trying %2 baud</source>
        <translation>serielle Schnittstelle %1, versucht %2 Baud</translation>
    </message>
</context>
<context>
    <name>p1::SimulatorSource</name>
    <message>
        <source>simulated DSMR 5 meter (seed %1, time ×%2)</source>
        <translation>simulierter DSMR-5-Zähler (Seed %1, Zeit ×%2)</translation>
    </message>
</context>
<context>
    <name>p1::Source</name>
    <message>
        <source>The port, host or file does not exist.</source>
        <translation>Die Schnittstelle, der Host oder die Datei existiert nicht.</translation>
    </message>
    <message>
        <source>Permission denied (is the user in the dialout group?).</source>
        <translation>Zugriff verweigert (ist der Benutzer in der Gruppe dialout?).</translation>
    </message>
    <message>
        <source>The port is in use by another program.</source>
        <translation>Die Schnittstelle wird von einem anderen Programm benutzt.</translation>
    </message>
    <message>
        <source>The device was unplugged.</source>
        <translation>Das Gerät wurde getrennt.</translation>
    </message>
    <message>
        <source>The connection was lost; reconnecting.</source>
        <translation>Die Verbindung wurde unterbrochen; sie wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>End of the capture file.</source>
        <translation>Ende der Aufzeichnungsdatei.</translation>
    </message>
    <message>
        <source>Input/output error.</source>
        <translation>Ein-/Ausgabefehler.</translation>
    </message>
</context>
<context>
    <name>p1::SourceFactory</name>
    <message>
        <source>No source given (use a tty, tcp://HOST:PORT, file:PATH or sim:).</source>
        <translation>Keine Quelle angegeben (eine tty, tcp://HOST:PORT, file:PFAD oder sim: verwenden).</translation>
    </message>
    <message>
        <source>Unknown source type &quot;%1&quot; (use a tty, tcp://HOST:PORT, file:PATH or sim:).</source>
        <translation>Unbekannter Quelltyp „%1“ (eine tty, tcp://HOST:PORT, file:PFAD oder sim: verwenden).</translation>
    </message>
    <message>
        <source>No host in the tcp source &quot;%1&quot; (use tcp://HOST:PORT).</source>
        <translation>Kein Host in der TCP-Quelle „%1“ (tcp://HOST:PORT verwenden).</translation>
    </message>
    <message>
        <source>No port after the host &quot;%1&quot; (use tcp://HOST:PORT).</source>
        <translation>Kein Port nach dem Host „%1“ (tcp://HOST:PORT verwenden).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>„%1“ ist keine Portnummer (1-65535).</translation>
    </message>
    <message>
        <source>No file name after file: (use file:PATH).</source>
        <translation>Kein Dateiname nach file: (file:PFAD verwenden).</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; after sim: (use sim:).</source>
        <translation>Unerwartetes „%1“ nach sim: (sim: verwenden).</translation>
    </message>
</context>
<context>
    <name>p1::TcpSource</name>
    <message>
        <source>network %1</source>
        <translation>Netzwerk %1</translation>
    </message>
</context>
</TS>
