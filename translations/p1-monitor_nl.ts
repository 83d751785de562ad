<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>main</name>
    <message>
        <source>Sets up and debugs a P1 smart meter cable: live telegrams, CRC, decoded fields and what dbus-p1 would publish.</source>
        <translation>Voor het aansluiten en controleren van een P1-kabel van een slimme meter: live telegrammen, CRC, gedecodeerde velden en wat dbus-p1 zou publiceren.</translation>
    </message>
    <message>
        <source>Connect at start: a serial port (ttyUSB0), tcp://HOST:PORT, file:PATH or sim:.</source>
        <translation>Bij het starten verbinden: een seriële poort (ttyUSB0), tcp://HOST:PORT, file:PAD of sim:.</translation>
    </message>
    <message>
        <source>Serial baud rate: auto, 115200 or 9600.</source>
        <translation>Seriële baudrate: auto, 115200 of 9600.</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>SNELHEID</translation>
    </message>
    <message>
        <source>For file: sources: 1 = the meter&apos;s pace, 0 = at once.</source>
        <translation>Voor file:-bronnen: 1 = tempo van de meter, 0 = meteen.</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Language for this run: en, nl, de or fr.</source>
        <translation>Taal voor deze sessie: en, nl, de of fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>TAAL</translation>
    </message>
    <message>
        <source>Tab to show: raw, fields or venus.</source>
        <translation>Te tonen tabblad: raw, fields of venus.</translation>
    </message>
    <message>
        <source>TAB</source>
        <translation>TABBLAD</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Sla een afbeelding van het venster op in BESTAND en stop.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>BESTAND</translation>
    </message>
    <message>
        <source>Seconds to run before the screenshot (default: 5).</source>
        <translation>Seconden tot de schermafbeelding (standaard: 5).</translation>
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
        <translation>de bron</translation>
    </message>
    <message>
        <source>The host %1 was not found. Check the dongle&apos;s address.</source>
        <translation>De host %1 is niet gevonden. Controleer het adres van de dongle.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Het bestand %1 bestaat niet.</translation>
    </message>
    <message>
        <source>The port %1 does not exist. Check that the cable is plugged in and pick the port again (or use Detect).</source>
        <translation>De poort %1 bestaat niet. Controleer of de kabel is aangesloten en kies de poort opnieuw (of gebruik Zoeken).</translation>
    </message>
    <message>
        <source>No permission to open %1. Add your user to the dialout group (sudo usermod -aG dialout $USER), then log out and in again.</source>
        <translation>Geen toestemming om %1 te openen. Voeg uw gebruiker toe aan de groep dialout (sudo usermod -aG dialout $USER) en meld u daarna af en weer aan.</translation>
    </message>
    <message>
        <source>%1 is in use by another program (dbus-p1, ModemManager or a serial terminal?). Stop it, then connect again.</source>
        <translation>%1 is in gebruik door een ander programma (dbus-p1, ModemManager of een terminalprogramma?). Stop dat en verbind opnieuw.</translation>
    </message>
    <message>
        <source>The cable on %1 was unplugged or the device went away. Plug it in and connect again.</source>
        <translation>De kabel op %1 is losgekoppeld of het apparaat is verdwenen. Sluit hem weer aan en verbind opnieuw.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Retrying; check that the dongle is powered and on the network.</source>
        <translation>Kan %1 niet bereiken (%2). Nieuwe poging volgt; controleer of de dongle stroom heeft en op het netwerk zit.</translation>
    </message>
    <message>
        <source>Not a single byte from the meter in %1 s. Is the cable in the meter&apos;s P1 port? The meter only sends while its request line gets 5 V: check the cable type (some need USB power) and that this is the right port.</source>
        <translation>Geen enkele byte van de meter in %1 s. Zit de kabel in de P1-poort van de meter? De meter zendt alleen zolang zijn request-lijn 5 V krijgt: controleer het type kabel (sommige hebben USB-voeding nodig) en of dit de juiste poort is.</translation>
    </message>
    <message>
        <source>The meter stopped sending: no data for %1 s. Check the cable and the connector in the P1 port.</source>
        <translation>De meter zendt niet meer: geen data gedurende %1 s. Controleer de kabel en de stekker in de P1-poort.</translation>
    </message>
    <message>
        <source>Data arrives but no valid telegram: the baud rate is wrong (DSMR 2.2/3.0 meters send at 9600, DSMR 4 and 5 at 115200; try Auto) or the cable does not invert the signal (P1 is an inverted serial line: a plain TTL adapter needs an inverter).</source>
        <translation>Er komt data binnen maar geen geldig telegram: de baudrate klopt niet (DSMR 2.2/3.0-meters zenden op 9600, DSMR 4 en 5 op 115200; probeer Automatisch) of de kabel keert het signaal niet om (P1 is een geïnverteerde seriële lijn: een gewone TTL-adapter heeft een inverter nodig).</translation>
    </message>
    <message>
        <source>%1 of the last %2 telegrams failed their CRC check: interference on the cable. Use a shorter or shielded cable, keep it away from mains wiring, or try another USB port.</source>
        <translation>%1 van de laatste %2 telegrammen hadden een foute CRC: storing op de kabel. Gebruik een kortere of afgeschermde kabel, houd hem weg van netspanningsbedrading of probeer een andere USB-poort.</translation>
    </message>
    <message>
        <source>The capture file has been replayed to its end.</source>
        <translation>Het opnamebestand is tot het einde afgespeeld.</translation>
    </message>
    <message>
        <source>Error on %1: %2</source>
        <translation>Fout op %1: %2</translation>
    </message>
