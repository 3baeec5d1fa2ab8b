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
    <message numerus="yes">
        <source>%1
%2×%2, %n channel(s), label %3</source>
        <translation>
            <numerusform>%1
%2×%2, %n channel, label %3</numerusform>
            <numerusform>%1
%2×%2, %n channels, label %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exact batch: the first %1 images of epoch %2 as the data loader gives them to the model (%3×%3, %n channel(s)), de-normalised.</source>
        <translation>
            <numerusform>Exact batch: the first %1 images of epoch %2 as the data loader gives them to the model (%3×%3, %n channel), de-normalised.</numerusform>
            <numerusform>Exact batch: the first %1 images of epoch %2 as the data loader gives them to the model (%3×%3, %n channels), de-normalised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::ConfusionMatrixView</name>
    <message numerus="yes">
        <source>%n image(s) of %1 predicted as %2. Click to show them.</source>
        <translation>
            <numerusform>%n image of %1 predicted as %2. Click to show it.</numerusform>
            <numerusform>%n images of %1 predicted as %2. Click to show them.</numerusform>
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
    <message numerus="yes">
        <source>%n object(s) smaller than 5×5 px even at full size: %1; crop to the region of interest or tile the image instead of downsizing</source>
        <translation>
            <numerusform>%n object smaller than 5×5 px even at full size: %1; crop to the region of interest or tile the image instead of downsizing</numerusform>
            <numerusform>%n objects smaller than 5×5 px even at full size: %1; crop to the region of interest or tile the image instead of downsizing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n region(s) of &quot;%1&quot; are under 5 px on their shorter side even at full size (the smallest: %2×%3 px in %4); crop to the region of interest or tile the image instead of downsizing</source>
        <translation>
            <numerusform>%n region of &quot;%1&quot; is under 5 px on its shorter side even at full size (the smallest: %2×%3 px in %4); crop to the region of interest or tile the image instead of downsizing</numerusform>
            <numerusform>%n regions of &quot;%1&quot; are under 5 px on their shorter side even at full size (the smallest: %2×%3 px in %4); crop to the region of interest or tile the image instead of downsizing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::DetectionPredictionsView</name>
    <message numerus="yes">
        <source>%n missed</source>
        <translation>
            <numerusform>%n missed</numerusform>
            <numerusform>%n missed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n false positive(s)</source>
        <translation>
            <numerusform>%n false positive</numerusform>
            <numerusform>%n false positives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wrong class</source>
        <translation>
            <numerusform>%n wrong class</numerusform>
            <numerusform>%n wrong class</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no errors (%n found)</source>
        <translation>
            <numerusform>no errors (%n found)</numerusform>
            <numerusform>no errors (%n found)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n image</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the evaluated images are not in the open dataset (moved, renamed or deleted since the run).</source>
        <translation>
            <numerusform>%n of the evaluated images is not in the open dataset (moved, renamed or deleted since the run).</numerusform>
            <numerusform>%n of the evaluated images are not in the open dataset (moved, renamed or deleted since the run).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %2 images: the %n box(es) with truth %3 predicted as %4.</source>
        <translation>
            <numerusform>Showing %1 of %2 images: the %n box with truth %3 predicted as %4.</numerusform>
            <numerusform>Showing %1 of %2 images: the %n boxes with truth %3 predicted as %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing all %n image(s).</source>
        <translation>
            <numerusform>Showing the %n image.</numerusform>
            <numerusform>Showing all %n images.</numerusform>
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
    <message numerus="yes">
        <source>  plus %n crowd region(s) (COCO iscrowd), shown but not counted as objects
</source>
        <translation>
            <numerusform>  plus %n crowd region (COCO iscrowd), shown but not counted as an object
