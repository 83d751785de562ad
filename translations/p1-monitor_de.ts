<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Sets up and debugs a P1 smart meter cable: live telegrams, CRC, decoded fields and what dbus-p1 would publish.</source>
        <translation>Zum Einrichten und Prüfen eines P1-Kabels am Smart Meter: Telegramme live, CRC, decodierte Felder und was dbus-p1 veröffentlichen würde.</translation>
    </message>
    <message>
        <source>Connect at start: a serial port (ttyUSB0), tcp://HOST:PORT, file:PATH or sim:.</source>
        <translation>Beim Start verbinden: eine serielle Schnittstelle (ttyUSB0), tcp://HOST:PORT, file:PFAD oder sim:.</translation>
    </message>
    <message>
        <source>Serial baud rate: auto, 115200 or 9600.</source>
        <translation>Serielle Baudrate: auto, 115200 oder 9600.</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>BAUDRATE</translation>
    </message>
    <message>
        <source>For file: sources: 1 = the meter&apos;s pace, 0 = at once.</source>
        <translation>Für file:-Quellen: 1 = Tempo des Zählers, 0 = sofort.</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Language for this run: en, nl, de or fr.</source>
        <translation>Sprache für diesen Start: en, nl, de oder fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>SPRACHE</translation>
    </message>
    <message>
        <source>Tab to show: raw, fields or venus.</source>
        <translation>Anzuzeigender Reiter: raw, fields oder venus.</translation>
    </message>
    <message>
        <source>TAB</source>
        <translation>REITER</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Ein Bild des Fensters in DATEI speichern und beenden.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Seconds to run before the screenshot (default: 5).</source>
        <translation>Sekunden bis zum Bildschirmfoto (Standard: 5).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
</context>
<context>
    <name>p1::CableDiagnosis</name>
    <message>
        <source>the source</source>
        <translation>die Quelle</translation>
    </message>
    <message>
        <source>The host %1 was not found. Check the dongle&apos;s address.</source>
        <translation>Der Host %1 wurde nicht gefunden. Die Adresse des Dongles prüfen.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The port %1 does not exist. Check that the cable is plugged in and pick the port again (or use Detect).</source>
        <translation>Die Schnittstelle %1 existiert nicht. Prüfen, ob das Kabel eingesteckt ist, und die Schnittstelle neu wählen (oder Suchen verwenden).</translation>
    </message>
    <message>
        <source>No permission to open %1. Add your user to the dialout group (sudo usermod -aG dialout $USER), then log out and in again.</source>
        <translation>Keine Berechtigung, %1 zu öffnen. Den Benutzer zur Gruppe dialout hinzufügen (sudo usermod -aG dialout $USER), dann ab- und wieder anmelden.</translation>
    </message>
    <message>
        <source>%1 is in use by another program (dbus-p1, ModemManager or a serial terminal?). Stop it, then connect again.</source>
        <translation>%1 wird von einem anderen Programm benutzt (dbus-p1, ModemManager oder ein Terminalprogramm?). Dieses beenden und neu verbinden.</translation>
    </message>
    <message>
        <source>The cable on %1 was unplugged or the device went away. Plug it in and connect again.</source>
        <translation>Das Kabel an %1 wurde getrennt oder das Gerät ist nicht mehr vorhanden. Wieder einstecken und neu verbinden.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Retrying; check that the dongle is powered and on the network.</source>
        <translation>%1 ist nicht erreichbar (%2). Neuer Versuch folgt; prüfen, ob der Dongle Strom hat und im Netzwerk ist.</translation>
    </message>
    <message>
        <source>Not a single byte from the meter in %1 s. Is the cable in the meter&apos;s P1 port? The meter only sends while its request line gets 5 V: check the cable type (some need USB power) and that this is the right port.</source>
        <translation>Kein einziges Byte vom Zähler in %1 s. Steckt das Kabel in der P1-Schnittstelle des Zählers? Der Zähler sendet nur, solange seine Request-Leitung 5 V bekommt: den Kabeltyp prüfen (manche brauchen USB-Versorgung) und ob dies die richtige Schnittstelle ist.</translation>
    </message>
    <message>
        <source>The meter stopped sending: no data for %1 s. Check the cable and the connector in the P1 port.</source>
        <translation>Der Zähler sendet nicht mehr: seit %1 s keine Daten. Das Kabel und den Stecker in der P1-Schnittstelle prüfen.</translation>
    </message>
    <message>
        <source>Data arrives but no valid telegram: the baud rate is wrong (DSMR 2.2/3.0 meters send at 9600, DSMR 4 and 5 at 115200; try Auto) or the cable does not invert the signal (P1 is an inverted serial line: a plain TTL adapter needs an inverter).</source>
        <translation>Es kommen Daten, aber kein gültiges Telegramm: die Baudrate ist falsch (DSMR-2.2/3.0-Zähler senden mit 9600, DSMR 4 und 5 mit 115200; Automatisch versuchen) oder das Kabel invertiert das Signal nicht (P1 ist eine invertierte serielle Leitung: ein einfacher TTL-Adapter braucht einen Inverter).</translation>
    </message>
    <message>
        <source>%1 of the last %2 telegrams failed their CRC check: interference on the cable. Use a shorter or shielded cable, keep it away from mains wiring, or try another USB port.</source>
        <translation>%1 der letzten %2 Telegramme hatten einen CRC-Fehler: Störungen auf dem Kabel. Ein kürzeres oder geschirmtes Kabel verwenden, es von Netzleitungen fernhalten oder einen anderen USB-Anschluss versuchen.</translation>
    </message>
    <message>
        <source>The capture file has been replayed to its end.</source>
        <translation>Die Aufzeichnungsdatei wurde bis zum Ende abgespielt.</translation>
    </message>
    <message>
        <source>Error on %1: %2</source>
        <translation>Fehler an %1: %2</translation>
    </message>