</context>
<context>
    <name>p1::DetectDialog</name>
    <message>
        <source>Detect the P1 cable</source>
        <translation>P1-kabel zoeken</translation>
    </message>
    <message>
        <source>Listening on every serial port at 115200 and 9600 baud for a valid telegram. Nothing is sent to any port. This takes at most %1 s.</source>
        <translation>Op elke seriële poort wordt op 115200 en 9600 baud geluisterd naar een geldig telegram. Er wordt niets naar een poort gestuurd. Dit duurt hooguit %1 s.</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Deze poort gebruiken</translation>
    </message>
    <message>
        <source>No serial ports found. Is the cable plugged in?</source>
        <translation>Geen seriële poorten gevonden. Is de kabel aangesloten?</translation>
    </message>
    <message>
        <source>%1: listening at %2 baud…</source>
        <translation>%1: luisteren op %2 baud…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
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
        <translation>Betekenis</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <source>Electricity meter</source>
        <translation>Elektriciteitsmeter</translation>
    </message>
    <message>
        <source>Meter identification (header)</source>
        <translation>Meteridentificatie (kop)</translation>
    </message>
    <message>
        <source>Sent as hex: %1</source>
        <translation>Verzonden als hex: %1</translation>
    </message>
    <message>
        <source>(not a code p1-monitor knows)</source>
        <translation>(code onbekend voor p1-monitor)</translation>
    </message>
    <message>
        <source>M-Bus channel %1: %2</source>
        <translation>M-Bus-kanaal %1: %2</translation>
    </message>
    <message>
        <source>Lines that are not data</source>
        <translation>Regels die geen data zijn</translation>
    </message>
    <message>
        <source>not understood (noise or a bit error?)</source>
        <translation>niet begrepen (ruis of een bitfout?)</translation>
    </message>
