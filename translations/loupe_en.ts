<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>loupe::AugmentPanel</name>
    <message numerus="yes">
        <source>Advisor: %n warning(s)</source>
        <translation>
            <numerusform>Advisor: %n warning</numerusform>
            <numerusform>Advisor: %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::DatasetStats</name>
    <message numerus="yes">
        <source>%n image(s) have no label</source>
        <translation>
            <numerusform>%n image has no label</numerusform>
            <numerusform>%n images have no label</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are exact copies of another image; a copy in both train and dev inflates dev scores</source>
        <translation>
            <numerusform>%n file is an exact copy of another image; a copy in both train and dev inflates dev scores</numerusform>
            <numerusform>%n files are exact copies of another image; a copy in both train and dev inflates dev scores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) appear under two or more different labels: %1</source>
        <translation>
            <numerusform>%n image appears under two or more different labels: %1</numerusform>
            <numerusform>%n images appear under two or more different labels: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::Diagnosis</name>
    <message numerus="yes">
        <source>%n epoch(s) so far; the curves are read from epoch %1 on.</source>
        <translation>
            <numerusform>%n epoch so far; the curves are read from epoch %1 on.</numerusform>
            <numerusform>%n epochs so far; the curves are read from epoch %1 on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::Inspection</name>
    <message numerus="yes">
        <source>Broken or missing files (%n, skipped)
</source>
        <translation>
            <numerusform>Broken or missing files (%n, skipped)
</numerusform>
            <numerusform>Broken or missing files (%n, skipped)
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identical files (%n group(s))
</source>
        <translation>
            <numerusform>Identical files (%n group)
</numerusform>
            <numerusform>Identical files (%n groups)
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::MainWindow</name>
    <message numerus="yes">
        <source>%1 images, %2 classes, %3 broken or missing, %n warning(s)</source>
        <translation>
            <numerusform>%1 images, %2 classes, %3 broken or missing, %n warning</numerusform>
            <numerusform>%1 images, %2 classes, %3 broken or missing, %n warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::importers</name>
    <message numerus="yes">
        <source>%n image(s) directly in %1 have no class folder and were skipped</source>
        <translation>
            <numerusform>%n image directly in %1 has no class folder and was skipped</numerusform>
            <numerusform>%n images directly in %1 have no class folder and were skipped</numerusform>
        </translation>
    </message>
</context>
</TS>
