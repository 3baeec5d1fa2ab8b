<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Text</name>
    <message>
        <source>the image has %1 channels, mean and std give %2 values</source>
        <translation>das Bild hat %1 Kanäle, mean und std geben %2 Werte an</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>oberste Ebene</translation>
    </message>
    <message>
        <source>expected an object {&quot;steps&quot;: [...]}</source>
        <translation>erwartet ein Objekt {&quot;steps&quot;: [...]}</translation>
    </message>
    <message>
        <source>missing; expected a list of steps</source>
        <translation>fehlt; erwartet eine Liste von Schritten</translation>
    </message>
    <message>
        <source>expected a list of steps</source>
        <translation>erwartet eine Liste von Schritten</translation>
    </message>
    <message>
        <source>expected an object with a &quot;type&quot;</source>
        <translation>erwartet ein Objekt mit &quot;type&quot;</translation>
    </message>
    <message>
        <source>normalize (steps[%1]) turns the image into floats and must be the last step</source>
        <translation>normalize (steps[%1]) wandelt das Bild in Gleitkommazahlen um und muss der letzte Schritt sein</translation>
    </message>
    <message>
        <source>image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>expected 1 to 16384 pixels, found %1</source>
        <translation>erwartet 1 bis 16384 Pixel, gefunden: %1</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>expected 1 or 3, found %1</source>
        <translation>erwartet 1 oder 3, gefunden: %1</translation>
    </message>
    <message>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>the image is empty</source>
        <translation>das Bild ist leer</translation>
    </message>
    <message>
        <source>expected 8 bits per value and 1 to 4 channels</source>
        <translation>erwartet 8 Bit pro Wert und 1 bis 4 Kanäle</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2</source>
        <translation>erwartet eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>missing; %1</source>
        <translation>fehlt; %1</translation>
    </message>
    <message>
        <source>%1, found %2</source>
        <translation>%1, gefunden: %2</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>erwartet true oder false, gefunden: %1</translation>
    </message>
    <message>
        <source>expected one of %1, found %2</source>
        <translation>erwartet eines von %1, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a list of 1 to 4 numbers (one per channel, RGB order)</source>
        <translation>erwartet eine Liste von 1 bis 4 Zahlen (eine pro Kanal, RGB-Reihenfolge)</translation>
    </message>
    <message>
        <source>%1 always applies (it is not a random step); expected 1 or no probability, found %2</source>
        <translation>%1 wird immer angewendet (kein zufälliger Schritt); erwartet 1 oder keine Wahrscheinlichkeit, gefunden: %2</translation>
    </message>
    <message>
        <source>expected at least %1 (the value of %2), found %3</source>
        <translation>erwartet mindestens %1 (den Wert von %2), gefunden: %3</translation>
    </message>
    <message>
        <source>unknown field; %1 takes %2</source>
        <translation>unbekanntes Feld; %1 akzeptiert %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot rewrite %1: it is not UTF-8 text</source>
        <translation>%1 kann nicht neu geschrieben werden: Die Datei ist kein UTF-8-Text</translation>
    </message>
    <message>
        <source>the dataset has no image number %1</source>
        <translation>der Datensatz hat kein Bild mit der Nummer %1</translation>
    </message>
    <message>
        <source>the run has no class number %1</source>
        <translation>der Lauf hat keine Klasse mit der Nummer %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the augmentation pipeline returned no image</source>
        <translation>die Augmentierungs-Pipeline hat kein Bild geliefert</translation>
    </message>
    <message>
        <source>the pipeline produced %1 channels, the model takes %2</source>
        <translation>die Pipeline hat %1 Kanäle erzeugt, das Modell erwartet %2</translation>
    </message>
    <message>
        <source>the model takes images of shape [N, %1, H, W] with H and W at least %2, not %3</source>
        <translation>das Modell erwartet Bilder der Form [N, %1, H, W] mit H und W mindestens %2, nicht %3</translation>
    </message>
    <message>
        <source>Cannot create the run folder %1</source>
        <translation>Der Laufordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot create the event file %1: %2</source>
        <translation>Die Eventdatei %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>The event file is not open</source>
        <translation>Die Eventdatei ist nicht geöffnet</translation>
    </message>
    <message>
        <source>Cannot write to the event file %1: %2</source>
        <translation>In die Eventdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>expected a whole number of 1 or more, found %1</source>
        <translation>erwartet eine ganze Zahl ab 1, gefunden: %1</translation>
    </message>
    <message>
        <source>written by a newer Loupe (file version %1; this one reads %2)</source>
        <translation>von einer neueren Loupe-Version geschrieben (Dateiversion %1; diese Version liest %2)</translation>
    </message>
    <message>
        <source>expected one of %1, found &quot;%2&quot;</source>
        <translation>erwartet eines von %1, gefunden: „%2“</translation>
    </message>
    <message>
        <source>expected a fraction from 0 up to (not including) 1, found %1</source>
        <translation>erwartet einen Anteil von 0 bis ausschließlich 1, gefunden: %1</translation>
    </message>
    <message>
        <source>expected %1, %2 or %3, found &quot;%4&quot;</source>
        <translation>erwartet %1, %2 oder %3, gefunden: „%4“</translation>
    </message>
    <message>
        <source>expected a pipeline object {&quot;steps&quot;: [...]}, found %1</source>
        <translation>erwartet ein Pipeline-Objekt {&quot;steps&quot;: [...]}, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a training preset object, found %1</source>
        <translation>erwartet ein Objekt mit Trainingsvoreinstellungen, gefunden: %1</translation>
    </message>
    <message>
        <source>config.json: &quot;%1&quot; should be a string</source>
        <translation>config.json: „%1“ sollte eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>config.json: &quot;%1&quot; should be a number</source>
        <translation>config.json: „%1“ sollte eine Zahl sein</translation>
    </message>
    <message>
        <source>config.json: &quot;%1&quot; should be a whole number from %2 to %3, not %4</source>
        <translation>config.json: „%1“ sollte eine ganze Zahl von %2 bis %3 sein, nicht %4</translation>
    </message>
    <message>
        <source>config.json: &quot;explicit_class_weights&quot; should hold numbers only</source>
        <translation>config.json: „explicit_class_weights“ sollte nur Zahlen enthalten</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;; expected one of %2</source>
        <translation>unbekanntes Modell „%1“; erwartet eines von %2</translation>
    </message>
    <message>
        <source>image size %1 is outside 16..4096</source>
        <translation>Bildgröße %1 liegt außerhalb von 16..4096</translation>
    </message>
    <message>
        <source>channels must be 1 or 3, not %1</source>
        <translation>die Kanalzahl muss 1 oder 3 sein, nicht %1</translation>
    </message>
    <message>
        <source>epochs must be at least 1</source>
        <translation>die Zahl der Epochen muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>batch size must be at least 1</source>
        <translation>die Batch-Größe muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>learning rate must be above 0</source>
        <translation>die Lernrate muss größer als 0 sein</translation>
    </message>
    <message>
        <source>unknown optimizer &quot;%1&quot;; expected sgd, adam or adamw</source>
        <translation>unbekannter Optimierer „%1“; erwartet sgd, adam oder adamw</translation>
    </message>
    <message>
        <source>unknown schedule &quot;%1&quot;; expected none, step or cosine</source>
        <translation>unbekannter Zeitplan „%1“; erwartet none, step oder cosine</translation>
    </message>
    <message>
        <source>class weights must be auto, none or a list of numbers</source>
        <translation>Klassengewichte müssen auto, none oder eine Liste von Zahlen sein</translation>
    </message>
    <message>
        <source>dev fraction must be in [0, 1)</source>
        <translation>Dev-Anteil muss in [0, 1) liegen</translation>
    </message>
    <message>
        <source>early-stopping patience must be 0 (off) or more</source>
        <translation>Geduld für vorzeitiges Stoppen muss 0 (aus) oder mehr sein</translation>
    </message>
    <message>
        <source>augmentation pipeline %1: %2</source>
        <translation>Augmentierungs-Pipeline %1: %2</translation>
    </message>
    <message>
        <source>LibTorch stopped the run: %1</source>
        <translation>LibTorch hat den Lauf angehalten: %1</translation>
    </message>
    <message>
        <source>no dev images: dev loss and metrics are computed on the training images</source>
        <translation>keine Dev-Bilder: Dev-Verlust und Metriken werden auf den Trainingsbildern berechnet</translation>
    </message>
    <message>
        <source>cannot read the augmentation pipeline %1: %2</source>
        <translation>die Augmentierungs-Pipeline %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no weights to import at %1</source>
        <translation>keine Gewichte zum Importieren unter %1</translation>
    </message>
    <message>
        <source>imported %1 tensors from %2</source>
        <translation>%1 Tensoren aus %2 importiert</translation>
    </message>
    <message>
        <source>cannot create the run folder %1: %2</source>
        <translation>der Laufordner %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>resumed after epoch %1 from %2</source>
        <translation>nach Epoche %1 aus %2 fortgesetzt</translation>
    </message>
    <message>
        <source>nothing to resume in %1: starting a new run</source>
        <translation>nichts zum Fortsetzen in %1: ein neuer Lauf wird gestartet</translation>
    </message>
    <message>
        <source>no TensorBoard file: %1</source>
        <translation>keine TensorBoard-Datei: %1</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>dev loss has not improved for %1 epochs; the best was epoch %2 (%3)</source>
        <translation>der Dev-Verlust hat sich seit %1 Epochen nicht verbessert; am besten war Epoche %2 (%3)</translation>
    </message>
    <message>
        <source>training diverged at step %1 (epoch %2): the training loss is %3. Likely causes: the learning rate is too high (it is %4; try %5), or the images or labels are not loaded properly (check them with loupe-cli inspect and the overfit check). %6</source>
        <translation>das Training ist in Schritt %1 (Epoche %2) divergiert: der Trainingsverlust ist %3. Wahrscheinliche Ursachen: Die Lernrate ist zu hoch (sie beträgt %4; %5 versuchen), oder die Bilder oder Labels werden nicht richtig geladen (mit loupe-cli inspect und dem Overfit-Check prüfen). %6</translation>
    </message>
    <message>
        <source>cancelled during epoch %1. %2</source>
        <translation>in Epoche %1 abgebrochen. %2</translation>
    </message>
    <message>
        <source>none of the %1 dev images could be read in epoch %2 (deleted or damaged since the dataset was opened). %3</source>
        <translation>keines der %1 Dev-Bilder konnte in Epoche %2 gelesen werden (seit dem Öffnen des Datensatzes gelöscht oder beschädigt). %3</translation>
    </message>
    <message>
        <source>training diverged in epoch %1: the dev loss is %2 (training loss %3). Likely causes: the learning rate is too high (it is %4; try %5), or the images or labels are not loaded properly (check them with loupe-cli inspect and the overfit check). %6</source>
        <translation>das Training ist in Epoche %1 divergiert: der Dev-Verlust ist %2 (Trainingsverlust %3). Wahrscheinliche Ursachen: Die Lernrate ist zu hoch (sie beträgt %4; %5 versuchen), oder die Bilder oder Labels werden nicht richtig geladen (mit loupe-cli inspect und dem Overfit-Check prüfen). %6</translation>
    </message>
    <message>
        <source>the dev loss blew up in epoch %1 (%2) while the training loss did not (%3), and the same dev images give %4 with batch statistics: training has not diverged, and this is not a learning-rate problem. Batch norm&apos;s running statistics, which evaluation uses, do not fit the model: at image size %5 the last feature maps of %6 are %7x%8, so each batch of %9 images gives batch norm only %10 values per channel there. Remedies: a larger input size (--image-size %11 makes them %12x%13), a larger batch (--batch, now %9), or keeping the running statistics frozen (batch norm in evaluation mode while fine-tuning weights from --init). The run stops here: its dev loss, best epoch and predictions would all come from these statistics. %14</source>
        <translation>der Dev-Verlust ist in Epoche %1 explodiert (%2), der Trainingsverlust dagegen nicht (%3), und dieselben Dev-Bilder ergeben mit Batch-Statistiken %4: Das Training ist nicht divergiert, und es liegt nicht an der Lernrate. Die laufenden Statistiken der Batch-Norm, die die Evaluierung verwendet, passen nicht zum Modell: Bei Bildgröße %5 sind die letzten Feature-Maps von %6 nur %7x%8 groß, sodass jeder Batch aus %9 Bildern der Batch-Norm dort nur %10 Werte pro Kanal liefert. Abhilfe: eine größere Eingabegröße (mit --image-size %11 werden sie %12x%13 groß), ein größerer Batch (--batch, derzeit %9) oder eingefrorene laufende Statistiken (Batch-Norm im Evaluierungsmodus beim Feintuning von Gewichten aus --init). Der Lauf endet hier: Sein Dev-Verlust, seine beste Epoche und seine Vorhersagen würden alle auf diesen Statistiken beruhen. %14</translation>
    </message>
    <message>
        <source>the pickle ends early (truncated file?)</source>
        <translation>der Pickle endet zu früh (abgeschnittene Datei?)</translation>
    </message>
    <message>
        <source>initial weights %1: %2</source>
        <translation>Anfangsgewichte %1: %2</translation>
    </message>
    <message>
        <source>rank %1: not every one of the %2 ranks joined within %3 s</source>
        <translation>Rang %1: nicht alle %2 Ränge sind innerhalb von %3 s beigetreten</translation>
    </message>
    <message>
        <source>rank %1 could not join the group at %2:%3: %4</source>
        <translation>Rang %1 konnte der Gruppe unter %2:%3 nicht beitreten: %4</translation>
    </message>
    <message>
        <source>rank %1 of %2 stops: rank 0, which hosts the job&apos;s store, has stopped (%3 failed: %4)</source>
        <translation>Rang %1 von %2 hält an: Rang 0, der den Store des Jobs bereitstellt, ist beendet (%3 fehlgeschlagen: %4)</translation>
    </message>
    <message>
        <source>rank %1 of %2 stops: rank %3 has stopped (%4 failed: %5)</source>
        <translation>Rang %1 von %2 hält an: Rang %3 ist beendet (%4 fehlgeschlagen: %5)</translation>
    </message>
    <message>
        <source>rank %1 of %2 stops: %3 failed within the %4 s timeout: %5</source>
        <translation>Rang %1 von %2 hält an: %3 ist innerhalb der Frist von %4 s fehlgeschlagen: %5</translation>
    </message>
    <message>
        <source>--distributed needs both RANK and WORLD_SIZE as numbers (they are &apos;%1&apos; and &apos;%2&apos;)</source>
        <translation>--distributed braucht RANK und WORLD_SIZE als Zahlen (sie sind &apos;%1&apos; und &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>--distributed under Slurm needs SLURM_PROCID and SLURM_NTASKS (run it through srun)</source>
        <translation>--distributed braucht unter Slurm SLURM_PROCID und SLURM_NTASKS (über srun starten)</translation>
    </message>
    <message>
        <source>--distributed found neither RANK and WORLD_SIZE (torchrun, or set them yourself) nor SLURM_PROCID (srun); to start ranks on this machine use --nproc N instead</source>
        <translation>--distributed fand weder RANK und WORLD_SIZE (torchrun, oder selbst setzen) noch SLURM_PROCID (srun); um Ränge auf diesem Rechner zu starten, stattdessen --nproc N verwenden</translation>
    </message>
    <message>
        <source>MASTER_PORT is not a port number: &apos;%1&apos;</source>
        <translation>MASTER_PORT ist keine Portnummer: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>rank %1 is not within a world of %2 processes</source>
        <translation>Rang %1 liegt nicht in einer Gruppe von %2 Prozessen</translation>
    </message>
    <message>
        <source>MASTER_PORT %1 is not a port number</source>
        <translation>MASTER_PORT %1 ist keine Portnummer</translation>
    </message>
    <message>
        <source>whole images</source>
        <translation>ganze Bilder</translation>
    </message>
    <message>
        <source>%1×%2 tiles, overlap %3 px</source>
        <translation>%1×%2 Kacheln, Überlappung %3 px</translation>
    </message>
    <message>
        <source>, region %1,%2,%3,%4</source>
        <translation>, Bereich %1,%2,%3,%4</translation>
    </message>
    <message>
        <source>the region %1,%2,%3,%4 lies outside the image (%5×%6)</source>
        <translation>der Bereich %1,%2,%3,%4 liegt außerhalb des Bildes (%5×%6)</translation>
    </message>
    <message>
        <source>a detector is built on %1, not %2</source>
        <translation>ein Detektor baut auf %1 auf, nicht auf %2</translation>
    </message>
    <message>
        <source>a detector needs at least one object class</source>
        <translation>ein Detektor braucht mindestens eine Objektklasse</translation>
    </message>
    <message>
        <source>the anchors&apos; strides must start at 4, 8, 16 or 32 and double from level to level, with one size per level</source>
        <translation>die Schrittweiten der Anker müssen bei 4, 8, 16 oder 32 beginnen und sich von Ebene zu Ebene verdoppeln, mit einer Größe je Ebene</translation>
    </message>
    <message>
        <source>tile overlap must be 0 or more pixels</source>
        <translation>die Kachelüberlappung muss 0 oder mehr Pixel betragen</translation>
    </message>
    <message>
        <source>rank %1 of %2 stops: ranks %3 have stopped (%4 failed: %5)</source>
        <translation>Rang %1 von %2 hält an: die Ränge %3 sind beendet (%4 fehlgeschlagen: %5)</translation>
    </message>
    <message>
        <source>empty tiles must be &quot;all&quot; or a number of at least 0 (tiles without objects per tile with objects), not &quot;%1&quot;</source>
        <translation>Leere Kacheln müssen &quot;all&quot; oder eine Zahl ab 0 sein (Kacheln ohne Objekte je Kachel mit Objekten), nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>expected one 8-bit value per image pixel</source>
        <translation>erwartet ein 8-Bit-Wert je Bildpixel</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot encode the mask of %1</source>
        <translation>die Maske von %1 kann nicht kodiert werden</translation>
    </message>
    <message>
        <source>cannot encode the mask of %1: %2</source>
        <translation>die Maske von %1 kann nicht kodiert werden: %2</translation>
    </message>
    <message>
        <source>the mask could not be read</source>
        <translation>die Maske konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>a segmenter is built on %1, not %2</source>
        <translation>ein Segmentierer baut auf %1 auf, nicht auf %2</translation>
    </message>
    <message>
        <source>a segmenter needs background and at least one class</source>
        <translation>ein Segmentierer braucht Hintergrund und mindestens eine Klasse</translation>
    </message>
    <message>
        <source>unknown task &quot;%1&quot;; expected classify, detect or segment</source>
        <translation>unbekannte Aufgabe „%1“; erwartet: classify, detect oder segment</translation>
    </message>
</context>
<context>
    <name>loupe::Advisor</name>
    <message>
        <source>max_delta %1</source>
        <translation>max_delta %1</translation>
    </message>
    <message>
        <source>max %1</source>
        <translation>max %1</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>min %1</translation>
    </message>
    <message>
        <source>Objects too small</source>
        <translation>Objekte zu klein</translation>
    </message>
    <message>
        <source>Saturated pixels</source>
        <translation>Gesättigte Pixel</translation>
    </message>
    <message>
        <source>Wide images turned over</source>
        <translation>Breite Bilder hochkant gedreht</translation>
    </message>
    <message>
        <source>Blur erases small objects</source>
        <translation>Weichzeichnen löscht kleine Objekte</translation>
    </message>
    <message>
        <source>Objects cut out</source>
        <translation>Objekte abgeschnitten</translation>
    </message>
    <message>
        <source>%1 of %2 objects in %3 images end smaller than %4×%4 px after the pipeline&apos;s resizing, cropping and scaling (smallest side %5 px)</source>
        <translation>%1 von %2 Objekten in %3 Bildern sind nach Skalieren, Zuschneiden und Zoomen der Pipeline kleiner als %4×%4 px (kleinste Seite %5 px)</translation>
    </message>
    <message>
        <source>; %1 of them are already smaller in the original images</source>
        <translation>; %1 davon sind schon in den Originalbildern kleiner</translation>
    </message>
    <message>
        <source>Use a larger input (at least %1 px instead of %2), crop the images to the region of interest, or tile them (e.g. 4×4 patches) so the defects keep their pixels.</source>
        <translation>Verwenden Sie eine größere Eingabe (mindestens %1 px statt %2), schneiden Sie die Bilder auf den relevanten Bereich zu oder zerlegen Sie sie in Kacheln (z. B. 4×4), damit die Defekte ihre Pixel behalten.</translation>
    </message>
    <message>
        <source>Zoom out less, crop the images to the region of interest, or tile them (e.g. 4×4 patches).</source>
        <translation>Zoomen Sie weniger heraus, schneiden Sie die Bilder auf den relevanten Bereich zu oder zerlegen Sie sie in Kacheln (z. B. 4×4).</translation>
    </message>
    <message>
        <source>%1 at %2 turns %3% of the pixels pure black or white on average over %4 sampled images (up to %5% in one); %6 of them lose more than %7%</source>
        <translation>%1 bei %2 macht im Mittel über %4 Stichprobenbilder %3% der Pixel rein schwarz oder weiß (bis zu %5% in einem Bild); %6 davon verlieren mehr als %7%</translation>
    </message>
    <message>
        <source>Narrow the range to %1 or less, which keeps the clipped share under %2%.</source>
        <translation>Verengen Sie den Bereich auf %1 oder weniger; dann bleibt der abgeschnittene Anteil unter %2%.</translation>
    </message>
    <message>
        <source>%1 turns %2 images with an aspect of %3:1 or more (up to %4:1) on their side, which drops much of their detail</source>
        <translation>%1 legt %2 Bilder mit einem Seitenverhältnis von %3:1 oder mehr (bis %4:1) auf die Seite, wodurch viele Details verloren gehen</translation>
    </message>
    <message>
        <source>Use flips instead, rotate by a few degrees at most, or tile the images into square patches before turning them.</source>
        <translation>Spiegeln Sie stattdessen, drehen Sie höchstens um wenige Grad oder zerlegen Sie die Bilder vor dem Drehen in quadratische Kacheln.</translation>
    </message>
    <message>
        <source>%1 with σ up to %2 px: %3 of %4 objects in %5 images are at most %6 px across at that point (smallest %7 px), and a blur of 2σ ≥ half their size can erase them</source>
        <translation>%1 mit σ bis %2 px: %3 von %4 Objekten in %5 Bildern sind an dieser Stelle höchstens %6 px groß (kleinstes %7 px), und eine Unschärfe mit 2σ ≥ halber Objektgröße kann sie auslöschen</translation>
    </message>
    <message>
        <source>Lower max_sigma to %1 px or less, or use a larger input.</source>
        <translation>Senken Sie max_sigma auf %1 px oder weniger oder verwenden Sie eine größere Eingabe.</translation>
    </message>
    <message>
        <source>Leave blur out for objects this small, or use a larger input.</source>
        <translation>Verzichten Sie bei so kleinen Objekten auf Weichzeichnen oder verwenden Sie eine größere Eingabe.</translation>
    </message>
    <message>
        <source>%1 can leave %2 of %3 objects out of the image entirely and cut %4 more by over %5%, in %6 images</source>
        <translation>%1 kann in %6 Bildern %2 von %3 Objekten ganz aus dem Bild lassen und %4 weitere um mehr als %5% beschneiden</translation>
    </message>
    <message>
        <source>Crop larger (min_scale closer to 1), or crop to the region of interest first.</source>
        <translation>Schneiden Sie größer zu (min_scale näher an 1) oder schneiden Sie zuerst auf den relevanten Bereich zu.</translation>
    </message>
    <message>
        <source>Lower max_fraction, or crop to the region of interest with a margin first.</source>
        <translation>Senken Sie max_fraction oder schneiden Sie zuerst mit Rand auf den relevanten Bereich zu.</translation>
    </message>
    <message>
        <source>Zoom in less (a lower max), or crop to the region of interest first.</source>
        <translation>Zoomen Sie weniger hinein (kleineres max) oder schneiden Sie zuerst auf den relevanten Bereich zu.</translation>
    </message>
    <message>
        <source>Use a coarser grid, or overlap the tiles by cropping with a margin.</source>
        <translation>Verwenden Sie ein gröberes Raster oder lassen Sie die Kacheln durch Zuschneiden mit Rand überlappen.</translation>
    </message>
    <message>
        <source>Rotate by fewer degrees, or leave a margin around the region of interest.</source>
        <translation>Drehen Sie um weniger Grad oder lassen Sie einen Rand um den relevanten Bereich.</translation>
    </message>
    <message>
        <source>Move or enlarge the crop so that it covers where the objects lie.</source>
        <translation>Verschieben oder vergrößern Sie den Ausschnitt so, dass er die Lage der Objekte abdeckt.</translation>
    </message>
    <message>
        <source>Resizing cannot keep objects this small: they need the images&apos; full resolution (%1 px). Crop the images to the region of interest, or tile them (e.g. 4×4 patches) instead of resizing.</source>
        <translation>Durch Skalieren lassen sich so kleine Objekte nicht erhalten: Sie brauchen die volle Auflösung der Bilder (%1 px). Schneiden Sie die Bilder auf den relevanten Bereich zu oder zerlegen Sie sie in Kacheln (z. B. 4×4), statt sie zu skalieren.</translation>
    </message>
    <message>
        <source>Tiles or a region of interest needed</source>
        <translation>Kacheln oder ein interessierender Bereich nötig</translation>
    </message>
</context>
<context>
    <name>loupe::AnchorTuning</name>
    <message>
        <source>anchors &quot;%1&quot;: expected auto or SIZES:RATIOS, such as 32,64,128,256,512:0.5,1,2</source>
        <translation>Anker „%1“: erwartet wird auto oder GRÖSSEN:VERHÄLTNISSE, z. B. 32,64,128,256,512:0.5,1,2</translation>
    </message>
    <message>
        <source>anchors &quot;%1&quot;: &quot;%2&quot; is not a positive number</source>
        <translation>Anker „%1“: „%2“ ist keine positive Zahl</translation>
    </message>
    <message>
        <source>anchors &quot;%1&quot;: %2 sizes given; the detector has %3 pyramid levels (strides %4), one size each</source>
        <translation>Anker „%1“: %2 Größen angegeben; der Detektor hat %3 Pyramidenstufen (Schrittweiten %4), eine Größe je Stufe</translation>
    </message>
    <message>
        <source>anchors &quot;%1&quot;: sizes must increase from the finest pyramid level to the coarsest</source>
        <translation>Anker „%1“: die Größen müssen von der feinsten Pyramidenstufe zur gröbsten zunehmen</translation>
    </message>
    <message>
        <source>anchors %1: no boxes to tune them on</source>
        <translation>Anker %1: keine Boxen, an die sie angepasst werden könnten</translation>
    </message>
    <message>
        <source>anchors %1 cover %2% of %3 boxes (IoU ≥ 0.5); the defaults %4 cover %5%</source>
        <translation>Anker %1 decken %2 % von %3 Boxen ab (IoU ≥ 0,5); die Standardanker %4 decken %5 % ab</translation>
    </message>
    <message>
        <source>the anchors need strides and sizes of one length, scales and ratios</source>
        <translation>die Anker brauchen Schrittweiten und Größen gleicher Länge, Skalen und Verhältnisse</translation>
    </message>
</context>
<context>
    <name>loupe::AugmentPanel</name>
    <message>
        <source>rot %1°</source>
        <translation>Drehung %1°</translation>
    </message>
    <message>
        <source>zoom ×%1</source>
        <translation>Zoom ×%1</translation>
    </message>
    <message>
        <source>shift %1,%2</source>
        <translation>Versatz %1,%2</translation>
    </message>
    <message>
        <source>bright %1%2</source>
        <translation>Helligkeit %1%2</translation>
    </message>
    <message>
        <source>contrast ×%1</source>
        <translation>Kontrast ×%1</translation>
    </message>
    <message>
        <source>γ %1</source>
        <translation>γ %1</translation>
    </message>
    <message>
        <source>noise %1</source>
        <translation>Rauschen %1</translation>
    </message>
    <message>
        <source>blur σ%1</source>
        <translation>Unschärfe σ%1</translation>
    </message>
    <message>
        <source>crop %1,%2 %3×%4</source>
        <translation>Ausschnitt %1,%2 %3×%4</translation>
    </message>
    <message>
        <source>tile %1,%2</source>
        <translation>Kachel %1,%2</translation>
    </message>
    <message>
        <source>no random change</source>
        <translation>keine zufällige Änderung</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>no class</source>
        <translation>keine Klasse</translation>
    </message>
    <message>
        <source>%1: %2
</source>
        <translation>%1: %2
</translation>
    </message>
    <message>
        <source>#%1 before (%2×%3)</source>
        <translation>#%1 vorher (%2×%3)</translation>
    </message>
    <message>
        <source>%1×%2 out
</source>
        <translation>%1×%2 Ausgabe
</translation>
    </message>
    <message>
        <source>pipeline %1: %2</source>
        <translation>Pipeline %1: %2</translation>
    </message>
    <message>
        <source>%1  (p %2)</source>
        <translation>%1  (p %2)</translation>
    </message>
    <message>
        <source>Training pipeline</source>
        <translation>Trainings-Pipeline</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Move the step up</source>
        <translation>Schritt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the step down</source>
        <translation>Schritt nach unten verschieben</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Berater</translation>
    </message>
    <message>
        <source>Click a warning to see the images it names, before and after</source>
        <translation>Klicken Sie auf eine Warnung, um die genannten Bilder vorher und nachher zu sehen</translation>
    </message>
    <message>
        <source>Random sample</source>
        <translation>Zufällige Stichprobe</translation>
    </message>
    <message>
        <source> images</source>
        <translation> Bilder</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>Seed </translation>
    </message>
    <message>
        <source>or indices / file names, e.g. 3, 17, part_004.jpg</source>
        <translation>oder Indizes / Dateinamen, z. B. 3, 17, part_004.jpg</translation>
    </message>
    <message>
        <source> variants</source>
        <translation> Varianten</translation>
    </message>
    <message>
        <source>Evaluation view</source>
        <translation>Evaluierungsansicht</translation>
    </message>
    <message>
        <source>Only the deterministic steps: what evaluation and inference see</source>
        <translation>Nur die deterministischen Schritte: was Evaluierung und Inferenz sehen</translation>
    </message>
    <message>
        <source>Exact batch</source>
        <translation>Exakter Batch</translation>
    </message>
    <message>
        <source>The first images of an epoch as the training data loader hands them to the model, de-normalised</source>
        <translation>Die ersten Bilder einer Epoche, wie der Trainings-Datenlader sie dem Modell übergibt, denormalisiert</translation>
    </message>
    <message>
        <source>input </source>
        <translation>Eingabe </translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>3 channels</source>
        <translation>3 Kanäle</translation>
    </message>
    <message>
        <source>1 channel</source>
        <translation>1 Kanal</translation>
    </message>
    <message>
        <source>epoch </source>
        <translation>Epoche </translation>
    </message>
    <message>
        <source> in batch</source>
        <translation> im Batch</translation>
    </message>
    <message>
        <source>Open a dataset to preview its augmented images.</source>
        <translation>Öffnen Sie einen Datensatz, um seine augmentierten Bilder anzusehen.</translation>
    </message>
    <message>
        <source>This dataset has no images.</source>
        <translation>Dieser Datensatz enthält keine Bilder.</translation>
    </message>
    <message>
        <source>Not in this dataset: %1</source>
        <translation>Nicht in diesem Datensatz: %1</translation>
    </message>
    <message>
        <source>Not applied: %1: %2</source>
        <translation>Nicht angewendet: %1: %2</translation>
    </message>
    <message>
        <source>Untick to switch the step off</source>
        <translation>Häkchen entfernen, um den Schritt auszuschalten</translation>
    </message>
    <message>
        <source>No step selected</source>
        <translation>Kein Schritt ausgewählt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; parameters</source>
        <translation>Parameter von &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>Keine Parameter.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Load augmentation pipeline</source>
        <translation>Augmentierungs-Pipeline laden</translation>
    </message>
    <message>
        <source>Pipeline (*.json)</source>
        <translation>Pipeline (*.json)</translation>
    </message>
    <message>
        <source>Load pipeline</source>
        <translation>Pipeline laden</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a pipeline: %2: %3</source>
        <translation>%1 ist keine Pipeline: %2: %3</translation>
    </message>
    <message>
        <source>Save augmentation pipeline</source>
        <translation>Augmentierungs-Pipeline speichern</translation>
    </message>
    <message>
        <source>Save pipeline</source>
        <translation>Pipeline speichern</translation>
    </message>
    <message>
        <source>Evaluation view: only the deterministic steps, as evaluation and inference see the images.</source>
        <translation>Evaluierungsansicht: nur die deterministischen Schritte, so wie Evaluierung und Inferenz die Bilder sehen.</translation>
    </message>
    <message>
        <source>Click to show the images concerned, before and after</source>
        <translation>Klicken, um die betroffenen Bilder vorher und nachher zu zeigen</translation>
    </message>
    <message>
        <source>No warnings: objects stay visible, pixels stay in range, nothing is cut out.</source>
        <translation>Keine Warnungen: Objekte bleiben sichtbar, Pixel bleiben im Wertebereich, nichts wird abgeschnitten.</translation>
    </message>
    <message numerus="yes">
        <source>Advisor: %n warning(s)</source>
        <translation>
            <numerusform>Berater: %n Warnung</numerusform>
            <numerusform>Berater: %n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%2×%2, %n channel(s), label %3</source>
        <translation>
            <numerusform>%1
%2×%2, %n Kanal, Label %3</numerusform>
            <numerusform>%1
%2×%2, %n Kanäle, Label %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exact batch: the first %1 images of epoch %2 as the data loader gives them to the model (%3×%3, %n channel(s)), de-normalised.</source>
        <translation>
            <numerusform>Exakter Batch: die ersten %1 Bilder von Epoche %2, wie der Datenlader sie dem Modell übergibt (%3×%3, %n Kanal), denormalisiert.</numerusform>
            <numerusform>Exakter Batch: die ersten %1 Bilder von Epoche %2, wie der Datenlader sie dem Modell übergibt (%3×%3, %n Kanäle), denormalisiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model&apos;s input size: the same setting as the Train page&apos;s image size</source>
        <translation>Die Eingabegröße des Modells: dieselbe Einstellung wie die Bildgröße auf der Seite Training</translation>
    </message>
    <message>
        <source>The next training run uses this pipeline; the Train page shows it.</source>
        <translation>Der nächste Trainingslauf verwendet diese Pipeline; die Seite Training zeigt sie an.</translation>
    </message>
    <message>
        <source>Reset to default</source>
        <translation>Auf Standard zurücksetzen</translation>
    </message>
    <message>
        <source>Replace these steps with Loupe&apos;s default: resize to the input size, random horizontal flip, normalise</source>
        <translation>Diese Schritte durch Loupes Standard ersetzen: auf die Eingabegröße skalieren, zufällig horizontal spiegeln, normalisieren</translation>
    </message>
    <message>
        <source>Each image starts a new line: the image before (framed), then its %1 training variants; hover a picture for every parameter.</source>
        <translation>Jedes Bild beginnt eine neue Zeile: das Bild vorher (gerahmt), dann seine %1 Trainingsvarianten; für alle Parameter mit der Maus auf ein Bild zeigen.</translation>
    </message>
    <message>
        <source>Tiles view</source>
        <translation>Kachelansicht</translation>
    </message>
    <message>
        <source>Each image with its tiles: the boxes each tile keeps (solid) and drops (dashed, under half their area inside), and the training variants of the tile with the most boxes</source>
        <translation>Jedes Bild mit seinen Kacheln: die Boxen, die jede Kachel behält (durchgezogen) und verwirft (gestrichelt, weniger als die Hälfte ihrer Fläche darin), und die Trainingsvarianten der Kachel mit den meisten Boxen</translation>
    </message>
    <message>
        <source>Detection: rows × columns tiles, such as 4x4; the same setting as the Train page&apos;s Tiles</source>
        <translation>Detektion: Zeilen × Spalten Kacheln, etwa 4x4; dieselbe Einstellung wie „Kacheln“ auf der Trainingsseite</translation>
    </message>
    <message>
        <source>overlap </source>
        <translation>Überlappung </translation>
    </message>
    <message>
        <source>Pixels neighbouring tiles share</source>
        <translation>Pixel, die sich benachbarte Kacheln teilen</translation>
    </message>
    <message>
        <source>whole image</source>
        <translation>ganzes Bild</translation>
    </message>
    <message>
        <source>Detection: the region of interest x,y,w,h in image pixels; the same setting as the Train page&apos;s Region</source>
        <translation>Detektion: der interessierende Bereich x,y,b,h in Bildpixeln; dieselbe Einstellung wie „Bereich“ auf der Trainingsseite</translation>
    </message>
    <message>
        <source>Tiles</source>
        <translation>Kacheln</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Tiles view: each image with its tiles (yellow) and region (cyan); then each tile with the boxes it keeps as targets (solid) and drops (dashed grey: under half their area inside); then the tile with the most boxes as training sees it at %1×%1.</source>
        <translation>Kachelansicht: jedes Bild mit seinen Kacheln (gelb) und seinem Bereich (cyan); dann jede Kachel mit den Boxen, die sie als Ziele behält (durchgezogen) und verwirft (grau gestrichelt: weniger als die Hälfte ihrer Fläche darin); dann die Kachel mit den meisten Boxen, wie das Training sie bei %1×%1 sieht.</translation>
    </message>
    <message>
        <source>#%1 %2×%3 tiles: %4 kept, %5 dropped</source>
        <translation>#%1 %2×%3 Kacheln: %4 behalten, %5 verworfen</translation>
    </message>
    <message>
        <source>%1
%2×%3 px; tiles of %4×%5 px overlapping by %6 px over the region %7,%8 %9×%10</source>
        <translation>%1
%2×%3 px; Kacheln von %4×%5 px, um %6 px überlappend, über dem Bereich %7,%8 %9×%10</translation>
    </message>
    <message>
        <source>r%1 c%2: %3 kept, %4 dropped</source>
        <translation>Z%1 S%2: %3 behalten, %4 verworfen</translation>
    </message>
    <message>
        <source>tile %1 of %2: %3,%4 %5×%6 px in the image; dashed boxes keep under half their area here and are not its targets</source>
        <translation>Kachel %1 von %2: %3,%4 %5×%6 px im Bild; gestrichelte Boxen haben hier weniger als die Hälfte ihrer Fläche und sind keine Ziele dieser Kachel</translation>
    </message>
    <message>
        <source>r%1 c%2 · %3</source>
        <translation>Z%1 S%2 · %3</translation>
    </message>
    <message>
        <source>%1×%1 model input
</source>
        <translation>%1×%1 Modelleingabe
</translation>
    </message>
</context>
<context>
    <name>loupe::BrowserPanel</name>
    <message>
        <source>Broken only</source>
        <translation>Nur defekte</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous image (Left)</source>
        <translation>Vorheriges Bild (Links)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next image (Right)</source>
        <translation>Nächstes Bild (Rechts)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the image to the window (F)</source>
        <translation>Bild in das Fenster einpassen (F)</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (1)</source>
        <translation>Ein Bildpixel pro Bildschirmpixel (1)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Show boxes and masks in class colours</source>
        <translation>Boxen und Masken in Klassenfarben anzeigen</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messen</translation>
    </message>
    <message>
        <source>Drag across a defect to measure it in image pixels</source>
        <translation>Über einen Defekt ziehen, um ihn in Bildpixeln zu messen</translation>
    </message>
    <message>
        <source>Show one class</source>
        <translation>Eine Klasse anzeigen</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>All splits</source>
        <translation>Alle Splits</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Dev</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>no split</source>
        <translation>kein Split</translation>
    </message>
    <message>
        <source>Filter by path</source>
        <translation>Nach Pfad filtern</translation>
    </message>
    <message>
        <source>Sort the grid</source>
        <translation>Raster sortieren</translation>
    </message>
    <message>
        <source>Dataset order</source>
        <translation>Reihenfolge im Datensatz</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>Thumbnail size</source>
        <translation>Größe der Vorschaubilder</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortierung:</translation>
    </message>
    <message>
        <source>Open a dataset to browse its images.</source>
        <translation>Öffnen Sie einen Datensatz, um seine Bilder zu durchsuchen.</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>Kein Datensatz geöffnet</translation>
    </message>
    <message>
        <source>showing %1 of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source> (%1 broken)</source>
        <translation> (%1 defekt)</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>no object</source>
        <translation>kein Objekt</translation>
    </message>
</context>
<context>
    <name>loupe::Checkpoint</name>
    <message>
        <source>%1 was written for another model: %2 does not fit</source>
        <translation>%1 wurde für ein anderes Modell geschrieben: %2 passt nicht</translation>
    </message>
    <message>
        <source>%1 is not a readable checkpoint: %2</source>
        <translation>%1 ist kein lesbarer Checkpoint: %2</translation>
    </message>
</context>
<context>
    <name>loupe::ClassBalanceChart</name>
    <message>
        <source>images per class</source>
        <translation>Bilder pro Klasse</translation>
    </message>
    <message>
        <source>less than half of the largest class</source>
        <translation>weniger als die Hälfte der größten Klasse</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>objects per class</source>
        <translation>Objekte pro Klasse</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
</context>
<context>
    <name>loupe::ClassificationView</name>
    <message>
        <source>no object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <source>image classes derived from the objects: an image takes the class of its largest object; images without objects are &quot;%1&quot;</source>
        <translation>Bildklassen aus den Objekten abgeleitet: Ein Bild erhält die Klasse seines größten Objekts; Bilder ohne Objekte sind „%1“</translation>
    </message>
</context>
<context>
    <name>loupe::Cli</name>
    <message>
        <source>Reports what a dataset holds: classes, sizes, objects, broken files, duplicates and warnings.</source>
        <translation>Zeigt, was ein Datensatz enthält: Klassen, Größen, Objekte, defekte Dateien, Duplikate und Warnungen.</translation>
    </message>
    <message>
        <source>A folder, CSV, COCO JSON, VOC or YOLO folder, or IDX file.</source>
        <translation>Ein Ordner, eine CSV-Datei, COCO-JSON, ein VOC- oder YOLO-Ordner oder eine IDX-Datei.</translation>
    </message>
    <message>
        <source>A label file kept apart from the images.</source>
        <translation>Eine Label-Datei, die getrennt von den Bildern liegt.</translation>
    </message>
    <message>
        <source>Print one JSON object for scripts.</source>
        <translation>Ein JSON-Objekt für Skripte ausgeben.</translation>
    </message>
    <message>
        <source>Worker threads (0 = every core).</source>
        <translation>Worker-Threads (0 = alle Kerne).</translation>
    </message>
    <message>
        <source>Read image headers only; skip the full decode check.</source>
        <translation>Nur Bild-Header lesen; die vollständige Dekodierprüfung auslassen.</translation>
    </message>
    <message>
        <source>inspect takes one DATASET; see &apos;loupe-cli inspect --help&apos;</source>
        <translation>inspect erwartet genau ein DATASET; siehe &apos;loupe-cli inspect --help&apos;</translation>
    </message>
    <message>
        <source>Reading headers</source>
        <translation>Header werden gelesen</translation>
    </message>
    <message>
        <source>Checking images</source>
        <translation>Bilder werden geprüft</translation>
    </message>
    <message>
        <source>Writes a demo dataset: Fashion-MNIST as class folders, or generated inspection images with COCO boxes and masks.</source>
        <translation>Schreibt einen Demo-Datensatz: Fashion-MNIST als Klassenordner oder generierte Prüfbilder mit COCO-Boxen und -Masken.</translation>
    </message>
    <message>
        <source>Folder to write into.</source>
        <translation>Zielordner.</translation>
    </message>
    <message>
        <source>fashion or defects.</source>
        <translation>fashion oder defects.</translation>
    </message>
    <message>
        <source>Images per class (fashion: per split; 0 = all).</source>
        <translation>Bilder pro Klasse (fashion: pro Split; 0 = alle).</translation>
    </message>
    <message>
        <source>Seed of the generated defects.</source>
        <translation>Seed der generierten Defekte.</translation>
    </message>
    <message>
        <source>make-demo takes one OUT_DIR; see &apos;loupe-cli make-demo --help&apos;</source>
        <translation>make-demo erwartet genau ein OUT_DIR; siehe &apos;loupe-cli make-demo --help&apos;</translation>
    </message>
    <message>
        <source>--seed expects a whole number, got &quot;%1&quot;</source>
        <translation>--seed erwartet eine ganze Zahl, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Writing images</source>
        <translation>Bilder werden geschrieben</translation>
    </message>
    <message>
        <source>--kind expects fashion or defects, got &quot;%1&quot;</source>
        <translation>--kind erwartet fashion oder defects, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Wrote %1 images to %2</source>
        <translation>%1 Bilder nach %2 geschrieben</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;
%2</source>
        <translation>unbekannter Befehl „%1“
%2</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>--%1 expects a whole number of %2 or more, got &quot;%3&quot;</source>
        <translation>--%1 erwartet eine ganze Zahl ab %2, erhalten: „%3“</translation>
    </message>
    <message>
        <source>--%1 expects a number, got &quot;%2&quot;</source>
        <translation>--%1 erwartet eine Zahl, erhalten: „%2“</translation>
    </message>
    <message>
        <source>The dataset to learn from.</source>
        <translation>Der Datensatz, aus dem gelernt wird.</translation>
    </message>
    <message>
        <source>Run folder to write.</source>
        <translation>Zu schreibender Laufordner.</translation>
    </message>
    <message>
        <source>resnet18, resnet34, resnet50, vgg16 or vgg19.</source>
        <translation>resnet18, resnet34, resnet50, vgg16 oder vgg19.</translation>
    </message>
    <message>
        <source>Input size in pixels.</source>
        <translation>Eingabegröße in Pixeln.</translation>
    </message>
    <message>
        <source>1 (grey) or 3.</source>
        <translation>1 (Graustufen) oder 3.</translation>
    </message>
    <message>
        <source>Epochs.</source>
        <translation>Epochen.</translation>
    </message>
    <message>
        <source>Batch size.</source>
        <translation>Batch-Größe.</translation>
    </message>
    <message>
        <source>Learning rate.</source>
        <translation>Lernrate.</translation>
    </message>
    <message>
        <source>sgd, adam or adamw.</source>
        <translation>sgd, adam oder adamw.</translation>
    </message>
    <message>
        <source>SGD momentum.</source>
        <translation>SGD-Momentum.</translation>
    </message>
    <message>
        <source>Weight decay.</source>
        <translation>Weight Decay.</translation>
    </message>
    <message>
        <source>none, step or cosine.</source>
        <translation>none, step oder cosine.</translation>
    </message>
    <message>
        <source>Warm-up epochs.</source>
        <translation>Aufwärm-Epochen.</translation>
    </message>
    <message>
        <source>Pipeline JSON, or none.</source>
        <translation>Pipeline-JSON oder none.</translation>
    </message>
    <message>
        <source>auto, none, or one weight per class (W,W,...).</source>
        <translation>auto, none oder ein Gewicht pro Klasse (W,W,...).</translation>
    </message>
    <message>
        <source>Stop after this many epochs without dev-loss improvement.</source>
        <translation>Nach so vielen Epochen ohne Verbesserung des Dev-Verlusts anhalten.</translation>
    </message>
    <message>
        <source>Compute threads (0 = every core).</source>
        <translation>Rechen-Threads (0 = alle Kerne).</translation>
    </message>
    <message>
        <source>Image decoding threads.</source>
        <translation>Threads zum Dekodieren der Bilder.</translation>
    </message>
    <message>
        <source>Seed of the split, the order and the augmentations.</source>
        <translation>Seed für Aufteilung, Reihenfolge und Augmentierungen.</translation>
    </message>
    <message>
        <source>Share held out for dev when the dataset has no dev split.</source>
        <translation>Anteil, der für Dev zurückgehalten wird, wenn der Datensatz keinen Dev-Split hat.</translation>
    </message>
    <message>
        <source>At most this many steps an epoch (quick looks).</source>
        <translation>Höchstens so viele Schritte pro Epoche (für schnelle Tests).</translation>
    </message>
    <message>
        <source>Continue the run in RUN_DIR from its last checkpoint.</source>
        <translation>Den Lauf in RUN_DIR ab seinem letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <source>train takes one DATASET and --out RUN_DIR; see &apos;loupe-cli train --help&apos;</source>
        <translation>train erwartet genau ein DATASET und --out RUN_DIR; siehe &apos;loupe-cli train --help&apos;</translation>
    </message>
    <message>
        <source>--class-weights expects auto, none or non-negative numbers separated by commas, got &quot;%1&quot;</source>
        <translation>--class-weights erwartet auto, none oder nicht negative, durch Kommas getrennte Zahlen, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Epoch %1/%2 loss %3, %4 images/s, %5 s left</source>
        <translation>Epoche %1/%2 Verlust %3, %4 Bilder/s, noch %5 s</translation>
    </message>
    <message>
        <source> (best)</source>
        <translation> (Bestwert)</translation>
    </message>
    <message>
        <source>%1 after %2 epochs; best dev loss %3 at epoch %4; run in %5</source>
        <translation>%1 nach %2 Epochen; bester Dev-Verlust %3 in Epoche %4; Lauf in %5</translation>
    </message>
    <message>
        <source>A run folder written by train.</source>
        <translation>Ein von train geschriebener Laufordner.</translation>
    </message>
    <message>
        <source>The images to measure on.</source>
        <translation>Die Bilder, auf denen gemessen wird.</translation>
    </message>
    <message>
        <source>eval takes RUN_DIR and DATASET; see &apos;loupe-cli eval --help&apos;</source>
        <translation>eval erwartet RUN_DIR und DATASET; siehe &apos;loupe-cli eval --help&apos;</translation>
    </message>
    <message>
        <source>%1 images, weights %2
</source>
        <translation>%1 Bilder, Gewichte %2
</translation>
    </message>
    <message>
        <source>accuracy %1, macro F1 %2

</source>
        <translation>Genauigkeit %1, Makro-F1 %2

</translation>
    </message>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>
confusion (rows true, columns predicted)
</source>
        <translation>
Konfusionsmatrix (Zeilen: wahr, Spalten: vorhergesagt)
</translation>
    </message>
    <message>
        <source>The practice&apos;s first sanity check: train on five images with every random transform off and expect the model to learn them all. Exit 0 pass, 1 fail.</source>
        <translation>Die erste Plausibilitätsprüfung der Praxis: auf fünf Bildern ohne jede zufällige Transformation trainieren und erwarten, dass das Modell alle lernt. Exit-Code 0 bestanden, 1 nicht bestanden.</translation>
    </message>
    <message>
        <source>The dataset to draw the images from.</source>
        <translation>Der Datensatz, aus dem die Bilder stammen.</translation>
    </message>
    <message>
        <source>How many images.</source>
        <translation>Anzahl der Bilder.</translation>
    </message>
    <message>
        <source>Give up after this many steps.</source>
        <translation>Nach so vielen Schritten aufgeben.</translation>
    </message>
    <message>
        <source>Seed.</source>
        <translation>Seed.</translation>
    </message>
    <message>
        <source>overfit-check takes one DATASET; see &apos;loupe-cli overfit-check --help&apos;</source>
        <translation>overfit-check erwartet genau ein DATASET; siehe &apos;loupe-cli overfit-check --help&apos;</translation>
    </message>
    <message>
        <source>Overfitting %1 images, loss %2</source>
        <translation>Überanpassung an %1 Bilder, Verlust %2</translation>
    </message>
    <message>
        <source>  %1  true %2, predicted %3%4</source>
        <translation>  %1  wahr %2, vorhergesagt %3%4</translation>
    </message>
    <message>
        <source>  ← wrong</source>
        <translation>  ← falsch</translation>
    </message>
    <message>
        <source>overfit check %1</source>
        <translation>Overfit-Check %1</translation>
    </message>
    <message>
        <source>HTML report to write.</source>
        <translation>Zu schreibender HTML-Bericht.</translation>
    </message>
    <message>
        <source>Metrics CSV to write.</source>
        <translation>Zu schreibende Metrik-CSV-Datei.</translation>
    </message>
    <message>
        <source>dev or test: which predictions file to report on.</source>
        <translation>dev oder test: zu welcher Vorhersagedatei berichtet wird.</translation>
    </message>
    <message>
        <source>report takes RUN_DIR, an optional DATASET and --html FILE and/or --csv FILE; see &apos;loupe-cli report --help&apos;</source>
        <translation>report erwartet RUN_DIR, optional DATASET sowie --html FILE und/oder --csv FILE; siehe &apos;loupe-cli report --help&apos;</translation>
    </message>
    <message>
        <source>--split expects dev or test, got &quot;%1&quot;</source>
        <translation>--split erwartet dev oder test, erhalten: „%1“</translation>
    </message>
    <message>
        <source>%1 has no %2: evaluate the run on its %3 images first</source>
        <translation>%1 enthält keine Datei %2: Evaluieren Sie den Lauf zuerst auf seinen %3-Bildern</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>The folder the label file&apos;s image paths start from.</source>
        <translation>Der Ordner, von dem die Bildpfade der Label-Datei ausgehen.</translation>
    </message>
    <message>
        <source>The CSV&apos;s path and label columns, by header name or 1-based number (found by content when not given).</source>
        <translation>Pfad- und Label-Spalte der CSV-Datei, nach Spaltenname oder Nummer ab 1 (ohne Angabe am Inhalt erkannt).</translation>
    </message>
    <message>
        <source>auto (bfloat16 where the CPU has AVX512-BF16 or AMX, else float32), fp32 or bf16.</source>
        <translation>auto (bfloat16, wo die CPU AVX512-BF16 oder AMX hat, sonst float32), fp32 oder bf16.</translation>
    </message>
    <message>
        <source>computed in %1</source>
        <translation>gerechnet in %1</translation>
    </message>
    <message>
        <source>Initial weights: a state dict saved by torch.save (torchvision&apos;s ImageNet weights, either format), a TorchScript file, or an earlier run folder.</source>
        <translation>Anfangsgewichte: ein mit torch.save gespeichertes State-Dict (die ImageNet-Gewichte von torchvision, in beiden Formaten), eine TorchScript-Datei oder ein früherer Laufordner.</translation>
    </message>
    <message>
        <source>Writes a run&apos;s model (its best checkpoint, else its last) for use outside Loupe: ONNX (OpenCV DNN, ONNX Runtime, TensorRT) and/or TorchScript (PyTorch, LibTorch). The input is the resized image, values / 255; the run&apos;s normalization is inside the model; the preprocessing and class names are stored in the file. Each file is read back and run before it is kept. docs/deploy.md shows how to use them.</source>
        <translation>Schreibt das Modell eines Laufs (seinen besten Checkpoint, sonst den letzten) zur Verwendung außerhalb von Loupe: ONNX (OpenCV DNN, ONNX Runtime, TensorRT) und/oder TorchScript (PyTorch, LibTorch). Die Eingabe ist das skalierte Bild, Werte / 255; die Normalisierung des Laufs steckt im Modell; Vorverarbeitung und Klassennamen stehen in der Datei. Jede Datei wird vor dem Behalten zurückgelesen und ausgeführt. docs/deploy.md zeigt die Verwendung.</translation>
    </message>
    <message>
        <source>export takes RUN_DIR and --onnx FILE and/or --torchscript FILE; see &apos;loupe-cli export --help&apos;</source>
        <translation>export erwartet RUN_DIR und --onnx DATEI und/oder --torchscript DATEI; siehe &apos;loupe-cli export --help&apos;</translation>
    </message>
    <message>
        <source>Wrote %1 (%2, %3 MB) from %4</source>
        <translation>%1 geschrieben (%2, %3 MB) aus %4</translation>
    </message>
    <message>
        <source>input &quot;image&quot; [batch, %1, %2, %3], %4, values / 255; normalization %5</source>
        <translation>Eingabe &quot;image&quot; [batch, %1, %2, %3], %4, Werte / 255; Normalisierung %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>inside the model</source>
        <translation>im Modell</translation>
    </message>
    <message>
        <source>outputs &quot;logits&quot; and &quot;probabilities&quot; [batch, %1]; opset %2</source>
        <translation>Ausgaben &quot;logits&quot; und &quot;probabilities&quot; [batch, %1]; Opset %2</translation>
    </message>
    <message>
        <source>forward(image) returns logits [batch, %1]; classes in the attribute &quot;classes&quot;</source>
        <translation>forward(image) gibt Logits [batch, %1] zurück; Klassen im Attribut &quot;classes&quot;</translation>
    </message>
    <message>
        <source>checked with %1 on %2 images: largest probability difference %3</source>
        <translation>geprüft mit %1 an %2 Bildern: größte Abweichung der Wahrscheinlichkeiten %3</translation>
    </message>
    <message>
        <source>ONNX file to write.</source>
        <translation>Zu schreibende ONNX-Datei.</translation>
    </message>
    <message>
        <source>TorchScript file to write.</source>
        <translation>Zu schreibende TorchScript-Datei.</translation>
    </message>
    <message>
        <source>Print what was written as JSON (one object per file) instead of text.</source>
        <translation>Das Geschriebene als JSON ausgeben (ein Objekt je Datei) statt als Text.</translation>
    </message>
    <message>
        <source>usage: loupe-cli COMMAND ...
commands:
  inspect DATASET [--format F] [--labels FILE] [--json] [--threads N] [--headers-only]
  make-demo OUT_DIR [--kind fashion|defects] [--per-class N] [--seed N]
  train DATASET --out RUN_DIR [--model M] [--image-size N] [--epochs N] [--batch N] [--lr X]
        [--optimizer sgd|adam|adamw] [--augment PIPELINE.json|none] [--class-weights auto|none|W,..]
        [--early-stop PATIENCE] [--init WEIGHTS] [--threads N] [--seed N] [--dev-fraction F] [--resume]
  eval RUN_DIR DATASET [--json] [--predictions FILE.csv]
  overfit-check DATASET [--model M] [--images 5]
  report RUN_DIR [DATASET] --html FILE [--csv FILE] [--split dev|test] [--worst N]
  export RUN_DIR --onnx FILE.onnx | --torchscript FILE.pt [--json]
Run &apos;loupe-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>Aufruf: loupe-cli COMMAND ...
Befehle:
  inspect DATASET [--format F] [--labels FILE] [--json] [--threads N] [--headers-only]
  make-demo OUT_DIR [--kind fashion|defects] [--per-class N] [--seed N]
  train DATASET --out RUN_DIR [--model M] [--image-size N] [--epochs N] [--batch N] [--lr X]
        [--optimizer sgd|adam|adamw] [--augment PIPELINE.json|none] [--class-weights auto|none|W,..]
        [--early-stop PATIENCE] [--init WEIGHTS] [--threads N] [--seed N] [--dev-fraction F] [--resume]
  eval RUN_DIR DATASET [--json] [--predictions FILE.csv]
  overfit-check DATASET [--model M] [--images 5]
  report RUN_DIR [DATASET] --html FILE [--csv FILE] [--split dev|test] [--worst N]
  export RUN_DIR --onnx FILE.onnx | --torchscript FILE.pt [--json]
Die Optionen eines Befehls zeigt &apos;loupe-cli COMMAND --help&apos;.</translation>
    </message>
    <message>
        <source>rank %1 was killed (a signal, or it crashed)</source>
        <translation>Rang %1 wurde beendet (ein Signal, oder er ist abgestürzt)</translation>
    </message>
    <message>
        <source>rank %1 failed with exit status %2</source>
        <translation>Rang %1 ist mit Exit-Status %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>--nproc: no free TCP port on 127.0.0.1 for the ranks to meet</source>
        <translation>--nproc: kein freier TCP-Port auf 127.0.0.1, über den sich die Ränge finden</translation>
    </message>
    <message>
        <source>cannot start rank %1: %2</source>
        <translation>Rang %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>rank %1 did not stop %2 s after rank %3 failed; ending it</source>
        <translation>Rang %1 hat %2 s nach dem Ausfall von Rang %3 nicht angehalten; er wird beendet</translation>
    </message>
    <message>
        <source>--dist-timeout takes a number of seconds, not &apos;%1&apos;</source>
        <translation>--dist-timeout erwartet eine Anzahl Sekunden, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--nproc takes a number of ranks, not &apos;%1&apos;</source>
        <translation>--nproc erwartet eine Anzahl Ränge, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--nproc starts its own ranks; give it or --distributed, not both</source>
        <translation>--nproc startet seine eigenen Ränge; entweder --nproc oder --distributed angeben, nicht beide</translation>
    </message>
    <message>
        <source>Train as one rank of a data-parallel job: RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT (torchrun) or SLURM_PROCID and SLURM_NTASKS (srun) say which.</source>
        <translation>Als ein Rang eines datenparallelen Jobs trainieren: RANK, WORLD_SIZE, MASTER_ADDR und MASTER_PORT (torchrun) oder SLURM_PROCID und SLURM_NTASKS (srun) sagen, welcher.</translation>
    </message>
    <message>
        <source>Start N data-parallel ranks on this machine (batch is per rank).</source>
        <translation>N datenparallele Ränge auf diesem Rechner starten (die Batch-Größe gilt je Rang).</translation>
    </message>
    <message>
        <source>auto, folder, csv, coco, voc, yolo, idx, masks or mvtec.</source>
        <translation>auto, folder, csv, coco, voc, yolo, idx, masks oder mvtec.</translation>
    </message>
    <message>
        <source>Reading masks</source>
        <translation>Masken werden gelesen</translation>
    </message>
    <message>
        <source>%1 images (%2), weights %3
</source>
        <translation>%1 Bilder (%2), Gewichte %3
</translation>
    </message>
    <message>
        <source>mAP@[.5:.95] %1, AP50 %2, AP75 %3

</source>
        <translation>mAP@[.5:.95] %1, AP50 %2, AP75 %3

</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>AP50</source>
        <translation>AP50</translation>
    </message>
    <message>
        <source>boxes</source>
        <translation>Boxen</translation>
    </message>
    <message>
        <source>Detection: RxC tiles per image.</source>
        <translation>Detektion: RxC Kacheln je Bild.</translation>
    </message>
    <message>
        <source>Detection: pixels neighbouring tiles share.</source>
        <translation>Detektion: Pixel, die benachbarte Kacheln teilen.</translation>
    </message>
    <message>
        <source>Detection: the region of interest x,y,w,h in image pixels.</source>
        <translation>Detektion: der interessierende Bereich x,y,w,h in Bildpixeln.</translation>
    </message>
    <message>
        <source>Detection: auto or SIZES:RATIOS.</source>
        <translation>Detektion: auto oder GRÖSSEN:VERHÄLTNISSE.</translation>
    </message>
    <message>
        <source>dev accuracy %1, dev macro F1 %2</source>
        <translation>Dev-Genauigkeit %1, Dev-Makro-F1 %2</translation>
    </message>
    <message>
        <source>classification %1, box %2, dev mAP %3, dev AP50 %4</source>
        <translation>Klassifikation %1, Box %2, Dev-mAP %3, Dev-AP50 %4</translation>
    </message>
    <message>
        <source>epoch %1: train loss %2, dev loss %3, %4, %5 images/s, %6 s%7</source>
        <translation>Epoche %1: Trainingsverlust %2, Dev-Verlust %3, %4, %5 Bilder/s, %6 s%7</translation>
    </message>
    <message>
        <source>Detection: cut each image (or the region) into RxC tiles, each fed at the input size (default 1x1).</source>
        <translation>Detektion: jedes Bild (oder den Bereich) in RxC Kacheln schneiden, jede in der Eingabegröße (Vorgabe 1x1).</translation>
    </message>
    <message>
        <source>Detection: pixels neighbouring tiles share (default 32).</source>
        <translation>Detektion: Pixel, die benachbarte Kacheln teilen (Vorgabe 32).</translation>
    </message>
    <message>
        <source>Detection: auto (tuned to the training boxes) or SIZES:RATIOS, e.g. 8,16,32,64,128:0.5,1,2.</source>
        <translation>Detektion: auto (an die Trainingsboxen angepasst) oder GRÖSSEN:VERHÄLTNISSE, z. B. 8,16,32,64,128:0.5,1,2.</translation>
    </message>
    <message>
        <source>Seconds a rank waits for the others before it stops (default 60).</source>
        <translation>Sekunden, die ein Rang auf die anderen wartet, bevor er anhält (Vorgabe 60).</translation>
    </message>
    <message>
        <source>Detection with tiles or a region: tiles without objects drawn each epoch per tile with objects, a new draw every epoch, or all (default 1).</source>
        <translation>Detektion mit Kacheln oder Bereich: Kacheln ohne Objekte, die jede Epoche je Kachel mit Objekten neu gezogen werden, oder all (Standard 1).</translation>
    </message>
    <message>
        <source>Measures a trained run on a dataset: accuracy, per-class precision, recall and F1, macro F1 and the confusion matrix; mAP for a detector; mIoU, pixel accuracy and per-class IoU and Dice for a segmenter.</source>
        <translation>Misst einen trainierten Lauf auf einem Datensatz: Genauigkeit, Präzision, Recall und F1 pro Klasse, Makro-F1 und die Konfusionsmatrix; mAP für einen Detektor; mIoU, Pixelgenauigkeit sowie IoU und Dice pro Klasse für einen Segmentierer.</translation>
    </message>
    <message>
        <source>mIoU %1 (background included; defect classes %2), pixel accuracy %3

</source>
        <translation>mIoU %1 (mit Hintergrund; Defektklassen %2), Pixelgenauigkeit %3

</translation>
    </message>
    <message>
        <source>IoU</source>
        <translation>IoU</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <source>
%1 predicted masks written to %2
</source>
        <translation>
%1 vorhergesagte Masken nach %2 geschrieben
</translation>
    </message>
    <message>
        <source>Write path,true_label,predicted_label,confidence,loss and one p:&lt;class&gt; probability per class; for a detection run, the COCO results JSON; for a segmentation run, a folder of &lt;image stem&gt;.png masks (0 background, k the k-th class).</source>
        <translation>Schreibt path,true_label,predicted_label,confidence,loss und je Klasse eine Wahrscheinlichkeit p:&lt;Klasse&gt;; für einen Detektionslauf das COCO-Ergebnis-JSON; für einen Segmentierungslauf einen Ordner mit Masken &lt;Bildstamm&gt;.png (0 Hintergrund, k die k-te Klasse).</translation>
    </message>
    <message>
        <source>classify, detect or segment (default: from the labels; mask folders → segment, boxes only → detect).</source>
        <translation>classify, detect oder segment (Vorgabe: aus den Labels; Maskenordner → segment, nur Boxen → detect).</translation>
    </message>
    <message>
        <source>cross-entropy %1, Dice %2, dev mIoU %3, dev pixel accuracy %4</source>
        <translation>Kreuzentropie %1, Dice %2, Dev-mIoU %3, Dev-Pixelgenauigkeit %4</translation>
    </message>
    <message>
        <source>Trains an image classifier, an object detector or a segmenter into a run folder: config.json, metrics.jsonl, a TensorBoard event file, checkpoints and predictions.</source>
        <translation>Trainiert einen Bildklassifikator, einen Objektdetektor oder einen Segmentierer in einen Lauf-Ordner: config.json, metrics.jsonl, eine TensorBoard-Ereignisdatei, Checkpoints und Vorhersagen.</translation>
    </message>
    <message>
        <source>Writes a run&apos;s report from its predictions file: one self-contained HTML page (config, curves, metrics, confusion matrix, PR curves, worst mispredictions) and/or the metrics as CSV. For a detection run: mAP, AP per class, PR curves, loss parts and the worst images with their boxes drawn; the CSV has one row per image with its true positives, false positives and false negatives.</source>
        <translation>Schreibt den Bericht eines Laufs aus seiner Vorhersagedatei: eine eigenständige HTML-Seite (Konfiguration, Kurven, Metriken, Konfusionsmatrix, PR-Kurven, schlimmste Fehlvorhersagen) und/oder die Metriken als CSV. Für einen Detektionslauf: mAP, AP pro Klasse, PR-Kurven, Verlustanteile und die schlechtesten Bilder mit eingezeichneten Boxen; die CSV hat eine Zeile pro Bild mit seinen richtig Positiven, falsch Positiven und falsch Negativen.</translation>
    </message>
    <message>
        <source>The run&apos;s dataset: for the thumbnails (IDX images need it); required for a detection run (its ground-truth boxes).</source>
        <translation>Der Datensatz des Laufs: für die Vorschaubilder (bei IDX-Bildern erforderlich); für einen Detektionslauf Pflicht (seine Ground-Truth-Boxen).</translation>
    </message>
    <message>
        <source>%1 is a detection run: give its DATASET too, for the ground-truth boxes (it was trained on %2)</source>
        <translation>%1 ist ein Detektionslauf: Geben Sie auch seinen DATASET an, für die Ground-Truth-Boxen (trainiert wurde er auf %2)</translation>
    </message>
    <message>
        <source>Mispredictions shown, highest loss first (detection: images with the most errors).</source>
        <translation>Anzahl gezeigter Fehlvorhersagen, höchster Verlust zuerst (Detektion: Bilder mit den meisten Fehlern).</translation>
    </message>
</context>
<context>
    <name>loupe::ConfusionMatrixView</name>
    <message>
        <source>No predictions to count.</source>
        <translation>Keine Vorhersagen zum Zählen.</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>Vorhergesagt</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Wahr</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) of %1 predicted as %2. Click to show them.</source>
        <translation>
            <numerusform>%n Bild der Klasse %1 als %2 vorhergesagt. Klicken, um es anzuzeigen.</numerusform>
            <numerusform>%n Bilder der Klasse %1 als %2 vorhergesagt. Klicken, um sie anzuzeigen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::DatasetStats</name>
    <message>
        <source>class &quot;%1&quot; has %2 objects (%3%), less than half of &quot;%4&quot; (%5): collect more, or weight classes</source>
        <translation>Klasse „%1“ hat %2 Objekte (%3%), weniger als die Hälfte von „%4“ (%5): mehr sammeln oder Klassen gewichten</translation>
    </message>
    <message>
        <source>class &quot;%1&quot; has %2 images (%3%), less than half of &quot;%4&quot; (%5): collect more, or weight classes</source>
        <translation>Klasse „%1“ hat %2 Bilder (%3%), weniger als die Hälfte von „%4“ (%5): mehr sammeln oder Klassen gewichten</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) have no label</source>
        <translation>
            <numerusform>%n Bild hat kein Label</numerusform>
            <numerusform>%n Bilder haben kein Label</numerusform>
        </translation>
    </message>
    <message>
        <source>aspect ratios reach %1:1; rotating such images by 90° loses much of their detail</source>
        <translation>Seitenverhältnisse erreichen %1:1; dreht man solche Bilder um 90°, gehen viele Details verloren</translation>
    </message>
    <message>
        <source>%1×%2 px &quot;%3&quot; in %4</source>
        <translation>%1×%2 px „%3“ in %4</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are exact copies of another image; a copy in both train and dev inflates dev scores</source>
        <translation>
            <numerusform>%n Datei ist eine exakte Kopie eines anderen Bildes; eine Kopie in Training und Dev zugleich schönt die Dev-Werte</numerusform>
            <numerusform>%n Dateien sind exakte Kopien eines anderen Bildes; eine Kopie in Training und Dev zugleich schönt die Dev-Werte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) appear under two or more different labels: %1</source>
        <translation>
            <numerusform>%n Bild erscheint unter zwei oder mehr verschiedenen Labels: %1</numerusform>
            <numerusform>%n Bilder erscheinen unter zwei oder mehr verschiedenen Labels: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, … and %2 more</source>
        <translation>%1, … und %2 weitere</translation>
    </message>
    <message>
        <source>no objects in %1 of %2 classes: %3</source>
        <translation>keine Objekte in %1 von %2 Klassen: %3</translation>
    </message>
    <message>
        <source>no images in %1 of %2 classes: %3</source>
        <translation>keine Bilder in %1 von %2 Klassen: %3</translation>
    </message>
    <message>
        <source>%1×%2 px &quot;%3&quot; in %4 (needs %5 px wide)</source>
        <translation>%1×%2 px „%3“ in %4 (braucht %5 px Breite)</translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) smaller than 5×5 px even at full size: %1; crop to the region of interest or tile the image instead of downsizing</source>
        <translation>
            <numerusform>%n Objekt ist schon in voller Größe kleiner als 5×5 px: %1; auf den relevanten Bereich zuschneiden oder das Bild kacheln statt verkleinern</numerusform>
            <numerusform>%n Objekte sind schon in voller Größe kleiner als 5×5 px: %1; auf den relevanten Bereich zuschneiden oder das Bild kacheln statt verkleinern</numerusform>
        </translation>
    </message>
    <message>
        <source>smallest objects: %1</source>
        <translation>kleinste Objekte: %1</translation>
    </message>
    <message>
        <source>smallest objects: %1; every object stays at least 5×5 px only when images are resized to %2 px wide or more (from %3 px)</source>
        <translation>kleinste Objekte: %1; jedes Objekt bleibt nur dann mindestens 5×5 px groß, wenn die Bilder auf %2 px Breite oder mehr skaliert werden (von %3 px)</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) of &quot;%1&quot; are under 5 px on their shorter side even at full size (the smallest: %2×%3 px in %4); crop to the region of interest or tile the image instead of downsizing</source>
        <translation>
            <numerusform>%n Region von &quot;%1&quot; ist selbst in voller Größe an der kürzeren Seite unter 5 px (die kleinste: %2×%3 px in %4); auf den interessierenden Bereich zuschneiden oder das Bild kacheln statt verkleinern</numerusform>
            <numerusform>%n Regionen von &quot;%1&quot; sind selbst in voller Größe an der kürzeren Seite unter 5 px (die kleinste: %2×%3 px in %4); auf den interessierenden Bereich zuschneiden oder das Bild kacheln statt verkleinern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::DemoMaker</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Fashion-MNIST IDX files not found (%1). Install the Debian package dataset-fashion-mnist (apt install dataset-fashion-mnist), or give the folder that holds train-images-idx3-ubyte.gz and its siblings.</source>
        <translation>Fashion-MNIST-IDX-Dateien nicht gefunden (%1). Installieren Sie das Debian-Paket dataset-fashion-mnist (apt install dataset-fashion-mnist) oder geben Sie den Ordner an, der train-images-idx3-ubyte.gz und die zugehörigen Dateien enthält.</translation>
    </message>
    <message>
        <source>no images in the IDX files in %1</source>
        <translation>keine Bilder in den IDX-Dateien in %1</translation>
    </message>
    <message>
        <source>demo image size %1×%2 is outside %3–%4 pixels a side</source>
        <translation>die Demo-Bildgröße %1×%2 liegt außerhalb von %3–%4 Pixeln pro Seite</translation>
    </message>
    <message>
        <source>images per class must be between 0 and 100000, not %1</source>
        <translation>Bilder pro Klasse müssen zwischen 0 und 100000 liegen, nicht %1</translation>
    </message>