</numerusform>
            <numerusform>  plus %n crowd regions (COCO iscrowd), shown but not counted as objects
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  ← %n under 5 px</source>
        <translation>
            <numerusform>  ← %n under 5 px</numerusform>
            <numerusform>  ← %n under 5 px</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::LabelEdits</name>
    <message numerus="yes">
        <source>%1 holds %n annotation(s) of %2, the open dataset %3: the file changed since the dataset was opened; open it again before saving</source>
        <translation>
            <numerusform>%1 holds %n annotation of %2, the open dataset %3: the file changed since the dataset was opened; open it again before saving</numerusform>
            <numerusform>%1 holds %n annotations of %2, the open dataset %3: the file changed since the dataset was opened; open it again before saving</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n object(s), the open dataset %2: the file changed since the dataset was opened; open it again before saving</source>
        <translation>
            <numerusform>%1 holds %n object, the open dataset %2: the file changed since the dataset was opened; open it again before saving</numerusform>
            <numerusform>%1 holds %n objects, the open dataset %2: the file changed since the dataset was opened; open it again before saving</numerusform>
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
    <message numerus="yes">
        <source>Identical files (%n group(s))</source>
        <translation>
            <numerusform>Identical files (%n group)</numerusform>
            <numerusform>Identical files (%n groups)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::PredictionsPanel</name>
    <message numerus="yes">
        <source>%n unsaved label change(s) for %1 were dropped: another dataset was opened.</source>
        <translation>
            <numerusform>%n unsaved label change for %1 was dropped: another dataset was opened.</numerusform>
            <numerusform>%n unsaved label changes for %1 were dropped: another dataset was opened.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are not in the open dataset (moved, renamed or deleted since the run).</source>
        <translation>
            <numerusform>%n of them is not in the open dataset (moved, renamed or deleted since the run).</numerusform>
            <numerusform>%n of them are not in the open dataset (moved, renamed or deleted since the run).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confusion matrix cell: the %n image(s) of %1 predicted right.</source>
        <translation>
            <numerusform>Confusion matrix cell: the %n image of %1 predicted right.</numerusform>
            <numerusform>Confusion matrix cell: the %n images of %1 predicted right.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confusion matrix cell: the %n image(s) of %1 predicted as %2.</source>
        <translation>
            <numerusform>Confusion matrix cell: the %n image of %1 predicted as %2.</numerusform>
            <numerusform>Confusion matrix cell: the %n images of %1 predicted as %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Across epochs&lt;/b&gt; · &lt;span style=&apos;color:#c87000&apos;&gt;%n flip(s)&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Across epochs&lt;/b&gt; · &lt;span style=&apos;color:#c87000&apos;&gt;%n flip&lt;/span&gt;</numerusform>
            <numerusform>&lt;b&gt;Across epochs&lt;/b&gt; · &lt;span style=&apos;color:#c87000&apos;&gt;%n flips&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The labels were not saved: %1. The dataset is unchanged; your %n edit(s) are still pending.</source>
        <translation>
            <numerusform>The labels were not saved: %1. The dataset is unchanged; your %n edit is still pending.</numerusform>
            <numerusform>The labels were not saved: %1. The dataset is unchanged; your %n edits are still pending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n label change(s). The original files are backed up in %1.</source>
        <translation>
            <numerusform>Saved %n label change. The original files are backed up in %1.</numerusform>
            <numerusform>Saved %n label changes. The original files are backed up in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) were relabelled on the Predictions page but not saved. Save the labels first?</source>
        <translation>
            <numerusform>%n image was relabelled on the Predictions page but not saved. Save the labels first?</numerusform>
            <numerusform>%n images were relabelled on the Predictions page but not saved. Save the labels first?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %n label change(s)…</source>
        <translation>
            <numerusform>Saving %n label change…</numerusform>
            <numerusform>Saving %n label changes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n label change(s) pending.</source>
        <translation>
            <numerusform>%n label change pending.</numerusform>
            <numerusform>%n label changes pending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n image(s) to their new class folders. The moves are listed in %1 (to undo them by hand).</source>
        <translation>
            <numerusform>Moved %n image to its new class folder. The moves are listed in %1 (to undo them by hand).</numerusform>
            <numerusform>Moved %n images to their new class folders. The moves are listed in %1 (to undo them by hand).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::RunReport</name>
    <message numerus="yes">
        <source>%n evaluated image(s) are not in the dataset and are left out.</source>
        <translation>
            <numerusform>%n evaluated image is not in the dataset and is left out.</numerusform>
            <numerusform>%n evaluated images are not in the dataset and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) of a class the run does not know are left out.</source>
        <translation>
            <numerusform>%n box of a class the run does not know is left out.</numerusform>
            <numerusform>%n boxes of a class the run does not know are left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::RunsTableModel</name>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::TrainPanel</name>
    <message numerus="yes">
        <source>The Augment page&apos;s pipeline, %n step(s): %1.</source>
        <translation>
            <numerusform>The Augment page&apos;s pipeline, %n step: %1.</numerusform>
            <numerusform>The Augment page&apos;s pipeline, %n steps: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The run ended after %n epoch(s): too few to read a trend from the curves. Train for more epochs to get a verdict.</source>
        <translation>
            <numerusform>The run ended after %n epoch: too few to read a trend from the curves. Train for more epochs to get a verdict.</numerusform>
            <numerusform>The run ended after %n epochs: too few to read a trend from the curves. Train for more epochs to get a verdict.</numerusform>
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
    <message numerus="yes">
        <source>%1: %n polygon(s) with fewer than 3 points were left out</source>
        <translation>
            <numerusform>%1: %n polygon with fewer than 3 points was left out</numerusform>
            <numerusform>%1: %n polygons with fewer than 3 points were left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 have no annotation file and were left out</source>
        <translation>
            <numerusform>%n image in %1 has no annotation file and was left out</numerusform>
            <numerusform>%n images in %1 have no annotation file and were left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none of the %n image(s) named by the labels of %1 was found (the first: %2); name the image folder with --images</source>
        <translation>
            <numerusform>the %n image named by the labels of %1 was not found (%2); name the image folder with --images</numerusform>
            <numerusform>none of the %n images named by the labels of %1 was found (the first: %2); name the image folder with --images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>none of the %n image(s) named by the labels of %1 could be used (the first: %2: %3)</source>
        <translation>
            <numerusform>the %n image named by the labels of %1 could not be used (%2: %3)</numerusform>
            <numerusform>none of the %n images named by the labels of %1 could be used (the first: %2: %3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no images read from %1 as %2, yet the folder holds %n image file(s); %3; name the format with --format and the label file with --labels</source>
        <translation>
            <numerusform>no images read from %1 as %2, yet the folder holds %n image file; %3; name the format with --format and the label file with --labels</numerusform>
            <numerusform>no images read from %1 as %2, yet the folder holds %n image files; %3; name the format with --format and the label file with --labels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) listed in ImageSets/Main have no annotation file and were left out</source>
        <translation>
            <numerusform>%n image listed in ImageSets/Main has no annotation file and was left out</numerusform>
            <numerusform>%n images listed in ImageSets/Main have no annotation file and were left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation file(s) are in no list of ImageSets/Main and were left out</source>
        <translation>
            <numerusform>%n annotation file is in no list of ImageSets/Main and was left out</numerusform>
            <numerusform>%n annotation files are in no list of ImageSets/Main and were left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are listed in more than one split of ImageSets/Main; each is kept in the first of train, val, test</source>
        <translation>
            <numerusform>%n image is listed in more than one split of ImageSets/Main; it is kept in the first of train, val, test</numerusform>
            <numerusform>%n images are listed in more than one split of ImageSets/Main; each is kept in the first of train, val, test</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in obj_&lt;subset&gt;_data/ are in no list of %1 and were left out</source>
        <translation>
            <numerusform>%n image in obj_&lt;subset&gt;_data/ is in no list of %1 and was left out</numerusform>
            <numerusform>%n images in obj_&lt;subset&gt;_data/ are in no list of %1 and were left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are named by more than one split; each is kept in the first</source>
        <translation>
            <numerusform>%n image is named by more than one split; it is kept in the first</numerusform>
            <numerusform>%n images are named by more than one split; each is kept in the first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) have no mask and are left out</source>
        <translation>
            <numerusform>%n image has no mask and is left out</numerusform>
            <numerusform>%n images have no mask and are left out</numerusform>
        </translation>
    </message>
</context>
</TS>
