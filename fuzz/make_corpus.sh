#!/bin/sh
# Seed corpora for the harnesses, built from the tests/data fixtures plus a few inline cases.
# Usage: fuzz/make_corpus.sh OUT_DIR   (writes OUT_DIR/<harness>/; existing files are kept)
set -eu
out=${1:?usage: make_corpus.sh OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../tests/data"
python3 - "$out" "$data" <<'PY'
import glob, gzip, hashlib, json, os, struct, sys
out, data = sys.argv[1], sys.argv[2]
SEP = b"\n--8<--\n"

def put(target, content):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(content).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(content)

def read(path):
    with open(path, "rb") as f:
        return f.read()

# CSV: the layouts tst_dataset covers (header or not, quotes, sub-folders, missing files).
for text in [b"path,label\na.png,cat\nb.jpg,dog\nsub/c.png,cat\n",
             b"a.png,cat\nb.jpg,dog\n",
             b"\xef\xbb\xbfimage,class\r\n\"Foto 1 \xc3\xa9.png\",\"a, b\"\r\n\"b.jpg\",\"say \"\"hi\"\"\"\r\n",
             b"filename;label\na.png;x\nmissing.png;y\n",
             b"path,label,split\na.png,cat,train\nb.jpg,dog,test\nsub/c.png,cat,valid\n",
             b"a.png\n,\n\n"]:
    put("fuzz_csv", text)

for f in sorted(glob.glob(os.path.join(data, "coco", "**", "*.json"), recursive=True)):
    put("fuzz_coco", read(f))
put("fuzz_coco", json.dumps({
    "images": [{"id": 1, "file_name": "a.jpg", "width": 4, "height": 3},
               {"id": 2, "file_name": "b.png", "width": 4, "height": 3}],
    "categories": [{"id": 7, "name": "scratch"}, {"id": 9, "name": "dent"}],
    "annotations": [{"id": 1, "image_id": 1, "category_id": 7, "bbox": [0, 0, 2, 2]},
                    {"id": 2, "image_id": 2, "category_id": 9, "segmentation": [[0, 0, 3, 0, 3, 2]]},
                    {"id": 3, "image_id": 2, "category_id": 7,
                     "segmentation": {"size": [3, 4], "counts": [2, 5, 5]}},
                    {"id": 4, "image_id": 1, "category_id": 9,
                     "segmentation": {"size": [3, 4], "counts": "0<0"}, "iscrowd": 1}]}).encode())

for f in sorted(glob.glob(os.path.join(data, "voc", "**", "*.xml"), recursive=True)):
    put("fuzz_voc", read(f))
xmls = sorted(glob.glob(os.path.join(data, "voc", "layoutA", "Annotations", "*.xml")))
if len(xmls) >= 2:
    put("fuzz_voc", read(xmls[0]) + SEP + read(xmls[1]))
put("fuzz_voc", b"<annotation><filename>a.jpg</filename><size><width>4</width><height>3</height><depth>3</depth></size>"
                b"<object><name>cat</name><difficult>0</difficult><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>3</xmax><ymax>2</ymax></bndbox></object>"
                b"</annotation>" + SEP +
                b"<?xml version=\"1.0\"?>\n<annotation><filename>b.png</filename><object><name>dog</name><polygon><x1>0</x1><y1>0</y1><x2>3</x2><y2>0</y2><x3>2</x3><y3>2</y3></polygon>"
                b"<bndbox><xmin>0</xmin><ymin>0</ymin><xmax>3.5</xmax><ymax>2</ymax></bndbox></object></annotation>")

# YOLO: data.yaml, labels/a.txt, classes.txt, labels/sub/b.txt.
for d in sorted(glob.glob(os.path.join(data, "yolo", "**", ""), recursive=True)):
    yaml = next((read(os.path.join(d, n)) for n in ("data.yaml", "data.yml") if os.path.isfile(os.path.join(d, n))), b"")
    classes = read(os.path.join(d, "classes.txt")) if os.path.isfile(os.path.join(d, "classes.txt")) else b""
    labels = [read(f) for f in sorted(glob.glob(os.path.join(d, "**", "*.txt"), recursive=True))
              if os.path.basename(f) != "classes.txt"]
    if yaml or classes or labels:
        label = labels[0] if labels else b"0 0.5 0.5 0.2 0.2\n"
        put("fuzz_yolo", yaml + SEP + label + SEP + classes + SEP + (labels[-1] if labels else b""))
put("fuzz_yolo", b"names: [cat, dog]\nnc: 2\n" + SEP + b"0 0.5 0.5 0.2 0.2\n1 0.1 0.1 0.9 0.1 0.5 0.8\n" + SEP + SEP + b"1 0.5 0.5 1 1\n")
put("fuzz_yolo", b"names:\n  0: cat\n  1: 'dog # not a comment'\n" + SEP + b"0 0.5 0.5 0.2 0.2\n")
put("fuzz_yolo", SEP + b"0 0.5 0.5 0.2 0.2\n" + SEP + b"cat\ndog\n")

# IDX: mode byte (bit 0/1: gzip images/labels here, bit 2: import the folder), images, labels.
def idx(magic, dims, payload):
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + payload
for mode in range(8):
    count, rows, cols = 3, 2, 4
    images = idx(0x803, [count, rows, cols], bytes(range(count * rows * cols)))
    labels = idx(0x801, [count], bytes([0, 2, 1]))
    put("fuzz_idx", bytes([mode]) + images + SEP + labels)
put("fuzz_idx", b"\x00" + gzip.compress(idx(0x803, [2, 1, 1], b"\x01\x02")) + SEP + gzip.compress(idx(0x801, [2], b"\x00\x01")))
put("fuzz_idx", b"\x00" + idx(0x803, [0, 28, 28], b"") + SEP + idx(0x801, [0], b""))

for f in sorted(glob.glob(os.path.join(data, "images", "*"))):
    if not f.endswith(".py"):
        put("fuzz_image", read(f))
for f in sorted(glob.glob(os.path.join(data, "coco", "*.png")) + glob.glob(os.path.join(data, "voc", "**", "*.png"), recursive=True))[:4]:
    put("fuzz_image", read(f))

steps = [
    {"type": "resize", "width": 16, "height": 12, "keep_aspect": True, "pad_value": 0, "interpolation": "area"},
    {"type": "crop", "x": 1, "y": 2, "width": 8, "height": 6},
    {"type": "center_crop", "width": 10, "height": 10},
    {"type": "tile", "rows": 2, "cols": 3, "index": 4},
    {"type": "tile", "rows": 2, "cols": 2, "random": True},
    {"type": "random_crop", "width": 8, "height": 8},
    {"type": "random_crop", "min_scale": 0.5, "max_scale": 1.0, "width": 16, "height": 16},
    {"type": "hflip", "probability": 0.5}, {"type": "vflip"}, {"type": "rotate90"},
    {"type": "rotate", "max_degrees": 30, "border": "reflect"},
    {"type": "scale", "min": 0.5, "max": 2, "border": "constant", "border_value": 20},
    {"type": "translate", "max_fraction": 0.2, "border": "replicate"},
    {"type": "brightness", "max_delta": 0.2}, {"type": "contrast", "min": 0.5, "max": 1.5},
    {"type": "gamma", "min": 0.5, "max": 2}, {"type": "gaussian_noise", "sd": 0.1},
    {"type": "gaussian_blur", "max_sigma": 2, "enabled": False},
]
for s in steps:
    put("fuzz_pipeline", json.dumps({"steps": [s]}).encode())
put("fuzz_pipeline", json.dumps({"steps": steps + [{"type": "normalize", "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}]}).encode())
put("fuzz_pipeline", json.dumps({"steps": [{"type": "resize", "width": 8, "height": 8}, {"type": "normalize", "mean": [0.5], "std": [0.5]}]}).encode())

put("fuzz_trainconfig", json.dumps({
    "model": "resnet18", "image_size": 224, "channels": 3, "epochs": 10, "batch": 32, "optimizer": "sgd",
    "lr": 0.01, "momentum": 0.9, "weight_decay": 0.0001, "schedule": "step", "step_epochs": 5, "step_gamma": 0.1,
    "warmup_epochs": 1, "class_weights": "explicit", "explicit_class_weights": [1, 2.5], "early_stop_patience": 3,
    "early_stop_min_delta": 0.001, "restore_best": True, "init": "", "augment": "none", "threads": 2,
    "loader_threads": 2, "seed": 42, "dev_fraction": 0.1, "max_steps_per_epoch": 0}).encode())
put("fuzz_trainconfig", b'{"model":"vgg16","optimizer":"adamw","schedule":"cosine","class_weights":"auto","seed":18446744073709551615}')
put("fuzz_trainconfig", b'{}')

put("fuzz_project", json.dumps({
    "version": 1, "dataset": "..", "dataset_format": "coco", "label_file": "", "split_seed": "18446744073709551615",
    "dev_fraction": 0.2, "ranking_metric": "accuracy",
    "pipelines": {"light": {"steps": [{"type": "resize", "width": 32, "height": 32}, {"type": "hflip", "probability": 0.5}]}},
    "presets": {"quick": {"model": "resnet18", "epochs": 2, "batch": 8, "lr": 0.01}}}).encode())
put("fuzz_project", b'{"dataset": "/data/x", "split_seed": 7, "ranking_metric": "dev_loss"}')
put("fuzz_project", b'{}')

header = b"path,true_label,predicted_label,confidence,loss,p:cat,p:dog"
put("fuzz_predictions", header + b"\n/d/a.png,cat,dog,0.75,1.386,0.25,0.75\n\"/d/b,c.png\",dog,dog,0.5,0.69,0.5,0.5\n" + SEP +
    b'{"classes":["cat","dog"],"paths":["/d/a.png","/d/b,c.png"],"truth":[0,1]}\n'
    b'{"epoch":1,"predicted":[1,1],"confidence":[0.6,0.5]}\n{"epoch":2,"predicted":[0,-1],"confidence":[0.9,0]}\n')
put("fuzz_predictions", header + b",split,epoch\r\n/d/a.png,cat,cat,0.9,0.1,0.9,0.1,dev,3\r\n")
PY
echo "seed corpora in $out"