</context>
<context>
    <name>loupe::DetectionEvaluation</name>
    <message>
        <source>the size of %1 is unknown</source>
        <translation>die Größe von %1 ist unbekannt</translation>
    </message>
</context>
<context>
    <name>loupe::DetectionMetrics</name>
    <message>
        <source>category id %1 is listed twice</source>
        <translation>Kategorie-ID %1 ist zweimal aufgeführt</translation>
    </message>
    <message>
        <source>ground-truth box %1 has a coordinate or area that is not a number</source>
        <translation>Referenzbox %1 hat eine Koordinate oder Fläche, die keine Zahl ist</translation>
    </message>
    <message>
        <source>ground-truth box %1 is on image id %2, which is not evaluated</source>
        <translation>Referenzbox %1 liegt auf Bild-ID %2, das nicht ausgewertet wird</translation>
    </message>
    <message>
        <source>ground-truth box %1 has category id %2, which is not listed</source>
        <translation>Referenzbox %1 hat die Kategorie-ID %2, die nicht aufgeführt ist</translation>
    </message>
    <message>
        <source>detection %1 has a coordinate or score that is not a number</source>
        <translation>Detektion %1 hat eine Koordinate oder Konfidenz, die keine Zahl ist</translation>
    </message>
    <message>
        <source>detection %1 is on image id %2, which is not evaluated</source>
        <translation>Detektion %1 liegt auf Bild-ID %2, das nicht ausgewertet wird</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>expected the key &quot;%1&quot;</source>
        <translation>erwartet den Schlüssel „%1“</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>erwartet eine Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a finite number</source>
        <translation>erwartet eine endliche Zahl</translation>
    </message>
    <message>
        <source>expected a whole number from %1 to %2, found %3</source>
        <translation>erwartet eine ganze Zahl von %1 bis %2, gefunden: %3</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>erwartet eine ganze Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>COCO results</source>
        <translation>COCO-Ergebnisse</translation>
    </message>
    <message>
        <source>expected valid JSON: %1</source>
        <translation>erwartet gültiges JSON: %1</translation>
    </message>
    <message>
        <source>expected an array of detections, found %1</source>
        <translation>erwartet ein Array von Detektionen, gefunden: %1</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>erwartet ein Objekt, gefunden: %1</translation>
    </message>
    <message>
        <source>expected 4 numbers [x, y, w, h], found %1</source>
        <translation>erwartet 4 Zahlen [x, y, w, h], gefunden: %1</translation>
    </message>
    <message>
        <source>expected [x, y, w, h], found %1</source>
        <translation>erwartet [x, y, w, h], gefunden: %1</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>erwartet eine Zeichenkette, gefunden: %1</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
