<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>p1::FileSource</name>
    <message>
        <source>capture %1, as fast as possible</source>
        <translation>enregistrement %1, aussi vite que possible</translation>
    </message>
    <message>
        <source>capture %1 at %2× speed</source>
        <translation>enregistrement %1 à vitesse ×%2</translation>
    </message>
</context>
<context>
    <name>p1::KeyInput</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 does not hold a key (32 hex digits)</source>
        <translation>%1 ne contient pas de clé (32 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>not 32 hex digits, nor a file holding them</source>
        <translation>ni 32 chiffres hexadécimaux, ni un fichier qui les contient</translation>
    </message>
</context>
<context>
    <name>p1::PortDetector</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: data, but no valid telegram (%2 bytes)</source>
        <translation>%1 : des données, mais aucun télégramme valide (%2 octets)</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1 : aucune donnée</translation>
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
        <translation>version P1 %1</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 at %4 baud, with gas meter (%5 valid, %6 rejected)</source>
        <translation>%1 : compteur %2 %3 à %4 bauds, avec compteur de gaz (valides : %5, rejetés : %6)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 at %4 baud (%5 valid, %6 rejected)</source>
        <translation>%1 : compteur %2 %3 à %4 bauds (valides : %5, rejetés : %6)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3, with gas meter (%4 valid, %5 rejected)</source>
        <translation>%1 : compteur %2 %3, avec compteur de gaz (valides : %4, rejetés : %5)</translation>
    </message>
    <message>
        <source>%1: %2 meter %3 (%4 valid, %5 rejected)</source>
        <translation>%1 : compteur %2 %3 (valides : %4, rejetés : %5)</translation>
    </message>
    <message>
        <source>%1: encrypted P1 meter at %2 baud: give its key with --key</source>
        <translation>%1 : compteur P1 chiffré à %2 bauds : indiquez sa clé avec --key</translation>
    </message>
    <message>
        <source>%1: encrypted P1 meter: give its key with --key</source>
        <translation>%1 : compteur P1 chiffré : indiquez sa clé avec --key</translation>
    </message>
</context>
<context>
    <name>p1::SerialSource</name>
    <message>
        <source>serial port %1 at %2 baud</source>
        <translation>port série %1 à %2 bauds</translation>
    </message>
    <message>
        <source>serial port %1 at %2 baud (detected)</source>
        <translation>port série %1 à %2 bauds (détecté)</translation>
    </message>
    <message>
        <source>serial port %1, trying %2 baud</source>
        <translation>port série %1, essai à %2 bauds</translation>
    </message>
</context>
<context>
    <name>p1::SimulatorSource</name>
    <message>
        <source>simulated DSMR 5 meter (seed %1, time ×%2)</source>
        <translation>compteur DSMR 5 simulé (graine %1, temps ×%2)</translation>
    </message>
</context>
<context>
    <name>p1::Source</name>
    <message>
        <source>The port, host or file does not exist.</source>
        <translation>Le port, l&apos;hôte ou le fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Permission denied (is the user in the dialout group?).</source>
        <translation>Accès refusé (l&apos;utilisateur fait-il partie du groupe dialout ?).</translation>
    </message>
    <message>
        <source>The port is in use by another program.</source>
        <translation>Le port est utilisé par un autre programme.</translation>
    </message>
    <message>
        <source>The device was unplugged.</source>
        <translation>L&apos;appareil a été débranché.</translation>
    </message>
    <message>
        <source>The connection was lost; reconnecting.</source>
        <translation>La connexion a été perdue ; reconnexion en cours.</translation>
    </message>
    <message>
        <source>End of the capture file.</source>
        <translation>Fin du fichier d&apos;enregistrement.</translation>
    </message>
    <message>
        <source>Input/output error.</source>
        <translation>Erreur d&apos;entrée/sortie.</translation>
    </message>
</context>
<context>
    <name>p1::SourceFactory</name>
    <message>
        <source>No source given (use a tty, tcp://HOST:PORT, file:PATH or sim:).</source>
        <translation>Aucune source indiquée (utilisez un tty, tcp://HÔTE:PORT, file:CHEMIN ou sim:).</translation>
    </message>
    <message>
        <source>Unknown source type &quot;%1&quot; (use a tty, tcp://HOST:PORT, file:PATH or sim:).</source>
        <translation>Type de source inconnu « %1 » (utilisez un tty, tcp://HÔTE:PORT, file:CHEMIN ou sim:).</translation>
    </message>
    <message>
        <source>No host in the tcp source &quot;%1&quot; (use tcp://HOST:PORT).</source>
        <translation>Aucun hôte dans la source tcp « %1 » (utilisez tcp://HÔTE:PORT).</translation>
    </message>
    <message>
        <source>No port after the host &quot;%1&quot; (use tcp://HOST:PORT).</source>
        <translation>Aucun port après l&apos;hôte « %1 » (utilisez tcp://HÔTE:PORT).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number (1-65535).</source>
        <translation>« %1 » n&apos;est pas un numéro de port (1-65535).</translation>
    </message>
    <message>
        <source>No file name after file: (use file:PATH).</source>
        <translation>Aucun nom de fichier après file: (utilisez file:CHEMIN).</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; after sim: (use sim:).</source>
        <translation>« %1 » inattendu après sim: (utilisez sim:).</translation>
    </message>
</context>
<context>
    <name>p1::TcpSource</name>
    <message>
        <source>network %1</source>
        <translation>réseau %1</translation>
    </message>
</context>
</TS>