</context>
<context>
    <name>p1::MainWindow</name>
    <message>
        <source>About p1-monitor</source>
        <translation>Over p1-monitor</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;p1-monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Sets up and debugs a P1 cable: shows the smart meter&apos;s telegrams as received, their CRC, the decoded fields and what dbus-p1 would publish on Venus OS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;p1-monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Voor het aansluiten en controleren van een P1-kabel: toont de telegrammen van de slimme meter zoals ontvangen, hun CRC, de gedecodeerde velden en wat dbus-p1 op Venus OS zou publiceren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Record to capture file…</source>
        <translation>&amp;Opnemen naar bestand…</translation>
    </message>
    <message>
        <source>&amp;Save telegram as…</source>
        <translation>Telegram op&amp;slaan als…</translation>
    </message>
    <message>
        <source>&amp;Copy telegram as text</source>
        <translation>Telegram als tekst &amp;kopiëren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Be&amp;eld</translation>
    </message>
    <message>
        <source>C&amp;lear history and chart</source>
        <translation>Geschiedenis en grafiek &amp;wissen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About p1-monitor</source>
        <translation>&amp;Over p1-monitor</translation>
    </message>
    <message>
        <source>Show the latest telegram as it arrives</source>
        <translation>Toon het nieuwste telegram zodra het binnenkomt</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Opname naar %1</translation>
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
        <translation>Opnemen naar bestand</translation>
    </message>
    <message>
        <source>P1 captures (*.p1);;All files (*)</source>
        <translation>P1-opnamen (*.p1);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>No telegram to save yet.</source>
        <translation>Nog geen telegram om op te slaan.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>Save telegram</source>
        <translation>Telegram opslaan</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 opgeslagen</translation>
    </message>
    <message>
        <source>Telegram copied</source>
        <translation>Telegram gekopieerd</translation>
    </message>
</context>
<context>
    <name>p1::MonitorSession</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>Recording stopped: cannot write %1: %2</source>
        <translation>Opname gestopt: kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>CRC mismatch: the meter sent %1, the data gives %2.</source>
        <translation>CRC klopt niet: de meter stuurde %1, de data geeft %2.</translation>
    </message>
    <message>
        <source>The CRC after &apos;!&apos; is not 1 to 4 hex digits.</source>
        <translation>De CRC na &apos;!&apos; is geen 1 tot 4 hexadecimale cijfers.</translation>
    </message>
    <message>
        <source>No CRC after &apos;!&apos;, although this meter sent one before.</source>
        <translation>Geen CRC na &apos;!&apos;, terwijl deze meter er eerder wel een stuurde.</translation>
    </message>
    <message>
        <source>Cut off: a new telegram started (or the data ended) before this one&apos;s end.</source>
        <translation>Afgebroken: een nieuw telegram begon (of de data hield op) voor het einde van dit telegram.</translation>
    </message>
    <message>
        <source>Too long: no end of telegram within 16 KiB.</source>
        <translation>Te lang: geen einde van het telegram binnen 16 KiB.</translation>
    </message>
    <message>
        <source>No meter identification after &apos;/&apos;.</source>
        <translation>Geen meteridentificatie na &apos;/&apos;.</translation>
    </message>
    <message>
        <source>Not a single data line in the telegram.</source>
        <translation>Geen enkele dataregel in het telegram.</translation>
    </message>
    <message>
        <source>No CRC after &apos;!&apos;, although the telegram is DSMR 4 or newer (it has a version line or a timestamp) and must carry one.</source>
        <translation>Geen CRC na &apos;!&apos;, terwijl het telegram DSMR 4 of nieuwer is (het heeft een versieregel of een tijdstempel) en er een moet hebben.</translation>
    </message>
    <message>
        <source>This meter encrypts its telegrams: give its key with --key.</source>
        <translation>Deze meter versleutelt zijn telegrammen: geef de sleutel met --key.</translation>
    </message>
    <message>
        <source>Decryption failed: wrong key?</source>
        <translation>Ontsleutelen mislukt: verkeerde sleutel?</translation>
    </message>
    <message>
        <source>Decrypted, but there is no DSMR telegram inside (binary DLMS is not supported).</source>
        <translation>Ontsleuteld, maar er zit geen DSMR-telegram in (binaire DLMS wordt niet ondersteund).</translation>
    </message>
