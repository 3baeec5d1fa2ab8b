# Classifies images with a model from `loupe-cli export RUN --torchscript model.pt`.
# Needs PyTorch and OpenCV (Debian: python3-torch python3-opencv).
# Run: python3 torchscript_predict.py model.pt image.png...
import json
import sys

import cv2
import torch

extra = {"loupe.json": ""}
model = torch.jit.load(sys.argv[1], _extra_files=extra).eval()
meta = json.loads(extra["loupe.json"])  # preprocessing, classes, the run it came from
_, channels, height, width = meta["input_shape"]
for path in sys.argv[2:]:
    image = cv2.imread(path, cv2.IMREAD_GRAYSCALE if channels == 1 else cv2.IMREAD_COLOR)
    shrinks = image.shape[1] > width and image.shape[0] > height  # the run's "auto" interpolation
    image = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA if shrinks else cv2.INTER_LINEAR)
    if meta["input_channels"] == "RGB":
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    x = torch.from_numpy(image).float().div(255).reshape(height, width, channels).permute(2, 0, 1)[None]
    with torch.no_grad():
        p = torch.softmax(model(x), 1)[0]  # forward gives logits; the model normalizes itself
    best = int(p.argmax())
    print(f"{path},{model.classes[best]},{p[best]:.6f}")