</context>
<context>
    <name>loupe::DetectionPredictionsView</name>
    <message numerus="yes">
        <source>%n missed</source>
        <translation>
            <numerusform>%n übersehen</numerusform>
            <numerusform>%n übersehen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n false positive(s)</source>
        <translation>
            <numerusform>%n Fehlalarm</numerusform>
            <numerusform>%n Fehlalarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong class</source>
        <translation>
            <numerusform>%n falsche Klasse</numerusform>
            <numerusform>%n falsche Klassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no errors (%n found)</source>
        <translation>
            <numerusform>keine Fehler (%n gefunden)</numerusform>
            <numerusform>keine Fehler (%n gefunden)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2 objects, %3 detections over the threshold</source>
        <translation>%1
%2 Objekte, %3 Detektionen über der Schwelle</translation>
    </message>
    <message>
        <source>With misses</source>
        <translation>Mit übersehenen</translation>
    </message>
    <message>
        <source>With false positives</source>
        <translation>Mit Fehlalarmen</translation>
    </message>
    <message>
        <source>Detections scored under this are not shown and not counted</source>
        <translation>Detektionen mit niedrigerem Score werden weder gezeigt noch gezählt</translation>
    </message>
    <message>
        <source>Score threshold</source>
        <translation>Score-Schwelle</translation>
    </message>
    <message>
        <source>Images with an object or a detection of this class</source>
        <translation>Bilder mit einem Objekt oder einer Detektion dieser Klasse</translation>
    </message>
    <message>
        <source>Most errors first</source>
        <translation>Meiste Fehler zuerst</translation>
    </message>
    <message>
        <source>Dataset order</source>
        <translation>Reihenfolge im Datensatz</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>Boxes at IoU ≥ 0.5 over the threshold: rows are the truth, columns the prediction. Background: a missed object (column) or a false positive (row). Click a cell to see exactly its boxes.</source>
        <translation>Boxen bei IoU ≥ 0,5 über der Schwelle: Zeilen sind die Wahrheit, Spalten die Vorhersage. Hintergrund: ein übersehenes Objekt (Spalte) oder ein Fehlalarm (Zeile). Klicken Sie auf eine Zelle, um genau ihre Boxen zu sehen.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <source>At IoU 0.5, as COCO computes them; the dot is the current threshold.</source>
        <translation>Bei IoU 0,5, wie COCO sie berechnet; der Punkt ist die aktuelle Schwelle.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>Precision–Recall</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the image to the window (F)</source>
        <translation>Bild in das Fenster einpassen (F)</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel</source>
        <translation>Ein Bildpixel pro Bildschirmpixel</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Messen</translation>
    </message>
    <message>
        <source>Drag across the image to measure in image pixels</source>
        <translation>Über das Bild ziehen, um in Bildpixeln zu messen</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Click a box to zoom to it</source>
        <translation>Eine Box anklicken, um auf sie zu zoomen</translation>
    </message>
    <message>
        <source>matched (true positive)</source>
        <translation>zugeordnet (richtig positiv)</translation>
    </message>
    <message>
        <source>object found</source>
        <translation>gefundenes Objekt</translation>
    </message>
    <message>
        <source>false positive</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <source>missed (false negative)</source>
        <translation>übersehen (falsch negativ)</translation>
    </message>
    <message>
        <source>wrong class</source>
        <translation>falsche Klasse</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>No detections to show.</source>
        <translation>Keine Detektionen zum Anzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Bild</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>, mAP@[.5:.95] &lt;b&gt;%1&lt;/b&gt;, AP50 %2</source>
        <translation>, mAP@[.5:.95] &lt;b&gt;%1&lt;/b&gt;, AP50 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n of the evaluated images are not in the open dataset (moved, renamed or deleted since the run).</source>
        <translation>
            <numerusform>%n der ausgewerteten Bilder ist nicht im geöffneten Datensatz (seit dem Lauf verschoben, umbenannt oder gelöscht).</numerusform>
            <numerusform>%n der ausgewerteten Bilder sind nicht im geöffneten Datensatz (seit dem Lauf verschoben, umbenannt oder gelöscht).</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#009e73&apos;&gt;&lt;b&gt;%1&lt;/b&gt; matched&lt;/span&gt; · &lt;span style=&apos;color:#0072b2&apos;&gt;&lt;b&gt;%2&lt;/b&gt; missed&lt;/span&gt; · &lt;span style=&apos;color:#d55e00&apos;&gt;&lt;b&gt;%3&lt;/b&gt; false positives&lt;/span&gt; · &lt;span style=&apos;color:#cc79a7&apos;&gt;&lt;b&gt;%4&lt;/b&gt; wrong class&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#009e73&apos;&gt;&lt;b&gt;%1&lt;/b&gt; zugeordnet&lt;/span&gt; · &lt;span style=&apos;color:#0072b2&apos;&gt;&lt;b&gt;%2&lt;/b&gt; übersehen&lt;/span&gt; · &lt;span style=&apos;color:#d55e00&apos;&gt;&lt;b&gt;%3&lt;/b&gt; Fehlalarme&lt;/span&gt; · &lt;span style=&apos;color:#cc79a7&apos;&gt;&lt;b&gt;%4&lt;/b&gt; falsche Klasse&lt;/span&gt;</translation>
    </message>
    <message>
        <source>background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>%1 (AP50 %2)</source>
        <translation>%1 (AP50 %2)</translation>
    </message>
    <message>
        <source>Images (%1 of %2)</source>
        <translation>Bilder (%1 von %2)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %2 images: the %n box(es) with truth %3 predicted as %4.</source>
        <translation>
            <numerusform>%1 von %2 Bildern angezeigt: die %n Box mit Wahrheit %3, vorhergesagt als %4.</numerusform>
            <numerusform>%1 von %2 Bildern angezeigt: die %n Boxen mit Wahrheit %3, vorhergesagt als %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %n image(s).</source>
        <translation>
            <numerusform>Das %n Bild wird angezeigt.</numerusform>
            <numerusform>Alle %n Bilder werden angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing %1 of %2 images.</source>
        <translation>%1 von %2 Bildern angezeigt.</translation>
    </message>
    <message>
        <source>%1 is not in the open dataset.</source>
        <translation>%1 ist nicht im geöffneten Datensatz.</translation>
    </message>
    <message>
        <source>at %1, %2, %3 × %4 px</source>
        <translation>bei %1, %2, %3 × %4 px</translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation>übersehen: %1</translation>
    </message>
    <message>
        <source>Missed %1 %2</source>
        <translation>Übersehen: %1 %2</translation>
    </message>
    <message>
        <source>Object %1 %2, found as another class</source>
        <translation>Objekt %1 %2, als andere Klasse gefunden</translation>
    </message>
    <message>
        <source>Object %1 %2, found</source>
        <translation>Objekt %1 %2, gefunden</translation>
    </message>
    <message>
        <source>%1 %2 (is %3)</source>
        <translation>%1 %2 (ist %3)</translation>
    </message>
    <message>
        <source>Wrong class: %1 (%2) on a %3 %4</source>
        <translation>Falsche Klasse: %1 (%2) auf %3 %4</translation>
    </message>
    <message>
        <source>False positive: %1 (%2) %3</source>
        <translation>Fehlalarm: %1 (%2) %3</translation>
    </message>
    <message>
        <source>Matched: %1 (%2) %3, IoU %4</source>
        <translation>Zugeordnet: %1 (%2) %3, IoU %4</translation>
    </message>
</context>
<context>
    <name>loupe::DetectionReview</name>
    <message>
        <source>matched</source>
        <translation>zugeordnet</translation>
    </message>
    <message>
        <source>false positive</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <source>wrong class</source>
        <translation>falsche Klasse</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>übersehen</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <source>below threshold</source>
        <translation>unter der Schwelle</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>kein JSON: %1</translation>
    </message>
    <message>
        <source>expected an array of image paths</source>
        <translation>erwartet: ein Array von Bildpfaden</translation>
    </message>
    <message>
        <source>expected a string (an image path)</source>
        <translation>erwartet: ein String (ein Bildpfad)</translation>
    </message>
    <message>
        <source>%1 names no classes (dataset.classes)</source>
        <translation>%1 nennt keine Klassen (dataset.classes)</translation>
    </message>
</context>
<context>
    <name>loupe::Diagnosis</name>
    <message>
        <source>A bigger backbone (more trainable parameters), e.g. resnet34 or resnet50 instead of resnet18.</source>
        <translation>Ein größeres Backbone (mehr trainierbare Parameter), z. B. resnet34 oder resnet50 statt resnet18.</translation>
    </message>
    <message>
        <source>Less data augmentation: review the transforms and remove those that hide what the model must see (strong brightness, 90° rotations, crops that cut away context).</source>
        <translation>Weniger Datenaugmentierung: Prüfen Sie die Transformationen und entfernen Sie die, die verdecken, was das Modell sehen muss (starke Helligkeitsänderung, 90°-Drehungen, Ausschnitte, die Kontext abschneiden).</translation>
    </message>
    <message>
        <source>Less regularisation: lower the weight decay (or the dropout).</source>
        <translation>Weniger Regularisierung: Weight Decay (oder Dropout) senken.</translation>
    </message>
    <message>
        <source>A larger input image size, no larger than the original images.</source>
        <translation>Eine größere Eingabebildgröße, höchstens so groß wie die Originalbilder.</translation>
    </message>
    <message>
        <source>More training data: the simplest and by far the most effective remedy.</source>
        <translation>Mehr Trainingsdaten: das einfachste und bei Weitem wirksamste Mittel.</translation>
    </message>
    <message>
        <source>More data augmentation: stronger transforms, or more of them.</source>
        <translation>Mehr Datenaugmentierung: stärkere oder mehr Transformationen.</translation>
    </message>
    <message>
        <source>Last, with caution: a smaller backbone. It can cost accuracy; more augmentation and regularisation are better first steps.</source>
        <translation>Zuletzt und mit Vorsicht: ein kleineres Backbone. Das kann Genauigkeit kosten; mehr Augmentierung und Regularisierung sind bessere erste Schritte.</translation>
    </message>
    <message>
        <source>A lower learning rate: a tenth of the current one is a good next try.</source>
        <translation>Eine niedrigere Lernrate: ein Zehntel der aktuellen ist ein guter nächster Versuch.</translation>
    </message>
    <message>
        <source>If it still diverges, run the overfit check: the images or labels may not be loaded properly.</source>
        <translation>Divergiert es weiterhin, führen Sie den Overfit-Check aus: Möglicherweise werden die Bilder oder Labels nicht richtig geladen.</translation>
    </message>
    <message>
        <source>no verdict yet</source>
        <translation>noch kein Befund</translation>
    </message>
    <message>
        <source>converging</source>
        <translation>konvergiert noch</translation>
    </message>
    <message>
        <source>underfitting</source>
        <translation>Unteranpassung</translation>
    </message>
    <message>
        <source>overfitting</source>
        <translation>Überanpassung</translation>
    </message>
    <message>
        <source>diverging</source>
        <translation>divergiert</translation>
    </message>
    <message>
        <source>converged</source>
        <translation>konvergiert</translation>
    </message>
    <message>
        <source>No epoch has been evaluated yet.</source>
        <translation>Es wurde noch keine Epoche ausgewertet.</translation>
    </message>
    <message>
        <source>Train loss %1 at epoch %2 is worse than a uniform guess&apos;s %3.</source>
        <translation>Der Trainingsverlust %1 in Epoche %2 ist schlechter als der eines gleichverteilten Ratens (%3).</translation>
    </message>
    <message>
        <source>Train loss rose from %1 at epoch %2 to %3 at epoch %4: training is going the wrong way.</source>
        <translation>Der Trainingsverlust stieg von %1 in Epoche %2 auf %3 in Epoche %4: Das Training läuft in die falsche Richtung.</translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s) so far; the curves are read from epoch %1 on.</source>
        <translation>
            <numerusform>Bisher %n Epoche; die Kurven werden ab Epoche %1 ausgewertet.</numerusform>
            <numerusform>Bisher %n Epochen; die Kurven werden ab Epoche %1 ausgewertet.</numerusform>
        </translation>
    </message>
    <message>
        <source>train loss %1 (%2 of a uniform guess&apos;s %3), dev loss %4 (%5)</source>
        <translation>Trainingsverlust %1 (%2 des Verlusts %3 bei gleichverteiltem Raten), Dev-Verlust %4 (%5)</translation>
    </message>
    <message>
        <source>Train loss keeps falling (now %1) while dev loss goes up: %2 at epoch %3, %4 now.</source>
        <translation>Der Trainingsverlust fällt weiter (jetzt %1), während der Dev-Verlust steigt: %2 in Epoche %3, jetzt %4.</translation>
    </message>
    <message>
        <source>Train loss is near zero but dev loss stays high: %1.</source>
        <translation>Der Trainingsverlust ist nahe null, aber der Dev-Verlust bleibt hoch: %1.</translation>
    </message>
    <message>
        <source>Both curves have flattened (under %1 of a uniform guess&apos;s loss an epoch over the last %2 epochs) at a high level: %3.</source>
        <translation>Beide Kurven sind auf hohem Niveau abgeflacht (weniger als %1 des Verlusts bei gleichverteiltem Raten pro Epoche über die letzten %2 Epochen): %3.</translation>
    </message>
    <message>
        <source>Both curves are low and flat: %1.</source>
        <translation>Beide Kurven sind niedrig und flach: %1.</translation>
    </message>
    <message>
        <source>Both curves have flattened between high and low: %1. Neither underfitting nor overfitting yet; compare with other runs.</source>
        <translation>Beide Kurven sind zwischen hoch und niedrig abgeflacht: %1. Noch weder Unter- noch Überanpassung; vergleichen Sie mit anderen Läufen.</translation>
    </message>
    <message>
        <source>Still learning: %1, train falling %2 of a uniform guess&apos;s loss an epoch.</source>
        <translation>Lernt noch: %1, der Trainingsverlust fällt pro Epoche um %2 des Verlusts bei gleichverteiltem Raten.</translation>
    </message>
    <message>
        <source>A larger input image size: ResNet and VGG divide the side by 32, so at 32 px or less the last feature maps are 1x1 and batch norm there sees only one value per image.</source>
        <translation>Eine größere Eingabebildgröße: ResNet und VGG teilen die Seitenlänge durch 32, daher sind die letzten Feature-Maps bei 32 px oder weniger 1x1 groß, und die Batch-Norm sieht dort nur einen Wert pro Bild.</translation>
    </message>
    <message>
        <source>A larger batch: batch norm&apos;s statistics from few values per channel do not carry over to evaluation.</source>
        <translation>Ein größerer Batch: Batch-Norm-Statistiken aus wenigen Werten pro Kanal lassen sich nicht auf die Evaluierung übertragen.</translation>
    </message>
    <message>
        <source>When fine-tuning pretrained weights (--init), keep batch norm&apos;s running statistics frozen so that training and evaluation normalise alike.</source>
        <translation>Beim Feintuning vortrainierter Gewichte (--init) die laufenden Statistiken der Batch-Norm einfrieren, damit Training und Evaluierung gleich normalisieren.</translation>
    </message>
    <message>
        <source>At epoch %1 the training loss blew up (train %2, dev %3).</source>
        <translation>In Epoche %1 ist der Trainingsverlust explodiert (Training %2, Dev %3).</translation>
    </message>
    <message>
        <source>At epoch %1 the dev loss blew up (%2) while the training loss is %3: the model works in training mode but not in evaluation mode, where batch norm uses its running statistics. Training is not diverging: this is not a learning-rate problem.</source>
        <translation>In Epoche %1 ist der Dev-Verlust explodiert (%2), während der Trainingsverlust %3 beträgt: Das Modell funktioniert im Trainingsmodus, aber nicht im Evaluierungsmodus, in dem die Batch-Norm ihre laufenden Statistiken verwendet. Das Training divergiert nicht: Es liegt nicht an der Lernrate.</translation>
    </message>
    <message>
        <source>Dev loss blown up</source>
        <translation>Dev-Verlust explodiert</translation>
    </message>
    <message>
        <source>Train loss %1 at epoch %2 is far above the first epoch&apos;s %3.</source>
        <translation>Der Trainingsverlust %1 in Epoche %2 liegt weit über dem der ersten Epoche (%3).</translation>
    </message>
    <message>
        <source>train loss %1 (%2 of the first epoch&apos;s %3), dev loss %4 (%5)</source>
        <translation>Trainingsverlust %1 (%2 des Verlusts %3 der ersten Epoche), Dev-Verlust %4 (%5)</translation>
    </message>
    <message>
        <source>Both curves have flattened (under %1 of the first epoch&apos;s loss an epoch over the last %2 epochs) at a high level: %3.</source>
        <translation>Beide Kurven sind auf hohem Niveau abgeflacht (weniger als %1 des Verlusts der ersten Epoche pro Epoche über die letzten %2 Epochen): %3.</translation>
    </message>
    <message>
        <source>Still learning: %1, train falling %2 of the first epoch&apos;s loss an epoch.</source>
        <translation>Lernt noch: %1, der Trainingsverlust fällt pro Epoche um %2 des Verlusts der ersten Epoche.</translation>
    </message>
</context>
<context>
    <name>loupe::EventFile</name>
    <message>
        <source>Cannot open the event file %1: %2</source>
        <translation>Die Eventdatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1: torn record at byte %2 (the file ends inside it)</source>
        <translation>%1: abgerissener Eintrag bei Byte %2 (die Datei endet mittendrin)</translation>
    </message>
    <message>
        <source>%1: record at byte %2 has a corrupt length (checksum mismatch)</source>
        <translation>%1: Eintrag bei Byte %2 hat eine beschädigte Länge (Prüfsumme stimmt nicht)</translation>
    </message>
    <message>
        <source>%1: record at byte %2 has corrupt data (checksum mismatch)</source>
        <translation>%1: Eintrag bei Byte %2 hat beschädigte Daten (Prüfsumme stimmt nicht)</translation>
    </message>
    <message>
        <source>%1: record at byte %2 is not a valid Event message</source>
        <translation>%1: Eintrag bei Byte %2 ist keine gültige Event-Nachricht</translation>
    </message>
</context>
<context>
    <name>loupe::HeatmapController</name>
    <message>
        <source>the image is not in the open dataset</source>
        <translation>das Bild ist nicht im geöffneten Datensatz</translation>
    </message>
</context>
<context>
    <name>loupe::HubWeights</name>
    <message>
        <source>torchvision %1, ImageNet-1k weights (for %2)</source>
        <translation>torchvision %1, ImageNet-1k-Gewichte (für %2)</translation>
    </message>
    <message>
        <source>torchvision %1 without batch norm: does not fit Loupe&apos;s %2, which has batch norm (use %2_bn&apos;s weights)</source>
        <translation>torchvision %1 ohne Batch-Norm: passt nicht zu Loupes %2, das Batch-Norm hat (die Gewichte von %2_bn verwenden)</translation>
    </message>
    <message>
        <source>weights for %1, a model Loupe does not build</source>
        <translation>Gewichte für %1, ein Modell, das Loupe nicht baut</translation>
    </message>