</context>
<context>
    <name>p1::ObisText</name>
    <message>
        <source>DSMR version</source>
        <translation>DSMR-versie</translation>
    </message>
    <message>
        <source>Version information (Belgium)</source>
        <translation>Versie-informatie (België)</translation>
    </message>
    <message>
        <source>Date-time stamp</source>
        <translation>Datum en tijd</translation>
    </message>
    <message>
        <source>Equipment identifier</source>
        <translation>Meternummer (equipment identifier)</translation>
    </message>
    <message>
        <source>Equipment serial number</source>
        <translation>Serienummer van het apparaat</translation>
    </message>
    <message>
        <source>Logical device name</source>
        <translation>Logische apparaatnaam</translation>
    </message>
    <message>
        <source>Equipment identifier (manufacturer)</source>
        <translation>Meternummer (fabrikant)</translation>
    </message>
    <message>
        <source>Meter serial number</source>
        <translation>Serienummer van de meter</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>Meterstatus</translation>
    </message>
    <message>
        <source>Connection type, 230/400 V (Belgium)</source>
        <translation>Aansluitingstype, 230/400 V (België)</translation>
    </message>
    <message>
        <source>Electricity delivered to client, total</source>
        <translation>Meterstand levering, totaal</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 1</source>
        <translation>Meterstand levering, tarief 1</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 2</source>
        <translation>Meterstand levering, tarief 2</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 3</source>
        <translation>Meterstand levering, tarief 3</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 4</source>
        <translation>Meterstand levering, tarief 4</translation>
    </message>
    <message>
        <source>Electricity delivered by client, total</source>
        <translation>Meterstand teruglevering, totaal</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 1</source>
        <translation>Meterstand teruglevering, tarief 1</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 2</source>
        <translation>Meterstand teruglevering, tarief 2</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 3</source>
        <translation>Meterstand teruglevering, tarief 3</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 4</source>
        <translation>Meterstand teruglevering, tarief 4</translation>
    </message>
    <message>
        <source>Active energy, absolute total (|+A| + |-A|)</source>
        <translation>Actieve energie, absoluut totaal (|+A| + |-A|)</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), total</source>
        <translation>Blindenergie levering (+R), totaal</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), tariff 1</source>
        <translation>Blindenergie levering (+R), tarief 1</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), tariff 2</source>
        <translation>Blindenergie levering (+R), tarief 2</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), total</source>
        <translation>Blindenergie teruglevering (-R), totaal</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), tariff 1</source>
        <translation>Blindenergie teruglevering (-R), tarief 1</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), tariff 2</source>
        <translation>Blindenergie teruglevering (-R), tarief 2</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant I</source>
        <translation>Blindenergie, kwadrant I</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant II</source>
        <translation>Blindenergie, kwadrant II</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant III</source>
        <translation>Blindenergie, kwadrant III</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant IV</source>
        <translation>Blindenergie, kwadrant IV</translation>
    </message>
    <message>
        <source>Tariff indicator</source>
        <translation>Actueel tarief</translation>
    </message>
    <message>
        <source>Actual threshold electricity</source>
        <translation>Actuele drempelwaarde elektriciteit</translation>
    </message>
    <message>
        <source>Breaker state</source>
        <translation>Stand van de stroomonderbreker</translation>
    </message>
    <message>
        <source>Current limit, L1</source>
        <translation>Stroombegrenzing, L1</translation>
    </message>
    <message>
        <source>Current limit, L2</source>
        <translation>Stroombegrenzing, L2</translation>
    </message>
    <message>
        <source>Current limit, L3</source>
        <translation>Stroombegrenzing, L3</translation>
    </message>
    <message>
        <source>Current limiter thresholds</source>
        <translation>Drempels van de stroombegrenzer</translation>
    </message>
    <message>
        <source>Actual electricity power delivered (+P)</source>
        <translation>Actueel vermogen levering (+P)</translation>
    </message>
    <message>
        <source>Actual electricity power received (-P)</source>
        <translation>Actueel vermogen teruglevering (-P)</translation>
    </message>
    <message>
        <source>Actual reactive power delivered (+Q)</source>
        <translation>Actueel blindvermogen levering (+Q)</translation>
    </message>
    <message>
        <source>Actual reactive power received (-Q)</source>
        <translation>Actueel blindvermogen teruglevering (-Q)</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant I</source>
        <translation>Actueel blindvermogen, kwadrant I</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant II</source>
        <translation>Actueel blindvermogen, kwadrant II</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant III</source>
        <translation>Actueel blindvermogen, kwadrant III</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant IV</source>
        <translation>Actueel blindvermogen, kwadrant IV</translation>
    </message>
    <message>
        <source>Actual apparent power delivered (+S)</source>
        <translation>Actueel schijnbaar vermogen levering (+S)</translation>
    </message>
    <message>
        <source>Actual apparent power received (-S)</source>
        <translation>Actueel schijnbaar vermogen teruglevering (-S)</translation>
    </message>
    <message>
        <source>Power factor</source>
        <translation>Arbeidsfactor</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequentie</translation>
    </message>
    <message>
        <source>Instantaneous active power L1 (+P)</source>
        <translation>Momentaan vermogen levering L1 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L2 (+P)</source>
        <translation>Momentaan vermogen levering L2 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L3 (+P)</source>
        <translation>Momentaan vermogen levering L3 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L1 (-P)</source>
        <translation>Momentaan vermogen teruglevering L1 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L2 (-P)</source>
        <translation>Momentaan vermogen teruglevering L2 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L3 (-P)</source>
        <translation>Momentaan vermogen teruglevering L3 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L1 (+Q)</source>
        <translation>Momentaan blindvermogen L1 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L2 (+Q)</source>
        <translation>Momentaan blindvermogen L2 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L3 (+Q)</source>
        <translation>Momentaan blindvermogen L3 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L1 (-Q)</source>
        <translation>Momentaan blindvermogen L1 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L2 (-Q)</source>
        <translation>Momentaan blindvermogen L2 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L3 (-Q)</source>
        <translation>Momentaan blindvermogen L3 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous voltage L1</source>
        <translation>Momentane spanning L1</translation>
    </message>
    <message>
        <source>Instantaneous voltage L2</source>
        <translation>Momentane spanning L2</translation>
    </message>
    <message>
        <source>Instantaneous voltage L3</source>
        <translation>Momentane spanning L3</translation>
    </message>
    <message>
        <source>Instantaneous current L1</source>
        <translation>Momentane stroom L1</translation>
    </message>
    <message>
        <source>Instantaneous current L2</source>
        <translation>Momentane stroom L2</translation>
    </message>
    <message>
        <source>Instantaneous current L3</source>
        <translation>Momentane stroom L3</translation>
    </message>
    <message>
        <source>Power factor L1</source>
        <translation>Arbeidsfactor L1</translation>
    </message>
    <message>
        <source>Power factor L2</source>
        <translation>Arbeidsfactor L2</translation>
    </message>
    <message>
        <source>Power factor L3</source>
        <translation>Arbeidsfactor L3</translation>
    </message>
    <message>
        <source>Number of power failures in any phase</source>
        <translation>Aantal stroomstoringen (alle fasen)</translation>
    </message>
    <message>
        <source>Number of long power failures in any phase</source>
        <translation>Aantal lange stroomstoringen (alle fasen)</translation>
    </message>
    <message>
        <source>Power failure event log</source>
        <translation>Logboek van stroomstoringen</translation>
    </message>
    <message>
        <source>Power failure event</source>
        <translation>Stroomstoring</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L1</source>
        <translation>Aantal spanningsdips in fase L1</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L2</source>
        <translation>Aantal spanningsdips in fase L2</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L3</source>
        <translation>Aantal spanningsdips in fase L3</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L1</source>
        <translation>Aantal spanningspieken in fase L1</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L2</source>
        <translation>Aantal spanningspieken in fase L2</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L3</source>
        <translation>Aantal spanningspieken in fase L3</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Tekstbericht</translation>
    </message>
    <message>
        <source>Text message code</source>
        <translation>Code van het tekstbericht</translation>
    </message>
    <message>
        <source>Text message 2</source>
        <translation>Tekstbericht 2</translation>
    </message>
    <message>
        <source>Text message 3</source>
        <translation>Tekstbericht 3</translation>
    </message>
    <message>
        <source>Text message 4</source>
        <translation>Tekstbericht 4</translation>
    </message>
    <message>
        <source>Text message 5</source>
        <translation>Tekstbericht 5</translation>
    </message>
    <message>
        <source>Current average demand (+P)</source>
        <translation>Actueel gemiddeld kwartiervermogen (+P)</translation>
    </message>
    <message>
        <source>Maximum demand, running month (+P)</source>
        <translation>Maandpiek, lopende maand (+P)</translation>
    </message>
    <message>
        <source>Maximum demand / billing values, last months</source>
        <translation>Maandpieken / factuurwaarden, laatste maanden</translation>
    </message>
    <message>
        <source>M-Bus device type</source>
        <translation>M-Bus-apparaattype</translation>
    </message>
    <message>
        <source>M-Bus equipment identifier</source>
        <translation>M-Bus-meternummer</translation>
    </message>
    <message>
        <source>M-Bus equipment serial number</source>
        <translation>M-Bus-serienummer</translation>
    </message>
    <message>
        <source>M-Bus meter reading (gas, water, heat)</source>
        <translation>M-Bus-meterstand (gas, water, warmte)</translation>
    </message>
    <message>
        <source>Gas meter reading, not temperature corrected</source>
        <translation>Meterstand gas, niet temperatuurgecorrigeerd</translation>
    </message>
    <message>
        <source>M-Bus meter reading profile (DSMR 2.2/3.0)</source>
        <translation>M-Bus-meterstandprofiel (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>M-Bus valve state</source>
        <translation>M-Bus-klepstand</translation>
    </message>
    <message>
        <source>M-Bus relay state</source>
        <translation>M-Bus-relaisstand</translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation>onbekend apparaat</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>ander apparaat</translation>
    </message>
    <message>
        <source>gas meter</source>
        <translation>gasmeter</translation>
    </message>
    <message>
        <source>heat meter</source>
        <translation>warmtemeter</translation>
    </message>
    <message>
        <source>warm water meter</source>
        <translation>warmwatermeter</translation>
    </message>
    <message>
        <source>water meter</source>
        <translation>watermeter</translation>
    </message>
    <message>
        <source>cooling meter</source>
        <translation>koudemeter</translation>
    </message>
    <message>
        <source>heat/cooling meter</source>
        <translation>warmte-/koudemeter</translation>
    </message>
    <message>
        <source>device type %1</source>
        <translation>apparaattype %1</translation>
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
        <translation>afname %1</translation>
    </message>
    <message>
        <source>export %1</source>
        <translation>teruglevering %1</translation>
    </message>
    <message>
        <source>no power data yet</source>
        <translation>nog geen vermogensgegevens</translation>
    </message>
</context>
<context>
    <name>p1::RawTelegramFormatter</name>
    <message>
        <source>CRC bad: sent %1, computed %2</source>
        <translation>CRC fout: verzonden %1, berekend %2</translation>
    </message>
    <message>
        <source>CRC OK (%1)</source>
        <translation>CRC in orde (%1)</translation>
    </message>
    <message>
        <source>no CRC (DSMR 2.2/3.0 sends none)</source>
        <translation>geen CRC (DSMR 2.2/3.0 stuurt er geen)</translation>
    </message>
    <message>
        <source>CRC bad</source>
        <translation>CRC fout</translation>
    </message>
    <message>
        <source>%1 (encrypted and authenticated)</source>
        <translation>%1 (versleuteld en geauthenticeerd)</translation>
    </message>
    <message>
        <source>%1 (encrypted only)</source>
        <translation>%1 (alleen versleuteld)</translation>
    </message>
    <message>
        <source>GCM tag OK</source>
        <translation>GCM-tag in orde</translation>
    </message>
    <message>
        <source>no GCM tag: the telegram&apos;s CRC vouches for it</source>
        <translation>geen GCM-tag: de CRC van het telegram staat ervoor in</translation>
    </message>
    <message>
        <source>GCM tag fails with this authentication key; accepted on the telegram&apos;s own CRC</source>
        <translation>GCM-tag klopt niet met deze authenticatiesleutel; geaccepteerd op de eigen CRC van het telegram</translation>
    </message>
    <message>
        <source>GCM tag fails: wrong key?</source>
        <translation>GCM-tag klopt niet: verkeerde sleutel?</translation>
    </message>
    <message>
        <source>not decrypted: no key given</source>
        <translation>niet ontsleuteld: geen sleutel gegeven</translation>
    </message>
    <message>
        <source>Encrypted frame: system title %1, frame counter %2, security control %3</source>
        <translation>Versleuteld frame: systeemtitel %1, frameteller %2, security control %3</translation>
    </message>
</context>
<context>
    <name>p1::SourcePicker</name>
    <message>
        <source>Serial port</source>
        <translation>Seriële poort</translation>
    </message>
    <message>
        <source>Network (TCP)</source>
        <translation>Netwerk (TCP)</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Opnamebestand</translation>
    </message>
    <message>
        <source>Simulated meter</source>
        <translation>Gesimuleerde meter</translation>
    </message>
    <message>
        <source>Where the meter&apos;s data comes from</source>
        <translation>Waar de data van de meter vandaan komt</translation>
    </message>
    <message>
        <source>The serial port of the P1 cable, e.g. ttyUSB0</source>
        <translation>De seriële poort van de P1-kabel, bijv. ttyUSB0</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging in a cable)</source>
        <translation>De lijst met seriële poorten vernieuwen (na het aansluiten van een kabel)</translation>
    </message>
    <message>
        <source>Detect…</source>
        <translation>Zoeken…</translation>
    </message>
    <message>
        <source>Listen on every serial port at both baud rates and show where a meter is (read-only: nothing is sent to any port)</source>
        <translation>Op elke seriële poort op beide baudrates luisteren en tonen waar een meter zit (alleen lezen: er wordt niets naar een poort gestuurd)</translation>
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
        <translation>Een P1-netwerkdongle of ser2net: tcp://HOST:PORT</translation>
    </message>
    <message>
        <source>A capture recorded by p1-monitor or any raw P1 dump</source>
        <translation>Een opname van p1-monitor of een andere ruwe P1-dump</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Snelheid:</translation>
    </message>
    <message>
        <source>meter&apos;s pace</source>
        <translation>tempo van de meter</translation>
    </message>
    <message>
        <source>10× faster</source>
        <translation>10× sneller</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>zo snel mogelijk</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Verbreken</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Open a capture file</source>
        <translation>Opnamebestand openen</translation>
    </message>
    <message>
        <source>P1 captures (*.p1 *.txt *.log);;All files (*)</source>
        <translation>P1-opnamen (*.p1 *.txt *.log);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>A simulated DSMR 5 meter with solar panels, gas and water: try the app without hardware.</source>
        <translation>Een gesimuleerde DSMR 5-meter met zonnepanelen, gas en water: probeer de app zonder hardware.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Sleutel:</translation>
    </message>
    <message>
        <source>none (plain meter)</source>
        <translation>geen (onversleutelde meter)</translation>
    </message>
    <message>
        <source>An encrypted meter&apos;s key (Luxembourg, Austria: from the grid operator): 32 hex digits, or the path of a file holding them</source>
        <translation>De sleutel van een versleutelde meter (Luxemburg, Oostenrijk: van de netbeheerder): 32 hexadecimale cijfers, of het pad van een bestand dat ze bevat</translation>
    </message>
    <message>
        <source>default AK</source>
        <translation>standaard-AK</translation>
    </message>
    <message>
        <source>The authentication key (AK), only when the grid operator gives one other than 00112233445566778899AABBCCDDEEFF</source>
        <translation>De authenticatiesleutel (AK), alleen als de netbeheerder een andere geeft dan 00112233445566778899AABBCCDDEEFF</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Sleutel: %1</translation>
    </message>
    <message>
        <source>Authentication key: %1</source>
        <translation>Authenticatiesleutel: %1</translation>
    </message>
