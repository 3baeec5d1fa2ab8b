<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>loupe::ClassBalanceChart</name>
    <message>
        <source>images per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than half of the largest class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::Cli</name>
    <message>
        <source>usage: loupe-cli COMMAND ...
commands:
  inspect DATASET [--format F] [--labels FILE] [--json] [--threads N] [--headers-only]
  make-demo OUT_DIR [--kind fashion|defects] [--per-class N] [--seed N]
Run &apos;loupe-cli COMMAND --help&apos; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports what a dataset holds: classes, sizes, objects, broken files, duplicates and warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder, CSV, COCO JSON, VOC or YOLO folder, or IDX file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, folder, csv, coco, voc, yolo or idx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label file kept apart from the images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON object for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker threads (0 = every core).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read image headers only; skip the full decode check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect takes one DATASET; see &apos;loupe-cli inspect --help&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threads expects a whole number of 0 or more, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes a demo dataset: Fashion-MNIST as class folders, or generated inspection images with COCO boxes and masks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to write into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fashion or defects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images per class (fashion: per split; 0 = all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the generated defects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make-demo takes one OUT_DIR; see &apos;loupe-cli make-demo --help&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--per-class expects a whole number of 0 or more, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed expects a whole number, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--kind expects fashion or defects, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 images to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::DatasetStats</name>
    <message>
        <source>class &quot;%1&quot; has %2 objects (%3%), less than half of &quot;%4&quot; (%5): collect more, or weight classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>class &quot;%1&quot; has %2 images (%3%), less than half of &quot;%4&quot; (%5): collect more, or weight classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) have no label</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>aspect ratios reach %1:1; rotating such images by 90° loses much of their detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%2 px &quot;%3&quot; in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects smaller than 5×5 px even at full size: %1; crop to the region of interest or tile the image instead of downsizing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smallest objects: %1; they stay at least 5×5 px only when images are resized to %2 px wide or more (from %3 px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are exact copies of another image; a copy in both train and dev inflates dev scores</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) appear under two or more different labels: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>loupe::DemoMaker</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST IDX files not found (%1). Install the Debian package dataset-fashion-mnist (apt install dataset-fashion-mnist), or give the folder that holds train-images-idx3-ubyte.gz and its siblings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no images in the IDX files in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo image size %1×%2 is outside %3–%4 pixels a side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images per class must be between 0 and 100000, not %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::ImageHeader</name>
    <message>
        <source>truncated header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged %1 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image has zero width or height (%1×%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image dimensions out of range (%1×%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file (0 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an image (unrecognised signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::Inspection</name>
    <message>
        <source>Dataset   %1 (%2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images    %1 readable, %2 broken or missing
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size      min %1, median %2, max %3 px; aspect %4–%5
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes (objects per class)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes (images per class)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ← under-represented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects   %1; smallest %2×%3 px; every object stays ≥5×5 px down to %4 px wide
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  shorter side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  where objects sit (8×8 grid of the image, darker = more):
</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Broken or missing files (%n, skipped)
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identical files (%n group(s))
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
(stopped early: figures cover only the files read)
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::MainWindow</name>
    <message>
        <source>Loupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset: a folder of class folders, a CSV, COCO, VOC, YOLO or IDX files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Loupe&lt;/h2&gt;&lt;p&gt;Open a dataset with &lt;b&gt;File › Open Folder&lt;/b&gt; or &lt;b&gt;File › Open Label File&lt;/b&gt; to review it before training.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Label File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Loupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dataset Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Label File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label files (*.csv *.json *.yaml *.yml *ubyte *ubyte.gz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Loupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Loupe %1&lt;/h3&gt;&lt;p&gt;A workbench for training vision models on small, hard datasets: review the images, prove the pipeline, train, and study every misprediction. Offline.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Loupe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the dataset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Could not open the dataset&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images, %2 classes, %3 broken or missing, %4 warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken or missing files (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical files (%1 groups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same image, different labels (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflicting labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 readable, %2 broken or missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1, median %2, max %3 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 (median %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrowest safe resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 px wide keeps every object at least 5 × 5 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identical files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early: the figures cover only the files read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::SafeDecoder</name>
    <message>
        <source>truncated JPEG (no end-of-image marker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged JPEG (invalid segment length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated PNG (no IEND chunk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged PNG (invalid chunk length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated BMP (pixel data shorter than the header says)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported number of channels (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image is %1×%2 pixels, an aspect ratio above the limit of %3:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file too large to decode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a decodable image (the %1 decoder rejected the data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory while decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decoder error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file is %1 MB, above the limit of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory while reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::importers</name>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected compressed RLE counts, the string ends inside a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected compressed RLE counts (characters &apos;0&apos; to &apos;o&apos;), found &apos;%1&apos; at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected compressed RLE counts, found a number too large at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected compressed RLE counts, count %1 decodes to the negative value %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected [height, width] of the RLE mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a positive [height, width], found [%1, %2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a run length of 0 or more, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected RLE counts as a list of numbers or a compressed string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected run lengths that add up to height × width = %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected fewer RLE runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a polygon [x1, y1, x2, y2, ...], found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a polygon of x, y pairs, found %1 numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of polygons or an RLE object {&quot;size&quot;: [h, w], &quot;counts&quot;: ...}, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 object, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a JSON object with &quot;images&quot;, &quot;categories&quot; and &quot;annotations&quot;, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a category id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a category name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a unique category id, %1 is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: category name &quot;%2&quot; is used by more than one id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an image id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a unique image id, %1 is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the image&apos;s file_name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a file name, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: listed in %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the annotation&apos;s image_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the id of an entry in images, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the annotation&apos;s category_id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the id of an entry in categories, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 4 numbers [x, y, width, height]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 4 numbers [x, y, width, height], element %1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a width and height of 0 or more, found %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a bbox or a segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 polygon(s) with fewer than 3 points were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open COCO file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected structure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted field is never closed (expected a closing &quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected 2 fields path,label (or path,label,split), found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an image path, found an empty field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a label for %1, found an empty field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected split train, valid or test, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected lines of path,label, found none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder %1 is neither a split (train, valid, test) nor inside one; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) directly in %1 have no class folder and were skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no images found in class folders under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected IDX magic %1 for images, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected IDX magic %1 for labels, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (this looks like a labels file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (this looks like an images file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes of data (%2) is more than the %3 GiB Loupe holds in memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header claims %1 items; at most %2 are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image size %1×%2 has no pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image size %1×%2 is implausibly large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 bytes of pixels, the file has %2 (truncated?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 bytes of labels, the file has %2 (truncated?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends inside the %1-byte IDX header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start gzip decompression (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrupt gzip data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory while decompressing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gzip stream is cut off: expected %1 bytes, it decompresses to %2 (truncated download?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IDX file not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a labels file belongs to one IDX images file, not to the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped %1: no labels file beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IDX images file with a labels file beside it in %1 (expected names like train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no labels file found beside %1; give it explicitly (an IDX labels file such as train-labels-idx1-ubyte.gz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds %1 labels but %2 holds %3 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>images are %1×%2 but those of %3 are %4×%5; one IDX dataset needs one size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many images in total to index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ignored data after the last image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: ignored data after the last label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such file or folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such label file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell the dataset format of %1: expected class folders, a CSV, COCO JSON, VOC XML, YOLO labels or IDX files (or name one with --format)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; expected one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no single CSV file in %1; name it with --labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds %2 COCO JSON files; name one with --labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an &lt;annotation&gt; element, the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an &lt;annotation&gt; element, found &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected well-formed XML: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number in &lt;%1&gt;, found &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a size of 0 or more in &lt;%1&gt;, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a &lt;name&gt; in the &lt;object&gt; starting here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a &lt;bndbox&gt; in the &lt;object&gt; starting here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &lt;%1&gt; in the &lt;bndbox&gt; starting here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected xmin &lt;= xmax and ymin &lt;= ymax in the &lt;bndbox&gt; starting here, found %1, %2, %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOC folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No VOC annotation (.xml) files in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: named in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 image(s) in %2 have no annotation file and were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;id: name&quot; with a class id of 0 or more, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected each class id once, %1 appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the number of classes after nc:, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the list of names to end with &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected names as [a, b, ...], &quot;- name&quot; lines or &quot;id: name&quot; lines, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected either &quot;- name&quot; lines or &quot;id: name&quot; lines, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected class ids 0 to %1 without gaps, id %2 is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a name for every class, found an empty one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a class name, found an empty line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected class x_center y_center width height, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a class id of 0 or more, found &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a class id from 0 to %1, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected normalised coordinates between 0 and 1, found %1 (number %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YOLO folder %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 gives nc but no names; classes are named by their ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says nc: %2 but lists %3 names; the names are used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read its label file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the image size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data.yaml or classes.txt; classes are named by their ids</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>loupe::scanner</name>
    <message>
        <source>image claims %1×%2 pixels, above the limit of %3 megapixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file of %1 MB is above the limit of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Loupe, a workbench for vision models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, folder, csv, coco, voc, yolo or idx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label file kept apart from the images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of the window once loading has settled, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
