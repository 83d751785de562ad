<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>main</name>
    <message>
        <source>Sets up and debugs a P1 smart meter cable: live telegrams, CRC, decoded fields and what dbus-p1 would publish.</source>
        <translation>Pour installer et diagnostiquer un câble P1 de compteur communicant : télégrammes en direct, CRC, champs décodés et ce que dbus-p1 publierait.</translation>
    </message>
    <message>
        <source>Connect at start: a serial port (ttyUSB0), tcp://HOST:PORT, file:PATH or sim:.</source>
        <translation>Se connecter au démarrage : un port série (ttyUSB0), tcp://HÔTE:PORT, file:CHEMIN ou sim:.</translation>
    </message>
    <message>
        <source>Serial baud rate: auto, 115200 or 9600.</source>
        <translation>Débit série : auto, 115200 ou 9600.</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>DÉBIT</translation>
    </message>
    <message>
        <source>For file: sources: 1 = the meter&apos;s pace, 0 = at once.</source>
        <translation>Pour les sources file: : 1 = rythme du compteur, 0 = immédiatement.</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Language for this run: en, nl, de or fr.</source>
        <translation>Langue pour cette exécution : en, nl, de ou fr.</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANGUE</translation>
    </message>
    <message>
        <source>Tab to show: raw, fields or venus.</source>
        <translation>Onglet à afficher : raw, fields ou venus.</translation>
    </message>
    <message>
        <source>TAB</source>
        <translation>ONGLET</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>Enregistrer une image de la fenêtre dans FICHIER et quitter.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <source>Seconds to run before the screenshot (default: 5).</source>
        <translation>Secondes avant la capture d&apos;écran (par défaut : 5).</translation>
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
        <translation>la source</translation>
    </message>
    <message>
        <source>The host %1 was not found. Check the dongle&apos;s address.</source>
        <translation>L&apos;hôte %1 est introuvable. Vérifiez l&apos;adresse du dongle.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Le fichier %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The port %1 does not exist. Check that the cable is plugged in and pick the port again (or use Detect).</source>
        <translation>Le port %1 n&apos;existe pas. Vérifiez que le câble est branché et choisissez à nouveau le port (ou utilisez Détecter).</translation>
    </message>
    <message>
        <source>No permission to open %1. Add your user to the dialout group (sudo usermod -aG dialout $USER), then log out and in again.</source>
        <translation>Pas d&apos;autorisation pour ouvrir %1. Ajoutez votre utilisateur au groupe dialout (sudo usermod -aG dialout $USER), puis déconnectez-vous et reconnectez-vous.</translation>
    </message>
    <message>
        <source>%1 is in use by another program (dbus-p1, ModemManager or a serial terminal?). Stop it, then connect again.</source>
        <translation>%1 est utilisé par un autre programme (dbus-p1, ModemManager ou un terminal série ?). Arrêtez-le, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The cable on %1 was unplugged or the device went away. Plug it in and connect again.</source>
        <translation>Le câble sur %1 a été débranché ou l&apos;appareil a disparu. Rebranchez-le et reconnectez-vous.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Retrying; check that the dongle is powered and on the network.</source>
        <translation>Impossible de joindre %1 (%2). Nouvel essai en cours ; vérifiez que le dongle est alimenté et sur le réseau.</translation>
    </message>
    <message>
        <source>Not a single byte from the meter in %1 s. Is the cable in the meter&apos;s P1 port? The meter only sends while its request line gets 5 V: check the cable type (some need USB power) and that this is the right port.</source>
        <translation>Pas un seul octet du compteur en %1 s. Le câble est-il dans le port P1 du compteur ? Le compteur n&apos;émet que tant que sa ligne de requête reçoit 5 V : vérifiez le type de câble (certains ont besoin de l&apos;alimentation USB) et qu&apos;il s&apos;agit du bon port.</translation>
    </message>
    <message>
        <source>The meter stopped sending: no data for %1 s. Check the cable and the connector in the P1 port.</source>
        <translation>Le compteur n&apos;émet plus : aucune donnée depuis %1 s. Vérifiez le câble et la fiche dans le port P1.</translation>
    </message>
    <message>
        <source>Data arrives but no valid telegram: the baud rate is wrong (DSMR 2.2/3.0 meters send at 9600, DSMR 4 and 5 at 115200; try Auto) or the cable does not invert the signal (P1 is an inverted serial line: a plain TTL adapter needs an inverter).</source>
        <translation>Des données arrivent mais aucun télégramme valide : le débit est faux (les compteurs DSMR 2.2/3.0 émettent à 9600, DSMR 4 et 5 à 115200 ; essayez Automatique) ou le câble n&apos;inverse pas le signal (P1 est une liaison série inversée : un simple adaptateur TTL a besoin d&apos;un inverseur).</translation>
    </message>
    <message>
        <source>%1 of the last %2 telegrams failed their CRC check: interference on the cable. Use a shorter or shielded cable, keep it away from mains wiring, or try another USB port.</source>
        <translation>%1 des %2 derniers télégrammes ont échoué au contrôle CRC : parasites sur le câble. Utilisez un câble plus court ou blindé, éloignez-le des câbles secteur ou essayez un autre port USB.</translation>
    </message>
    <message>
        <source>The capture file has been replayed to its end.</source>
        <translation>Le fichier d&apos;enregistrement a été relu jusqu&apos;au bout.</translation>
    </message>
    <message>
        <source>Error on %1: %2</source>
        <translation>Erreur sur %1 : %2</translation>
    </message>