</context>
<context>
    <name>p1::DetectDialog</name>
    <message>
        <source>Detect the P1 cable</source>
        <translation>P1-Kabel suchen</translation>
    </message>
    <message>
        <source>Listening on every serial port at 115200 and 9600 baud for a valid telegram. Nothing is sent to any port. This takes at most %1 s.</source>
        <translation>Auf jeder seriellen Schnittstelle wird mit 115200 und 9600 Baud auf ein gültiges Telegramm gewartet. An keine Schnittstelle wird etwas gesendet. Das dauert höchstens %1 s.</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Diese Schnittstelle verwenden</translation>
    </message>
    <message>
        <source>No serial ports found. Is the cable plugged in?</source>
        <translation>Keine seriellen Schnittstellen gefunden. Ist das Kabel eingesteckt?</translation>
    </message>
    <message>
        <source>%1: listening at %2 baud…</source>
        <translation>%1: lauscht mit %2 Baud…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>p1::FieldsModel</name>
    <message>
        <source>OBIS</source>
        <translation>OBIS</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Electricity meter</source>
        <translation>Stromzähler</translation>
    </message>
    <message>
        <source>Meter identification (header)</source>
        <translation>Zählerkennung (Kopfzeile)</translation>
    </message>
    <message>
        <source>Sent as hex: %1</source>
        <translation>Gesendet als Hex: %1</translation>
    </message>
    <message>
        <source>(not a code p1-monitor knows)</source>
        <translation>(Code, den p1-monitor nicht kennt)</translation>
    </message>
    <message>
        <source>M-Bus channel %1: %2</source>
        <translation>M-Bus-Kanal %1: %2</translation>
    </message>
    <message>
        <source>Lines that are not data</source>
        <translation>Zeilen ohne Daten</translation>
    </message>
    <message>
        <source>not understood (noise or a bit error?)</source>
        <translation>nicht verstanden (Rauschen oder ein Bitfehler?)</translation>
    </message>