</context>
<context>
    <name>loupe::ImageHeader</name>
    <message>
        <source>truncated header</source>
        <translation>abgeschnittener Header</translation>
    </message>
    <message>
        <source>damaged %1 header</source>
        <translation>beschädigter %1-Header</translation>
    </message>
    <message>
        <source>image has zero width or height (%1×%2)</source>
        <translation>Bild hat Breite oder Höhe null (%1×%2)</translation>
    </message>
    <message>
        <source>image dimensions out of range (%1×%2)</source>
        <translation>Bildabmessungen außerhalb des zulässigen Bereichs (%1×%2)</translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation>leere Datei (0 Byte)</translation>
    </message>
    <message>
        <source>not an image (unrecognised signature)</source>
        <translation>kein Bild (unbekannte Signatur)</translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation>Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation>Datei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>loupe::ImageViewer</name>
    <message>
        <source>Select a thumbnail to view the image.</source>
        <translation>Wählen Sie ein Vorschaubild aus, um das Bild anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>x %1, y %2: %3</source>
        <translation>x %1, y %2: %3</translation>
    </message>
    <message>
        <source>x %1, y %2: RGB %3, %4, %5</source>
        <translation>x %1, y %2: RGB %3, %4, %5</translation>
    </message>
    <message>
        <source>%1 px (%2 × %3)</source>
        <translation>%1 px (%2 × %3)</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>measured %1</source>
        <translation>gemessen: %1</translation>
    </message>
    <message>
        <source>drag to measure</source>
        <translation>zum Messen ziehen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>crowd</source>
        <translation>Crowd</translation>
    </message>
    <message>
        <source>%1 (crowd)</source>
        <translation>%1 (Crowd)</translation>
    </message>
</context>
<context>
    <name>loupe::Inspection</name>
    <message>
        <source>Dataset   %1 (%2)
</source>
        <translation>Datensatz %1 (%2)
</translation>
    </message>
    <message>
        <source>Images    %1 readable, %2 broken or missing
</source>
        <translation>Bilder    %1 lesbar, %2 defekt oder fehlend
</translation>
    </message>
    <message>
        <source>Size      min %1, median %2, max %3 px; aspect %4–%5
</source>
        <translation>Größe     min %1, Median %2, max %3 px; Seitenverhältnis %4–%5
</translation>
    </message>
    <message>
        <source>Classes (objects per class)
</source>
        <translation>Klassen (Objekte pro Klasse)
</translation>
    </message>
    <message>
        <source>Classes (images per class)
</source>
        <translation>Klassen (Bilder pro Klasse)
</translation>
    </message>
    <message>
        <source>  ← under-represented</source>
        <translation>  ← unterrepräsentiert</translation>
    </message>
    <message>
        <source>  shorter side:</source>
        <translation>  kürzere Seite:</translation>
    </message>
    <message>
        <source>  where objects sit (8×8 grid of the image, darker = more):
</source>
        <translation>  wo Objekte liegen (8×8-Raster des Bildes, dunkler = mehr):
</translation>
    </message>
    <message numerus="yes">
        <source>Broken or missing files (%n, skipped)
</source>
        <translation>
            <numerusform>Defekte oder fehlende Dateien (%n, übersprungen)
</numerusform>
            <numerusform>Defekte oder fehlende Dateien (%n, übersprungen)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identical files (%n group(s))
</source>
        <translation>
            <numerusform>Identische Dateien (%n Gruppe)
</numerusform>
            <numerusform>Identische Dateien (%n Gruppen)
</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings
</source>
        <translation>Warnungen
</translation>
    </message>
    <message>
        <source>
(stopped early: figures cover only the files read)
</source>
        <translation>
(vorzeitig beendet: die Zahlen umfassen nur die gelesenen Dateien)
</translation>
    </message>
    <message>
        <source>Objects   %1 in %2 images (%3 images without objects); smallest %4×%5 px
</source>
        <translation>Objekte   %1 in %2 Bildern (%3 Bilder ohne Objekte); kleinstes %4×%5 px
</translation>
    </message>
    <message>
        <source>  some objects are under 5×5 px even at full size: crop or tile rather than downsize
</source>
        <translation>  manche Objekte sind schon in voller Größe kleiner als 5×5 px: zuschneiden oder kacheln statt verkleinern
</translation>
    </message>
    <message>
        <source>  every object stays at least 5×5 px when images are resized to %1 px wide or more
</source>
        <translation>  jedes Objekt bleibt mindestens 5×5 px groß, wenn die Bilder auf %1 px Breite oder mehr skaliert werden
</translation>
    </message>
    <message>
        <source>Layout    %1
</source>
        <translation>Layout    %1
</translation>
    </message>
    <message>
        <source>Layout    %1 (from %2)
</source>
        <translation>Layout    %1 (aus %2)
</translation>
    </message>
    <message numerus="yes">
        <source>  plus %n crowd region(s) (COCO iscrowd), shown but not counted as objects
</source>
        <translation>
            <numerusform>  dazu %n Crowd-Region (COCO iscrowd), angezeigt, aber nicht als Objekt gezählt
</numerusform>
            <numerusform>  dazu %n Crowd-Regionen (COCO iscrowd), angezeigt, aber nicht als Objekte gezählt
</numerusform>
        </translation>
    </message>
    <message>
        <source>Masks     %1 read, %2 all background, %3 pixels ignored (255)
</source>
        <translation>Masken    %1 gelesen, %2 nur Hintergrund, %3 Pixel ignoriert (255)
</translation>
    </message>
    <message>
        <source>%1 px in %2 images, %3 regions, smallest %4×%5 px%6
</source>
        <translation>%1 px in %2 Bildern, %3 Regionen, kleinste %4×%5 px%6
</translation>
    </message>
    <message numerus="yes">
        <source>  ← %n under 5 px</source>
        <translation>
            <numerusform>  ← %n unter 5 px</numerusform>
            <numerusform>  ← %n unter 5 px</numerusform>
        </translation>
    </message>
    <message>
        <source>no pixels
</source>
        <translation>keine Pixel
</translation>
    </message>
</context>
<context>
    <name>loupe::LabelEdits</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 says %2 is &quot;%3&quot;, not &quot;%4&quot;: the file changed since the dataset was opened; open it again before saving</source>
        <translation>laut %1 ist %2 „%3“, nicht „%4“: Die Datei hat sich geändert, seit der Datensatz geöffnet wurde; öffnen Sie ihn vor dem Speichern erneut</translation>
    </message>
    <message>
        <source>%1 does not list %2</source>
        <translation>%1 führt %2 nicht auf</translation>
    </message>
    <message>
        <source>cannot read %1: expected a COCO object with &quot;images&quot;</source>
        <translation>%1 kann nicht gelesen werden: erwartet ein COCO-Objekt mit „images“</translation>
    </message>
    <message>
        <source>cannot read %1: expected &quot;annotations&quot;</source>
        <translation>%1 kann nicht gelesen werden: erwartet „annotations“</translation>
    </message>
    <message>
        <source>cannot read %1: expected &quot;categories&quot; to be an array</source>
        <translation>%1 kann nicht gelesen werden: „categories“ sollte ein Array sein</translation>
    </message>
    <message>
        <source>cannot update %1: %2</source>
        <translation>%1 kann nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1, line %2: %3</source>
        <translation>%1 kann nicht gelesen werden, Zeile %2: %3</translation>
    </message>
    <message>
        <source>no annotation file in %1 names %2</source>
        <translation>keine Annotationsdatei in %1 nennt %2</translation>
    </message>
    <message>
        <source>cannot read the class names in %1</source>
        <translation>die Klassennamen in %1 können nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot add the class &quot;%1&quot;: %2 names no classes (they are numbers); add the names to data.yaml or classes.txt first</source>
        <translation>die Klasse „%1“ kann nicht hinzugefügt werden: %2 benennt keine Klassen (sie sind nur Nummern); tragen Sie die Namen zuerst in data.yaml oder classes.txt ein</translation>
    </message>
    <message>
        <source>the dataset</source>
        <translation>der Datensatz</translation>
    </message>
    <message>
        <source>cannot find the label file of %1 (expected %2)</source>
        <translation>die Label-Datei von %1 wurde nicht gefunden (erwartet: %2)</translation>
    </message>
    <message>
        <source>%1 is not inside a class folder of %2</source>
        <translation>%1 liegt in keinem Klassenordner von %2</translation>
    </message>
    <message>
        <source>cannot name a class folder &quot;%1&quot;: the importer would take it for a split folder (train, valid, test)</source>
        <translation>ein Klassenordner kann nicht „%1“ heißen: Der Import würde ihn für einen Split-Ordner (train, valid, test) halten</translation>
    </message>
    <message>
        <source>%1 is no longer there: the folder changed since the dataset was opened; open it again before saving</source>
        <translation>%1 ist nicht mehr vorhanden: Der Ordner hat sich geändert, seit der Datensatz geöffnet wurde; öffnen Sie ihn vor dem Speichern erneut</translation>
    </message>
    <message>
        <source>cannot move %1 to %2: a file of that name is already there</source>
        <translation>%1 kann nicht nach %2 verschoben werden: Dort liegt bereits eine Datei dieses Namens</translation>
    </message>
    <message>
        <source>cannot move %1 into %2: that is a file, not a folder</source>
        <translation>%1 kann nicht nach %2 verschoben werden: Das ist eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>cannot create the backup folder %1; nothing was changed</source>
        <translation>der Sicherungsordner %1 kann nicht angelegt werden; nichts wurde geändert</translation>
    </message>
    <message>
        <source>cannot back up %1 to %2: %3; nothing was changed</source>
        <translation>%1 kann nicht nach %2 gesichert werden: %3; nichts wurde geändert</translation>
    </message>
    <message>
        <source>cannot write %1: %2; nothing was changed</source>
        <translation>%1 kann nicht geschrieben werden: %2; nichts wurde geändert</translation>
    </message>
    <message>
        <source>%1 is still at %2</source>
        <translation>%1 liegt noch unter %2</translation>
    </message>
    <message>
        <source>cannot remove the new file %1</source>
        <translation>die neue Datei %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot restore %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>cannot give %1 the class &quot;%2&quot;: a class name must not be empty, start or end with a space, or hold line breaks or tabs</source>
        <translation>%1 kann nicht die Klasse „%2“ erhalten: Ein Klassenname darf nicht leer sein, nicht mit einem Leerzeichen beginnen oder enden und keine Zeilenumbrüche oder Tabulatoren enthalten</translation>
    </message>
    <message>
        <source>cannot make a class folder named &quot;%1&quot;</source>
        <translation>ein Klassenordner namens „%1“ kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot save labels of an IDX dataset: its labels are a binary file Loupe does not rewrite; export the images to class folders or a CSV first</source>
        <translation>die Labels eines IDX-Datensatzes können nicht gespeichert werden: Loupe schreibt deren Binärdatei nicht neu; exportieren Sie die Bilder zuerst in Klassenordner oder eine CSV-Datei</translation>
    </message>
    <message>
        <source>cannot save labels of a dataset in the format &quot;%1&quot;</source>
        <translation>die Labels eines Datensatzes im Format „%1“ können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 is not an image of this dataset</source>
        <translation>%1 ist kein Bild dieses Datensatzes</translation>
    </message>
    <message>
        <source>cannot give %1 the class &quot;%2&quot;: it has no objects, and relabelling changes the class of an object, it does not draw one</source>
        <translation>%1 kann nicht die Klasse „%2“ erhalten: Das Bild hat keine Objekte, und Umlabeln ändert die Klasse eines Objekts, es zeichnet keines</translation>
    </message>
    <message>
        <source>cannot save %1 as &quot;%2&quot;: that would delete its objects, which relabelling does not do</source>
        <translation>%1 kann nicht als „%2“ gespeichert werden: Dabei würden seine Objekte gelöscht, was Umlabeln nicht tut</translation>
    </message>
    <message>
        <source>nothing was changed (the copies are in %1)</source>
        <translation>nichts wurde geändert (die Kopien liegen in %1)</translation>
    </message>
    <message>
        <source>undoing the changes failed too (%1): the original files are in %2</source>
        <translation>auch das Rückgängigmachen der Änderungen ist fehlgeschlagen (%1): Die Originaldateien liegen in %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 verschoben werden: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n annotation(s) of %2, the open dataset %3: the file changed since the dataset was opened; open it again before saving</source>
        <translation>
            <numerusform>%1 enthält %n Annotation von %2, der geöffnete Datensatz %3: Die Datei hat sich geändert, seit der Datensatz geöffnet wurde; öffnen Sie ihn vor dem Speichern erneut</numerusform>
            <numerusform>%1 enthält %n Annotationen von %2, der geöffnete Datensatz %3: Die Datei hat sich geändert, seit der Datensatz geöffnet wurde; öffnen Sie ihn vor dem Speichern erneut</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n object(s), the open dataset %2: the file changed since the dataset was opened; open it again before saving</source>
        <translation>
            <numerusform>%1 enthält %n Objekt, der geöffnete Datensatz %2: Die Datei hat sich geändert, seit der Datensatz geöffnet wurde; öffnen Sie ihn vor dem Speichern erneut</numerusform>
            <numerusform>%1 enthält %n Objekte, der geöffnete Datensatz %2: Die Datei hat sich geändert, seit der Datensatz geöffnet wurde; öffnen Sie ihn vor dem Speichern erneut</numerusform>
        </translation>
    </message>
    <message>
        <source>IDX labels are a binary file Loupe does not rewrite; export the images to class folders or a CSV first</source>
        <translation>IDX-Labels sind eine Binärdatei, die Loupe nicht neu schreibt; die Bilder zuerst in Klassenordner oder eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>%1 has no objects: its class is its largest object&apos;s, and relabelling changes an object&apos;s class, it does not draw one. Draw a box in an annotation tool to give it a class.</source>
        <translation>%1 hat keine Objekte: Seine Klasse ist die seines größten Objekts, und Umlabeln ändert die Klasse eines Objekts, es zeichnet keines. Um dem Bild eine Klasse zu geben, in einem Annotationswerkzeug eine Box zeichnen.</translation>
    </message>
</context>
<context>
    <name>loupe::LossPlot</name>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>dev macro F1</source>
        <translation>Dev-Makro-F1</translation>
    </message>
    <message>
        <source>train loss per step</source>
        <translation>Trainingsverlust pro Schritt</translation>
    </message>
    <message>
        <source>train loss per step (smoothed)</source>
        <translation>Trainingsverlust pro Schritt (geglättet)</translation>
    </message>
    <message>
        <source>train loss per epoch</source>
        <translation>Trainingsverlust pro Epoche</translation>
    </message>
    <message>
        <source>dev loss</source>
        <translation>Dev-Verlust</translation>
    </message>
    <message>
        <source>dev macro F1 (right axis)</source>
        <translation>Dev-Makro-F1 (rechte Achse)</translation>
    </message>
    <message>
        <source> best</source>
        <translation> Bestwert</translation>
    </message>
    <message>
        <source> early stop</source>
        <translation> vorzeitiger Stopp</translation>
    </message>
    <message>
        <source>Exponential moving average of the step losses: 0 draws them raw.</source>
        <translation>Exponentieller gleitender Mittelwert der Schrittverluste: 0 zeichnet sie ungeglättet.</translation>
    </message>
    <message>
        <source>Draw the dev (solid) and train (dashed) losses of the project&apos;s other runs.</source>
        <translation>Dev-Verlust (durchgezogen) und Trainingsverlust (gestrichelt) der anderen Läufe des Projekts zeichnen.</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Ansicht zurücksetzen</translation>
    </message>
    <message>
        <source>Show every curve and follow new data again (drag to pan, wheel to zoom).</source>
        <translation>Alle Kurven zeigen und wieder neuen Daten folgen (Ziehen verschiebt, Mausrad zoomt).</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the plot as a PNG image.</source>
        <translation>Diagramm als PNG-Bild speichern.</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Save the plot as a PDF.</source>
        <translation>Diagramm als PDF speichern.</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>train loss (step)</source>
        <translation>Trainingsverlust (Schritt)</translation>
    </message>
    <message>
        <source>%1
epoch %2: %3</source>
        <translation>%1
Epoche %2: %3</translation>
    </message>
    <message>
        <source>Export the plot as PDF</source>
        <translation>Diagramm als PDF exportieren</translation>
    </message>
    <message>
        <source>Export the plot as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>loss.pdf</source>
        <translation>loss.pdf</translation>
    </message>
    <message>
        <source>loss.png</source>
        <translation>loss.png</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Earlier runs (dev —, train - -)</source>
        <translation>Frühere Läufe (Dev —, Training - -)</translation>
    </message>
    <message>
        <source>dev mAP (right axis)</source>
        <translation>Dev-mAP (rechte Achse)</translation>
    </message>
    <message>
        <source>dev mAP</source>
        <translation>Dev-mAP</translation>
    </message>
    <message>
        <source>Loss parts</source>
        <translation>Verlustanteile</translation>
    </message>
    <message>
        <source>Draw the parts the loss is the sum of, per epoch: a detector&apos;s classification (focal) loss and box regression loss, train solid, dev dashed.</source>
        <translation>Die Anteile zeichnen, aus denen sich der Verlust zusammensetzt, pro Epoche: den Klassifikationsverlust (Focal Loss) und den Box-Regressionsverlust eines Detektors, Training durchgezogen, Dev gestrichelt.</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>box</source>
        <translation>Box</translation>
    </message>
    <message>
        <source>dev %1 loss</source>
        <translation>Dev-Verlust %1</translation>
    </message>
    <message>
        <source>train %1 loss</source>
        <translation>Trainingsverlust %1</translation>
    </message>