</context>
<context>
    <name>p1::DetectDialog</name>
    <message>
        <source>Detect the P1 cable</source>
        <translation>Détecter le câble P1</translation>
    </message>
    <message>
        <source>Listening on every serial port at 115200 and 9600 baud for a valid telegram. Nothing is sent to any port. This takes at most %1 s.</source>
        <translation>Écoute de chaque port série à 115200 et 9600 bauds à la recherche d&apos;un télégramme valide. Rien n&apos;est envoyé sur aucun port. Cela prend au plus %1 s.</translation>
    </message>
    <message>
        <source>Use this port</source>
        <translation>Utiliser ce port</translation>
    </message>
    <message>
        <source>No serial ports found. Is the cable plugged in?</source>
        <translation>Aucun port série trouvé. Le câble est-il branché ?</translation>
    </message>
    <message>
        <source>%1: listening at %2 baud…</source>
        <translation>%1 : écoute à %2 bauds…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
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
        <translation>Signification</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Electricity meter</source>
        <translation>Compteur d&apos;électricité</translation>
    </message>
    <message>
        <source>Meter identification (header)</source>
        <translation>Identification du compteur (en-tête)</translation>
    </message>
    <message>
        <source>Sent as hex: %1</source>
        <translation>Envoyé en hexadécimal : %1</translation>
    </message>
    <message>
        <source>(not a code p1-monitor knows)</source>
        <translation>(code inconnu de p1-monitor)</translation>
    </message>
    <message>
        <source>M-Bus channel %1: %2</source>
        <translation>Canal M-Bus %1 : %2</translation>
    </message>
    <message>
        <source>Lines that are not data</source>
        <translation>Lignes qui ne sont pas des données</translation>
    </message>
    <message>
        <source>not understood (noise or a bit error?)</source>
        <translation>non compris (bruit ou erreur de bit ?)</translation>
    </message>
