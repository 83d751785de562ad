<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CommandLine</name>
    <message>
        <source>Displays version information.</source>
        <translation>Affiche les informations de version.</translation>
    </message>
    <message>
        <source>FILE|-</source>
        <translation>FICHIER|-</translation>
    </message>
    <message>
        <source>The bus to publish on: system, session or a bus address (default: system).</source>
        <translation>Le bus de publication : system, session ou une adresse de bus (par défaut : system).</translation>
    </message>
    <message>
        <source>BUS</source>
        <translation>BUS</translation>
    </message>
    <message>
        <source>Seconds without a valid telegram before the values go invalid; on a serial port the daemon then exits (default: %1).</source>
        <translation>Secondes sans télégramme valide avant que les valeurs deviennent invalides ; sur un port série, le démon s&apos;arrête alors (par défaut : %1).</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Seconds per baud rate to wait for a first valid telegram on a serial port before giving the port back (default: %1).</source>
        <translation>Secondes d&apos;attente par débit d&apos;un premier télégramme valide sur un port série avant de libérer le port (par défaut : %1).</translation>
    </message>
    <message>
        <source>Seconds to wait for the settings service before using the default device instance (default: %1).</source>
        <translation>Secondes d&apos;attente du service de réglages avant d&apos;utiliser l&apos;instance d&apos;appareil par défaut (par défaut : %1).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>Serial baud rate: auto (115200, then 9600), 115200 (DSMR 4/5) or 9600 (DSMR 2.2/3.0) (default: auto).</source>
        <translation>Débit série : auto (115200, puis 9600), 115200 (DSMR 4/5) ou 9600 (DSMR 2.2/3.0) (par défaut : auto).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>DÉBIT</translation>
    </message>
    <message>
        <source>For file: sources, how fast to replay: 1 is the meter&apos;s own pace, 0 as fast as possible (default: 1).</source>
        <translation>Pour les sources file:, vitesse de relecture : 1 au rythme du compteur, 0 aussi vite que possible (par défaut : 1).</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Log every telegram and every D-Bus change (debug).</source>
        <translation>Journaliser chaque télégramme et chaque modification D-Bus (débogage).</translation>
    </message>
    <message>
        <source>Where the meter is: /dev/ttyUSB0 (or ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (a simulated meter).</source>
        <translation>Où se trouve le compteur : /dev/ttyUSB0 (ou ttyUSB0), tcp://HÔTE:PORT, file:CHEMIN ou sim: (un compteur simulé).</translation>
    </message>
    <message>
        <source>SOURCE</source>
        <translation>SOURCE</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: --decode reads one FILE (or - for standard input)</source>
        <translation>argument inattendu « %1 » : --decode lit un FICHIER (ou - pour l&apos;entrée standard)</translation>
    </message>
    <message>
        <source>no SOURCE given: name a serial port (/dev/ttyUSB0), tcp://HOST:PORT, file:PATH or sim: (see --help)</source>
        <translation>aucune SOURCE indiquée : indiquez un port série (/dev/ttyUSB0), tcp://HÔTE:PORT, file:CHEMIN ou sim: (voir --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;: give one SOURCE</source>
        <translation>argument inattendu « %1 » : indiquez une seule SOURCE</translation>
    </message>
    <message>
        <source>--dbus: give system, session or a bus address</source>
        <translation>--dbus : indiquez system, session ou une adresse de bus</translation>
    </message>
    <message>
        <source>--gas-service: &apos;%1&apos; is not one of gasmeter, pulsemeter, none</source>
        <translation>--gas-service : « %1 » n&apos;est pas une des valeurs gasmeter, pulsemeter, none</translation>
    </message>
    <message>
        <source>--baud: &apos;%1&apos; is not one of auto, 115200, 9600</source>
        <translation>--baud : « %1 » n&apos;est pas une des valeurs auto, 115200, 9600</translation>
    </message>
    <message>
        <source>--replay-speed: &apos;%1&apos; is not a speed (0 = as fast as possible, 1 = real time)</source>
        <translation>--replay-speed : « %1 » n&apos;est pas une vitesse (0 = aussi vite que possible, 1 = temps réel)</translation>
    </message>
    <message>
        <source>Look for a P1 meter on the serial ports given as arguments (every serial port when none are), read-only, trying 115200 and 9600 baud for --probe-timeout each, all ports at once. Prints one JSON object per port and line: port, found, baud, version, ident, equipmentId, gas, crcOk, noCrc, rejected, bytes, and error when the port could not be read. Exit status 0 when a meter was found, 1 when none.</source>
        <translation>Cherche un compteur P1 sur les ports série donnés en arguments (sur chaque port série s&apos;il n&apos;y en a aucun), en lecture seule, en essayant 115200 puis 9600 bauds pendant --probe-timeout chacun, sur tous les ports à la fois. Affiche un objet JSON par port et par ligne : port, found, baud, version, ident, equipmentId, gas, crcOk, noCrc, rejected, bytes, et error quand le port n&apos;a pas pu être lu. Code de sortie 0 si un compteur a été trouvé, 1 sinon.</translation>
    </message>
    <message>
        <source>--detect and --decode do not go together</source>
        <translation>--detect et --decode ne peuvent pas être utilisés ensemble</translation>
    </message>
    <message>
        <source>--probe-timeout: &apos;%1&apos; is not a number of seconds above 0</source>
        <translation>--probe-timeout : « %1 » n&apos;est pas un nombre de secondes supérieur à 0</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of seconds</source>
        <translation>--%1 : « %2 » n&apos;est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of seconds above 0</source>
        <translation>--%1 : « %2 » n&apos;est pas un nombre de secondes supérieur à 0</translation>
    </message>
    <message>
        <source>Also send a PropertiesChanged signal on every changed path, for listeners that do not follow ItemsChanged (Venus needs only ItemsChanged; off by default).</source>
        <translation>Envoyer aussi un signal PropertiesChanged sur chaque chemin modifié, pour les auditeurs qui ne suivent pas ItemsChanged (Venus n&apos;a besoin que d&apos;ItemsChanged ; désactivé par défaut).</translation>
    </message>
    <message>
        <source>Decode a capture of P1 data (a file, or - for standard input) and print one JSON object per telegram. Exit status 0 when the input was read to its end, whatever it held; 1 when it could not be read.</source>
        <translation>Décoder un enregistrement de données P1 (un fichier, ou - pour l&apos;entrée standard) et afficher un objet JSON par télégramme. Code de sortie 0 quand l&apos;entrée a été lue jusqu&apos;au bout, quel qu&apos;en soit le contenu ; 1 quand elle n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>Reads a P1 smart meter and publishes it on Venus OS D-Bus as a grid meter and gas and water pulse meters.</source>
        <translation>Lit un compteur communicant par le port P1 et le publie sur le D-Bus de Venus OS comme compteur réseau et comme compteurs d&apos;impulsions pour le gaz et l&apos;eau.</translation>
    </message>
    <message>
        <source>How to publish the gas meter: pulsemeter (shows in the Venus device list), gasmeter (for scripts only: Venus shows it nowhere) or none (default: pulsemeter).</source>
        <translation>Comment publier le compteur de gaz : pulsemeter (visible dans la liste des appareils de Venus), gasmeter (pour les scripts uniquement : Venus ne l&apos;affiche nulle part) ou none (par défaut : pulsemeter).</translation>
    </message>
    <message>
        <source>How to publish the water meters: pulsemeter or none (default: pulsemeter).</source>
        <translation>Comment publier les compteurs d&apos;eau : pulsemeter ou none (par défaut : pulsemeter).</translation>
    </message>
    <message>
        <source>--water-service: &apos;%1&apos; is not one of pulsemeter, none</source>
        <translation>--water-service : &apos;%1&apos; n&apos;est pas l&apos;une des valeurs pulsemeter, none</translation>
    </message>
    <message>
        <source>The meter&apos;s encryption key (Luxembourg, Austria: from the grid operator): 32 hex digits, or a file holding them.</source>
        <translation>La clé de chiffrement du compteur (Luxembourg, Autriche : fournie par le gestionnaire de réseau) : 32 chiffres hexadécimaux, ou un fichier qui les contient.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>CLÉ</translation>
    </message>
    <message>
        <source>The meter&apos;s authentication key, when it is not the usual 00112233445566778899AABBCCDDEEFF: 32 hex digits, or a file holding them.</source>
        <translation>La clé d&apos;authentification du compteur, si ce n&apos;est pas l&apos;habituelle 00112233445566778899AABBCCDDEEFF : 32 chiffres hexadécimaux, ou un fichier qui les contient.</translation>
    </message>
    <message>
        <source>--key needs OpenSSL&apos;s libcrypto.so.3: %1</source>
        <translation>--key nécessite libcrypto.so.3 d&apos;OpenSSL : %1</translation>
    </message>
</context>
<context>
    <name>DecodeCommand</name>
    <message>
        <source>standard input</source>
        <translation>entrée standard</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>impossible d&apos;ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>cannot write to standard output: %1</source>
        <translation>impossible d&apos;écrire sur la sortie standard : %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>this meter encrypts its telegrams: give its key with --key</source>
        <translation>ce compteur chiffre ses télégrammes : indiquez sa clé avec --key</translation>
    </message>
    <message>
        <source>decryption failed: wrong key?</source>
        <translation>échec du déchiffrement : mauvaise clé ?</translation>
    </message>
</context>
<context>
    <name>DetectCommand</name>
    <message>
        <source>no serial ports to scan</source>
        <translation>aucun port série à examiner</translation>
    </message>
    <message numerus="yes">
        <source>scanning %n port(s) for a P1 meter, at most %L1 s</source>
        <translation>
            <numerusform>recherche d&apos;un compteur P1 sur %n port, %L1 s au plus</numerusform>
            <numerusform>recherche d&apos;un compteur P1 sur %n ports, %L1 s au plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>P1 meter found on %n port(s)</source>
        <translation>
            <numerusform>compteur P1 trouvé sur %n port</numerusform>
            <numerusform>compteurs P1 trouvés sur %n ports</numerusform>
        </translation>
    </message>
    <message>
        <source>no P1 meter found</source>
        <translation>aucun compteur P1 trouvé</translation>
    </message>
</context>
</TS>