</context>
<context>
    <name>p1::MainWindow</name>
    <message>
        <source>About p1-monitor</source>
        <translation>Über p1-monitor</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;p1-monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Sets up and debugs a P1 cable: shows the smart meter&apos;s telegrams as received, their CRC, the decoded fields and what dbus-p1 would publish on Venus OS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;p1-monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Zum Einrichten und Prüfen eines P1-Kabels: zeigt die Telegramme des Smart Meters wie empfangen, ihre CRC, die decodierten Felder und was dbus-p1 auf Venus OS veröffentlichen würde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Record to capture file…</source>
        <translation>In Datei &amp;aufzeichnen…</translation>
    </message>
    <message>
        <source>&amp;Save telegram as…</source>
        <translation>Telegramm &amp;speichern unter…</translation>
    </message>
    <message>
        <source>&amp;Copy telegram as text</source>
        <translation>Telegramm als Text &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>C&amp;lear history and chart</source>
        <translation>Verlauf und Diagramm &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About p1-monitor</source>
        <translation>Ü&amp;ber p1-monitor</translation>
    </message>
    <message>
        <source>Show the latest telegram as it arrives</source>
        <translation>Das neueste Telegramm beim Eintreffen zeigen</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Aufzeichnung in %1</translation>
    </message>
    <message>
        <source>p1-monitor</source>
        <translation>p1-monitor</translation>
    </message>
    <message>
        <source>p1-monitor — %1</source>
        <translation>p1-monitor — %1</translation>
    </message>
    <message>
        <source>Record to capture file</source>
        <translation>In Datei aufzeichnen</translation>
    </message>
    <message>
        <source>P1 captures (*.p1);;All files (*)</source>
        <translation>P1-Aufzeichnungen (*.p1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No telegram to save yet.</source>
        <translation>Noch kein Telegramm zum Speichern.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save telegram</source>
        <translation>Telegramm speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Telegram copied</source>
        <translation>Telegramm kopiert</translation>
    </message>
</context>
<context>
    <name>p1::MonitorSession</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Recording stopped: cannot write %1: %2</source>
        <translation>Aufzeichnung beendet: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>CRC mismatch: the meter sent %1, the data gives %2.</source>
        <translation>CRC stimmt nicht: der Zähler sandte %1, die Daten ergeben %2.</translation>
    </message>
    <message>
        <source>The CRC after &apos;!&apos; is not 1 to 4 hex digits.</source>
        <translation>Die CRC nach „!“ sind nicht 1 bis 4 Hex-Ziffern.</translation>
    </message>
    <message>
        <source>No CRC after &apos;!&apos;, although this meter sent one before.</source>
        <translation>Keine CRC nach „!“, obwohl dieser Zähler vorher eine sandte.</translation>
    </message>
    <message>
        <source>Cut off: a new telegram started (or the data ended) before this one&apos;s end.</source>
        <translation>Abgeschnitten: ein neues Telegramm begann (oder die Daten endeten) vor dem Ende dieses Telegramms.</translation>
    </message>
    <message>
        <source>Too long: no end of telegram within 16 KiB.</source>
        <translation>Zu lang: kein Telegrammende innerhalb von 16 KiB.</translation>
    </message>
    <message>
        <source>No meter identification after &apos;/&apos;.</source>
        <translation>Keine Zählerkennung nach „/“.</translation>
    </message>
    <message>
        <source>Not a single data line in the telegram.</source>
        <translation>Keine einzige Datenzeile im Telegramm.</translation>
    </message>
    <message>
        <source>No CRC after &apos;!&apos;, although the telegram is DSMR 4 or newer (it has a version line or a timestamp) and must carry one.</source>
        <translation>Keine CRC nach „!“, obwohl das Telegramm DSMR 4 oder neuer ist (es hat eine Versionszeile oder einen Zeitstempel) und eine tragen muss.</translation>
    </message>
    <message>
        <source>This meter encrypts its telegrams: give its key with --key.</source>
        <translation>Dieser Zähler verschlüsselt seine Telegramme: Schlüssel mit --key angeben.</translation>
    </message>
    <message>
        <source>Decryption failed: wrong key?</source>
        <translation>Entschlüsselung fehlgeschlagen: falscher Schlüssel?</translation>
    </message>
    <message>
        <source>Decrypted, but there is no DSMR telegram inside (binary DLMS is not supported).</source>
        <translation>Entschlüsselt, aber es ist kein DSMR-Telegramm darin (binäres DLMS wird nicht unterstützt).</translation>
    </message>
</context>
<context>
    <name>p1::ObisText</name>
    <message>
        <source>DSMR version</source>
        <translation>DSMR-Version</translation>
    </message>
    <message>
        <source>Version information (Belgium)</source>
        <translation>Versionsinformation (Belgien)</translation>
    </message>
    <message>
        <source>Date-time stamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Equipment identifier</source>
        <translation>Gerätekennung</translation>
    </message>
    <message>
        <source>Equipment serial number</source>
        <translation>Seriennummer des Geräts</translation>
    </message>
    <message>
        <source>Logical device name</source>
        <translation>Logischer Gerätename</translation>
    </message>
    <message>
        <source>Equipment identifier (manufacturer)</source>
        <translation>Gerätekennung (Hersteller)</translation>
    </message>
    <message>
        <source>Meter serial number</source>
        <translation>Zählernummer</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>Zählerstatus</translation>
    </message>
    <message>
        <source>Connection type, 230/400 V (Belgium)</source>
        <translation>Anschlussart, 230/400 V (Belgien)</translation>
    </message>
    <message>
        <source>Electricity delivered to client, total</source>
        <translation>Zählerstand Bezug, gesamt</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 1</source>
        <translation>Zählerstand Bezug, Tarif 1</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 2</source>
        <translation>Zählerstand Bezug, Tarif 2</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 3</source>
        <translation>Zählerstand Bezug, Tarif 3</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 4</source>
        <translation>Zählerstand Bezug, Tarif 4</translation>
    </message>
    <message>
        <source>Electricity delivered by client, total</source>
        <translation>Zählerstand Einspeisung, gesamt</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 1</source>
        <translation>Zählerstand Einspeisung, Tarif 1</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 2</source>
        <translation>Zählerstand Einspeisung, Tarif 2</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 3</source>
        <translation>Zählerstand Einspeisung, Tarif 3</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 4</source>
        <translation>Zählerstand Einspeisung, Tarif 4</translation>
    </message>
    <message>
        <source>Active energy, absolute total (|+A| + |-A|)</source>
        <translation>Wirkenergie, Absolutsumme (|+A| + |-A|)</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), total</source>
        <translation>Blindenergie Bezug (+R), gesamt</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), tariff 1</source>
        <translation>Blindenergie Bezug (+R), Tarif 1</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), tariff 2</source>
        <translation>Blindenergie Bezug (+R), Tarif 2</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), total</source>
        <translation>Blindenergie Einspeisung (-R), gesamt</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), tariff 1</source>
        <translation>Blindenergie Einspeisung (-R), Tarif 1</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), tariff 2</source>
        <translation>Blindenergie Einspeisung (-R), Tarif 2</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant I</source>
        <translation>Blindenergie, Quadrant I</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant II</source>
        <translation>Blindenergie, Quadrant II</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant III</source>
        <translation>Blindenergie, Quadrant III</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant IV</source>
        <translation>Blindenergie, Quadrant IV</translation>
    </message>
    <message>
        <source>Tariff indicator</source>
        <translation>Aktueller Tarif</translation>
    </message>
    <message>
        <source>Actual threshold electricity</source>
        <translation>Aktueller Schwellwert Strom</translation>
    </message>
    <message>
        <source>Breaker state</source>
        <translation>Zustand des Leistungsschalters</translation>
    </message>
    <message>
        <source>Current limit, L1</source>
        <translation>Strombegrenzung, L1</translation>
    </message>
    <message>
        <source>Current limit, L2</source>
        <translation>Strombegrenzung, L2</translation>
    </message>
    <message>
        <source>Current limit, L3</source>
        <translation>Strombegrenzung, L3</translation>
    </message>
    <message>
        <source>Current limiter thresholds</source>
        <translation>Schwellwerte des Strombegrenzers</translation>
    </message>
    <message>
        <source>Actual electricity power delivered (+P)</source>
        <translation>Aktuelle Bezugsleistung (+P)</translation>
    </message>
    <message>
        <source>Actual electricity power received (-P)</source>
        <translation>Aktuelle Einspeiseleistung (-P)</translation>
    </message>
    <message>
        <source>Actual reactive power delivered (+Q)</source>
        <translation>Aktuelle Blindleistung Bezug (+Q)</translation>
    </message>
    <message>
        <source>Actual reactive power received (-Q)</source>
        <translation>Aktuelle Blindleistung Einspeisung (-Q)</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant I</source>
        <translation>Aktuelle Blindleistung, Quadrant I</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant II</source>
        <translation>Aktuelle Blindleistung, Quadrant II</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant III</source>
        <translation>Aktuelle Blindleistung, Quadrant III</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant IV</source>
        <translation>Aktuelle Blindleistung, Quadrant IV</translation>
    </message>
    <message>
        <source>Actual apparent power delivered (+S)</source>
        <translation>Aktuelle Scheinleistung Bezug (+S)</translation>
    </message>
    <message>
        <source>Actual apparent power received (-S)</source>
        <translation>Aktuelle Scheinleistung Einspeisung (-S)</translation>
    </message>
    <message>
        <source>Power factor</source>
        <translation>Leistungsfaktor</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenz</translation>
    </message>
    <message>
        <source>Instantaneous active power L1 (+P)</source>
        <translation>Momentane Wirkleistung Bezug L1 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L2 (+P)</source>
        <translation>Momentane Wirkleistung Bezug L2 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L3 (+P)</source>
        <translation>Momentane Wirkleistung Bezug L3 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L1 (-P)</source>
        <translation>Momentane Wirkleistung Einspeisung L1 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L2 (-P)</source>
        <translation>Momentane Wirkleistung Einspeisung L2 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L3 (-P)</source>
        <translation>Momentane Wirkleistung Einspeisung L3 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L1 (+Q)</source>
        <translation>Momentane Blindleistung L1 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L2 (+Q)</source>
        <translation>Momentane Blindleistung L2 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L3 (+Q)</source>
        <translation>Momentane Blindleistung L3 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L1 (-Q)</source>
        <translation>Momentane Blindleistung L1 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L2 (-Q)</source>
        <translation>Momentane Blindleistung L2 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L3 (-Q)</source>
        <translation>Momentane Blindleistung L3 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous voltage L1</source>
        <translation>Momentane Spannung L1</translation>
    </message>
    <message>
        <source>Instantaneous voltage L2</source>
        <translation>Momentane Spannung L2</translation>
    </message>
    <message>
        <source>Instantaneous voltage L3</source>
        <translation>Momentane Spannung L3</translation>
    </message>
    <message>
        <source>Instantaneous current L1</source>
        <translation>Momentaner Strom L1</translation>
    </message>
    <message>
        <source>Instantaneous current L2</source>
        <translation>Momentaner Strom L2</translation>
    </message>
    <message>
        <source>Instantaneous current L3</source>
        <translation>Momentaner Strom L3</translation>
    </message>
    <message>
        <source>Power factor L1</source>
        <translation>Leistungsfaktor L1</translation>
    </message>
    <message>
        <source>Power factor L2</source>
        <translation>Leistungsfaktor L2</translation>
    </message>
    <message>
        <source>Power factor L3</source>
        <translation>Leistungsfaktor L3</translation>
    </message>
    <message>
        <source>Number of power failures in any phase</source>
        <translation>Anzahl der Stromausfälle (alle Phasen)</translation>
    </message>
    <message>
        <source>Number of long power failures in any phase</source>
        <translation>Anzahl der langen Stromausfälle (alle Phasen)</translation>
    </message>
    <message>
        <source>Power failure event log</source>
        <translation>Protokoll der Stromausfälle</translation>
    </message>
    <message>
        <source>Power failure event</source>
        <translation>Stromausfall</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L1</source>
        <translation>Anzahl der Spannungseinbrüche in Phase L1</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L2</source>
        <translation>Anzahl der Spannungseinbrüche in Phase L2</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L3</source>
        <translation>Anzahl der Spannungseinbrüche in Phase L3</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L1</source>
        <translation>Anzahl der Spannungsspitzen in Phase L1</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L2</source>
        <translation>Anzahl der Spannungsspitzen in Phase L2</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L3</source>
        <translation>Anzahl der Spannungsspitzen in Phase L3</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Textnachricht</translation>
    </message>
    <message>
        <source>Text message code</source>
        <translation>Code der Textnachricht</translation>
    </message>
    <message>
        <source>Text message 2</source>
        <translation>Textnachricht 2</translation>
    </message>
    <message>
        <source>Text message 3</source>
        <translation>Textnachricht 3</translation>
    </message>
    <message>
        <source>Text message 4</source>
        <translation>Textnachricht 4</translation>
    </message>
    <message>
        <source>Text message 5</source>
        <translation>Textnachricht 5</translation>
    </message>
    <message>
        <source>Current average demand (+P)</source>
        <translation>Aktueller Viertelstunden-Mittelwert der Leistung (+P)</translation>
    </message>
    <message>
        <source>Maximum demand, running month (+P)</source>
        <translation>Leistungsspitze des laufenden Monats (+P)</translation>
    </message>
    <message>
        <source>Maximum demand / billing values, last months</source>
        <translation>Leistungsspitzen / Abrechnungswerte der letzten Monate</translation>
    </message>
    <message>
        <source>M-Bus device type</source>
        <translation>M-Bus-Gerätetyp</translation>
    </message>
    <message>
        <source>M-Bus equipment identifier</source>
        <translation>M-Bus-Gerätekennung</translation>
    </message>
    <message>
        <source>M-Bus equipment serial number</source>
        <translation>M-Bus-Seriennummer</translation>
    </message>
    <message>
        <source>M-Bus meter reading (gas, water, heat)</source>
        <translation>M-Bus-Zählerstand (Gas, Wasser, Wärme)</translation>
    </message>
    <message>
        <source>Gas meter reading, not temperature corrected</source>
        <translation>Zählerstand Gas, nicht temperaturkorrigiert</translation>
    </message>
    <message>
        <source>M-Bus meter reading profile (DSMR 2.2/3.0)</source>
        <translation>M-Bus-Zählerstandprofil (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>M-Bus valve state</source>
        <translation>M-Bus-Ventilstellung</translation>
    </message>
    <message>
        <source>M-Bus relay state</source>
        <translation>M-Bus-Relaiszustand</translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation>unbekanntes Gerät</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>anderes Gerät</translation>
    </message>
    <message>
        <source>gas meter</source>
        <translation>Gaszähler</translation>
    </message>
    <message>
        <source>heat meter</source>
        <translation>Wärmezähler</translation>
    </message>
    <message>
        <source>warm water meter</source>
        <translation>Warmwasserzähler</translation>
    </message>
    <message>
        <source>water meter</source>
        <translation>Wasserzähler</translation>
    </message>
    <message>
        <source>cooling meter</source>
        <translation>Kältezähler</translation>
    </message>
    <message>
        <source>heat/cooling meter</source>
        <translation>Wärme-/Kältezähler</translation>
    </message>
    <message>
        <source>device type %1</source>
        <translation>Gerätetyp %1</translation>
    </message>
</context>
<context>
    <name>p1::PowerChart</name>
    <message>
        <source>%1 kW</source>
        <translation>%1 kW</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>Bezug %1</translation>
    </message>
    <message>
        <source>export %1</source>
        <translation>Einspeisung %1</translation>
    </message>
    <message>
        <source>no power data yet</source>
        <translation>noch keine Leistungsdaten</translation>
    </message>
</context>
<context>
    <name>p1::RawTelegramFormatter</name>
    <message>
        <source>CRC bad: sent %1, computed %2</source>
        <translation>CRC falsch: gesendet %1, berechnet %2</translation>
    </message>
    <message>
        <source>CRC OK (%1)</source>
        <translation>CRC in Ordnung (%1)</translation>
    </message>
    <message>
        <source>no CRC (DSMR 2.2/3.0 sends none)</source>
        <translation>keine CRC (DSMR 2.2/3.0 sendet keine)</translation>
    </message>
    <message>
        <source>CRC bad</source>
        <translation>CRC falsch</translation>
    </message>
    <message>
        <source>%1 (encrypted and authenticated)</source>
        <translation>%1 (verschlüsselt und authentifiziert)</translation>
    </message>
    <message>
        <source>%1 (encrypted only)</source>
        <translation>%1 (nur verschlüsselt)</translation>
    </message>
    <message>
        <source>GCM tag OK</source>
        <translation>GCM-Tag in Ordnung</translation>
    </message>
    <message>
        <source>no GCM tag: the telegram&apos;s CRC vouches for it</source>
        <translation>kein GCM-Tag: die CRC des Telegramms bürgt dafür</translation>
    </message>
    <message>
        <source>GCM tag fails with this authentication key; accepted on the telegram&apos;s own CRC</source>
        <translation>GCM-Tag stimmt mit diesem Authentifizierungsschlüssel nicht; angenommen anhand der eigenen CRC des Telegramms</translation>
    </message>
    <message>
        <source>GCM tag fails: wrong key?</source>
        <translation>GCM-Tag stimmt nicht: falscher Schlüssel?</translation>
    </message>
    <message>
        <source>not decrypted: no key given</source>
        <translation>nicht entschlüsselt: kein Schlüssel angegeben</translation>
    </message>
    <message>
        <source>Encrypted frame: system title %1, frame counter %2, security control %3</source>
        <translation>Verschlüsselter Rahmen: Systemtitel %1, Rahmenzähler %2, Security Control %3</translation>
    </message>
</context>
<context>
    <name>p1::SourcePicker</name>
    <message>
        <source>Serial port</source>
        <translation>Serielle Schnittstelle</translation>
    </message>
    <message>
        <source>Network (TCP)</source>
        <translation>Netzwerk (TCP)</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Aufzeichnungsdatei</translation>
    </message>
    <message>
        <source>Simulated meter</source>
        <translation>Simulierter Zähler</translation>
    </message>
    <message>
        <source>Where the meter&apos;s data comes from</source>
        <translation>Woher die Daten des Zählers kommen</translation>
    </message>
    <message>
        <source>The serial port of the P1 cable, e.g. ttyUSB0</source>
        <translation>Die serielle Schnittstelle des P1-Kabels, z. B. ttyUSB0</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging in a cable)</source>
        <translation>Serielle Schnittstellen neu auflisten (nach dem Einstecken eines Kabels)</translation>
    </message>
    <message>
        <source>Detect…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Listen on every serial port at both baud rates and show where a meter is (read-only: nothing is sent to any port)</source>
        <translation>Auf jeder seriellen Schnittstelle mit beiden Baudraten lauschen und zeigen, wo ein Zähler ist (nur lesend: an keine Schnittstelle wird etwas gesendet)</translation>
    </message>
    <message>
        <source>Baud:</source>
        <translation>Baud:</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>115200 (DSMR 4/5)</source>
        <translation>115200 (DSMR 4/5)</translation>
    </message>
    <message>
        <source>9600 (DSMR 2.2/3.0)</source>
        <translation>9600 (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>A network P1 dongle or ser2net: tcp://HOST:PORT</source>
        <translation>Ein P1-Netzwerkdongle oder ser2net: tcp://HOST:PORT</translation>
    </message>
    <message>
        <source>A capture recorded by p1-monitor or any raw P1 dump</source>
        <translation>Eine Aufzeichnung von p1-monitor oder ein beliebiger roher P1-Mitschnitt</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Geschwindigkeit:</translation>
    </message>
    <message>
        <source>meter&apos;s pace</source>
        <translation>Tempo des Zählers</translation>
    </message>
    <message>
        <source>10× faster</source>
        <translation>10× schneller</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>so schnell wie möglich</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Open a capture file</source>
        <translation>Aufzeichnungsdatei öffnen</translation>
    </message>
    <message>
        <source>P1 captures (*.p1 *.txt *.log);;All files (*)</source>
        <translation>P1-Aufzeichnungen (*.p1 *.txt *.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>A simulated DSMR 5 meter with solar panels, gas and water: try the app without hardware.</source>
        <translation>Ein simulierter DSMR-5-Zähler mit Solaranlage, Gas und Wasser: die App ohne Hardware ausprobieren.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>none (plain meter)</source>
        <translation>keiner (unverschlüsselter Zähler)</translation>
    </message>
    <message>
        <source>An encrypted meter&apos;s key (Luxembourg, Austria: from the grid operator): 32 hex digits, or the path of a file holding them</source>
        <translation>Der Schlüssel eines verschlüsselten Zählers (Luxemburg, Österreich: vom Netzbetreiber): 32 Hexadezimalziffern oder der Pfad einer Datei, die sie enthält</translation>
    </message>
    <message>
        <source>default AK</source>
        <translation>Standard-AK</translation>
    </message>
    <message>
        <source>The authentication key (AK), only when the grid operator gives one other than 00112233445566778899AABBCCDDEEFF</source>
        <translation>Der Authentifizierungsschlüssel (AK), nur wenn der Netzbetreiber einen anderen als 00112233445566778899AABBCCDDEEFF angibt</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Authentication key: %1</source>
        <translation>Authentifizierungsschlüssel: %1</translation>
    </message>
</context>
<context>
    <name>p1::StatusPanel</name>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
    </message>
    <message>
        <source>Baud rate:</source>
        <translation>Baudrate:</translation>
    </message>
    <message>
        <source>P1 version:</source>
        <translation>P1-Version:</translation>
    </message>
    <message>
        <source>Meter:</source>
        <translation>Zähler:</translation>
    </message>
    <message>
        <source>Equipment id:</source>
        <translation>Gerätekennung:</translation>
    </message>
    <message>
        <source>Telegrams:</source>
        <translation>Telegramme:</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Intervall:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Empfangen:</translation>
    </message>
    <message>
        <source>Net power (import above the line, export below):</source>
        <translation>Nettoleistung (Bezug über der Linie, Einspeisung darunter):</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>2.2 or 3.0 (no version line)</source>
        <translation>2.2 oder 3.0 (keine Versionszeile)</translation>
    </message>
    <message>
        <source>e-MUCS %1 (Belgium)</source>
        <translation>e-MUCS %1 (Belgien)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (meter found)</source>
        <translation>%1 (Zähler gefunden)</translation>
    </message>
    <message>
        <source>%1 (trying)</source>
        <translation>%1 (wird versucht)</translation>
    </message>
    <message>
        <source>%1 good, %2 bad, %3 without CRC</source>
        <translation>%1 gut, %2 fehlerhaft, %3 ohne CRC</translation>
    </message>
    <message>
        <source>last %1, average %2</source>
        <translation>zuletzt %1, Mittel %2</translation>
    </message>
    <message>
        <source>%1 bytes (%2 outside telegrams)</source>
        <translation>%1 Bytes (%2 außerhalb von Telegrammen)</translation>
    </message>
</context>
<context>
    <name>p1::TelegramHistoryModel</name>
    <message>
        <source>bad</source>
        <translation>falsch</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>none (DSMR 2.2/3.0)</source>
        <translation>keine (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>CRC</source>
        <translation>CRC</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>p1::TelegramView</name>
    <message>
        <source>Raw telegram</source>
        <translation>Rohtelegramm</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>Decodierte Felder</translation>
    </message>
    <message>
        <source>Venus D-Bus</source>
        <translation>Venus D-Bus</translation>
    </message>
    <message>
        <source>No telegram yet: pick a source above and connect.</source>
        <translation>Noch kein Telegramm: oben eine Quelle wählen und verbinden.</translation>
    </message>
    <message>
        <source>Waiting for the first telegram…</source>
        <translation>Warten auf das erste Telegramm…</translation>
    </message>
    <message>
        <source>Telegram %1, received %2, %3 bytes</source>
        <translation>Telegramm %1, empfangen %2, %3 Bytes</translation>
    </message>
    <message>
        <source>Telegram %1, received %2, %3 bytes — rejected: %4</source>
        <translation>Telegramm %1, empfangen %2, %3 Bytes — verworfen: %4</translation>
    </message>
    <message>
        <source>What dbus-p1 would publish from this telegram: the paths of com.victronenergy.grid and of the gas and water pulse meters (com.victronenergy.pulsemeter, listed under the devices in Venus). A heat meter is not published: Venus has no service for it. A telegram that fails its CRC publishes nothing.</source>
        <translation>Was dbus-p1 aus diesem Telegramm veröffentlichen würde: die Pfade von com.victronenergy.grid und der Impulszähler für Gas und Wasser (com.victronenergy.pulsemeter, in Venus bei den Geräten aufgeführt). Ein Wärmezähler wird nicht veröffentlicht: Venus hat keinen Dienst dafür. Ein Telegramm mit falscher CRC veröffentlicht nichts.</translation>
    </message>
</context>
<context>
    <name>p1::VenusModel</name>
    <message>
        <source>gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Value (as GetText shows it)</source>
        <translation>Wert (wie GetText ihn zeigt)</translation>
    </message>
    <message>
        <source>water</source>
        <translation>Wasser</translation>
    </message>
</context>
</TS>