</context>
<context>
    <name>p1::MainWindow</name>
    <message>
        <source>About p1-monitor</source>
        <translation>À propos de p1-monitor</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;p1-monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Sets up and debugs a P1 cable: shows the smart meter&apos;s telegrams as received, their CRC, the decoded fields and what dbus-p1 would publish on Venus OS.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;p1-monitor&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Pour installer et diagnostiquer un câble P1 : affiche les télégrammes du compteur communicant tels que reçus, leur CRC, les champs décodés et ce que dbus-p1 publierait sur Venus OS.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Record to capture file…</source>
        <translation>&amp;Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>&amp;Save telegram as…</source>
        <translation>Enregi&amp;strer le télégramme sous…</translation>
    </message>
    <message>
        <source>&amp;Copy telegram as text</source>
        <translation>&amp;Copier le télégramme comme texte</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>C&amp;lear history and chart</source>
        <translation>&amp;Effacer l&apos;historique et le graphique</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;About p1-monitor</source>
        <translation>À &amp;propos de p1-monitor</translation>
    </message>
    <message>
        <source>Show the latest telegram as it arrives</source>
        <translation>Afficher le dernier télégramme dès son arrivée</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Enregistrement dans %1</translation>
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
        <translation>Enregistrer dans un fichier</translation>
    </message>
    <message>
        <source>P1 captures (*.p1);;All files (*)</source>
        <translation>Enregistrements P1 (*.p1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No telegram to save yet.</source>
        <translation>Pas encore de télégramme à enregistrer.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Save telegram</source>
        <translation>Enregistrer le télégramme</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Telegram copied</source>
        <translation>Télégramme copié</translation>
    </message>
</context>
<context>
    <name>p1::MonitorSession</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Recording stopped: cannot write %1: %2</source>
        <translation>Enregistrement arrêté : impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>CRC mismatch: the meter sent %1, the data gives %2.</source>
        <translation>CRC incorrect : le compteur a envoyé %1, les données donnent %2.</translation>
    </message>
    <message>
        <source>The CRC after &apos;!&apos; is not 1 to 4 hex digits.</source>
        <translation>Le CRC après « ! » n&apos;est pas composé de 1 à 4 chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>No CRC after &apos;!&apos;, although this meter sent one before.</source>
        <translation>Pas de CRC après « ! », alors que ce compteur en envoyait un auparavant.</translation>
    </message>
    <message>
        <source>Cut off: a new telegram started (or the data ended) before this one&apos;s end.</source>
        <translation>Tronqué : un nouveau télégramme a commencé (ou les données se sont arrêtées) avant la fin de celui-ci.</translation>
    </message>
    <message>
        <source>Too long: no end of telegram within 16 KiB.</source>
        <translation>Trop long : pas de fin de télégramme dans les 16 Kio.</translation>
    </message>
    <message>
        <source>No meter identification after &apos;/&apos;.</source>
        <translation>Pas d&apos;identification du compteur après « / ».</translation>
    </message>
    <message>
        <source>Not a single data line in the telegram.</source>
        <translation>Aucune ligne de données dans le télégramme.</translation>
    </message>
    <message>
        <source>No CRC after &apos;!&apos;, although the telegram is DSMR 4 or newer (it has a version line or a timestamp) and must carry one.</source>
        <translation>Pas de CRC après « ! », alors que le télégramme est en DSMR 4 ou plus récent (il a une ligne de version ou un horodatage) et doit en porter un.</translation>
    </message>
    <message>
        <source>This meter encrypts its telegrams: give its key with --key.</source>
        <translation>Ce compteur chiffre ses télégrammes : indiquez sa clé avec --key.</translation>
    </message>
    <message>
        <source>Decryption failed: wrong key?</source>
        <translation>Échec du déchiffrement : mauvaise clé ?</translation>
    </message>
    <message>
        <source>Decrypted, but there is no DSMR telegram inside (binary DLMS is not supported).</source>
        <translation>Déchiffré, mais il ne contient pas de télégramme DSMR (le DLMS binaire n&apos;est pas pris en charge).</translation>
    </message>
</context>
<context>
    <name>p1::ObisText</name>
    <message>
        <source>DSMR version</source>
        <translation>Version DSMR</translation>
    </message>
    <message>
        <source>Version information (Belgium)</source>
        <translation>Informations de version (Belgique)</translation>
    </message>
    <message>
        <source>Date-time stamp</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>Equipment identifier</source>
        <translation>Identifiant de l&apos;équipement</translation>
    </message>
    <message>
        <source>Equipment serial number</source>
        <translation>Numéro de série de l&apos;équipement</translation>
    </message>
    <message>
        <source>Logical device name</source>
        <translation>Nom logique de l&apos;appareil</translation>
    </message>
    <message>
        <source>Equipment identifier (manufacturer)</source>
        <translation>Identifiant de l&apos;équipement (fabricant)</translation>
    </message>
    <message>
        <source>Meter serial number</source>
        <translation>Numéro de série du compteur</translation>
    </message>
    <message>
        <source>Meter status</source>
        <translation>État du compteur</translation>
    </message>
    <message>
        <source>Connection type, 230/400 V (Belgium)</source>
        <translation>Type de raccordement, 230/400 V (Belgique)</translation>
    </message>
    <message>
        <source>Electricity delivered to client, total</source>
        <translation>Index de prélèvement, total</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 1</source>
        <translation>Index de prélèvement, tarif 1</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 2</source>
        <translation>Index de prélèvement, tarif 2</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 3</source>
        <translation>Index de prélèvement, tarif 3</translation>
    </message>
    <message>
        <source>Electricity delivered to client, tariff 4</source>
        <translation>Index de prélèvement, tarif 4</translation>
    </message>
    <message>
        <source>Electricity delivered by client, total</source>
        <translation>Index d&apos;injection, total</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 1</source>
        <translation>Index d&apos;injection, tarif 1</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 2</source>
        <translation>Index d&apos;injection, tarif 2</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 3</source>
        <translation>Index d&apos;injection, tarif 3</translation>
    </message>
    <message>
        <source>Electricity delivered by client, tariff 4</source>
        <translation>Index d&apos;injection, tarif 4</translation>
    </message>
    <message>
        <source>Active energy, absolute total (|+A| + |-A|)</source>
        <translation>Énergie active, total absolu (|+A| + |-A|)</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), total</source>
        <translation>Énergie réactive prélevée (+R), total</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), tariff 1</source>
        <translation>Énergie réactive prélevée (+R), tarif 1</translation>
    </message>
    <message>
        <source>Reactive energy delivered (+R), tariff 2</source>
        <translation>Énergie réactive prélevée (+R), tarif 2</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), total</source>
        <translation>Énergie réactive injectée (-R), total</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), tariff 1</source>
        <translation>Énergie réactive injectée (-R), tarif 1</translation>
    </message>
    <message>
        <source>Reactive energy received (-R), tariff 2</source>
        <translation>Énergie réactive injectée (-R), tarif 2</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant I</source>
        <translation>Énergie réactive, quadrant I</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant II</source>
        <translation>Énergie réactive, quadrant II</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant III</source>
        <translation>Énergie réactive, quadrant III</translation>
    </message>
    <message>
        <source>Reactive energy, quadrant IV</source>
        <translation>Énergie réactive, quadrant IV</translation>
    </message>
    <message>
        <source>Tariff indicator</source>
        <translation>Tarif en cours</translation>
    </message>
    <message>
        <source>Actual threshold electricity</source>
        <translation>Seuil de puissance actuel</translation>
    </message>
    <message>
        <source>Breaker state</source>
        <translation>État du disjoncteur</translation>
    </message>
    <message>
        <source>Current limit, L1</source>
        <translation>Limite de courant, L1</translation>
    </message>
    <message>
        <source>Current limit, L2</source>
        <translation>Limite de courant, L2</translation>
    </message>
    <message>
        <source>Current limit, L3</source>
        <translation>Limite de courant, L3</translation>
    </message>
    <message>
        <source>Current limiter thresholds</source>
        <translation>Seuils du limiteur de courant</translation>
    </message>
    <message>
        <source>Actual electricity power delivered (+P)</source>
        <translation>Puissance actuelle prélevée (+P)</translation>
    </message>
    <message>
        <source>Actual electricity power received (-P)</source>
        <translation>Puissance actuelle injectée (-P)</translation>
    </message>
    <message>
        <source>Actual reactive power delivered (+Q)</source>
        <translation>Puissance réactive actuelle prélevée (+Q)</translation>
    </message>
    <message>
        <source>Actual reactive power received (-Q)</source>
        <translation>Puissance réactive actuelle injectée (-Q)</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant I</source>
        <translation>Puissance réactive actuelle, quadrant I</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant II</source>
        <translation>Puissance réactive actuelle, quadrant II</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant III</source>
        <translation>Puissance réactive actuelle, quadrant III</translation>
    </message>
    <message>
        <source>Actual reactive power, quadrant IV</source>
        <translation>Puissance réactive actuelle, quadrant IV</translation>
    </message>
    <message>
        <source>Actual apparent power delivered (+S)</source>
        <translation>Puissance apparente actuelle prélevée (+S)</translation>
    </message>
    <message>
        <source>Actual apparent power received (-S)</source>
        <translation>Puissance apparente actuelle injectée (-S)</translation>
    </message>
    <message>
        <source>Power factor</source>
        <translation>Facteur de puissance</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Fréquence</translation>
    </message>
    <message>
        <source>Instantaneous active power L1 (+P)</source>
        <translation>Puissance active instantanée prélevée L1 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L2 (+P)</source>
        <translation>Puissance active instantanée prélevée L2 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L3 (+P)</source>
        <translation>Puissance active instantanée prélevée L3 (+P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L1 (-P)</source>
        <translation>Puissance active instantanée injectée L1 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L2 (-P)</source>
        <translation>Puissance active instantanée injectée L2 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous active power L3 (-P)</source>
        <translation>Puissance active instantanée injectée L3 (-P)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L1 (+Q)</source>
        <translation>Puissance réactive instantanée L1 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L2 (+Q)</source>
        <translation>Puissance réactive instantanée L2 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L3 (+Q)</source>
        <translation>Puissance réactive instantanée L3 (+Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L1 (-Q)</source>
        <translation>Puissance réactive instantanée L1 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L2 (-Q)</source>
        <translation>Puissance réactive instantanée L2 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous reactive power L3 (-Q)</source>
        <translation>Puissance réactive instantanée L3 (-Q)</translation>
    </message>
    <message>
        <source>Instantaneous voltage L1</source>
        <translation>Tension instantanée L1</translation>
    </message>
    <message>
        <source>Instantaneous voltage L2</source>
        <translation>Tension instantanée L2</translation>
    </message>
    <message>
        <source>Instantaneous voltage L3</source>
        <translation>Tension instantanée L3</translation>
    </message>
    <message>
        <source>Instantaneous current L1</source>
        <translation>Courant instantané L1</translation>
    </message>
    <message>
        <source>Instantaneous current L2</source>
        <translation>Courant instantané L2</translation>
    </message>
    <message>
        <source>Instantaneous current L3</source>
        <translation>Courant instantané L3</translation>
    </message>
    <message>
        <source>Power factor L1</source>
        <translation>Facteur de puissance L1</translation>
    </message>
    <message>
        <source>Power factor L2</source>
        <translation>Facteur de puissance L2</translation>
    </message>
    <message>
        <source>Power factor L3</source>
        <translation>Facteur de puissance L3</translation>
    </message>
    <message>
        <source>Number of power failures in any phase</source>
        <translation>Nombre de coupures de courant (toutes phases)</translation>
    </message>
    <message>
        <source>Number of long power failures in any phase</source>
        <translation>Nombre de longues coupures de courant (toutes phases)</translation>
    </message>
    <message>
        <source>Power failure event log</source>
        <translation>Journal des coupures de courant</translation>
    </message>
    <message>
        <source>Power failure event</source>
        <translation>Coupure de courant</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L1</source>
        <translation>Nombre de creux de tension sur la phase L1</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L2</source>
        <translation>Nombre de creux de tension sur la phase L2</translation>
    </message>
    <message>
        <source>Number of voltage sags in phase L3</source>
        <translation>Nombre de creux de tension sur la phase L3</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L1</source>
        <translation>Nombre de surtensions sur la phase L1</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L2</source>
        <translation>Nombre de surtensions sur la phase L2</translation>
    </message>
    <message>
        <source>Number of voltage swells in phase L3</source>
        <translation>Nombre de surtensions sur la phase L3</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Message texte</translation>
    </message>
    <message>
        <source>Text message code</source>
        <translation>Code du message texte</translation>
    </message>
    <message>
        <source>Text message 2</source>
        <translation>Message texte 2</translation>
    </message>
    <message>
        <source>Text message 3</source>
        <translation>Message texte 3</translation>
    </message>
    <message>
        <source>Text message 4</source>
        <translation>Message texte 4</translation>
    </message>
    <message>
        <source>Text message 5</source>
        <translation>Message texte 5</translation>
    </message>
    <message>
        <source>Current average demand (+P)</source>
        <translation>Puissance moyenne quart-horaire actuelle (+P)</translation>
    </message>
    <message>
        <source>Maximum demand, running month (+P)</source>
        <translation>Pic de puissance du mois en cours (+P)</translation>
    </message>
    <message>
        <source>Maximum demand / billing values, last months</source>
        <translation>Pics de puissance / valeurs de facturation, derniers mois</translation>
    </message>
    <message>
        <source>M-Bus device type</source>
        <translation>Type d&apos;appareil M-Bus</translation>
    </message>
    <message>
        <source>M-Bus equipment identifier</source>
        <translation>Identifiant d&apos;équipement M-Bus</translation>
    </message>
    <message>
        <source>M-Bus equipment serial number</source>
        <translation>Numéro de série M-Bus</translation>
    </message>
    <message>
        <source>M-Bus meter reading (gas, water, heat)</source>
        <translation>Relevé M-Bus (gaz, eau, chaleur)</translation>
    </message>
    <message>
        <source>Gas meter reading, not temperature corrected</source>
        <translation>Index du compteur de gaz, non corrigé en température</translation>
    </message>
    <message>
        <source>M-Bus meter reading profile (DSMR 2.2/3.0)</source>
        <translation>Profil de relevé M-Bus (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>M-Bus valve state</source>
        <translation>État de la vanne M-Bus</translation>
    </message>
    <message>
        <source>M-Bus relay state</source>
        <translation>État du relais M-Bus</translation>
    </message>
    <message>
        <source>unknown device</source>
        <translation>appareil inconnu</translation>
    </message>
    <message>
        <source>other device</source>
        <translation>autre appareil</translation>
    </message>
    <message>
        <source>gas meter</source>
        <translation>compteur de gaz</translation>
    </message>
    <message>
        <source>heat meter</source>
        <translation>compteur de chaleur</translation>
    </message>
    <message>
        <source>warm water meter</source>
        <translation>compteur d&apos;eau chaude</translation>
    </message>
    <message>
        <source>water meter</source>
        <translation>compteur d&apos;eau</translation>
    </message>
    <message>
        <source>cooling meter</source>
        <translation>compteur de froid</translation>
    </message>
    <message>
        <source>heat/cooling meter</source>
        <translation>compteur de chaleur/froid</translation>
    </message>
    <message>
        <source>device type %1</source>
        <translation>type d&apos;appareil %1</translation>
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
        <translation>prélèvement %1</translation>
    </message>
    <message>
        <source>export %1</source>
        <translation>injection %1</translation>
    </message>
    <message>
        <source>no power data yet</source>
        <translation>pas encore de données de puissance</translation>
    </message>
</context>
<context>
    <name>p1::RawTelegramFormatter</name>
    <message>
        <source>CRC bad: sent %1, computed %2</source>
        <translation>CRC faux : envoyé %1, calculé %2</translation>
    </message>
    <message>
        <source>CRC OK (%1)</source>
        <translation>CRC correct (%1)</translation>
    </message>
    <message>
        <source>no CRC (DSMR 2.2/3.0 sends none)</source>
        <translation>pas de CRC (DSMR 2.2/3.0 n&apos;en envoie pas)</translation>
    </message>
    <message>
        <source>CRC bad</source>
        <translation>CRC faux</translation>
    </message>
    <message>
        <source>%1 (encrypted and authenticated)</source>
        <translation>%1 (chiffré et authentifié)</translation>
    </message>
    <message>
        <source>%1 (encrypted only)</source>
        <translation>%1 (chiffré seulement)</translation>
    </message>
    <message>
        <source>GCM tag OK</source>
        <translation>Tag GCM correct</translation>
    </message>
    <message>
        <source>no GCM tag: the telegram&apos;s CRC vouches for it</source>
        <translation>pas de tag GCM : le CRC du télégramme en répond</translation>
    </message>
    <message>
        <source>GCM tag fails with this authentication key; accepted on the telegram&apos;s own CRC</source>
        <translation>Le tag GCM échoue avec cette clé d&apos;authentification ; accepté sur le CRC propre du télégramme</translation>
    </message>
    <message>
        <source>GCM tag fails: wrong key?</source>
        <translation>Le tag GCM échoue : mauvaise clé ?</translation>
    </message>
    <message>
        <source>not decrypted: no key given</source>
        <translation>non déchiffré : aucune clé indiquée</translation>
    </message>
    <message>
        <source>Encrypted frame: system title %1, frame counter %2, security control %3</source>
        <translation>Trame chiffrée : titre système %1, compteur de trame %2, contrôle de sécurité %3</translation>
    </message>
</context>
<context>
    <name>p1::SourcePicker</name>
    <message>
        <source>Serial port</source>
        <translation>Port série</translation>
    </message>
    <message>
        <source>Network (TCP)</source>
        <translation>Réseau (TCP)</translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation>Fichier d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Simulated meter</source>
        <translation>Compteur simulé</translation>
    </message>
    <message>
        <source>Where the meter&apos;s data comes from</source>
        <translation>D&apos;où viennent les données du compteur</translation>
    </message>
    <message>
        <source>The serial port of the P1 cable, e.g. ttyUSB0</source>
        <translation>Le port série du câble P1, par ex. ttyUSB0</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>List the serial ports again (after plugging in a cable)</source>
        <translation>Lister à nouveau les ports série (après avoir branché un câble)</translation>
    </message>
    <message>
        <source>Detect…</source>
        <translation>Détecter…</translation>
    </message>
    <message>
        <source>Listen on every serial port at both baud rates and show where a meter is (read-only: nothing is sent to any port)</source>
        <translation>Écouter chaque port série aux deux débits et montrer où se trouve un compteur (lecture seule : rien n&apos;est envoyé sur aucun port)</translation>
    </message>
    <message>
        <source>Baud:</source>
        <translation>Bauds :</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatique</translation>
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
        <translation>Un dongle P1 réseau ou ser2net : tcp://HÔTE:PORT</translation>
    </message>
    <message>
        <source>A capture recorded by p1-monitor or any raw P1 dump</source>
        <translation>Un enregistrement de p1-monitor ou toute capture P1 brute</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Vitesse :</translation>
    </message>
    <message>
        <source>meter&apos;s pace</source>
        <translation>rythme du compteur</translation>
    </message>
    <message>
        <source>10× faster</source>
        <translation>10× plus vite</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>aussi vite que possible</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Open a capture file</source>
        <translation>Ouvrir un fichier d&apos;enregistrement</translation>
    </message>
    <message>
        <source>P1 captures (*.p1 *.txt *.log);;All files (*)</source>
        <translation>Enregistrements P1 (*.p1 *.txt *.log);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>A simulated DSMR 5 meter with solar panels, gas and water: try the app without hardware.</source>
        <translation>Un compteur DSMR 5 simulé avec panneaux solaires, gaz et eau : essayez l&apos;application sans matériel.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>none (plain meter)</source>
        <translation>aucune (compteur non chiffré)</translation>
    </message>
    <message>
        <source>An encrypted meter&apos;s key (Luxembourg, Austria: from the grid operator): 32 hex digits, or the path of a file holding them</source>
        <translation>La clé d&apos;un compteur chiffré (Luxembourg, Autriche : fournie par le gestionnaire de réseau) : 32 chiffres hexadécimaux, ou le chemin d&apos;un fichier qui les contient</translation>
    </message>
    <message>
        <source>default AK</source>
        <translation>AK par défaut</translation>
    </message>
    <message>
        <source>The authentication key (AK), only when the grid operator gives one other than 00112233445566778899AABBCCDDEEFF</source>
        <translation>La clé d&apos;authentification (AK), seulement si le gestionnaire de réseau en donne une autre que 00112233445566778899AABBCCDDEEFF</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé : %1</translation>
    </message>
    <message>
        <source>Authentication key: %1</source>
        <translation>Clé d&apos;authentification : %1</translation>
    </message>
</context>
<context>
    <name>p1::StatusPanel</name>
    <message>
        <source>Connection:</source>
        <translation>Connexion :</translation>
    </message>
    <message>
        <source>Baud rate:</source>
        <translation>Débit :</translation>
    </message>
    <message>
        <source>P1 version:</source>
        <translation>Version P1 :</translation>
    </message>
    <message>
        <source>Meter:</source>
        <translation>Compteur :</translation>
    </message>
    <message>
        <source>Equipment id:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <source>Telegrams:</source>
        <translation>Télégrammes :</translation>
    </message>
    <message>
        <source>Interval:</source>
        <translation>Intervalle :</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Reçu :</translation>
    </message>
    <message>
        <source>Net power (import above the line, export below):</source>
        <translation>Puissance nette (prélèvement au-dessus de la ligne, injection en dessous) :</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>2.2 or 3.0 (no version line)</source>
        <translation>2.2 ou 3.0 (pas de ligne de version)</translation>
    </message>
    <message>
        <source>e-MUCS %1 (Belgium)</source>
        <translation>e-MUCS %1 (Belgique)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (meter found)</source>
        <translation>%1 (compteur trouvé)</translation>
    </message>
    <message>
        <source>%1 (trying)</source>
        <translation>%1 (essai)</translation>
    </message>
    <message>
        <source>%1 good, %2 bad, %3 without CRC</source>
        <translation>corrects : %1, erronés : %2, sans CRC : %3</translation>
    </message>
    <message>
        <source>last %1, average %2</source>
        <translation>dernier %1, moyenne %2</translation>
    </message>
    <message>
        <source>%1 bytes (%2 outside telegrams)</source>
        <translation>%1 octets (%2 hors télégrammes)</translation>
    </message>
</context>
<context>
    <name>p1::TelegramHistoryModel</name>
    <message>
        <source>bad</source>
        <translation>faux</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>correct</translation>
    </message>
    <message>
        <source>none (DSMR 2.2/3.0)</source>
        <translation>aucun (DSMR 2.2/3.0)</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 o</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>CRC</source>
        <translation>CRC</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>p1::TelegramView</name>
    <message>
        <source>Raw telegram</source>
        <translation>Télégramme brut</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>Champs décodés</translation>
    </message>
    <message>
        <source>Venus D-Bus</source>
        <translation>D-Bus Venus</translation>
    </message>
    <message>
        <source>No telegram yet: pick a source above and connect.</source>
        <translation>Pas encore de télégramme : choisissez une source ci-dessus et connectez-vous.</translation>
    </message>
    <message>
        <source>Waiting for the first telegram…</source>
        <translation>En attente du premier télégramme…</translation>
    </message>
    <message>
        <source>Telegram %1, received %2, %3 bytes</source>
        <translation>Télégramme %1, reçu à %2, %3 octets</translation>
    </message>
    <message>
        <source>Telegram %1, received %2, %3 bytes — rejected: %4</source>
        <translation>Télégramme %1, reçu à %2, %3 octets — rejeté : %4</translation>
    </message>
    <message>
        <source>What dbus-p1 would publish from this telegram: the paths of com.victronenergy.grid and of the gas and water pulse meters (com.victronenergy.pulsemeter, listed under the devices in Venus). A heat meter is not published: Venus has no service for it. A telegram that fails its CRC publishes nothing.</source>
        <translation>Ce que dbus-p1 publierait à partir de ce télégramme : les chemins de com.victronenergy.grid et des compteurs d&apos;impulsions du gaz et de l&apos;eau (com.victronenergy.pulsemeter, listés parmi les appareils dans Venus). Un compteur de chaleur n&apos;est pas publié : Venus n&apos;a pas de service pour lui. Un télégramme dont le CRC est faux ne publie rien.</translation>
    </message>
</context>
<context>
    <name>p1::VenusModel</name>
    <message>
        <source>gas</source>
        <translation>gaz</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>réseau</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Value (as GetText shows it)</source>
        <translation>Valeur (telle que GetText l&apos;affiche)</translation>
    </message>
    <message>
        <source>water</source>
        <translation>eau</translation>
    </message>
</context>
</TS>