</context>
<context>
    <name>p1::StatusPanel</name>
    <message>
        <source>Connection:</source>
        <translation>Verbinding:</translation>
    </message>
    <message>
        <source>Baud rate:</source>
        <translation>Baudrate:</translation>
    </message>
    <message>
        <source>P1 version:</source>
        <translation>P1-versie:</translation>
    </message>
    <message>
        <source>Meter:</source>
        <translation>Meter:</translation>
    </message>
    <message>
        <source>Equipment id:</source>
        <translation>Meternummer:</translation>
    </message>
    <message>
        <source>Telegrams:</source>
        <translation>Telegrammen:</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Interval:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Ontvangen:</translation>
    </message>
    <message>
        <source>Net power (import above the line, export below):</source>
        <translation>Nettovermogen (afname boven de lijn, teruglevering eronder):</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>niet verbonden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbinden…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbonden</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>2.2 or 3.0 (no version line)</source>
        <translation>2.2 of 3.0 (geen versieregel)</translation>
    </message>
    <message>
        <source>e-MUCS %1 (Belgium)</source>
        <translation>e-MUCS %1 (België)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (meter found)</source>
        <translation>%1 (meter gevonden)</translation>
    </message>
    <message>
        <source>%1 (trying)</source>
        <translation>%1 (wordt geprobeerd)</translation>
    </message>
    <message>
        <source>%1 good, %2 bad, %3 without CRC</source>
        <translation>%1 goed, %2 fout, %3 zonder CRC</translation>
    </message>
    <message>
        <source>last %1, average %2</source>
        <translation>laatste %1, gemiddeld %2</translation>
    </message>
    <message>
        <source>%1 bytes (%2 outside telegrams)</source>
        <translation>%1 bytes (%2 buiten telegrammen)</translation>
    </message>