</context>
<context>
    <name>loupe::MainWindow</name>
    <message>
        <source>Loupe</source>
        <translation>Loupe</translation>
    </message>
    <message>
        <source>Open a dataset: a folder of class folders, a CSV, COCO, VOC, YOLO or IDX files.</source>
        <translation>Datensatz öffnen: ein Ordner mit Klassenordnern, eine CSV-Datei, COCO-, VOC-, YOLO- oder IDX-Dateien.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Loupe&lt;/h2&gt;&lt;p&gt;Open a dataset with &lt;b&gt;File › Open Folder&lt;/b&gt; or &lt;b&gt;File › Open Label File&lt;/b&gt; to review it before training.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Loupe&lt;/h2&gt;&lt;p&gt;Öffnen Sie einen Datensatz mit &lt;b&gt;Datei › Ordner öffnen&lt;/b&gt; oder &lt;b&gt;Datei › Label-Datei öffnen&lt;/b&gt;, um ihn vor dem Training zu prüfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Label File…</source>
        <translation>&amp;Label-Datei öffnen…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Loupe</source>
        <translation>Ü&amp;ber Loupe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation>Datensatzordner öffnen</translation>
    </message>
    <message>
        <source>Open Label File</source>
        <translation>Label-Datei öffnen</translation>
    </message>
    <message>
        <source>Label files (*.csv *.json *.yaml *.yml *ubyte *ubyte.gz);;All files (*)</source>
        <translation>Label-Dateien (*.csv *.json *.yaml *.yml *ubyte *ubyte.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Loupe</source>
        <translation>Über Loupe</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loupe %1&lt;/h3&gt;&lt;p&gt;A workbench for training vision models on small, hard datasets: review the images, prove the pipeline, train, and study every misprediction. Offline.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Loupe %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank zum Trainieren von Bildverarbeitungsmodellen auf kleinen, schwierigen Datensätzen: Bilder prüfen, die Pipeline absichern, trainieren und jede Fehlvorhersage untersuchen. Offline.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Loupe</source>
        <translation>%1 — Loupe</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading labels</source>
        <translation>Labels werden gelesen</translation>
    </message>
    <message>
        <source>Reading headers</source>
        <translation>Header werden gelesen</translation>
    </message>
    <message>
        <source>Checking images</source>
        <translation>Bilder werden geprüft</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 von %3</translation>
    </message>
    <message>
        <source>Could not open the dataset: %1</source>
        <translation>Der Datensatz konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Could not open the dataset&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Der Datensatz konnte nicht geöffnet werden&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Broken or missing files (%1)</source>
        <translation>Defekte oder fehlende Dateien (%1)</translation>
    </message>
    <message>
        <source>same bytes</source>
        <translation>gleiche Bytes</translation>
    </message>
    <message>
        <source>Same image, different labels (%1)</source>
        <translation>Gleiches Bild, verschiedene Labels (%1)</translation>
    </message>
    <message>
        <source>conflicting labels</source>
        <translation>widersprüchliche Labels</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>%1 readable, %2 broken or missing</source>
        <translation>%1 lesbar, %2 defekt oder fehlend</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>min %1, median %2, max %3 px</source>
        <translation>min %1, Median %2, max %3 px</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>%1 to %2 (median %3)</source>
        <translation>%1 bis %2 (Median %3)</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Smallest object</source>
        <translation>Kleinstes Objekt</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Narrowest safe resize</source>
        <translation>Kleinste sichere Zielbreite</translation>
    </message>
    <message>
        <source>%1 px wide keeps every object at least 5 × 5 px</source>
        <translation>Bei %1 px Breite bleibt jedes Objekt mindestens 5 × 5 px groß</translation>
    </message>
    <message>
        <source>Identical files</source>
        <translation>Identische Dateien</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Keine Warnungen.</translation>
    </message>
    <message>
        <source>Stopped early: the figures cover only the files read.</source>
        <translation>Vorzeitig beendet: Die Zahlen umfassen nur die gelesenen Dateien.</translation>
    </message>
    <message>
        <source>No broken files, duplicates or conflicting labels.</source>
        <translation>Keine defekten Dateien, Duplikate oder widersprüchlichen Labels.</translation>
    </message>
    <message>
        <source>none: some objects are under 5 × 5 px even at full size</source>
        <translation>keine: manche Objekte sind schon in voller Größe kleiner als 5 × 5 px</translation>
    </message>
    <message numerus="yes">
        <source>%1 images, %2 classes, %3 broken or missing, %n warning(s)</source>
        <translation>
            <numerusform>%1 Bilder, %2 Klassen, %3 defekt oder fehlend, %n Warnung</numerusform>
            <numerusform>%1 Bilder, %2 Klassen, %3 defekt oder fehlend, %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Über&amp;sicht</translation>
    </message>
    <message>
        <source>R&amp;eport</source>
        <translation>B&amp;ericht</translation>
    </message>
    <message>
        <source>&amp;Browser</source>
        <translation>&amp;Browser</translation>
    </message>
    <message>
        <source>&amp;Augment</source>
        <translation>Au&amp;gmentierung</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>&amp;Predictions</source>
        <translation>&amp;Vorhersagen</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message numerus="yes">
        <source>Identical files (%n group(s))</source>
        <translation>
            <numerusform>Identische Dateien (%n Gruppe)</numerusform>
            <numerusform>Identische Dateien (%n Gruppen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>%1 &lt;span style=&apos;color:gray&apos;&gt;(from %2)&lt;/span&gt;</source>
        <translation>%1 &lt;span style=&apos;color:gray&apos;&gt;(aus %2)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reading masks</source>
        <translation>Masken werden gelesen</translation>
    </message>
</context>
<context>
    <name>loupe::Masks</name>
    <message>
        <source>value %1 in %2 pixels stands for no class (the classes are 1 to %3, 0 background, 255 ignored)</source>
        <translation>Wert %1 in %2 Pixeln steht für keine Klasse (die Klassen sind 1 bis %3, 0 Hintergrund, 255 ignoriert)</translation>
    </message>
    <message>
        <source>cannot read the mask: %1</source>
        <translation>Maske nicht lesbar: %1</translation>
    </message>
    <message>
        <source>mask file of %1 MB is above the limit of %2 MB</source>
        <translation>Maskendatei von %1 MB liegt über der Grenze von %2 MB</translation>
    </message>
    <message>
        <source>empty mask file (0 bytes)</source>
        <translation>leere Maskendatei (0 Bytes)</translation>
    </message>
    <message>
        <source>mask claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation>Maske gibt %1×%2 Pixel an, mehr als die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>the mask&apos;s pixel data cannot be decoded</source>
        <translation>die Pixeldaten der Maske lassen sich nicht dekodieren</translation>
    </message>
    <message>
        <source>mask pixels of an unsupported type (use 8- or 16-bit PNG)</source>
        <translation>Maskenpixel eines nicht unterstützten Typs (8- oder 16-Bit-PNG verwenden)</translation>
    </message>
    <message>
        <source>colour %1 (palette index %2) in %3 pixels is in no class of labelmap.txt</source>
        <translation>Farbe %1 (Palettenindex %2) in %3 Pixeln gehört zu keiner Klasse der labelmap.txt</translation>
    </message>
    <message>
        <source>value %1 stands for no class (16-bit mask; the classes are 1 to %2)</source>
        <translation>Wert %1 steht für keine Klasse (16-Bit-Maske; die Klassen sind 1 bis %2)</translation>
    </message>
    <message>
        <source>colour mask, but no labelmap.txt says which class each colour is</source>
        <translation>Farbmaske, aber keine labelmap.txt sagt, welche Klasse jede Farbe ist</translation>
    </message>
    <message>
        <source>colour %1 in %2 pixels is in no class of labelmap.txt</source>
        <translation>Farbe %1 in %2 Pixeln gehört zu keiner Klasse der labelmap.txt</translation>
    </message>
    <message>
        <source>mask is %1×%2 px, its image %3×%4 px</source>
        <translation>Maske ist %1×%2 px, ihr Bild %3×%4 px</translation>
    </message>
    <message>
        <source>image claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation>Bild gibt %1×%2 Pixel an, mehr als die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>RLE mask is %1×%2 px, its image %3×%4 px</source>
        <translation>RLE-Maske ist %1×%2 px, ihr Bild %3×%4 px</translation>
    </message>
</context>
<context>
    <name>loupe::Metrics</name>
    <message>
        <source>%1 true labels but %2 predictions</source>
        <translation>%1 wahre Labels, aber %2 Vorhersagen</translation>
    </message>
    <message>
        <source>class index %1 at sample %2 is outside 0..%3</source>
        <translation>Klassenindex %1 bei Beispiel %2 liegt außerhalb von 0..%3</translation>
    </message>
</context>
<context>
    <name>loupe::ModelExport</name>
    <message>
        <source>Runs in OpenCV&apos;s DNN module, ONNX Runtime, TensorRT and OpenVINO, from C++, Python, C# or Java; opset %1, dynamic batch.</source>
        <translation>Läuft in OpenCVs DNN-Modul, ONNX Runtime, TensorRT und OpenVINO, aus C++, Python, C# oder Java; Opset %1, dynamische Batchgröße.</translation>
    </message>
    <message>
        <source>Runs in PyTorch (torch.jit.load) and LibTorch from C++ with no Loupe code; its state dict loads into torchvision&apos;s model of the same name.</source>
        <translation>Läuft in PyTorch (torch.jit.load) und LibTorch aus C++ ohne Loupe-Code; sein State-Dict lädt in das gleichnamige Modell von torchvision.</translation>
    </message>
    <message>
        <source>Reading the run</source>
        <translation>Lauf wird gelesen</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>%1 kann nicht geschrieben werden: der Ordner %2 existiert nicht</translation>
    </message>
    <message>
        <source>cannot write %1: it is a folder</source>
        <translation>%1 kann nicht geschrieben werden: es ist ein Ordner</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>Checking the file with %1</source>
        <translation>Datei wird mit %1 geprüft</translation>
    </message>
    <message>
        <source>the written %1 file could not be run by %2 (%3); nothing was kept</source>
        <translation>die geschriebene %1-Datei ließ sich mit %2 nicht ausführen (%3); nichts wurde behalten</translation>
    </message>
    <message>
        <source>the written %1 file gives probabilities up to %2 away from the run&apos;s model (allowed %3); nothing was kept</source>
        <translation>die geschriebene %1-Datei liefert Wahrscheinlichkeiten bis zu %2 abweichend vom Modell des Laufs (erlaubt %3); nichts wurde behalten</translation>
    </message>
    <message>
        <source>cannot write %1: renaming the checked file failed</source>
        <translation>%1 kann nicht geschrieben werden: Umbenennen der geprüften Datei fehlgeschlagen</translation>
    </message>
    <message>
        <source>the model takes images of at least %1 x %1 pixels, not %2 x %3</source>
        <translation>das Modell nimmt Bilder von mindestens %1 x %1 Pixeln, nicht %2 x %3</translation>
    </message>
</context>
<context>
    <name>loupe::Models</name>
    <message>
        <source>%1 does not exist or is not a file</source>
        <translation>%1 existiert nicht oder ist keine Datei</translation>
    </message>
    <message>
        <source>%1 holds no parameters</source>
        <translation>%1 enthält keine Parameter</translation>
    </message>
    <message>
        <source>a classifier needs at least one class, not %1</source>
        <translation>ein Klassifikator braucht mindestens eine Klasse, nicht %1</translation>
    </message>
    <message>
        <source>the model takes 1 or 3 image channels, not %1</source>
        <translation>das Modell erwartet 1 oder 3 Bildkanäle, nicht %1</translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;; known models: %2</source>
        <translation>unbekanntes Modell „%1“; bekannte Modelle: %2</translation>
    </message>
    <message>
        <source>%1: missing from %2</source>
        <translation>%1: fehlt in %2</translation>
    </message>
    <message>
        <source>%1: file has %2, model needs %3</source>
        <translation>%1: Datei hat %2, Modell braucht %3</translation>
    </message>
    <message>
        <source>%1 has 3 input channels in the file, 1 here: summed over the channels</source>
        <translation>%1 hat in der Datei 3 Eingabekanäle, hier 1: über die Kanäle summiert</translation>
    </message>
    <message>
        <source>classifier head has %1 outputs in the file, %2 here: re-initialised</source>
        <translation>der Klassifikatorkopf hat in der Datei %1 Ausgänge, hier %2: neu initialisiert</translation>
    </message>
    <message>
        <source>the file has no classifier head of this shape: re-initialised</source>
        <translation>die Datei hat keinen Klassifikatorkopf dieser Form: neu initialisiert</translation>
    </message>
    <message>
        <source>names in the file start with &quot;%1&quot;: read without it</source>
        <translation>Namen in der Datei beginnen mit „%1“: ohne dieses Präfix gelesen</translation>
    </message>
    <message>
        <source>batch-norm step counters missing from the file, left as they were: %1</source>
        <translation>Batch-Norm-Schrittzähler fehlen in der Datei, unverändert gelassen: %1</translation>
    </message>
    <message>
        <source>entries in the file that were not used: %1</source>
        <translation>nicht verwendete Einträge in der Datei: %1</translation>
    </message>
    <message>
        <source>the state dict was read from the file&apos;s &quot;%1&quot; entry</source>
        <translation>das State-Dict wurde aus dem Eintrag „%1“ der Datei gelesen</translation>
    </message>
    <message>
        <source>%1 is neither a state dict saved by torch.save, a TorchScript file nor Loupe weights (%2)</source>
        <translation>%1 ist weder ein mit torch.save gespeichertes State-Dict noch eine TorchScript-Datei noch Loupe-Gewichte (%2)</translation>
    </message>
    <message>
        <source>the file holds a backbone: %1 tensors around it (feature pyramid, heads) stay freshly initialised</source>
        <translation>die Datei enthält ein Backbone: %1 Tensoren darum (Merkmalspyramide, Köpfe) bleiben frisch initialisiert</translation>
    </message>
</context>
<context>
    <name>loupe::ObjectStatsChart</name>
    <message>
        <source>shorter side of the object (px)</source>
        <translation>kürzere Seite des Objekts (px)</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>where object centres sit (share of width, height)</source>
        <translation>wo Objektmittelpunkte liegen (Anteil an Breite, Höhe)</translation>
    </message>
</context>
<context>
    <name>loupe::OverfitCheck</name>
    <message>
        <source>the overfit check needs at least two classes; this dataset has %1</source>
        <translation>der Overfit-Check braucht mindestens zwei Klassen; dieser Datensatz hat %1</translation>
    </message>
    <message>
        <source>the overfit check needs %1 labelled images; this dataset has %2</source>
        <translation>der Overfit-Check braucht %1 Bilder mit Label; dieser Datensatz hat %2</translation>
    </message>
    <message>
        <source>cannot read the images of the overfit check: %1</source>
        <translation>die Bilder des Overfit-Checks können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>training loss is %1 after %2 steps, not below %3</source>
        <translation>der Trainingsverlust ist nach %2 Schritten %1, nicht unter %3</translation>
    </message>
    <message>
        <source>passed: the model learned all %1 images (loss %2 after %3 steps)</source>
        <translation>bestanden: Das Modell hat alle %1 Bilder gelernt (Verlust %2 nach %3 Schritten)</translation>
    </message>
    <message>
        <source>failed: %1. Likely causes: (1) the crop or resize used in training differs from evaluation; (2) the images or labels are not loaded properly; (3) the learning rate is too high.</source>
        <translation>nicht bestanden: %1. Wahrscheinliche Ursachen: (1) Zuschnitt oder Skalierung im Training unterscheiden sich von der Evaluierung; (2) die Bilder oder Labels werden nicht richtig geladen; (3) die Lernrate ist zu hoch.</translation>
    </message>
</context>
<context>
    <name>loupe::Pipeline</name>
    <message>
        <source>expected an 8-bit image; steps after normalize are not supported</source>
        <translation>erwartet ein 8-Bit-Bild; Schritte nach normalize werden nicht unterstützt</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>expected a number above %1 and at most %2</source>
        <translation>erwartet eine Zahl größer als %1 und höchstens %2</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2</source>
        <translation>erwartet eine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>expected %1 values, as many as mean has, found %2</source>
        <translation>erwartet %1 Werte, so viele wie mean hat, gefunden: %2</translation>
    </message>
    <message>
        <source>expected either width and height or min_scale and max_scale, not both</source>
        <translation>erwartet entweder width und height oder min_scale und max_scale, nicht beides</translation>
    </message>
    <message>
        <source>missing; expected one of %1</source>
        <translation>fehlt; erwartet eines von %1</translation>
    </message>
    <message>
        <source>unknown step type %1; expected one of %2</source>
        <translation>unbekannter Schritttyp %1; erwartet eines von %2</translation>
    </message>
</context>
<context>
    <name>loupe::PngPalette</name>
    <message>
        <source>damaged palette PNG header</source>
        <translation>beschädigter Kopf eines Paletten-PNG</translation>
    </message>
    <message>
        <source>PNG claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation>PNG gibt %1×%2 Pixel an, mehr als die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>truncated PNG (chunk runs past the end of the file)</source>
        <translation>abgeschnittenes PNG (Chunk reicht über das Dateiende hinaus)</translation>
    </message>
    <message>
        <source>truncated PNG (no IEND chunk)</source>
        <translation>abgeschnittenes PNG (kein IEND-Chunk)</translation>
    </message>
    <message>
        <source>palette PNG without a palette (no PLTE chunk)</source>
        <translation>Paletten-PNG ohne Palette (kein PLTE-Chunk)</translation>
    </message>
    <message>
        <source>damaged PNG pixel data (zlib: %1)</source>
        <translation>beschädigte PNG-Pixeldaten (zlib: %1)</translation>
    </message>
    <message>
        <source>damaged PNG pixel data (unknown row filter)</source>
        <translation>beschädigte PNG-Pixeldaten (unbekannter Zeilenfilter)</translation>
    </message>
</context>
<context>
    <name>loupe::Precision</name>
    <message>
        <source>unknown precision &quot;%1&quot;; use auto, fp32 or bf16</source>
        <translation>unbekannte Genauigkeit &quot;%1&quot;; möglich sind auto, fp32 und bf16</translation>
    </message>
    <message>
        <source>precision fp32: float32, as asked</source>
        <translation>Genauigkeit fp32: float32, wie verlangt</translation>
    </message>
    <message>
        <source>precision bf16: bfloat16 autocast, as asked (CPU: %1)</source>
        <translation>Genauigkeit bf16: bfloat16-Autocast, wie verlangt (CPU: %1)</translation>
    </message>
    <message>
        <source>precision bf16: bfloat16 autocast, as asked; this CPU has no bfloat16 instructions, so it is emulated and slower than float32</source>
        <translation>Genauigkeit bf16: bfloat16-Autocast, wie verlangt; diese CPU hat keine bfloat16-Befehle, daher wird es emuliert und ist langsamer als float32</translation>
    </message>
    <message>
        <source>precision auto: bfloat16 autocast, since the CPU has %1</source>
        <translation>Genauigkeit auto: bfloat16-Autocast, da die CPU %1 hat</translation>
    </message>
    <message>
        <source>precision auto: float32, since the CPU has no bfloat16 instructions (AVX512-BF16 or AMX-BF16)</source>
        <translation>Genauigkeit auto: float32, da die CPU keine bfloat16-Befehle hat (AVX512-BF16 oder AMX-BF16)</translation>
    </message>
</context>
<context>
    <name>loupe::PredictionDelegate</name>
    <message>
        <source>→ %1 (unsaved)</source>
        <translation>→ %1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>%1% confident</source>
        <translation>%1% Konfidenz</translation>
    </message>
</context>
<context>
    <name>loupe::PredictionHistoryPlot</name>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>No history for this image</source>
        <translation>Kein Verlauf für dieses Bild</translation>
    </message>
</context>
<context>
    <name>loupe::PredictionModel</name>
    <message>
        <source>%1
true: %2, predicted: %3 (%4%), loss %5</source>
        <translation>%1
wahr: %2, vorhergesagt: %3 (%4%), Verlust %5</translation>
    </message>
    <message>
        <source>relabelled as %1 (not saved yet)</source>
        <translation>umgelabelt als %1 (noch nicht gespeichert)</translation>
    </message>
    <message>
        <source>not in the open dataset</source>
        <translation>nicht im geöffneten Datensatz</translation>
    </message>
</context>
<context>
    <name>loupe::Predictions</name>
    <message>
        <source>cannot read it: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>Text nach dem schließenden Anführungszeichen eines Feldes</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>ein Feld in Anführungszeichen ist nicht geschlossen</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a number</source>
        <translation>%1 „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <source>cannot write %1: the prediction of %2 does not fit the %3 classes</source>
        <translation>%1 kann nicht geschrieben werden: Die Vorhersage für %2 passt nicht zu den %3 Klassen</translation>
    </message>
    <message>
        <source>the file is empty; expected the header %1</source>
        <translation>die Datei ist leer; erwartet wurde die Kopfzeile %1</translation>
    </message>
    <message>
        <source>column %1 is &quot;%2&quot;; expected the header %3</source>
        <translation>Spalte %1 ist „%2“; erwartet wurde die Kopfzeile %3</translation>
    </message>
    <message>
        <source>class &quot;%1&quot; has two probability columns</source>
        <translation>Klasse „%1“ hat zwei Wahrscheinlichkeitsspalten</translation>
    </message>
    <message>
        <source>no p:&lt;class&gt; probability columns after loss; expected the header %1</source>
        <translation>keine p:&lt;class&gt;-Wahrscheinlichkeitsspalten nach loss; erwartet wurde die Kopfzeile %1</translation>
    </message>
    <message>
        <source>unexpected column &quot;%1&quot;; after the p:&lt;class&gt; columns only split and epoch may follow</source>
        <translation>unerwartete Spalte „%1“; nach den p:&lt;class&gt;-Spalten dürfen nur split und epoch folgen</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of the classes of the p: columns (%3)</source>
        <translation>%1 „%2“ ist keine der Klassen der p:-Spalten (%3)</translation>
    </message>
    <message>
        <source>expected %1 fields as in the header, found %2</source>
        <translation>erwartet %1 Felder wie in der Kopfzeile, gefunden: %2</translation>
    </message>
    <message>
        <source>%1 is %2; a probability lies between 0 and 1</source>
        <translation>%1 ist %2; eine Wahrscheinlichkeit liegt zwischen 0 und 1</translation>
    </message>
    <message>
        <source>split &quot;%1&quot; differs from the first line&apos;s &quot;%2&quot;</source>
        <translation>split „%1“ weicht von „%2“ in der ersten Zeile ab</translation>
    </message>
    <message>
        <source>epoch &quot;%1&quot; is not a whole number of at least 0</source>
        <translation>epoch „%1“ ist keine ganze Zahl ab 0</translation>
    </message>
    <message>
        <source>epoch %1 differs from the first line&apos;s %2</source>
        <translation>epoch %1 weicht von %2 in der ersten Zeile ab</translation>
    </message>
    <message>
        <source>cannot write %1: %2 paths but %3 true classes</source>
        <translation>%1 kann nicht geschrieben werden: %2 Pfade, aber %3 wahre Klassen</translation>
    </message>
    <message>
        <source>cannot write %1: epoch %2 does not have one answer per path</source>
        <translation>%1 kann nicht geschrieben werden: Epoche %2 hat nicht genau eine Antwort pro Pfad</translation>
    </message>
    <message>
        <source>expected a JSON object (%1)</source>
        <translation>erwartet ein JSON-Objekt (%1)</translation>
    </message>
    <message>
        <source>expected the first line to hold the arrays classes, paths and truth</source>
        <translation>erwartet, dass die erste Zeile die Arrays classes, paths und truth enthält</translation>
    </message>
    <message>
        <source>classes holds something that is not a name</source>
        <translation>classes enthält etwas, das kein Name ist</translation>
    </message>
    <message>
        <source>paths holds something that is not a path</source>
        <translation>paths enthält etwas, das kein Pfad ist</translation>
    </message>
    <message>
        <source>truth has %1 entries for %2 paths</source>
        <translation>truth hat %1 Einträge für %2 Pfade</translation>
    </message>
    <message>
        <source>truth holds %1, not a class index below %2</source>
        <translation>truth enthält %1, keinen Klassenindex unter %2</translation>
    </message>
    <message>
        <source>expected &quot;epoch&quot; to be a whole number of at least 0</source>
        <translation>erwartet, dass „epoch“ eine ganze Zahl ab 0 ist</translation>
    </message>
    <message>
        <source>epoch %1 comes after epoch %2; epochs must ascend</source>
        <translation>Epoche %1 folgt auf Epoche %2; die Epochen müssen aufsteigen</translation>
    </message>
    <message>
        <source>expected the arrays predicted and confidence</source>
        <translation>erwartet die Arrays predicted und confidence</translation>
    </message>
    <message>
        <source>expected one answer per path (%1); predicted has %2, confidence %3</source>
        <translation>erwartet eine Antwort pro Pfad (%1); predicted hat %2, confidence %3</translation>
    </message>
    <message>
        <source>predicted entry %1 is not a class index below %2</source>
        <translation>predicted-Eintrag %1 ist kein Klassenindex unter %2</translation>
    </message>
    <message>
        <source>confidence entry %1 is not a number</source>
        <translation>confidence-Eintrag %1 ist keine Zahl</translation>
    </message>
    <message>
        <source>the file is empty; expected a first line with classes, paths and truth</source>
        <translation>die Datei ist leer; erwartet eine erste Zeile mit classes, paths und truth</translation>
    </message>
</context>
<context>
    <name>loupe::PredictionsPanel</name>
    <message>
        <source>Relabel %1 as %2</source>
        <translation>%1 als %2 umlabeln</translation>
    </message>
    <message>
        <source>Mispredicted only</source>
        <translation>Nur Fehlvorhersagen</translation>
    </message>
    <message>
        <source>Row-normalised</source>
        <translation>Zeilennormiert</translation>
    </message>
    <message>
        <source>Mark as mislabelled…</source>
        <translation>Als falsch gelabelt markieren…</translation>
    </message>
    <message>
        <source>Grad-CAM for %1 (the model gives it %2)</source>
        <translation>Grad-CAM für %1 (Wahrscheinlichkeit laut Modell: %2)</translation>
    </message>
    <message>
        <source>No Grad-CAM: %1</source>
        <translation>Kein Grad-CAM: %1</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Runs of this dataset that saved predictions, newest first</source>
        <translation>Läufe dieses Datensatzes mit gespeicherten Vorhersagen, neueste zuerst</translation>
    </message>
    <message>
        <source>Which images the predictions are of</source>
        <translation>Zu welchen Bildern die Vorhersagen gehören</translation>
    </message>
    <message>
        <source>Run </source>
        <translation>Lauf </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>List the runs again (a run finished meanwhile)</source>
        <translation>Läufe neu auflisten (falls inzwischen ein Lauf fertig wurde)</translation>
    </message>
    <message>
        <source>  Split </source>
        <translation>  Split </translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Labels speichern</translation>
    </message>
    <message>
        <source>Write the relabelled images to the dataset&apos;s label files (a backup is made first)</source>
        <translation>Die umgelabelten Bilder in die Label-Dateien des Datensatzes schreiben (vorher wird eine Sicherung angelegt)</translation>
    </message>
    <message>
        <source>Export matrix…</source>
        <translation>Matrix exportieren…</translation>
    </message>
    <message>
        <source>Export the confusion matrix</source>
        <translation>Konfusionsmatrix exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Confusion matrix saved as %1.</source>
        <translation>Konfusionsmatrix als %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>True class</source>
        <translation>Wahre Klasse</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Vorhergesagte Klasse</translation>
    </message>
    <message>
        <source>Lowest confidence of the predicted class</source>
        <translation>Niedrigste Konfidenz der vorhergesagten Klasse</translation>
    </message>
    <message>
        <source>Highest confidence of the predicted class</source>
        <translation>Höchste Konfidenz der vorhergesagten Klasse</translation>
    </message>
    <message>
        <source>Loss, highest first</source>
        <translation>Verlust, höchster zuerst</translation>
    </message>
    <message>
        <source>Loss, lowest first</source>
        <translation>Verlust, niedrigster zuerst</translation>
    </message>
    <message>
        <source>Confidence, highest first</source>
        <translation>Konfidenz, höchste zuerst</translation>
    </message>
    <message>
        <source>Confidence, lowest first</source>
        <translation>Konfidenz, niedrigste zuerst</translation>
    </message>
    <message>
        <source>File order</source>
        <translation>Dateireihenfolge</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <source>Rows: true class, columns: predicted. Click a cell to see its images.</source>
        <translation>Zeilen: wahre Klasse, Spalten: vorhergesagte. Klicken Sie auf eine Zelle, um ihre Bilder zu sehen.</translation>
    </message>
    <message>
        <source>Divide each row by its count: the diagonal then reads as recall</source>
        <translation>Jede Zeile durch ihre Summe teilen: Die Diagonale zeigt dann den Recall</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous image in the gallery (Left)</source>
        <translation>Vorheriges Bild in der Galerie (Links)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next image in the gallery (Right)</source>
        <translation>Nächstes Bild in der Galerie (Rechts)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the image to the window (F)</source>
        <translation>Bild in das Fenster einpassen (F)</translation>
    </message>
    <message>
        <source>Grad-CAM:</source>
        <translation>Grad-CAM:</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>Where the model looked to answer the predicted class</source>
        <translation>Wohin das Modell geschaut hat, um die vorhergesagte Klasse zu wählen</translation>
    </message>
    <message>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <source>Where the model would look for the true class</source>
        <translation>Wohin das Modell für die wahre Klasse schauen würde</translation>
    </message>
    <message>
        <source>&lt;b&gt;Top 3 classes&lt;/b&gt;</source>
        <translation>&lt;b&gt;Top-3-Klassen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Confidence of the predicted class after each epoch: dot right, cross wrong; a dashed line where the answer changed</source>
        <translation>Konfidenz der vorhergesagten Klasse nach jeder Epoche: Punkt richtig, Kreuz falsch; eine gestrichelte Linie, wo sich die Antwort geändert hat</translation>
    </message>
    <message>
        <source>The label is wrong, not the model: give the image its right class (saved with Save labels)</source>
        <translation>Das Label ist falsch, nicht das Modell: dem Bild seine richtige Klasse geben (gespeichert mit „Labels speichern“)</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved label change(s) for %1 were dropped: another dataset was opened.</source>
        <translation>
            <numerusform>%n nicht gespeicherte Label-Änderung für %1 wurde verworfen: Ein anderer Datensatz wurde geöffnet.</numerusform>
            <numerusform>%n nicht gespeicherte Label-Änderungen für %1 wurden verworfen: Ein anderer Datensatz wurde geöffnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>, dev macro F1 %1</source>
        <translation>, Dev-Makro-F1 %1</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Dev</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Open a dataset, train a model on the Train page, then study its mistakes here.</source>
        <translation>Öffnen Sie einen Datensatz, trainieren Sie auf der Seite „Training“ ein Modell und untersuchen Sie dann hier seine Fehler.</translation>
    </message>
    <message>
        <source>No run of this dataset has saved predictions yet: train one on the Train page (runs are kept in %1).</source>
        <translation>Noch kein Lauf dieses Datensatzes hat Vorhersagen gespeichert: Trainieren Sie einen auf der Seite „Training“ (Läufe liegen in %1).</translation>
    </message>
    <message>
        <source>The history across epochs cannot be read: %1</source>
        <translation>Der Verlauf über die Epochen kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot show the predictions: %1</source>
        <translation>Die Vorhersagen können nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; images, epoch %2: &lt;b&gt;%3&lt;/b&gt; right (%4), &lt;b style=&apos;color:#c62828&apos;&gt;%5&lt;/b&gt; wrong.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Bilder, Epoche %2: &lt;b&gt;%3&lt;/b&gt; richtig (%4), &lt;b style=&apos;color:#c62828&apos;&gt;%5&lt;/b&gt; falsch.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are not in the open dataset (moved, renamed or deleted since the run).</source>
        <translation>
            <numerusform>%n davon ist nicht im geöffneten Datensatz (seit dem Lauf verschoben, umbenannt oder gelöscht).</numerusform>
            <numerusform>%n davon sind nicht im geöffneten Datensatz (seit dem Lauf verschoben, umbenannt oder gelöscht).</numerusform>
        </translation>
    </message>
    <message>
        <source>The run saved no predictions for %1.</source>
        <translation>Der Lauf hat keine Vorhersagen für %1 gespeichert.</translation>
    </message>
    <message>
        <source>Grad-CAM needs the run&apos;s checkpoint</source>
        <translation>Grad-CAM braucht den Checkpoint des Laufs</translation>
    </message>
    <message>
        <source>No predictions to show.</source>
        <translation>Keine Vorhersagen zum Anzeigen.</translation>
    </message>
    <message>
        <source>Open a dataset to study its predictions.</source>
        <translation>Öffnen Sie einen Datensatz, um seine Vorhersagen zu untersuchen.</translation>
    </message>
    <message>
        <source>Any true class</source>
        <translation>Alle wahren Klassen</translation>
    </message>
    <message>
        <source>Any prediction</source>
        <translation>Alle Vorhersagen</translation>
    </message>
    <message numerus="yes">
        <source>Confusion matrix cell: the %n image(s) of %1 predicted right.</source>
        <translation>
            <numerusform>Zelle der Konfusionsmatrix: %n richtig vorhergesagtes Bild der Klasse %1.</numerusform>
            <numerusform>Zelle der Konfusionsmatrix: %n richtig vorhergesagte Bilder der Klasse %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confusion matrix cell: the %n image(s) of %1 predicted as %2.</source>
        <translation>
            <numerusform>Zelle der Konfusionsmatrix: %n Bild der Klasse %1, vorhergesagt als %2.</numerusform>
            <numerusform>Zelle der Konfusionsmatrix: %n Bilder der Klasse %1, vorhergesagt als %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No predictions</source>
        <translation>Keine Vorhersagen</translation>
    </message>
    <message>
        <source>showing %1 of %2</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>Gallery (%1 of %2)</source>
        <translation>Galerie (%1 von %2)</translation>
    </message>
    <message>
        <source>Gallery (%1)</source>
        <translation>Galerie (%1)</translation>
    </message>
    <message>
        <source>%1 is not in the open dataset (moved, renamed or deleted since the run).</source>
        <translation>%1 ist nicht im geöffneten Datensatz (seit dem Lauf verschoben, umbenannt oder gelöscht).</translation>
    </message>
    <message>
        <source>Computing Grad-CAM for %1…</source>
        <translation>Grad-CAM für %1 wird berechnet…</translation>
    </message>
    <message>
        <source>No image selected</source>
        <translation>Kein Bild ausgewählt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Across epochs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Über die Epochen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Ground truth</source>
        <translation>Ground Truth</translation>
    </message>
    <message>
        <source>dataset now: %1</source>
        <translation>jetzt im Datensatz: %1</translation>
    </message>
    <message>
        <source>→ %1 (unsaved)</source>
        <translation>→ %1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Confidence %1 · loss %2 · %3</source>
        <translation>Konfidenz %1 · Verlust %2 · %3</translation>
    </message>
    <message>
        <source>The run saved no history</source>
        <translation>Der Lauf hat keinen Verlauf gespeichert</translation>
    </message>
    <message>
        <source>History is kept for dev images</source>
        <translation>Ein Verlauf wird nur für Dev-Bilder gespeichert</translation>
    </message>
    <message>
        <source>Not in the run&apos;s history</source>
        <translation>Nicht im Verlauf des Laufs</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Across epochs&lt;/b&gt; · &lt;span style=&apos;color:#c87000&apos;&gt;%n flip(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Über die Epochen&lt;/b&gt; · &lt;span style=&apos;color:#c87000&apos;&gt;%n Wechsel&lt;/span&gt;</numerusform>
            <numerusform>&lt;b&gt;Über die Epochen&lt;/b&gt; · &lt;span style=&apos;color:#c87000&apos;&gt;%n Wechsel&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as mislabelled</source>
        <translation>Als falsch gelabelt markieren</translation>
    </message>
    <message>
        <source>The right class for %1
(pick one, or type a new class name):</source>
        <translation>Die richtige Klasse für %1
(wählen Sie eine aus oder geben Sie einen neuen Klassennamen ein):</translation>
    </message>
    <message>
        <source>%1 is already labelled %2.</source>
        <translation>%1 hat bereits das Label %2.</translation>
    </message>
    <message>
        <source>%1 will be labelled %2 when you save the labels.</source>
        <translation>%1 erhält das Label %2, wenn Sie die Labels speichern.</translation>
    </message>
    <message>
        <source>Save labels (%1)</source>
        <translation>Labels speichern (%1)</translation>
    </message>
    <message>
        <source>No label changes to save.</source>
        <translation>Keine Label-Änderungen zu speichern.</translation>
    </message>
    <message>
        <source>The dataset is being read again; save once it is open.</source>
        <translation>Der Datensatz wird neu gelesen; speichern Sie, sobald er geöffnet ist.</translation>
    </message>
    <message numerus="yes">
        <source>The labels were not saved: %1. The dataset is unchanged; your %n edit(s) are still pending.</source>
        <translation>
            <numerusform>Die Labels wurden nicht gespeichert: %1. Der Datensatz ist unverändert; Ihre %n Änderung ist noch offen.</numerusform>
            <numerusform>Die Labels wurden nicht gespeichert: %1. Der Datensatz ist unverändert; Ihre %n Änderungen sind noch offen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n label change(s). The original files are backed up in %1.</source>
        <translation>
            <numerusform>%n Label-Änderung gespeichert. Die Originaldateien sind in %1 gesichert.</numerusform>
            <numerusform>%n Label-Änderungen gespeichert. Die Originaldateien sind in %1 gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the dataset again…</source>
        <translation>Datensatz wird neu gelesen…</translation>
    </message>
    <message>
        <source>Unsaved label changes</source>
        <translation>Nicht gespeicherte Label-Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) were relabelled on the Predictions page but not saved. Save the labels first?</source>
        <translation>
            <numerusform>%n Bild wurde auf der Seite „Vorhersagen“ umgelabelt, aber nicht gespeichert. Zuerst die Labels speichern?</numerusform>
            <numerusform>%n Bilder wurden auf der Seite „Vorhersagen“ umgelabelt, aber nicht gespeichert. Zuerst die Labels speichern?</numerusform>
        </translation>
    </message>
    <message>
        <source>The label is wrong, not the model: give the image its right class (saved with Save labels) (%1)</source>
        <translation>Das Label ist falsch, nicht das Modell: dem Bild seine richtige Klasse geben (gespeichert mit „Labels speichern“) (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Saving %n label change(s)…</source>
        <translation>
            <numerusform>%n Label-Änderung wird gespeichert…</numerusform>
            <numerusform>%n Label-Änderungen werden gespeichert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 keeps its label %2.</source>
        <translation>%1 behält sein Label %2.</translation>
    </message>
    <message>
        <source>No label changes pending.</source>
        <translation>Keine offenen Label-Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n label change(s) pending.</source>
        <translation>
            <numerusform>%n Label-Änderung ist offen.</numerusform>
            <numerusform>%n Label-Änderungen sind offen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to their new class folders. The moves are listed in %1 (to undo them by hand).</source>
        <translation>
            <numerusform>%n Bild in seinen neuen Klassenordner verschoben. Die Verschiebungen sind in %1 aufgeführt (um sie von Hand rückgängig zu machen).</numerusform>
            <numerusform>%n Bilder in ihre neuen Klassenordner verschoben. Die Verschiebungen sind in %1 aufgeführt (um sie von Hand rückgängig zu machen).</numerusform>
        </translation>
    </message>
    <message>
        <source>At %1 px input the model&apos;s last feature map is only %2 × %3 cells, too coarse to show where it looked; train at %4 px or more for a %5 × %5 map.</source>
        <translation>Bei %1 px Eingabe ist die letzte Feature-Map des Modells nur %2 × %3 Zellen groß, zu grob, um zu zeigen, wohin es geschaut hat; trainieren Sie mit %4 px oder mehr für eine %5 × %5-Karte.</translation>
    </message>
    <message>
        <source> (detection)</source>
        <translation> (Detektion)</translation>
    </message>
    <message>
        <source>The run saved no detections for %1.</source>
        <translation>Der Lauf hat keine Detektionen für %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>loupe::Project</name>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>erwartet eine Zeichenkette, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>erwartet eine Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>expected an object of names, found %1</source>
        <translation>erwartet ein Objekt mit Namen, gefunden: %1</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>erwartet %1, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a finite number</source>
        <translation>erwartet eine endliche Zahl</translation>
    </message>
    <message>
        <source>expected a whole number of 0 or more, found &quot;%1&quot;</source>
        <translation>erwartet eine ganze Zahl ab 0, gefunden: „%1“</translation>
    </message>
    <message>
        <source>expected a whole number of 0 or more, found %1</source>
        <translation>erwartet eine ganze Zahl ab 0, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 2^53 (larger seeds as a string), found %1</source>
        <translation>erwartet eine ganze Zahl von 0 bis 2^53 (größere Seeds als Zeichenkette), gefunden: %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>expected valid JSON: %1</source>
        <translation>erwartet gültiges JSON: %1</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>erwartet ein JSON-Objekt</translation>
    </message>
    <message>
        <source>cannot write %1: cannot create the folder %2</source>
        <translation>%1 kann nicht geschrieben werden: Der Ordner %2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The old presets file is left as it is and not used: %1</source>
        <translation>Die alte Voreinstellungsdatei bleibt unverändert und wird nicht verwendet: %1</translation>
    </message>
    <message>
        <source>%1 is not used: the presets are kept in %2.</source>
        <translation>%1 wird nicht verwendet: Die Voreinstellungen liegen in %2.</translation>
    </message>
    <message>
        <source>The presets in %1 are not taken in: %2</source>
        <translation>Die Voreinstellungen in %1 werden nicht übernommen: %2</translation>
    </message>
    <message>
        <source>Presets taken in from %1 into %2; the old file is kept as %3.</source>
        <translation>Voreinstellungen aus %1 in %2 übernommen; die alte Datei bleibt als %3 erhalten.</translation>
    </message>
    <message>
        <source>Presets taken in from %1 into %2.</source>
        <translation>Voreinstellungen aus %1 in %2 übernommen.</translation>
    </message>
</context>
<context>
    <name>loupe::Ranking</name>
    <message>
        <source>Macro F1</source>
        <translation>Makro-F1</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Dev loss</source>
        <translation>Dev-Verlust</translation>
    </message>
    <message>
        <source>mAP</source>
        <translation>mAP</translation>
    </message>
    <message>
        <source>mIoU</source>
        <translation>mIoU</translation>
    </message>
    <message>
        <source>Best dev macro F1</source>
        <translation>Bester Dev-Makro-F1</translation>
    </message>
    <message>
        <source>Best dev accuracy</source>
        <translation>Beste Dev-Genauigkeit</translation>
    </message>
    <message>
        <source>Lowest dev loss</source>
        <translation>Niedrigster Dev-Verlust</translation>
    </message>
    <message>
        <source>Best dev mAP</source>
        <translation>Bester Dev-mAP</translation>
    </message>
</context>
<context>
    <name>loupe::RecentDatasetsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation>Keine zuletzt geöffneten Datensätze</translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation>Menü leeren</translation>
    </message>
</context>
<context>
    <name>loupe::RunEvaluation</name>
    <message>
        <source>%1 names no classes</source>
        <translation>%1 nennt keine Klassen</translation>
    </message>
    <message>
        <source>%1 has no checkpoint to evaluate yet</source>
        <translation>%1 hat noch keinen Checkpoint zum Evaluieren</translation>
    </message>
    <message>
        <source>class &quot;%1&quot; of the dataset is not one the run was trained on (%2)</source>
        <translation>die Klasse „%1“ des Datensatzes gehört nicht zu denen, auf die der Lauf trainiert wurde (%2)</translation>
    </message>
    <message>
        <source>the dataset has no labelled images to evaluate</source>
        <translation>der Datensatz hat keine Bilder mit Label zum Evaluieren</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the dataset has no images to evaluate</source>
        <translation>der Datensatz hat keine Bilder zum Auswerten</translation>
    </message>
    <message>
        <source>the dataset has no masks to score a segmentation run against (mask folders, MVTec AD or COCO polygons)</source>
        <translation>der Datensatz hat keine Masken, an denen ein Segmentierungslauf gemessen werden kann (Maskenordner, MVTec AD oder COCO-Polygone)</translation>
    </message>
</context>
<context>
    <name>loupe::RunFolder</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Loupe run folder: no readable config.json</source>
        <translation>%1 ist kein Loupe-Laufordner: keine lesbare config.json</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <source>expected a JSON object (%1)</source>
        <translation>erwartet ein JSON-Objekt (%1)</translation>
    </message>
</context>
<context>
    <name>loupe::RunReport</name>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>the split should be dev or test, not &quot;%1&quot;</source>
        <translation>der Split sollte dev oder test sein, nicht „%1“</translation>
    </message>
    <message>
        <source>%1 has no %2 predictions (%3): evaluate the run first</source>
        <translation>%1 hat keine %2-Vorhersagen (%3): Evaluieren Sie den Lauf zuerst</translation>
    </message>
    <message>
        <source>Loupe run %1</source>
        <translation>Loupe-Lauf %1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 predictions on %4, weights of epoch %5</source>
        <translation>%1 · %2 · %3 Vorhersagen auf %4, Gewichte von Epoche %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Accuracy %1, macro F1 %2, mean average precision %3</source>
        <translation>Genauigkeit %1, Makro-F1 %2, Mean Average Precision %3</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>Trainingskurven</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>dev loss</source>
        <translation>Dev-Verlust</translation>
    </message>
    <message>
        <source>dev accuracy</source>
        <translation>Dev-Genauigkeit</translation>
    </message>
    <message>
        <source>dev macro F1</source>
        <translation>Dev-Makro-F1</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>best</source>
        <translation>Bestwert</translation>
    </message>
    <message>
        <source>Dev metrics</source>
        <translation>Dev-Metriken</translation>
    </message>
    <message>
        <source>score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>support</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>average precision</source>
        <translation>Average Precision</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>macro</source>
        <translation>Makro</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>true ↓ predicted →</source>
        <translation>wahr ↓ vorhergesagt →</translation>
    </message>
    <message>
        <source>%1 % of the true %2</source>
        <translation>%1 % der wahren %2</translation>
    </message>
    <message>
        <source>Precision–recall per class</source>
        <translation>Präzision–Recall pro Klasse</translation>
    </message>
    <message>
        <source>%1 (AP %2)</source>
        <translation>%1 (AP %2)</translation>
    </message>
    <message>
        <source>%1 (no positives)</source>
        <translation>%1 (keine Positiven)</translation>
    </message>
    <message>
        <source>Worst mispredictions (highest loss)</source>
        <translation>Schlimmste Fehlvorhersagen (höchster Verlust)</translation>
    </message>
    <message>
        <source>No image is mispredicted.</source>
        <translation>Kein Bild ist falsch vorhergesagt.</translation>
    </message>
    <message>
        <source>image not readable</source>
        <translation>Bild nicht lesbar</translation>
    </message>
    <message>
        <source>true: %1</source>
        <translation>wahr: %1</translation>
    </message>
    <message>
        <source>predicted: %1 (%2 %)</source>
        <translation>vorhergesagt: %1 (%2 %)</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <source>Written by Loupe from %1</source>
        <translation>Von Loupe aus %1 erstellt</translation>
    </message>
    <message>
        <source>the report was cancelled</source>
        <translation>der Bericht wurde abgebrochen</translation>
    </message>
    <message>
        <source>missed: %1</source>
        <translation>übersehen: %1</translation>
    </message>
    <message>
        <source>%1, found as another class</source>
        <translation>%1, als andere Klasse gefunden</translation>
    </message>
    <message>
        <source>%1, found</source>
        <translation>%1, gefunden</translation>
    </message>
    <message>
        <source>wrong class: %1 (%2) on a %3</source>
        <translation>falsche Klasse: %1 (%2) auf %3</translation>
    </message>
    <message>
        <source>false positive: %1 (%2)</source>
        <translation>falsch positiv: %1 (%2)</translation>
    </message>
    <message>
        <source>true positive: %1 (%2), IoU %3</source>
        <translation>richtig positiv: %1 (%2), IoU %3</translation>
    </message>
    <message>
        <source>true positive (detection)</source>
        <translation>richtig positiv (Detektion)</translation>
    </message>
    <message>
        <source>object found</source>
        <translation>gefundenes Objekt</translation>
    </message>
    <message>
        <source>false positive (on no object)</source>
        <translation>falsch positiv (auf keinem Objekt)</translation>
    </message>
    <message>
        <source>missed object (false negative)</source>
        <translation>übersehenes Objekt (falsch negativ)</translation>
    </message>
    <message>
        <source>wrong class (detection)</source>
        <translation>falsche Klasse (Detektion)</translation>
    </message>
    <message>
        <source>object named wrongly</source>
        <translation>falsch benanntes Objekt</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluated image(s) are not in the dataset and are left out.</source>
        <translation>
            <numerusform>%n ausgewertetes Bild ist nicht im Datensatz und wird ausgelassen.</numerusform>
            <numerusform>%n ausgewertete Bilder sind nicht im Datensatz und werden ausgelassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) of a class the run does not know are left out.</source>
        <translation>
            <numerusform>%n Box einer Klasse, die der Lauf nicht kennt, wird ausgelassen.</numerusform>
            <numerusform>%n Boxen von Klassen, die der Lauf nicht kennt, werden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is a detection run: its report needs the dataset, which holds the ground-truth boxes</source>
        <translation>%1 ist ein Detektionslauf: Sein Bericht braucht den Datensatz, der die Ground-Truth-Boxen enthält</translation>
    </message>
    <message>
        <source>%1 · %2 · detections on %3 %4 images</source>
        <translation>%1 · %2 · Detektionen auf %3 %4-Bildern</translation>
    </message>
    <message>
        <source>Anchors %1</source>
        <translation>Anker %1</translation>
    </message>
    <message>
        <source>coverage %1 % (default anchors %2 %)</source>
        <translation>Abdeckung %1 % (Standardanker %2 %)</translation>
    </message>
    <message>
        <source>mAP@[.50:.95]</source>
        <translation>mAP@[.50:.95]</translation>
    </message>
    <message>
        <source>AP50</source>
        <translation>AP50</translation>
    </message>
    <message>
        <source>AP75</source>
        <translation>AP75</translation>
    </message>
    <message>
        <source>At score threshold %1 and IoU 0.5: %2 true positives, %3 false positives, %4 missed, %5 wrong class.</source>
        <translation>Bei Score-Schwelle %1 und IoU 0,5: %2 richtig positiv, %3 falsch positiv, %4 übersehen, %5 falsche Klasse.</translation>
    </message>
    <message>
        <source>train classification</source>
        <translation>Training Klassifikation</translation>
    </message>
    <message>
        <source>dev classification</source>
        <translation>Dev Klassifikation</translation>
    </message>
    <message>
        <source>train box</source>
        <translation>Training Box</translation>
    </message>
    <message>
        <source>dev box</source>
        <translation>Dev Box</translation>
    </message>
    <message>
        <source>dev mAP</source>
        <translation>Dev-mAP</translation>
    </message>
    <message>
        <source>dev AP50</source>
        <translation>Dev-AP50</translation>
    </message>
    <message>
        <source>dev AP75</source>
        <translation>Dev-AP75</translation>
    </message>
    <message>
        <source>Loss parts</source>
        <translation>Verlustanteile</translation>
    </message>
    <message>
        <source>Dev mAP</source>
        <translation>Dev-mAP</translation>
    </message>
    <message>
        <source>Average precision per class</source>
        <translation>Average Precision pro Klasse</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>true positives</source>
        <translation>richtig positiv</translation>
    </message>
    <message>
        <source>false positives</source>
        <translation>falsch positiv</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>übersehen</translation>
    </message>
    <message>
        <source>wrong class</source>
        <translation>falsche Klasse</translation>
    </message>
    <message>
        <source>AP as COCO computes it (pycocotools&apos; rules); – for a class without objects. The counts are at score threshold %1 and IoU 0.5; a wrong-class detection is counted under the class it names.</source>
        <translation>AP, wie COCO sie berechnet (Regeln von pycocotools); – für eine Klasse ohne Objekte. Die Zählungen gelten bei Score-Schwelle %1 und IoU 0,5; eine Detektion mit falscher Klasse zählt unter der Klasse, die sie nennt.</translation>
    </message>
    <message>
        <source>Precision–recall per class (IoU 0.5)</source>
        <translation>Precision–Recall pro Klasse (IoU 0,5)</translation>
    </message>
    <message>
        <source>%1 (no objects)</source>
        <translation>%1 (keine Objekte)</translation>
    </message>
    <message>
        <source>%1 (AP50 %2)</source>
        <translation>%1 (AP50 %2)</translation>
    </message>
    <message>
        <source>Worst images (most errors at score threshold %1)</source>
        <translation>Schlechteste Bilder (die meisten Fehler bei Score-Schwelle %1)</translation>
    </message>
    <message>
        <source>No image has an error.</source>
        <translation>Kein Bild hat einen Fehler.</translation>
    </message>
    <message>
        <source>%1 missed, %2 false positives, %3 wrong class</source>
        <translation>%1 übersehen, %2 falsch positiv, %3 falsche Klasse</translation>
    </message>
    <message>
        <source>%1 objects, %2 true positives</source>
        <translation>%1 Objekte, %2 richtig positiv</translation>
    </message>
</context>
<context>
    <name>loupe::RunStatus</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig beendet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>%1, %2 px, batch %3, %4 lr %5, %6 epochs</source>
        <translation>%1, %2 px, Batch %3, %4 Lernrate %5, %6 Epochen</translation>
    </message>
    <message>
        <source>loss blew up</source>
        <translation>Verlust explodiert</translation>
    </message>
</context>
<context>
    <name>loupe::RunsModel</name>
    <message>
        <source> (%1/%2 epochs)</source>
        <translation> (%1/%2 Epochen)</translation>
    </message>
    <message>
        <source>, can resume</source>
        <translation>, fortsetzbar</translation>
    </message>
    <message>
        <source>%1 (epoch %2)</source>
        <translation>%1 (Epoche %2)</translation>
    </message>
    <message>
        <source>dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
</context>
<context>
    <name>loupe::RunsPanel</name>
    <message>
        <source>Metrics CSV…</source>
        <translation>Metriken als CSV…</translation>
    </message>
    <message>
        <source>HTML report…</source>
        <translation>HTML-Bericht…</translation>
    </message>
    <message>
        <source>Confusion matrix PNG…</source>
        <translation>Konfusionsmatrix als PNG…</translation>
    </message>
    <message>
        <source>The one number that ranks this project&apos;s runs (saved in loupe.json).</source>
        <translation>Die eine Kennzahl, nach der die Läufe dieses Projekts sortiert werden (in loupe.json gespeichert).</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Per-class precision, recall, F1, support and average precision of the selected run (dev).</source>
        <translation>Präzision, Recall, F1, Anzahl und Average Precision pro Klasse für den ausgewählten Lauf (Dev).</translation>
    </message>
    <message>
        <source>One self-contained HTML file: config, curves, metrics, confusion matrix, PR curves and the worst mistakes.</source>
        <translation>Eine eigenständige HTML-Datei: Konfiguration, Kurven, Metriken, Konfusionsmatrix, PR-Kurven und die schlimmsten Fehler.</translation>
    </message>
    <message>
        <source>The selected run&apos;s dev confusion matrix as an image.</source>
        <translation>Die Dev-Konfusionsmatrix des ausgewählten Laufs als Bild.</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Export selected run:</source>
        <translation>Ausgewählten Lauf exportieren:</translation>
    </message>
    <message>
        <source>Select two runs (Ctrl+click) to compare them.</source>
        <translation>Wählen Sie zwei Läufe aus (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>P A</source>
        <translation>P A</translation>
    </message>
    <message>
        <source>P B</source>
        <translation>P B</translation>
    </message>
    <message>
        <source>ΔP</source>
        <translation>ΔP</translation>
    </message>
    <message>
        <source>R A</source>
        <translation>R A</translation>
    </message>
    <message>
        <source>R B</source>
        <translation>R B</translation>
    </message>
    <message>
        <source>ΔR</source>
        <translation>ΔR</translation>
    </message>
    <message>
        <source>F1 A</source>
        <translation>F1 A</translation>
    </message>
    <message>
        <source>F1 B</source>
        <translation>F1 B</translation>
    </message>
    <message>
        <source>ΔF1</source>
        <translation>ΔF1</translation>
    </message>
    <message>
        <source>Precision of run A</source>
        <translation>Präzision von Lauf A</translation>
    </message>
    <message>
        <source>Precision of run B</source>
        <translation>Präzision von Lauf B</translation>
    </message>
    <message>
        <source>Precision B − A</source>
        <translation>Präzision B − A</translation>
    </message>
    <message>
        <source>Recall of run A</source>
        <translation>Recall von Lauf A</translation>
    </message>
    <message>
        <source>Recall of run B</source>
        <translation>Recall von Lauf B</translation>
    </message>
    <message>
        <source>Recall B − A</source>
        <translation>Recall B − A</translation>
    </message>
    <message>
        <source>F1 of run A</source>
        <translation>F1 von Lauf A</translation>
    </message>
    <message>
        <source>F1 of run B</source>
        <translation>F1 von Lauf B</translation>
    </message>
    <message>
        <source>F1 B − A</source>
        <translation>F1 B − A</translation>
    </message>
    <message>
        <source>Loss (train —, dev - -)</source>
        <translation>Verlust (Training —, Dev - -)</translation>
    </message>
    <message>
        <source>Config (differences first, highlighted)</source>
        <translation>Konfiguration (Unterschiede zuerst, hervorgehoben)</translation>
    </message>
    <message>
        <source>Dev metrics per class (P precision, R recall, Δ = B − A)</source>
        <translation>Dev-Metriken pro Klasse (P Präzision, R Recall, Δ = B − A)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>No report: %1</source>
        <translation>Kein Bericht: %1</translation>
    </message>
    <message>
        <source>Open a dataset to see its runs.</source>
        <translation>Öffnen Sie einen Datensatz, um seine Läufe zu sehen.</translation>
    </message>
    <message>
        <source>No runs in %1 yet: train one on the Train page.</source>
        <translation>Noch keine Läufe in %1: Trainieren Sie einen auf der Seite „Training“.</translation>
    </message>
    <message>
        <source>Runs: %1. Select two (Ctrl+click) to compare them.</source>
        <translation>Läufe: %1. Wählen Sie zwei aus (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>%1 (the ranking metric is not saved)</source>
        <translation>%1 (die Sortiermetrik ist nicht gespeichert)</translation>
    </message>
    <message>
        <source>Select a run to see it, two (Ctrl+click) to compare them.</source>
        <translation>Wählen Sie einen Lauf aus, um ihn anzusehen, oder zwei (Strg+Klick), um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; A: &lt;b&gt;%2&lt;/b&gt; — select a second run to compare.</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; A: &lt;b&gt;%2&lt;/b&gt; — wählen Sie einen zweiten Lauf zum Vergleichen aus.</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; A: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:%3&quot;&gt;■&lt;/span&gt; B: &lt;b&gt;%4&lt;/b&gt;%5</source>
        <translation>&lt;span style=&quot;color:%1&quot;&gt;■&lt;/span&gt; A: &lt;b&gt;%2&lt;/b&gt; &amp;nbsp; &lt;span style=&quot;color:%3&quot;&gt;■&lt;/span&gt; B: &lt;b&gt;%4&lt;/b&gt;%5</translation>
    </message>
    <message>
        <source> (the first two selected)</source>
        <translation> (die ersten zwei ausgewählten)</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 Training</translation>
    </message>
    <message>
        <source>%1 dev</source>
        <translation>%1 Dev</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>%1 has no dev predictions (%2)</source>
        <translation>%1 hat keine Dev-Vorhersagen (%2)</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation>Makro-Mittel</translation>
    </message>
    <message>
        <source>Select a run first.</source>
        <translation>Wählen Sie zuerst einen Lauf aus.</translation>
    </message>
    <message>
        <source>%1 — dev confusion matrix</source>
        <translation>%1 — Dev-Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Export the metrics as CSV</source>
        <translation>Metriken als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Metrics written to %1</source>
        <translation>Metriken nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export the run as an HTML report</source>
        <translation>Lauf als HTML-Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML files (*.html)</source>
        <translation>HTML-Dateien (*.html)</translation>
    </message>
    <message>
        <source>Export the confusion matrix as PNG</source>
        <translation>Konfusionsmatrix als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Confusion matrix written to %1</source>
        <translation>Konfusionsmatrix nach %1 geschrieben</translation>
    </message>
    <message>
        <source>A and B were judged on different dev sets: %1 of A&apos;s %2 dev images are in B&apos;s %3 with the same label. Their scores and per-class figures measure different images and do not rank the runs. (A split drawn before a relabel, another dev fraction or seed, or another dataset.)</source>
        <translation>A und B wurden auf verschiedenen Dev-Sets bewertet: %1 der %2 Dev-Bilder von A sind mit demselben Label unter den %3 von B. Ihre Werte und Zahlen pro Klasse messen verschiedene Bilder und taugen nicht zum Vergleich der Läufe. (Ein vor einem Umlabeln gezogener Split, ein anderer Dev-Anteil oder Seed oder ein anderer Datensatz.)</translation>
    </message>
    <message>
        <source>The selected run&apos;s model as a file that runs without Loupe (docs/deploy.md):</source>
        <translation>Das Modell des gewählten Laufs als Datei, die ohne Loupe läuft (docs/deploy.md):</translation>
    </message>
    <message>
        <source>Writing %1 as %2…</source>
        <translation>%1 wird als %2 geschrieben…</translation>
    </message>
    <message>
        <source>%1 written to %2 (%3 MB), checked with %4: largest probability difference %5</source>
        <translation>%1 nach %2 geschrieben (%3 MB), geprüft mit %4: größte Abweichung der Wahrscheinlichkeiten %5</translation>
    </message>
    <message>
        <source>%1 model (*.%2)</source>
        <translation>%1-Modell (*.%2)</translation>
    </message>
    <message>
        <source>Export the model of %1</source>
        <translation>Modell von %1 exportieren</translation>
    </message>
    <message>
        <source>Model…</source>
        <translation>Modell…</translation>
    </message>
</context>
<context>
    <name>loupe::RunsTableModel</name>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>★ %1</source>
        <translation>★ %1</translation>
    </message>
    <message>
        <source>Best run by %1</source>
        <translation>Bester Lauf nach %1</translation>
    </message>
    <message>
        <source>The run&apos;s %1 at its best epoch; higher is better.</source>
        <translation>%1 des Laufs in seiner besten Epoche; höher ist besser.</translation>
    </message>
    <message>
        <source>The run&apos;s %1 at its best epoch; lower is better.</source>
        <translation>%1 des Laufs in seiner besten Epoche; niedriger ist besser.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Augment</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>Startgewichte</translation>
    </message>
    <message>
        <source>Best epoch</source>
        <translation>Beste Epoche</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Bild</numerusform>
            <numerusform>%n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <source>same as ★</source>
        <translation>wie ★</translation>
    </message>
    <message>
        <source>differs: %1 of %2 shared</source>
        <translation>abweichend: %1 von %2 gemeinsam</translation>
    </message>
    <message>
        <source>Not comparable with the best run: %1 of its %2 dev images are also in the best run&apos;s %3 with the same label, so the scores measure different images.</source>
        <translation>Nicht mit dem besten Lauf vergleichbar: %1 seiner %2 Dev-Bilder sind mit demselben Label auch unter den %3 des besten Laufs, die Werte messen also verschiedene Bilder.</translation>
    </message>
    <message>
        <source>Scores compare only on the same dev images with the same labels; a run judged on another dev set than the best run&apos;s is marked here and greyed.</source>
        <translation>Werte sind nur auf denselben Dev-Bildern mit denselben Labels vergleichbar; ein Lauf, der auf einem anderen Dev-Set als der beste Lauf bewertet wurde, ist hier markiert und ausgegraut.</translation>
    </message>
    <message>
        <source>Dev set</source>
        <translation>Dev-Set</translation>
    </message>
</context>
<context>
    <name>loupe::SafeDecoder</name>
    <message>
        <source>truncated JPEG (no end-of-image marker)</source>
        <translation>abgeschnittenes JPEG (kein End-of-Image-Marker)</translation>
    </message>
    <message>
        <source>damaged JPEG (invalid segment length)</source>
        <translation>beschädigtes JPEG (ungültige Segmentlänge)</translation>
    </message>
    <message>
        <source>truncated PNG (no IEND chunk)</source>
        <translation>abgeschnittenes PNG (kein IEND-Chunk)</translation>
    </message>
    <message>
        <source>damaged PNG (invalid chunk length)</source>
        <translation>beschädigtes PNG (ungültige Chunk-Länge)</translation>
    </message>
    <message>
        <source>truncated BMP (pixel data shorter than the header says)</source>
        <translation>abgeschnittenes BMP (Pixeldaten kürzer als im Header angegeben)</translation>
    </message>
    <message>
        <source>unsupported number of channels (%1)</source>
        <translation>nicht unterstützte Kanalzahl (%1)</translation>
    </message>
    <message>
        <source>image claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation>Bild gibt %1×%2 Pixel an, mehr als die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>image is %1×%2 pixels, an aspect ratio above the limit of %3:1</source>
        <translation>Bild hat %1×%2 Pixel, ein Seitenverhältnis über der Grenze von %3:1</translation>
    </message>
    <message>
        <source>file too large to decode</source>
        <translation>Datei zu groß zum Dekodieren</translation>
    </message>
    <message>
        <source>not a decodable image (the %1 decoder rejected the data)</source>
        <translation>kein dekodierbares Bild (der %1-Decoder hat die Daten abgelehnt)</translation>
    </message>
    <message>
        <source>decoder error: %1</source>
        <translation>Decoder-Fehler: %1</translation>
    </message>
    <message>
        <source>out of memory while decoding</source>
        <translation>Speicher beim Dekodieren erschöpft</translation>
    </message>
    <message>
        <source>decoder error</source>
        <translation>Decoder-Fehler</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>file is %1 MB, above the limit of %2 MB</source>
        <translation>Datei hat %1 MB, mehr als die Grenze von %2 MB</translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation>Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>out of memory while reading the file</source>
        <translation>Speicher beim Lesen der Datei erschöpft</translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation>Datei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>loupe::StateDict</name>
    <message>
        <source>pickle protocol newer than 5</source>
        <translation>Pickle-Protokoll neuer als 5</translation>
    </message>
    <message>
        <source>a dict with an odd number of items</source>
        <translation>ein Dict mit einer ungeraden Zahl von Einträgen</translation>
    </message>
    <message>
        <source>a malformed global</source>
        <translation>ein fehlerhafter globaler Name</translation>
    </message>
    <message>
        <source>sets the state of an object that is not a dict or a tensor</source>
        <translation>setzt den Zustand eines Objekts, das weder Dict noch Tensor ist</translation>
    </message>
    <message>
        <source>pickle opcode 0x%1 at byte %2, which a state dict does not use</source>
        <translation>Pickle-Opcode 0x%1 bei Byte %2, den ein State-Dict nicht verwendet</translation>
    </message>
    <message>
        <source>a pickle nested deeper than a state dict</source>
        <translation>ein Pickle, der tiefer verschachtelt ist als ein State-Dict</translation>
    </message>
    <message>
        <source>the pickle ends early (truncated file?)</source>
        <translation>der Pickle endet zu früh (abgeschnittene Datei?)</translation>
    </message>
    <message>
        <source>a malformed pickle (stack underflow)</source>
        <translation>ein fehlerhafter Pickle (Stapelunterlauf)</translation>
    </message>
    <message>
        <source>a malformed pickle (no mark)</source>
        <translation>ein fehlerhafter Pickle (keine Marke)</translation>
    </message>
    <message>
        <source>a malformed pickle (items added to something that is not a dict or list)</source>
        <translation>ein fehlerhafter Pickle (Einträge zu etwas hinzugefügt, das weder Dict noch Liste ist)</translation>
    </message>
    <message>
        <source>a malformed pickle (memo %1 unset)</source>
        <translation>ein fehlerhafter Pickle (Memo %1 nicht gesetzt)</translation>
    </message>
    <message>
        <source>the file names %1, which a state dict does not (a whole pickled model or other Python objects are never loaded; save model.state_dict() instead)</source>
        <translation>die Datei nennt %1, was ein State-Dict nicht tut (ein ganzes gepickeltes Modell oder andere Python-Objekte werden nie geladen; speichern Sie stattdessen model.state_dict())</translation>
    </message>
    <message>
        <source>a tensor with a malformed shape</source>
        <translation>ein Tensor mit fehlerhafter Form</translation>
    </message>
    <message>
        <source>a tensor rebuilt from something that is not a storage</source>
        <translation>ein Tensor, der aus etwas anderem als einem Storage aufgebaut wird</translation>
    </message>
    <message>
        <source>a tensor larger than its storage</source>
        <translation>ein Tensor, der größer ist als sein Storage</translation>
    </message>
    <message>
        <source>calls something that is not a known function</source>
        <translation>ruft etwas auf, das keine bekannte Funktion ist</translation>
    </message>
    <message>
        <source>an OrderedDict built from arguments</source>
        <translation>ein OrderedDict, das aus Argumenten aufgebaut wird</translation>
    </message>
    <message>
        <source>a parameter without a tensor</source>
        <translation>ein Parameter ohne Tensor</translation>
    </message>
    <message>
        <source>calls %1, which a state dict does not</source>
        <translation>ruft %1 auf, was ein State-Dict nicht tut</translation>
    </message>
    <message>
        <source>a persistent id that is not a tensor storage</source>
        <translation>eine persistente ID, die kein Tensor-Storage ist</translation>
    </message>
    <message>
        <source>the storage type %1</source>
        <translation>der Storage-Typ %1</translation>
    </message>
    <message>
        <source>a storage of %1 elements</source>
        <translation>ein Storage mit %1 Elementen</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>a zip file without data.pkl</source>
        <translation>eine ZIP-Datei ohne data.pkl</translation>
    </message>
    <message>
        <source>storage %1 is missing</source>
        <translation>Storage %1 fehlt</translation>
    </message>
    <message>
        <source>storage %1 is shorter than its %2 elements</source>
        <translation>Storage %1 ist kürzer als seine %2 Elemente</translation>
    </message>
    <message>
        <source>a malformed header</source>
        <translation>ein fehlerhafter Kopf</translation>
    </message>
    <message>
        <source>not a torch.save file (no magic number)</source>
        <translation>keine torch.save-Datei (keine magische Zahl)</translation>
    </message>
    <message>
        <source>torch.save protocol %1, not 1001</source>
        <translation>torch.save-Protokoll %1, nicht 1001</translation>
    </message>
    <message>
        <source>written on a big-endian machine</source>
        <translation>auf einem Big-Endian-Rechner geschrieben</translation>
    </message>
    <message>
        <source>storage %1 is named with two types or sizes</source>
        <translation>Storage %1 wird mit zwei Typen oder Größen genannt</translation>
    </message>
    <message>
        <source>a malformed storage view</source>
        <translation>eine fehlerhafte Storage-Ansicht</translation>
    </message>
    <message>
        <source>a storage view outside its storage</source>
        <translation>eine Storage-Ansicht außerhalb ihres Storage</translation>
    </message>
    <message>
        <source>no list of storages after the state dict</source>
        <translation>keine Liste der Storages nach dem State-Dict</translation>
    </message>
    <message>
        <source>a storage listed but never used</source>
        <translation>ein aufgeführter, aber nie verwendeter Storage</translation>
    </message>
    <message>
        <source>the file ends early (truncated?)</source>
        <translation>die Datei endet zu früh (abgeschnitten?)</translation>
    </message>
    <message>
        <source>storage %1 does not hold its %2 elements (truncated?)</source>
        <translation>Storage %1 enthält seine %2 Elemente nicht (abgeschnitten?)</translation>
    </message>
    <message>
        <source>not a file written by torch.save</source>
        <translation>keine von torch.save geschriebene Datei</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 holds no tensors by name (top-level keys: %2)</source>
        <translation>%1 enthält keine benannten Tensoren (Schlüssel der obersten Ebene: %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 holds no state dict</source>
        <translation>%1 enthält kein State-Dict</translation>
    </message>
    <message>
        <source>storage %1 of %2 elements is larger than the file (truncated?)</source>
        <translation>Storage %1 mit %2 Elementen ist größer als die Datei (abgeschnitten?)</translation>
    </message>
</context>
<context>
    <name>loupe::ThumbnailDelegate</name>
    <message>
        <source>Broken</source>
        <translation>Defekt</translation>
    </message>
</context>
<context>
    <name>loupe::ThumbnailModel</name>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Dev</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1
%2 × %3 px — %4</source>
        <translation>%1
%2 × %3 px — %4</translation>
    </message>
</context>
<context>
    <name>loupe::TileAdvice</name>
    <message>
        <source>%1 tiles (--tiles %2) keep every box at %3 px or more</source>
        <translation>%1 Kacheln (--tiles %2) halten jede Box bei %3 px oder mehr</translation>
    </message>
    <message>
        <source>%1 tiles (--tiles %2) keep all but %3 above %4 px</source>
        <translation>%1 Kacheln (--tiles %2) halten alle bis auf %3 über %4 px</translation>
    </message>
    <message>
        <source>At %1 px input with %2 tiles of the region %3</source>
        <translation>Bei %1 px Eingabe mit %2 Kacheln des Bereichs %3</translation>
    </message>
    <message>
        <source>At %1 px input with %2 tiles</source>
        <translation>Bei %1 px Eingabe mit %2 Kacheln</translation>
    </message>
    <message>
        <source>At %1 px input with the region %2</source>
        <translation>Bei %1 px Eingabe mit dem Bereich %2</translation>
    </message>
    <message>
        <source>At %1 px input</source>
        <translation>Bei %1 px Eingabe</translation>
    </message>
    <message>
        <source>%1, %2 of %3 boxes fall under %4×%4 px (smallest %5×%6 px)</source>
        <translation>%1 fallen %2 von %3 Boxen unter %4×%4 px (kleinste %5×%6 px)</translation>
    </message>
    <message>
        <source>a region of interest of %1 covering every box (--roi %1) keeps every box at %2 px or more</source>
        <translation>ein interessierender Bereich %1, der jede Box umfasst (--roi %1), hält jede Box bei %2 px oder mehr</translation>
    </message>
    <message>
        <source>a region of interest of %1 covering every box (--roi %1) keeps all but %2 above %3 px</source>
        <translation>ein interessierender Bereich %1, der jede Box umfasst (--roi %1), hält alle bis auf %2 über %3 px</translation>
    </message>
    <message>
        <source>, and with %1 tiles inside it every box</source>
        <translation>, mit %1 Kacheln darin jede Box</translation>
    </message>
    <message>
        <source>, and with %1 tiles inside it all but %2</source>
        <translation>, mit %1 Kacheln darin alle bis auf %2</translation>
    </message>
    <message>
        <source>No grid up to %1×%1 keeps them: use a larger input or a region of interest.</source>
        <translation>Kein Raster bis %1×%1 hält sie: eine größere Eingabe oder einen interessierenden Bereich verwenden.</translation>
    </message>
    <message>
        <source>no grid up to %1×%1 keeps them all; the best, %2</source>
        <translation>kein Raster bis %1×%1 hält sie alle; das beste: %2</translation>
    </message>
</context>
<context>
    <name>loupe::Tiling</name>
    <message>
        <source>tiles &quot;%1&quot;: expected rows x columns, such as 4x4</source>
        <translation>Kacheln „%1“: erwartet werden Zeilen x Spalten, z. B. 4x4</translation>
    </message>
    <message>
        <source>tiles &quot;%1&quot;: rows and columns must be between 1 and %2</source>
        <translation>Kacheln „%1“: Zeilen und Spalten müssen zwischen 1 und %2 liegen</translation>
    </message>
    <message>
        <source>region of interest &quot;%1&quot;: expected x,y,width,height in pixels, such as 200,100,800,600</source>
        <translation>Interessenbereich „%1“: erwartet werden x,y,Breite,Höhe in Pixeln, z. B. 200,100,800,600</translation>
    </message>
    <message>
        <source>region of interest &quot;%1&quot;: &quot;%2&quot; is not a whole number of pixels</source>
        <translation>Interessenbereich „%1“: „%2“ ist keine ganze Zahl von Pixeln</translation>
    </message>
    <message>
        <source>region of interest &quot;%1&quot;: x and y cannot be negative</source>
        <translation>Interessenbereich „%1“: x und y dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>region of interest &quot;%1&quot;: width and height must be positive</source>
        <translation>Interessenbereich „%1“: Breite und Höhe müssen positiv sein</translation>
    </message>
    <message>
        <source>the image is empty (%1×%2 pixels)</source>
        <translation>das Bild ist leer (%1×%2 Pixel)</translation>
    </message>
    <message>
        <source>the region of interest %1 is empty</source>
        <translation>der Interessenbereich %1 ist leer</translation>
    </message>
    <message>
        <source>the region of interest %1 lies outside the %2×%3 image</source>
        <translation>der Interessenbereich %1 liegt außerhalb des Bildes (%2×%3)</translation>
    </message>
    <message>
        <source>%1×%2 tiles: rows and columns must be between 1 and %3</source>
        <translation>%1×%2 Kacheln: Zeilen und Spalten müssen zwischen 1 und %3 liegen</translation>
    </message>
    <message>
        <source>the tile overlap (%1 px) cannot be negative</source>
        <translation>die Überlappung der Kacheln (%1 px) darf nicht negativ sein</translation>
    </message>
    <message>
        <source>%1 tiles across with %2 px overlap do not fit a region %3 px wide; use fewer tiles or a smaller overlap</source>
        <translation>%1 Kacheln nebeneinander mit %2 px Überlappung passen nicht in einen %3 px breiten Bereich; nehmen Sie weniger Kacheln oder eine kleinere Überlappung</translation>
    </message>
    <message>
        <source>%1 tiles down with %2 px overlap do not fit a region %3 px high; use fewer tiles or a smaller overlap</source>
        <translation>%1 Kacheln untereinander mit %2 px Überlappung passen nicht in einen %3 px hohen Bereich; nehmen Sie weniger Kacheln oder eine kleinere Überlappung</translation>
    </message>
    <message>
        <source>the image is %1×%2 pixels; the tiles were laid out for %3×%4</source>
        <translation>das Bild hat %1×%2 Pixel; die Kacheln wurden für %3×%4 angelegt</translation>
    </message>
    <message>
        <source>predictions for %1 tiles; the grid has %2</source>
        <translation>Vorhersagen für %1 Kacheln; das Raster hat %2</translation>
    </message>
    <message>
        <source>masks for %1 tiles; the grid has %2</source>
        <translation>Masken für %1 Kacheln; das Raster hat %2</translation>
    </message>
    <message>
        <source>a tile mask is %1×%2 pixels; every tile mask must be %3×%4 and of one type</source>
        <translation>eine Kachelmaske hat %1×%2 Pixel; jede Kachelmaske muss %3×%4 groß und vom selben Typ sein</translation>
    </message>
    <message>
        <source>averaging tile masks needs scores (floating-point masks); use the nearest tile&apos;s labels instead</source>
        <translation>Mitteln von Kachelmasken braucht Wahrscheinlichkeiten (Gleitkommamasken); nehmen Sie stattdessen die Klassen der nächstgelegenen Kachel</translation>
    </message>
</context>
<context>
    <name>loupe::TrainController</name>
    <message>
        <source>A run or an overfit check is already going; wait for it or cancel it first.</source>
        <translation>Ein Lauf oder ein Overfit-Check läuft bereits; warten Sie, bis er fertig ist, oder brechen Sie ihn zuerst ab.</translation>
    </message>
</context>
<context>
    <name>loupe::TrainPanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Overfit check</source>
        <translation>Overfit-Check</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>no run</source>
        <translation>kein Lauf</translation>
    </message>
    <message>
        <source>Continue the selected cancelled or interrupted run from its last checkpoint.</source>
        <translation>Den ausgewählten abgebrochenen oder unterbrochenen Lauf ab seinem letzten Checkpoint fortsetzen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt; (select one to see its curves)</source>
        <translation>&lt;b&gt;Läufe&lt;/b&gt; (einen auswählen, um seine Kurven zu sehen)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Cancelling: the run stops after the current step and keeps its last checkpoint.</source>
        <translation>Wird abgebrochen: Der Lauf hält nach dem aktuellen Schritt an und behält seinen letzten Checkpoint.</translation>
    </message>
    <message>
        <source>Stopping the overfit check…</source>
        <translation>Overfit-Check wird angehalten…</translation>
    </message>
    <message>
        <source>Paused after the current step; the GUI and the checkpoint are untouched.</source>
        <translation>Nach dem aktuellen Schritt pausiert; Oberfläche und Checkpoint bleiben unverändert.</translation>
    </message>
    <message>
        <source>Checking: step %1, loss %2</source>
        <translation>Prüfung: Schritt %1, Verlust %2</translation>
    </message>
    <message>
        <source>Passed: loss %1 after %2 steps, %3 of %4 images right.</source>
        <translation>Bestanden: Verlust %1 nach %2 Schritten, %3 von %4 Bildern richtig.</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Nicht bestanden:</translation>
    </message>
    <message>
        <source>Likely causes: the crop or resize differs between training and evaluation; the images or labels are not loaded properly; the learning rate is too high.</source>
        <translation>Wahrscheinliche Ursachen: Zuschnitt oder Skalierung unterscheiden sich zwischen Training und Evaluierung; die Bilder oder Labels werden nicht richtig geladen; die Lernrate ist zu hoch.</translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>Konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <source>none: random weights</source>
        <translation>keine: zufällige Gewichte</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a weights file</source>
        <translation>Gewichtsdatei auswählen</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>Startgewichte</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Image size</source>
        <translation>Bildgröße</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <source>step (÷10 every 10 epochs)</source>
        <translation>stufenweise (÷10 alle 10 Epochen)</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> Epochen</translation>
    </message>
    <message>
        <source>Warm-up</source>
        <translation>Aufwärmphase</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a lower dev loss.</source>
        <translation>Nach so vielen Epochen ohne niedrigeren Dev-Verlust anhalten.</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Vorzeitiges Stoppen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>auto (inverse frequency)</source>
        <translation>auto (inverse Häufigkeit)</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>Klassengewichte</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>every core</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>The practice&apos;s first sanity check: train on five images with every random transform off (64 px) and expect them all learned. Run it before a long training job.</source>
        <translation>Die erste Plausibilitätsprüfung der Praxis: auf fünf Bildern ohne jede zufällige Transformation trainieren (64 px) und erwarten, dass alle gelernt werden. Vor einem langen Training ausführen.</translation>
    </message>
    <message>
        <source>Run %1 was interrupted after epoch %2 of %3. Press Resume to continue it from its checkpoint.</source>
        <translation>Lauf %1 wurde nach Epoche %2 von %3 unterbrochen. Klicken Sie auf Fortsetzen, um ihn ab seinem Checkpoint fortzusetzen.</translation>
    </message>
    <message>
        <source>&lt;i&gt;The practice suggests:&lt;/i&gt;</source>
        <translation>&lt;i&gt;Die Praxis empfiehlt:&lt;/i&gt;</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>wird gestartet…</translation>
    </message>
    <message>
        <source>Preparing the data and the model…</source>
        <translation>Daten und Modell werden vorbereitet…</translation>
    </message>
    <message>
        <source>Open a dataset first.</source>
        <translation>Öffnen Sie zuerst einen Datensatz.</translation>
    </message>
    <message>
        <source>Cannot create the runs folder %1.</source>
        <translation>Der Ordner für Läufe %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Open the dataset the run was trained on to resume it.</source>
        <translation>Öffnen Sie den Datensatz, auf dem der Lauf trainiert wurde, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>Cannot resume %1: %2</source>
        <translation>%1 kann nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>Run %1 was trained on %2; open that dataset to resume it.</source>
        <translation>Lauf %1 wurde auf %2 trainiert; öffnen Sie diesen Datensatz, um ihn fortzusetzen.</translation>
    </message>
    <message>
        <source>Run %1 has no checkpoint to resume from.</source>
        <translation>Lauf %1 hat keinen Checkpoint zum Fortsetzen.</translation>
    </message>
    <message>
        <source>Resuming run %1 after epoch %2.</source>
        <translation>Lauf %1 wird nach Epoche %2 fortgesetzt.</translation>
    </message>
    <message>
        <source>Checking: training %1 on %2 images…</source>
        <translation>Prüfung: %1 wird auf %2 Bildern trainiert…</translation>
    </message>
    <message>
        <source>epoch %1 of %2</source>
        <translation>Epoche %1 von %2</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>%1 images/s · %2 left · loss %3 · learning rate %4</source>
        <translation>%1 Bilder/s · noch %2 · Verlust %3 · Lernrate %4</translation>
    </message>
    <message>
        <source>Run %1: %2.</source>
        <translation>Lauf %1: %2.</translation>
    </message>
    <message>
        <source>%1 after %2 epochs</source>
        <translation>%1 nach %2 Epochen</translation>
    </message>
    <message>
        <source>Training could not run: %1</source>
        <translation>Das Training konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The overfit check is still running. Stop it and close?</source>
        <translation>Der Overfit-Check läuft noch. Anhalten und schließen?</translation>
    </message>
    <message>
        <source>Stop training?</source>
        <translation>Training anhalten?</translation>
    </message>
    <message>
        <source>(form as is)</source>
        <translation>(aktuelles Formular)</translation>
    </message>
    <message>
        <source>Preset %1 loaded.</source>
        <translation>Voreinstellung %1 geladen.</translation>
    </message>
    <message>
        <source>Preset %1 cannot be used: %2</source>
        <translation>Voreinstellung %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Open a dataset first: presets are kept next to its runs.</source>
        <translation>Öffnen Sie zuerst einen Datensatz: Voreinstellungen werden neben seinen Läufen gespeichert.</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Voreinstellung speichern</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Name der Voreinstellung:</translation>
    </message>
    <message>
        <source>Preset %1 saved in %2.</source>
        <translation>Voreinstellung %1 in %2 gespeichert.</translation>
    </message>
    <message>
        <source>Augmentation pipeline</source>
        <translation>Augmentierungs-Pipeline</translation>
    </message>
    <message>
        <source>Pipeline JSON (*.json);;All files (*)</source>
        <translation>Pipeline-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Presets are kept in loupe-runs/loupe.json, the project file next to the runs.</source>
        <translation>Voreinstellungen werden in loupe-runs/loupe.json gespeichert, der Projektdatei neben den Läufen.</translation>
    </message>
    <message>
        <source>Presets cannot be read or saved until the project file is fixed: %1</source>
        <translation>Voreinstellungen können erst gelesen oder gespeichert werden, wenn die Projektdatei repariert ist: %1</translation>
    </message>
    <message>
        <source>The preset is not saved: %1</source>
        <translation>Die Voreinstellung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The preset is not deleted: %1</source>
        <translation>Die Voreinstellung wurde nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Start a training run with this form (%1)</source>
        <translation>Einen Trainingslauf mit diesem Formular starten (%1)</translation>
    </message>
    <message>
        <source>A training run is in progress (%1). Stop it and close?

Its last checkpoint (after the last finished epoch) is kept: the run can be resumed from the Train page when this dataset is opened again.</source>
        <translation>Ein Trainingslauf ist im Gange (%1). Anhalten und schließen?

Sein letzter Checkpoint (nach der letzten abgeschlossenen Epoche) bleibt erhalten: Der Lauf kann auf der Seite „Training“ fortgesetzt werden, wenn dieser Datensatz wieder geöffnet wird.</translation>
    </message>
    <message>
        <source>A training run on this dataset is in progress (%1). Stop it and open the other dataset?

Its last checkpoint (after the last finished epoch) is kept: the run can be resumed from the Train page when this dataset is opened again.</source>
        <translation>Ein Trainingslauf auf diesem Datensatz ist im Gange (%1). Anhalten und den anderen Datensatz öffnen?

Sein letzter Checkpoint (nach der letzten abgeschlossenen Epoche) bleibt erhalten: Der Lauf kann auf der Seite „Training“ fortgesetzt werden, wenn dieser Datensatz wieder geöffnet wird.</translation>
    </message>
    <message>
        <source>The overfit check is still running. Stop it and open the other dataset?</source>
        <translation>Der Overfit-Check läuft noch. Anhalten und den anderen Datensatz öffnen?</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Automatic: bfloat16 (this CPU has %1)</source>
        <translation>Automatisch: bfloat16 (diese CPU hat %1)</translation>
    </message>
    <message>
        <source>Automatic: float32 (this CPU has no bfloat16 instructions)</source>
        <translation>Automatisch: float32 (diese CPU hat keine bfloat16-Befehle)</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <source>bfloat16 (emulated: slower here)</source>
        <translation>bfloat16 (emuliert: hier langsamer)</translation>
    </message>
    <message>
        <source>What the model computes in. bfloat16 trains about twice as fast on CPUs with AVX512-BF16 or AMX; weights, optimizer state, losses, metrics and checkpoints stay float32 either way, so a run resumes and loads in either precision.</source>
        <translation>Worin das Modell rechnet. bfloat16 trainiert auf CPUs mit AVX512-BF16 oder AMX etwa doppelt so schnell; Gewichte, Optimiererzustand, Verluste, Metriken und Checkpoints bleiben in jedem Fall float32, daher lässt sich ein Lauf in beiden Genauigkeiten fortsetzen und laden.</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>A state dict saved by torch.save (such as torchvision&apos;s ImageNet weights), a TorchScript file, or an earlier run folder (its best checkpoint).</source>
        <translation>Ein mit torch.save gespeichertes State-Dict (etwa die ImageNet-Gewichte von torchvision), eine TorchScript-Datei oder ein früherer Laufordner (sein bester Checkpoint).</translation>
    </message>
    <message>
        <source>The model&apos;s input size; the Augment page previews at this size</source>
        <translation>Die Eingabegröße des Modells; die Seite Augmentierung zeigt ihre Vorschau in dieser Größe</translation>
    </message>
    <message>
        <source>Edit on the Augment page</source>
        <translation>Auf der Seite Augmentierung bearbeiten</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Load a pipeline JSON into the Augment page</source>
        <translation>Eine Pipeline-JSON in die Seite Augmentierung laden</translation>
    </message>
    <message>
        <source>Cannot read the augmentation pipeline %1: %2</source>
        <translation>Die Augmentierungs-Pipeline %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The pipeline cannot be used: %1: %2</source>
        <translation>Die Pipeline kann nicht verwendet werden: %1: %2</translation>
    </message>
    <message>
        <source>Loupe&apos;s default: resize to the image size, random horizontal flip, normalise.</source>
        <translation>Loupes Standard: auf die Bildgröße skalieren, zufällig horizontal spiegeln, normalisieren.</translation>
    </message>
    <message numerus="yes">
        <source>The Augment page&apos;s pipeline, %n step(s): %1.</source>
        <translation>
            <numerusform>Die Pipeline der Seite Augmentierung, %n Schritt: %1.</numerusform>
            <numerusform>Die Pipeline der Seite Augmentierung, %n Schritte: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weights: torch.save state dicts, TorchScript (*.pt *.pth *.pth.tar *.tar *.ckpt);;All files (*)</source>
        <translation>Gewichte: torch.save-State-Dicts, TorchScript (*.pt *.pth *.pth.tar *.tar *.ckpt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The backbone is %1: choose %2 to use them.</source>
        <translation>Das Backbone ist %1: %2 wählen, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>No verdict</source>
        <translation>Kein Befund</translation>
    </message>
    <message>
        <source>The run ended before its first epoch was evaluated.</source>
        <translation>Der Lauf endete, bevor seine erste Epoche ausgewertet wurde.</translation>
    </message>
    <message numerus="yes">
        <source>The run ended after %n epoch(s): too few to read a trend from the curves. Train for more epochs to get a verdict.</source>
        <translation>
            <numerusform>Der Lauf endete nach %n Epoche: zu wenig, um aus den Kurven einen Verlauf abzulesen. Für einen Befund mehr Epochen trainieren.</numerusform>
            <numerusform>Der Lauf endete nach %n Epochen: zu wenig, um aus den Kurven einen Verlauf abzulesen. Für einen Befund mehr Epochen trainieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>from the labels</source>
        <translation>aus den Labels</translation>
    </message>
    <message>
        <source>classify images</source>
        <translation>Bilder klassifizieren</translation>
    </message>
    <message>
        <source>detect objects</source>
        <translation>Objekte erkennen</translation>
    </message>
    <message>
        <source>From the labels: image labels train a classifier, boxes alone a detector.</source>
        <translation>Aus den Labels: Bildlabels trainieren einen Klassifikator, nur Boxen einen Detektor.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Detection: cut each image (or the region) into rows × columns tiles, each fed at the image size, so that small defects keep their pixels. 1x1 feeds the whole image.</source>
        <translation>Detektion: jedes Bild (oder den Bereich) in Zeilen × Spalten Kacheln schneiden, jede in der Bildgröße, damit kleine Defekte ihre Pixel behalten. 1x1 gibt das ganze Bild.</translation>
    </message>
    <message>
        <source>whole image</source>
        <translation>ganzes Bild</translation>
    </message>
    <message>
        <source>Detection: the region of interest x,y,w,h in image pixels; only it is seen.</source>
        <translation>Detektion: der interessierende Bereich x,y,w,h in Bildpixeln; nur er wird gesehen.</translation>
    </message>
    <message>
        <source>Tiles</source>
        <translation>Kacheln</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>%1 tiles, overlap %2 px</source>
        <translation>%1 Kacheln, Überlappung %2 px</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>Checking: training %1 on %2 images (%3)…</source>
        <translation>Prüfung: %1 wird auf %2 Bildern trainiert (%3)…</translation>
    </message>
    <message>
        <source>Anchors tuned from the training boxes: %1 (sizes : ratios, in input pixels).</source>
        <translation>Anker aus den Trainingsboxen abgestimmt: %1 (Größen : Seitenverhältnisse, in Eingabepixeln).</translation>
    </message>
    <message>
        <source>Anchors as given: %1 (sizes : ratios, in input pixels).</source>
        <translation>Anker wie angegeben: %1 (Größen : Seitenverhältnisse, in Eingabepixeln).</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>They cover %1 of the training boxes (best anchor IoU ≥ 0.5); the default anchors cover %2.</source>
        <translation>Sie decken %1 der Trainingsboxen ab (IoU des besten Ankers ≥ 0,5); die Standardanker decken %2 ab.</translation>
    </message>
</context>
<context>
    <name>loupe::Trainer</name>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped early: dev loss stopped improving</source>
        <translation>vorzeitig beendet: der Dev-Verlust verbessert sich nicht mehr</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>the dev history (%1) starts again at epoch %2</source>
        <translation>der Dev-Verlauf (%1) beginnt wieder bei Epoche %2</translation>
    </message>
    <message>
        <source>no dev history to continue: %1</source>
        <translation>kein Dev-Verlauf zum Fortsetzen: %1</translation>
    </message>
    <message>
        <source>the saved dev history is of other dev images: %1</source>
        <translation>der gespeicherte Dev-Verlauf gehört zu anderen Dev-Bildern: %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>stopped: the loss blew up</source>
        <translation>angehalten: der Verlust ist explodiert</translation>
    </message>
    <message>
        <source>Kept on disk: checkpoints/last.pt (epoch %1) and checkpoints/best.pt (epoch %2).</source>
        <translation>Auf dem Datenträger erhalten: checkpoints/last.pt (Epoche %1) und checkpoints/best.pt (Epoche %2).</translation>
    </message>
    <message>
        <source>Kept on disk: checkpoints/last.pt (epoch %1).</source>
        <translation>Auf dem Datenträger erhalten: checkpoints/last.pt (Epoche %1).</translation>
    </message>
    <message>
        <source>This run wrote no checkpoint (the first is written when an epoch ends); checkpoints/last.pt in the folder is left from an earlier run.</source>
        <translation>Dieser Lauf hat keinen Checkpoint geschrieben (der erste wird am Ende einer Epoche geschrieben); checkpoints/last.pt im Ordner stammt von einem früheren Lauf.</translation>
    </message>
    <message>
        <source>No checkpoint was written: the first is written when an epoch ends.</source>
        <translation>Es wurde kein Checkpoint geschrieben: Der erste wird am Ende einer Epoche geschrieben.</translation>
    </message>
    <message>
        <source>a classifier needs at least two classes; this dataset has %1</source>
        <translation>ein Klassifikator braucht mindestens zwei Klassen; dieser Datensatz hat %1</translation>
    </message>
    <message>
        <source>no labelled training images: classification needs class folders, a CSV or IDX labels</source>
        <translation>keine gelabelten Trainingsbilder: Klassifikation braucht Klassenordner, eine CSV oder IDX-Labels</translation>
    </message>
    <message>
        <source>class weights (inverse frequency): %1</source>
        <translation>Klassengewichte (inverse Häufigkeit): %1</translation>
    </message>
    <message>
        <source>%1 class weights given for %2 classes</source>
        <translation>%1 Klassengewichte für %2 Klassen angegeben</translation>
    </message>
    <message>
        <source>accuracy %1, macro F1 %2 on %3 images</source>
        <translation>Genauigkeit %1, Makro-F1 %2 auf %3 Bildern</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>übersprungen %1: %2</translation>
    </message>
    <message>
        <source>test images: accuracy %1, macro F1 %2 on %3 images (weights of epoch %4)</source>
        <translation>Testbilder: Genauigkeit %1, Makro-F1 %2 auf %3 Bildern (Gewichte der Epoche %4)</translation>
    </message>
    <message>
        <source>%1 of %2 images predicted right in evaluation mode</source>
        <translation>%1 von %2 Bildern im Auswertungsmodus richtig vorhergesagt</translation>
    </message>
    <message>
        <source>a detector needs at least one object class; this dataset has none</source>
        <translation>ein Detektor braucht mindestens eine Objektklasse; dieser Datensatz hat keine</translation>
    </message>
    <message>
        <source>no training images</source>
        <translation>keine Trainingsbilder</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none of the %1 training images has a box with an area: a detector has nothing to learn</source>
        <translation>keines der %1 Trainingsbilder hat eine Box mit Fläche: ein Detektor hat nichts zu lernen</translation>
    </message>
    <message>
        <source>%1 boxes without area (zero width or height) are left out of the targets</source>
        <translation>%1 Boxen ohne Fläche (Breite oder Höhe null) bleiben aus den Zielen</translation>
    </message>
    <message>
        <source>%1 boxes reach outside their image: they are clipped to it</source>
        <translation>%1 Boxen reichen über ihr Bild hinaus: sie werden darauf beschnitten</translation>
    </message>
    <message>
        <source>no training boxes of %1: the detector cannot learn these classes</source>
        <translation>keine Trainingsboxen von %1: der Detektor kann diese Klassen nicht lernen</translation>
    </message>
    <message>
        <source>detection input: %1, each resized to %2×%2</source>
        <translation>Detektionseingabe: %1, jeweils auf %2×%2 skaliert</translation>
    </message>
    <message>
        <source>anchors %1 (strides %2): coverage %3% of %4 training boxes at IoU ≥ 0.5, default RetinaNet anchors %5%</source>
        <translation>Anker %1 (Schrittweiten %2): Abdeckung %3 % von %4 Trainingsboxen bei IoU ≥ 0,5, RetinaNet-Standardanker %5 %</translation>
    </message>
    <message>
        <source>class weights (inverse object frequency): %1</source>
        <translation>Klassengewichte (inverse Objekthäufigkeit): %1</translation>
    </message>
    <message>
        <source>test images: %1 (weights of epoch %2)</source>
        <translation>Testbilder: %1 (Gewichte der Epoche %2)</translation>
    </message>
    <message>
        <source>%1: %2 of %3 boxes found, %4 false positives%5</source>
        <translation>%1: %2 von %3 Boxen gefunden, %4 falsch Positive%5</translation>
    </message>
    <message>
        <source>  ← wrong</source>
        <translation>  ← falsch</translation>
    </message>
    <message>
        <source>%1 of %2 boxes found at IoU ≥ 0.5 with score ≥ %3 in evaluation mode</source>
        <translation>%1 von %2 Boxen bei IoU ≥ 0,5 mit Score ≥ %3 im Auswertungsmodus gefunden</translation>
    </message>
    <message>
        <source>%1 false positives with score ≥ %2</source>
        <translation>%1 falsch Positive mit Score ≥ %2</translation>
    </message>
    <message>
        <source>mAP %1, AP50 %2 on %3 images</source>
        <translation>mAP %1, AP50 %2 auf %3 Bildern</translation>
    </message>
    <message>
        <source>each epoch: the %1 tiles with objects and %2 of the %3 without, drawn anew</source>
        <translation>jede Epoche: die %1 Kacheln mit Objekten und %2 der %3 ohne, jedes Mal neu gezogen</translation>
    </message>
    <message>
        <source>segmentation needs at least one class besides background; this dataset has none</source>
        <translation>Segmentierung braucht außer dem Hintergrund mindestens eine Klasse; dieser Datensatz hat keine</translation>
    </message>
    <message>
        <source>segmentation takes at most 254 classes; this dataset has %1</source>
        <translation>Segmentierung nimmt höchstens 254 Klassen; dieser Datensatz hat %1</translation>
    </message>
    <message>
        <source>segmentation needs masks (mask folders, MVTec AD or COCO polygons); this dataset has none</source>
        <translation>Segmentierung braucht Masken (Maskenordner, MVTec AD oder COCO-Polygone); dieser Datensatz hat keine</translation>
    </message>
    <message>
        <source>%1 training masks cannot be read and their images are skipped: %2</source>
        <translation>%1 Trainingsmasken können nicht gelesen werden, ihre Bilder werden übersprungen: %2</translation>
    </message>
    <message>
        <source>none of the %1 training images has a pixel of any class: a segmenter has nothing to learn</source>
        <translation>keines der %1 Trainingsbilder hat ein Pixel einer Klasse: ein Segmentierer hat nichts zu lernen</translation>
    </message>
    <message>
        <source> (MVTec AD keeps every defect image in test/: move some into train/ to train on them)</source>
        <translation> (MVTec AD legt alle Defektbilder in test/ ab: einige nach train/ verschieben, um darauf zu trainieren)</translation>
    </message>
    <message>
        <source>no training pixels of %1: the segmenter cannot learn these classes</source>
        <translation>keine Trainingspixel von %1: der Segmentierer kann diese Klassen nicht lernen</translation>
    </message>
    <message>
        <source>segmentation input: %1, each resized to %2×%2</source>
        <translation>Segmentierungseingabe: %1, jeweils auf %2×%2 skaliert</translation>
    </message>
    <message>
        <source>class weights (1 / ln(1.02 + pixel share)): %1</source>
        <translation>Klassengewichte (1 / ln(1,02 + Pixelanteil)): %1</translation>
    </message>
    <message>
        <source>%1 class weights given for %2 classes (background first: %3)</source>
        <translation>%1 Klassengewichte für %2 Klassen angegeben (Hintergrund zuerst: %3)</translation>
    </message>
    <message>
        <source>%1: IoU %2 over its classes%3</source>
        <translation>%1: IoU %2 über seine Klassen%3</translation>
    </message>
    <message>
        <source>n/a (background only)</source>
        <translation>entfällt (nur Hintergrund)</translation>
    </message>
    <message>
        <source>  ← below %1</source>
        <translation>  ← unter %1</translation>
    </message>
    <message>
        <source>no image could be evaluated</source>
        <translation>kein Bild konnte ausgewertet werden</translation>
    </message>
    <message>
        <source>IoU of %1 is %2 in evaluation mode, not at least %3</source>
        <translation>IoU von %1 ist %2 im Auswertungsmodus, nicht mindestens %3</translation>
    </message>
    <message>
        <source>mIoU %1 (defect classes %2), pixel accuracy %3 on %4 images</source>
        <translation>mIoU %1 (Defektklassen %2), Pixelgenauigkeit %3 auf %4 Bildern</translation>
    </message>
</context>
<context>
    <name>loupe::importers</name>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>erwartet eine Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>erwartet eine ganze Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>expected compressed RLE counts, the string ends inside a number</source>
        <translation>erwartet komprimierte RLE-Zählwerte, die Zeichenkette endet mitten in einer Zahl</translation>
    </message>
    <message>
        <source>expected compressed RLE counts (characters &apos;0&apos; to &apos;o&apos;), found &apos;%1&apos; at position %2</source>
        <translation>erwartet komprimierte RLE-Zählwerte (Zeichen &apos;0&apos; bis &apos;o&apos;), gefunden: &apos;%1&apos; an Position %2</translation>
    </message>
    <message>
        <source>expected compressed RLE counts, found a number too large at position %1</source>
        <translation>erwartet komprimierte RLE-Zählwerte, gefunden: eine zu große Zahl an Position %1</translation>
    </message>
    <message>
        <source>expected compressed RLE counts, count %1 decodes to the negative value %2</source>
        <translation>erwartet komprimierte RLE-Zählwerte, Zählwert %1 ergibt den negativen Wert %2</translation>
    </message>
    <message>
        <source>expected [height, width] of the RLE mask</source>
        <translation>erwartet [height, width] der RLE-Maske</translation>
    </message>
    <message>
        <source>expected a positive [height, width], found [%1, %2]</source>
        <translation>erwartet positive [height, width], gefunden: [%1, %2]</translation>
    </message>
    <message>
        <source>expected a run length of 0 or more, found %1</source>
        <translation>erwartet eine Lauflänge von 0 oder mehr, gefunden: %1</translation>
    </message>
    <message>
        <source>expected RLE counts as a list of numbers or a compressed string</source>
        <translation>erwartet RLE-Zählwerte als Liste von Zahlen oder als komprimierte Zeichenkette</translation>
    </message>
    <message>
        <source>expected run lengths that add up to height × width = %1, found %2</source>
        <translation>erwartet Lauflängen mit der Summe Höhe × Breite = %1, gefunden: %2</translation>
    </message>
    <message>
        <source>expected fewer RLE runs</source>
        <translation>erwartet weniger RLE-Läufe</translation>
    </message>
    <message>
        <source>expected a polygon [x1, y1, x2, y2, ...], found %1</source>
        <translation>erwartet ein Polygon [x1, y1, x2, y2, ...], gefunden: %1</translation>
    </message>
    <message>
        <source>expected a polygon of x, y pairs, found %1 numbers</source>
        <translation>erwartet ein Polygon aus x,y-Paaren, gefunden: %1 Zahlen</translation>
    </message>
    <message>
        <source>expected a list of polygons or an RLE object {&quot;size&quot;: [h, w], &quot;counts&quot;: ...}, found %1</source>
        <translation>erwartet eine Liste von Polygonen oder ein RLE-Objekt {&quot;size&quot;: [h, w], &quot;counts&quot;: ...}, gefunden: %1</translation>
    </message>
    <message>
        <source>expected an array &quot;%1&quot;</source>
        <translation>erwartet ein Array &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected an array, found %1</source>
        <translation>erwartet ein Array, gefunden: %1</translation>
    </message>
    <message>
        <source>expected %1 object, found %2</source>
        <translation>erwartet ein Objekt (%1), gefunden: %2</translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;images&quot;, &quot;categories&quot; and &quot;annotations&quot;, found %1</source>
        <translation>erwartet ein JSON-Objekt mit &quot;images&quot;, &quot;categories&quot; und &quot;annotations&quot;, gefunden: %1</translation>
    </message>
    <message>
        <source>a category</source>
        <translation>eine Kategorie</translation>
    </message>
    <message>
        <source>expected a category id</source>
        <translation>erwartet eine Kategorie-ID</translation>
    </message>
    <message>
        <source>expected a category name</source>
        <translation>erwartet einen Kategorienamen</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>erwartet eine Zeichenkette, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a unique category id, %1 is used twice</source>
        <translation>erwartet eine eindeutige Kategorie-ID, %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1: category name &quot;%2&quot; is used by more than one id</source>
        <translation>%1: der Kategoriename „%2“ wird von mehr als einer ID verwendet</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <source>expected an image id</source>
        <translation>erwartet eine Bild-ID</translation>
    </message>
    <message>
        <source>expected a unique image id, %1 is used twice</source>
        <translation>erwartet eine eindeutige Bild-ID, %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>expected the image&apos;s file_name</source>
        <translation>erwartet den file_name des Bildes</translation>
    </message>
    <message>
        <source>expected a file name, found %1</source>
        <translation>erwartet einen Dateinamen, gefunden: %1</translation>
    </message>
    <message>
        <source>missing: listed in %1 %2</source>
        <translation>fehlt: aufgeführt in %1 %2</translation>
    </message>
    <message>
        <source>an annotation</source>
        <translation>eine Annotation</translation>
    </message>
    <message>
        <source>expected the annotation&apos;s image_id</source>
        <translation>erwartet die image_id der Annotation</translation>
    </message>
    <message>
        <source>expected the id of an entry in images, found %1</source>
        <translation>erwartet die ID eines Eintrags in images, gefunden: %1</translation>
    </message>
    <message>
        <source>expected the annotation&apos;s category_id</source>
        <translation>erwartet die category_id der Annotation</translation>
    </message>
    <message>
        <source>expected the id of an entry in categories, found %1</source>
        <translation>erwartet die ID eines Eintrags in categories, gefunden: %1</translation>
    </message>
    <message>
        <source>expected 4 numbers [x, y, width, height]</source>
        <translation>erwartet 4 Zahlen [x, y, width, height]</translation>
    </message>
    <message>
        <source>expected 4 numbers [x, y, width, height], element %1 is %2</source>
        <translation>erwartet 4 Zahlen [x, y, width, height], Element %1 ist %2</translation>
    </message>
    <message>
        <source>expected a width and height of 0 or more, found %1 × %2</source>
        <translation>erwartet Breite und Höhe von 0 oder mehr, gefunden: %1 × %2</translation>
    </message>
    <message>
        <source>expected a bbox or a segmentation</source>
        <translation>erwartet eine bbox oder eine segmentation</translation>
    </message>
    <message>
        <source>Cannot open COCO file %1: %2</source>
        <translation>COCO-Datei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>expected valid JSON: %1</source>
        <translation>erwartet gültiges JSON: %1</translation>
    </message>
    <message>
        <source>unexpected structure: %1</source>
        <translation>unerwartete Struktur: %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>a quoted field is never closed (expected a closing &quot;)</source>
        <translation>ein Feld in Anführungszeichen wird nie geschlossen (erwartet ein schließendes &quot;)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>expected 2 fields path,label (or path,label,split), found %1</source>
        <translation>erwartet 2 Felder path,label (oder path,label,split), gefunden: %1</translation>
    </message>
    <message>
        <source>expected an image path, found an empty field</source>
        <translation>erwartet einen Bildpfad, gefunden: ein leeres Feld</translation>
    </message>
    <message>
        <source>expected a label for %1, found an empty field</source>
        <translation>erwartet ein Label für %1, gefunden: ein leeres Feld</translation>
    </message>
    <message>
        <source>expected split train, valid or test, found &quot;%1&quot;</source>
        <translation>erwartet den Split train, valid oder test, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected lines of path,label, found none</source>
        <translation>erwartet Zeilen der Form path,label, keine gefunden</translation>
    </message>
    <message>
        <source>not a folder: %1</source>
        <translation>kein Ordner: %1</translation>
    </message>
    <message>
        <source>folder %1 is neither a split (train, valid, test) nor inside one; skipped</source>
        <translation>Ordner %1 ist weder ein Split (train, valid, test) noch liegt er in einem; übersprungen</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) directly in %1 have no class folder and were skipped</source>
        <translation>
            <numerusform>%n Bild direkt in %1 liegt in keinem Klassenordner und wurde übersprungen</numerusform>
            <numerusform>%n Bilder direkt in %1 liegen in keinem Klassenordner und wurden übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>no images found in class folders under %1</source>
        <translation>keine Bilder in Klassenordnern unter %1 gefunden</translation>
    </message>
    <message>
        <source>expected IDX magic %1 for images, found %2</source>
        <translation>erwartet IDX-Magic %1 für Bilder, gefunden: %2</translation>
    </message>
    <message>
        <source>expected IDX magic %1 for labels, found %2</source>
        <translation>erwartet IDX-Magic %1 für Labels, gefunden: %2</translation>
    </message>
    <message>
        <source> (this looks like a labels file)</source>
        <translation> (das sieht nach einer Label-Datei aus)</translation>
    </message>
    <message>
        <source> (this looks like an images file)</source>
        <translation> (das sieht nach einer Bilddatei aus)</translation>
    </message>
    <message>
        <source>%1 bytes of data (%2) is more than the %3 GiB Loupe holds in memory</source>
        <translation>%1 Byte Daten (%2) sind mehr als die %3 GiB, die Loupe im Speicher hält</translation>
    </message>
    <message>
        <source>the header claims %1 items; at most %2 are supported</source>
        <translation>der Header gibt %1 Einträge an; höchstens %2 werden unterstützt</translation>
    </message>
    <message>
        <source>image size %1×%2 has no pixels</source>
        <translation>Bildgröße %1×%2 hat keine Pixel</translation>
    </message>
    <message>
        <source>image size %1×%2 is implausibly large</source>
        <translation>Bildgröße %1×%2 ist unplausibel groß</translation>
    </message>
    <message>
        <source>expected %1 bytes of pixels, the file has %2 (truncated?)</source>
        <translation>erwartet %1 Byte Pixeldaten, die Datei hat %2 (abgeschnitten?)</translation>
    </message>
    <message>
        <source>expected %1 bytes of labels, the file has %2 (truncated?)</source>
        <translation>erwartet %1 Byte Labels, die Datei hat %2 (abgeschnitten?)</translation>
    </message>
    <message>
        <source>the file ends inside the %1-byte IDX header</source>
        <translation>die Datei endet innerhalb des %1 Byte langen IDX-Headers</translation>
    </message>
    <message>
        <source>cannot start gzip decompression (out of memory?)</source>
        <translation>gzip-Dekomprimierung kann nicht gestartet werden (Speicher erschöpft?)</translation>
    </message>
    <message>
        <source>corrupt gzip data: %1</source>
        <translation>beschädigte gzip-Daten: %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>out of memory while decompressing %1</source>
        <translation>Speicher beim Dekomprimieren von %1 erschöpft</translation>
    </message>
    <message>
        <source>the gzip stream is cut off: expected %1 bytes, it decompresses to %2 (truncated download?)</source>
        <translation>der gzip-Datenstrom ist abgeschnitten: erwartet %1 Byte, er ergibt dekomprimiert %2 (abgebrochener Download?)</translation>
    </message>
    <message>
        <source>IDX file not found: %1</source>
        <translation>IDX-Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <source>not found: %1</source>
        <translation>nicht gefunden: %1</translation>
    </message>
    <message>
        <source>a labels file belongs to one IDX images file, not to the folder %1</source>
        <translation>eine Label-Datei gehört zu einer IDX-Bilddatei, nicht zum Ordner %1</translation>
    </message>
    <message>
        <source>skipped %1: no labels file beside it</source>
        <translation>%1 übersprungen: keine Label-Datei daneben</translation>
    </message>
    <message>
        <source>no IDX images file with a labels file beside it in %1 (expected names like train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz)</source>
        <translation>keine IDX-Bilddatei mit einer Label-Datei daneben in %1 (erwartet Namen wie train-images-idx3-ubyte.gz und train-labels-idx1-ubyte.gz)</translation>
    </message>
    <message>
        <source>no labels file found beside %1; give it explicitly (an IDX labels file such as train-labels-idx1-ubyte.gz)</source>
        <translation>keine Label-Datei neben %1 gefunden; geben Sie sie ausdrücklich an (eine IDX-Label-Datei wie train-labels-idx1-ubyte.gz)</translation>
    </message>
    <message>
        <source>holds %1 labels but %2 holds %3 images</source>
        <translation>enthält %1 Labels, aber %2 enthält %3 Bilder</translation>
    </message>
    <message>
        <source>images are %1×%2 but those of %3 are %4×%5; one IDX dataset needs one size</source>
        <translation>die Bilder sind %1×%2, die von %3 aber %4×%5; ein IDX-Datensatz braucht eine einheitliche Größe</translation>
    </message>
    <message>
        <source>too many images in total to index</source>
        <translation>insgesamt zu viele Bilder zum Indizieren</translation>
    </message>
    <message>
        <source>%1: ignored data after the last image</source>
        <translation>%1: Daten nach dem letzten Bild ignoriert</translation>
    </message>
    <message>
        <source>%1: ignored data after the last label</source>
        <translation>%1: Daten nach dem letzten Label ignoriert</translation>
    </message>
    <message>
        <source>no such file or folder: %1</source>
        <translation>Datei oder Ordner nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>no such label file: %1</source>
        <translation>Label-Datei nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; expected one of %2</source>
        <translation>unbekanntes Format „%1“; erwartet eines von %2</translation>
    </message>
    <message>
        <source>no single CSV file in %1; name it with --labels</source>
        <translation>keine eindeutige CSV-Datei in %1; geben Sie sie mit --labels an</translation>
    </message>
    <message>
        <source>expected an &lt;annotation&gt; element, the file is empty</source>
        <translation>erwartet ein &lt;annotation&gt;-Element, die Datei ist leer</translation>
    </message>
    <message>
        <source>expected an &lt;annotation&gt; element, found &lt;%1&gt;</source>
        <translation>erwartet ein &lt;annotation&gt;-Element, gefunden: &lt;%1&gt;</translation>
    </message>
    <message>
        <source>expected well-formed XML: %1</source>
        <translation>erwartet wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>expected a number in &lt;%1&gt;, found &quot;%2&quot;</source>
        <translation>erwartet eine Zahl in &lt;%1&gt;, gefunden: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>expected a size of 0 or more in &lt;%1&gt;, found %2</source>
        <translation>erwartet eine Größe von 0 oder mehr in &lt;%1&gt;, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a &lt;name&gt; in the &lt;object&gt; starting here</source>
        <translation>erwartet ein &lt;name&gt; in dem hier beginnenden &lt;object&gt;</translation>
    </message>
    <message>
        <source>expected a &lt;bndbox&gt; in the &lt;object&gt; starting here</source>
        <translation>erwartet eine &lt;bndbox&gt; in dem hier beginnenden &lt;object&gt;</translation>
    </message>
    <message>
        <source>expected &lt;%1&gt; in the &lt;bndbox&gt; starting here</source>
        <translation>erwartet &lt;%1&gt; in der hier beginnenden &lt;bndbox&gt;</translation>
    </message>
    <message>
        <source>expected xmin &lt;= xmax and ymin &lt;= ymax in the &lt;bndbox&gt; starting here, found %1, %2, %3, %4</source>
        <translation>erwartet xmin &lt;= xmax und ymin &lt;= ymax in der hier beginnenden &lt;bndbox&gt;, gefunden: %1, %2, %3, %4</translation>
    </message>
    <message>
        <source>VOC folder %1 does not exist</source>
        <translation>VOC-Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>No VOC annotation (.xml) files in %1</source>
        <translation>Keine VOC-Annotationsdateien (.xml) in %1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>missing: named in %1</source>
        <translation>fehlt: genannt in %1</translation>
    </message>
    <message>
        <source>expected &quot;id: name&quot; with a class id of 0 or more, found &quot;%1&quot;</source>
        <translation>erwartet &quot;id: name&quot; mit einer Klassen-ID von 0 oder mehr, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected each class id once, %1 appears twice</source>
        <translation>erwartet jede Klassen-ID einmal, %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>expected the number of classes after nc:, found &quot;%1&quot;</source>
        <translation>erwartet die Anzahl der Klassen nach nc:, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected the list of names to end with &apos;%1&apos;</source>
        <translation>erwartet, dass die Namensliste mit &apos;%1&apos; endet</translation>
    </message>
    <message>
        <source>expected names as [a, b, ...], &quot;- name&quot; lines or &quot;id: name&quot; lines, found &quot;%1&quot;</source>
        <translation>erwartet Namen als [a, b, ...], &quot;- name&quot;-Zeilen oder &quot;id: name&quot;-Zeilen, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected either &quot;- name&quot; lines or &quot;id: name&quot; lines, not both</source>
        <translation>erwartet entweder &quot;- name&quot;-Zeilen oder &quot;id: name&quot;-Zeilen, nicht beides</translation>
    </message>
    <message>
        <source>expected class ids 0 to %1 without gaps, id %2 is missing</source>
        <translation>erwartet Klassen-IDs 0 bis %1 ohne Lücken, ID %2 fehlt</translation>
    </message>
    <message>
        <source>expected a name for every class, found an empty one</source>
        <translation>erwartet einen Namen für jede Klasse, gefunden: ein leerer</translation>
    </message>
    <message>
        <source>expected a class name, found an empty line</source>
        <translation>erwartet einen Klassennamen, gefunden: eine leere Zeile</translation>
    </message>
    <message>
        <source>expected class x_center y_center width height, found &quot;%1&quot;</source>
        <translation>erwartet class x_center y_center width height, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a class id of 0 or more, found &quot;%1&quot;</source>
        <translation>erwartet eine Klassen-ID von 0 oder mehr, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a class id from 0 to %1, found %2</source>
        <translation>erwartet eine Klassen-ID von 0 bis %1, gefunden: %2</translation>
    </message>
    <message>
        <source>expected normalised coordinates between 0 and 1, found %1 (number %2)</source>
        <translation>erwartet normierte Koordinaten zwischen 0 und 1, gefunden: %1 (Zahl %2)</translation>
    </message>
    <message>
        <source>YOLO folder %1 does not exist</source>
        <translation>YOLO-Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 gives nc but no names; classes are named by their ids</source>
        <translation>%1 gibt nc, aber keine names an; Klassen werden nach ihren IDs benannt</translation>
    </message>
    <message>
        <source>%1 says nc: %2 but lists %3 names; the names are used</source>
        <translation>%1 gibt nc: %2 an, listet aber %3 Namen auf; die Namen werden verwendet</translation>
    </message>
    <message>
        <source>cannot read its label file %1</source>
        <translation>die zugehörige Label-Datei %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>cannot read the image size</source>
        <translation>die Bildgröße kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No data.yaml or classes.txt; classes are named by their ids</source>
        <translation>Keine data.yaml oder classes.txt; Klassen werden nach ihren IDs benannt</translation>
    </message>
    <message>
        <source>expected a mask of at most %1 pixels, found [%2, %3]</source>
        <translation>erwartet eine Maske mit höchstens %1 Pixeln, gefunden: [%2, %3]</translation>
    </message>
    <message>
        <source>expected at most %1 classes after nc:, found %2</source>
        <translation>erwartet höchstens %1 Klassen nach nc:, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a class id below %1 (without data.yaml or classes.txt every id up to the largest becomes a class), found %2</source>
        <translation>erwartet eine Klassen-ID unter %1 (ohne data.yaml oder classes.txt wird jede ID bis zur größten zu einer Klasse), gefunden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n polygon(s) with fewer than 3 points were left out</source>
        <translation>
            <numerusform>%1: %n Polygon mit weniger als 3 Punkten wurde ausgelassen</numerusform>
            <numerusform>%1: %n Polygone mit weniger als 3 Punkten wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 have no annotation file and were left out</source>
        <translation>
            <numerusform>%n Bild in %1 hat keine Annotationsdatei und wurde ausgelassen</numerusform>
            <numerusform>%n Bilder in %1 haben keine Annotationsdatei und wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>Pascal VOC XML beside the images</source>
        <translation>Pascal-VOC-XML neben den Bildern</translation>
    </message>
    <message>
        <source>expected 0 or 1, found %1</source>
        <translation>erwartet 0 oder 1, gefunden: %1</translation>
    </message>
    <message>
        <source>Roboflow COCO</source>
        <translation>Roboflow COCO</translation>
    </message>
    <message>
        <source>CVAT COCO</source>
        <translation>CVAT COCO</translation>
    </message>
    <message>
        <source>Label Studio COCO</source>
        <translation>Label Studio COCO</translation>
    </message>
    <message>
        <source>COCO</source>
        <translation>COCO</translation>
    </message>
    <message>
        <source>%1: %2, no images found</source>
        <translation>%1: %2, keine Bilder gefunden</translation>
    </message>
    <message>
        <source>%1: %2, images in %3</source>
        <translation>%1: %2, Bilder in %3</translation>
    </message>
    <message>
        <source>one JSON per split (%1)</source>
        <translation>eine JSON-Datei pro Split (%1)</translation>
    </message>
    <message>
        <source>%1 JSON</source>
        <translation>%1-JSON</translation>
    </message>
    <message>
        <source>%1: %2 JSON files</source>
        <translation>%1: %2 JSON-Dateien</translation>
    </message>
    <message>
        <source>--csv-columns expects PATH,LABEL (header names or 1-based numbers), found &quot;%1&quot;</source>
        <translation>--csv-columns erwartet PATH,LABEL (Spaltennamen oder Nummern ab 1), gefunden: „%1“</translation>
    </message>
    <message>
        <source>--csv-columns: %1 has columns 1 to %2, not %3</source>
        <translation>--csv-columns: %1 hat die Spalten 1 bis %2, nicht %3</translation>
    </message>
    <message>
        <source>--csv-columns: the first line of %1 has no column named &quot;%2&quot; (it has %3)</source>
        <translation>--csv-columns: die erste Zeile von %1 hat keine Spalte namens „%2“ (vorhanden: %3)</translation>
    </message>
    <message>
        <source>--csv-columns names the same column for the paths and the labels: &quot;%1&quot;</source>
        <translation>--csv-columns nennt dieselbe Spalte für die Pfade und die Labels: „%1“</translation>
    </message>
    <message>
        <source>chosen with --csv-columns</source>
        <translation>mit --csv-columns gewählt</translation>
    </message>
    <message>
        <source>found by their header names</source>
        <translation>an ihren Spaltennamen erkannt</translation>
    </message>
    <message>
        <source>by position</source>
        <translation>nach Position</translation>
    </message>
    <message>
        <source>%1: no column names image files that exist (looked in %2, with and without the endings %3); give the image folder as DATASET or with --images DIR, or the columns with --csv-columns PATH,LABEL</source>
        <translation>%1: keine Spalte nennt vorhandene Bilddateien (gesucht in %2, mit und ohne die Endungen %3); den Bildordner als DATASET oder mit --images DIR angeben oder die Spalten mit --csv-columns PATH,LABEL</translation>
    </message>
    <message>
        <source>%1: columns %2 all name image files; choose the path and label columns with --csv-columns PATH,LABEL (header names or 1-based numbers)</source>
        <translation>%1: die Spalten %2 nennen alle Bilddateien; Pfad- und Label-Spalte mit --csv-columns PATH,LABEL wählen (Spaltennamen oder Nummern ab 1)</translation>
    </message>
    <message>
        <source>found by content</source>
        <translation>am Inhalt erkannt</translation>
    </message>
    <message>
        <source>%1: no column other than %2 holds short repeated values like class names; choose the path and label columns with --csv-columns PATH,LABEL (header names or 1-based numbers)</source>
        <translation>%1: außer %2 enthält keine Spalte kurze, sich wiederholende Werte wie Klassennamen; Pfad- und Label-Spalte mit --csv-columns PATH,LABEL wählen (Spaltennamen oder Nummern ab 1)</translation>
    </message>
    <message>
        <source>%1: cannot tell which column holds the labels: %2 all hold short repeated values; choose the path and label columns with --csv-columns PATH,LABEL (header names or 1-based numbers)</source>
        <translation>%1: nicht erkennbar, welche Spalte die Labels enthält: %2 enthalten alle kurze, sich wiederholende Werte; Pfad- und Label-Spalte mit --csv-columns PATH,LABEL wählen (Spaltennamen oder Nummern ab 1)</translation>
    </message>
    <message>
        <source>names without extension, found as %1 in %2</source>
        <translation>Namen ohne Endung, gefunden als %1 in %2</translation>
    </message>
    <message>
        <source>names without extension, found as %1</source>
        <translation>Namen ohne Endung, gefunden als %1</translation>
    </message>
    <message>
        <source>images found in %1</source>
        <translation>Bilder gefunden in %1</translation>
    </message>
    <message>
        <source>the image folder %1 is not a folder</source>
        <translation>der Bildordner %1 ist kein Ordner</translation>
    </message>
    <message>
        <source>expected %1 fields like line %2, found %3</source>
        <translation>erwartet %1 Felder wie in Zeile %2, gefunden: %3</translation>
    </message>
    <message>
        <source>no image that %1 lists was found (%2 listed; looked in %3, with and without the endings %4); give the image folder as DATASET or with --images DIR</source>
        <translation>keines der in %1 aufgeführten Bilder wurde gefunden (%2 aufgeführt; gesucht in %3, mit und ohne die Endungen %4); den Bildordner als DATASET oder mit --images DIR angeben</translation>
    </message>
    <message>
        <source>CSV: columns %1 (path), %2 (label) and %3 (split)</source>
        <translation>CSV: Spalten %1 (Pfad), %2 (Label) und %3 (Split)</translation>
    </message>
    <message>
        <source>CSV: columns %1 (path) and %2 (label)</source>
        <translation>CSV: Spalten %1 (Pfad) und %2 (Label)</translation>
    </message>
    <message>
        <source>no header line</source>
        <translation>keine Kopfzeile</translation>
    </message>
    <message>
        <source>class folders under split folders (train/, valid/, test/)</source>
        <translation>Klassenordner unter Split-Ordnern (train/, valid/, test/)</translation>
    </message>
    <message>
        <source>class folders</source>
        <translation>Klassenordner</translation>
    </message>
    <message numerus="yes">
        <source>none of the %n image(s) named by the labels of %1 was found (the first: %2); name the image folder with --images</source>
        <translation>
            <numerusform>das %n in den Labels von %1 genannte Bild wurde nicht gefunden (%2); den Bildordner mit --images angeben</numerusform>
            <numerusform>keines der %n in den Labels von %1 genannten Bilder wurde gefunden (das erste: %2); den Bildordner mit --images angeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none of the %n image(s) named by the labels of %1 could be used (the first: %2: %3)</source>
        <translation>
            <numerusform>das %n in den Labels von %1 genannte Bild konnte nicht verwendet werden (%2: %3)</numerusform>
            <numerusform>keines der %n in den Labels von %1 genannten Bilder konnte verwendet werden (das erste: %2: %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no images read from %1 as %2, yet the folder holds %n image file(s); %3; name the format with --format and the label file with --labels</source>
        <translation>
            <numerusform>keine Bilder aus %1 als %2 gelesen, obwohl der Ordner %n Bilddatei enthält; %3; das Format mit --format und die Label-Datei mit --labels angeben</numerusform>
            <numerusform>keine Bilder aus %1 als %2 gelesen, obwohl der Ordner %n Bilddateien enthält; %3; das Format mit --format und die Label-Datei mit --labels angeben</numerusform>
        </translation>
    </message>
    <message>
        <source>no images in %1 (read as %2)</source>
        <translation>keine Bilder in %1 (gelesen als %2)</translation>
    </message>
    <message>
        <source>no such image folder: %1</source>
        <translation>Bildordner nicht vorhanden: %1</translation>
    </message>
    <message>
        <source>cannot tell the dataset format of %1: %2; name the format with --format and the label file with --labels</source>
        <translation>das Datensatzformat von %1 ist nicht erkennbar: %2; das Format mit --format und die Label-Datei mit --labels angeben</translation>
    </message>
    <message>
        <source>an image folder (--images) is for label files; %1 datasets hold their images themselves</source>
        <translation>ein Bildordner (--images) ist für Label-Dateien gedacht; %1-Datensätze enthalten ihre Bilder selbst</translation>
    </message>
    <message>
        <source>CSV of image paths and labels</source>
        <translation>CSV mit Bildpfaden und Labels</translation>
    </message>
    <message>
        <source>no COCO JSON in %1 (looked in ./, annotations/ and train/, valid/, test/); name it with --labels</source>
        <translation>kein COCO-JSON in %1 (gesucht in ./, annotations/ und train/, valid/, test/); mit --labels angeben</translation>
    </message>
    <message>
        <source>%1 holds %2 COCO JSON files (%3); name one with --labels</source>
        <translation>%1 enthält %2 COCO-JSON-Dateien (%3); eine davon mit --labels angeben</translation>
    </message>
    <message>
        <source>Pascal VOC XML</source>
        <translation>Pascal-VOC-XML</translation>
    </message>
    <message>
        <source>YOLO labels</source>
        <translation>YOLO-Labels</translation>
    </message>
    <message>
        <source>IDX images and labels (MNIST style)</source>
        <translation>IDX-Bilder und -Labels (MNIST-Stil)</translation>
    </message>
    <message>
        <source>Pascal VOC devkit: %1 with Annotations/, JPEGImages/ and ImageSets/Main/ splits</source>
        <translation>Pascal-VOC-Devkit: %1 mit Annotations/, JPEGImages/ und Splits in ImageSets/Main/</translation>
    </message>
    <message>
        <source>Pascal VOC: Annotations/, JPEGImages/ and ImageSets/Main/ splits</source>
        <translation>Pascal VOC: Annotations/, JPEGImages/ und Splits in ImageSets/Main/</translation>
    </message>
    <message>
        <source>CVAT Pascal VOC export: Annotations/, JPEGImages/, ImageSets/Main/ and labelmap.txt</source>
        <translation>CVAT-Export im Pascal-VOC-Format: Annotations/, JPEGImages/, ImageSets/Main/ und labelmap.txt</translation>
    </message>
    <message>
        <source>Pascal VOC: Annotations/ with JPEGImages/</source>
        <translation>Pascal VOC: Annotations/ mit JPEGImages/</translation>
    </message>
    <message>
        <source>Pascal VOC XML beside the images in train/, valid/, test/ folders (Roboflow&apos;s export)</source>
        <translation>Pascal-VOC-XML neben den Bildern in den Ordnern train/, valid/, test/ (Roboflow-Export)</translation>
    </message>
    <message>
        <source>image folder %1 does not exist</source>
        <translation>Bildordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 holds %2; %3 is read (open another one by its folder)</source>
        <translation>%1 enthält %2; gelesen wird %3 (die anderen jeweils über ihren Ordner öffnen)</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) listed in ImageSets/Main have no annotation file and were left out</source>
        <translation>
            <numerusform>%n in ImageSets/Main aufgeführtes Bild hat keine Annotationsdatei und wurde ausgelassen</numerusform>
            <numerusform>%n in ImageSets/Main aufgeführte Bilder haben keine Annotationsdatei und wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation file(s) are in no list of ImageSets/Main and were left out</source>
        <translation>
            <numerusform>%n Annotationsdatei steht in keiner Liste von ImageSets/Main und wurde ausgelassen</numerusform>
            <numerusform>%n Annotationsdateien stehen in keiner Liste von ImageSets/Main und wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are listed in more than one split of ImageSets/Main; each is kept in the first of train, val, test</source>
        <translation>
            <numerusform>%n Bild ist in mehr als einem Split von ImageSets/Main aufgeführt; es bleibt im ersten von train, val, test</numerusform>
            <numerusform>%n Bilder sind in mehr als einem Split von ImageSets/Main aufgeführt; jedes bleibt im ersten von train, val, test</numerusform>
        </translation>
    </message>
    <message>
        <source>No annotated images in %1: ImageSets/Main lists none that has an annotation file</source>
        <translation>Keine annotierten Bilder in %1: ImageSets/Main führt keines mit Annotationsdatei auf</translation>
    </message>
    <message>
        <source>darknet / CVAT YOLO 1.1: obj.data, obj.names and obj_&lt;subset&gt;_data/ image lists</source>
        <translation>darknet / CVAT YOLO 1.1: obj.data, obj.names und Bildlisten in obj_&lt;subset&gt;_data/</translation>
    </message>
    <message>
        <source>YOLOv5/v8: %1 naming image folders or lists, labels/ beside images/</source>
        <translation>YOLOv5/v8: %1 nennt Bildordner oder -listen, labels/ neben images/</translation>
    </message>
    <message>
        <source>Roboflow YOLO export: %1 with train/, valid/, test/ folders of images/ and labels/</source>
        <translation>Roboflow-YOLO-Export: %1 mit Ordnern train/, valid/, test/ mit images/ und labels/</translation>
    </message>
    <message>
        <source>YOLO: train/, valid/, test/ folders of images/ and labels/</source>
        <translation>YOLO: Ordner train/, valid/, test/ mit images/ und labels/</translation>
    </message>
    <message>
        <source>YOLO: images/ and labels/ folders</source>
        <translation>YOLO: Ordner images/ und labels/</translation>
    </message>
    <message>
        <source>YOLO: label files beside the images, class names in %1</source>
        <translation>YOLO: Label-Dateien neben den Bildern, Klassennamen in %1</translation>
    </message>
    <message>
        <source>%1 names %2: %3, which is not there</source>
        <translation>%1 nennt %2: %3, das nicht vorhanden ist</translation>
    </message>
    <message>
        <source>missing: listed in %1 line %2</source>
        <translation>fehlt: aufgeführt in %1, Zeile %2</translation>
    </message>
    <message>
        <source>%1 is not named in %2; its images are read as its folder&apos;s split</source>
        <translation>%1 ist in %2 nicht genannt; seine Bilder werden dem Split seines Ordners zugeordnet</translation>
    </message>
    <message>
        <source>%1 names %2 = %3, which is not there; its images are left out</source>
        <translation>%1 nennt %2 = %3, das nicht vorhanden ist; die zugehörigen Bilder werden ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in obj_&lt;subset&gt;_data/ are in no list of %1 and were left out</source>
        <translation>
            <numerusform>%n Bild in obj_&lt;subset&gt;_data/ steht in keiner Liste von %1 und wurde ausgelassen</numerusform>
            <numerusform>%n Bilder in obj_&lt;subset&gt;_data/ stehen in keiner Liste von %1 und wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are named by more than one split; each is kept in the first</source>
        <translation>
            <numerusform>%n Bild wird von mehr als einem Split genannt; es bleibt im ersten</numerusform>
            <numerusform>%n Bilder werden von mehr als einem Split genannt; jedes bleibt im ersten</numerusform>
        </translation>
    </message>
    <message>
        <source>No images found for the YOLO labels in %1; looked in: %2</source>
        <translation>Keine Bilder zu den YOLO-Labels in %1 gefunden; gesucht in: %2</translation>
    </message>
    <message>
        <source>looked for class folders of images (optionally under train/, valid/, test/), a CSV file, COCO JSON (in ./, annotations/ or train/, valid/, test/), Pascal VOC (Annotations/ or XML beside the images), YOLO (data.yaml, classes.txt, obj.data or labels/), IDX files, mask folders (images/ and masks/) and MVTec AD (train/good/, test/, ground_truth/)</source>
        <translation>gesucht wurde nach Klassenordnern mit Bildern (optional unter train/, valid/, test/), einer CSV-Datei, COCO-JSON (in ./, annotations/ oder train/, valid/, test/), Pascal VOC (Annotations/ oder XML neben den Bildern), YOLO (data.yaml, classes.txt, obj.data oder labels/), IDX-Dateien, Maskenordnern (images/ und masks/) und MVTec AD (train/good/, test/, ground_truth/)</translation>
    </message>
    <message>
        <source>no class names (one name a line expected)</source>
        <translation>keine Klassennamen (ein Name pro Zeile erwartet)</translation>
    </message>
    <message>
        <source>%1 classes; masks of 8 bits hold at most 254</source>
        <translation>%1 Klassen; 8-Bit-Masken fassen höchstens 254</translation>
    </message>
    <message>
        <source>expected name:r,g,b:parts:actions</source>
        <translation>erwartet name:r,g,b:parts:actions</translation>
    </message>
    <message>
        <source>no classes besides the background</source>
        <translation>keine Klassen außer dem Hintergrund</translation>
    </message>
    <message>
        <source>mask folders: %1/ and %2/ under split folders</source>
        <translation>Maskenordner: %1/ und %2/ unter Aufteilungsordnern</translation>
    </message>
    <message>
        <source>mask folders: %1/ and %2/ with the same file names</source>
        <translation>Maskenordner: %1/ und %2/ mit gleichen Dateinamen</translation>
    </message>
    <message>
        <source>no images/ and masks/ folders in %1</source>
        <translation>keine Ordner images/ und masks/ in %1</translation>
    </message>
    <message>
        <source>no mask for this image in %1 (looked for %2.png)</source>
        <translation>keine Maske zu diesem Bild in %1 (gesucht: %2.png)</translation>
    </message>
    <message>
        <source>mask without an image of the same name in %1</source>
        <translation>Maske ohne gleichnamiges Bild in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) have no mask and are left out</source>
        <translation>
            <numerusform>%n Bild hat keine Maske und wird ausgelassen</numerusform>
            <numerusform>%n Bilder haben keine Maske und werden ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>no classes.txt or labelmap.txt beside the masks: classes are named by their mask values (%1)</source>
        <translation>keine classes.txt oder labelmap.txt neben den Masken: die Klassen sind nach ihren Maskenwerten benannt (%1)</translation>
    </message>
    <message>
        <source>MVTec AD: train/good/, test/&lt;defect&gt;/ and ground_truth/</source>
        <translation>MVTec AD: train/good/, test/&lt;Defekt&gt;/ und ground_truth/</translation>
    </message>
    <message>
        <source>MVTec AD: categories with train/good/, test/&lt;defect&gt;/ and ground_truth/</source>
        <translation>MVTec AD: Kategorien mit train/good/, test/&lt;Defekt&gt;/ und ground_truth/</translation>
    </message>
    <message>
        <source>no MVTec AD layout (train/good/, test/, ground_truth/) in %1</source>
        <translation>kein MVTec-AD-Aufbau (train/good/, test/, ground_truth/) in %1</translation>
    </message>
    <message>
        <source>no mask %1</source>
        <translation>keine Maske %1</translation>
    </message>
</context>
<context>
    <name>loupe::scanner</name>
    <message>
        <source>image claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation>Bild gibt %1×%2 Pixel an, mehr als die Grenze von %3 Megapixeln</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>file of %1 MB is above the limit of %2 MB</source>
        <translation>Datei mit %1 MB liegt über der Grenze von %2 MB</translation>
    </message>
    <message>
        <source>mask is empty, yet its image is filed under &quot;%1&quot;</source>
        <translation>Maske ist leer, obwohl ihr Bild unter &quot;%1&quot; abgelegt ist</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Loupe, a workbench for vision models.</source>
        <translation>Loupe, eine Werkbank für Bildverarbeitungsmodelle.</translation>
    </message>
    <message>
        <source>Dataset to open.</source>
        <translation>Zu öffnender Datensatz.</translation>
    </message>
    <message>
        <source>A label file kept apart from the images.</source>
        <translation>Eine Label-Datei, die getrennt von den Bildern liegt.</translation>
    </message>
    <message>
        <source>Save a PNG of the window once loading has settled, then quit.</source>
        <translation>Nach dem Laden ein PNG des Fensters speichern und dann beenden.</translation>
    </message>
    <message>
        <source>loupe: no page &quot;%1&quot;; the pages are %2</source>
        <translation>loupe: keine Seite „%1“; die Seiten sind %2</translation>
    </message>
    <message>
        <source>The folder the label file&apos;s image paths start from.</source>
        <translation>Der Ordner, von dem die Bildpfade der Label-Datei ausgehen.</translation>
    </message>
    <message>
        <source>The CSV&apos;s path and label columns, by header name or 1-based number.</source>
        <translation>Pfad- und Label-Spalte der CSV-Datei, nach Spaltenname oder Nummer ab 1.</translation>
    </message>
    <message>
        <source>Page to open: overview, report, browser, augment, train, runs or predictions.</source>
        <translation>Zu öffnende Seite: overview, report, browser, augment, train, runs oder predictions.</translation>
    </message>
    <message>
        <source>auto, folder, csv, coco, voc, yolo, idx, masks or mvtec.</source>
        <translation>auto, folder, csv, coco, voc, yolo, idx, masks oder mvtec.</translation>
    </message>
</context>
</TS>