</context>
<context>
    <name>p1::TelegramHistoryModel</name>
    <message>
        <source>bad</source>
        <translation>fout</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>niet gecontroleerd</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>in orde</translation>
    </message>
    <message>
        <source>none (DSMR 2.2/3.0)</source>
        <translation>geen (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>geaccepteerd</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>CRC</source>
        <translation>CRC</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
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
        <translation>Ruw telegram</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>Gedecodeerde velden</translation>
    </message>
    <message>
        <source>Venus D-Bus</source>
        <translation>Venus D-Bus</translation>
    </message>
    <message>
        <source>No telegram yet: pick a source above and connect.</source>
        <translation>Nog geen telegram: kies hierboven een bron en verbind.</translation>
    </message>
    <message>
        <source>Waiting for the first telegram…</source>
        <translation>Wachten op het eerste telegram…</translation>
    </message>
    <message>
        <source>Telegram %1, received %2, %3 bytes</source>
        <translation>Telegram %1, ontvangen %2, %3 bytes</translation>
    </message>
    <message>
        <source>Telegram %1, received %2, %3 bytes — rejected: %4</source>
        <translation>Telegram %1, ontvangen %2, %3 bytes — afgekeurd: %4</translation>
    </message>
    <message>
        <source>What dbus-p1 would publish from this telegram: the paths of com.victronenergy.grid and of the gas and water pulse meters (com.victronenergy.pulsemeter, listed under the devices in Venus). A heat meter is not published: Venus has no service for it. A telegram that fails its CRC publishes nothing.</source>
        <translation>Wat dbus-p1 van dit telegram zou publiceren: de paden van com.victronenergy.grid en van de pulsmeters voor gas en water (com.victronenergy.pulsemeter, in Venus bij de apparaten vermeld). Een warmtemeter wordt niet gepubliceerd: Venus heeft er geen service voor. Een telegram met een foute CRC publiceert niets.</translation>
    </message>
</context>
<context>
    <name>p1::VenusModel</name>
    <message>
        <source>gas</source>
        <translation>gas</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>net</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ongeldig</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pad</translation>
    </message>
    <message>
        <source>Value (as GetText shows it)</source>
        <translation>Waarde (zoals GetText hem toont)</translation>
    </message>
    <message>
        <source>water</source>
        <translation>water</translation>
    </message>
</context>
</TS>
