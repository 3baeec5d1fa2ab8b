#!/usr/bin/python3
"""The peer of `loupe-cli eval RUN DATASET` for the evaluation benchmark: the same job in PyTorch's Python API.

Debian python3-torch 1.13 (the ATen under Loupe's LibTorch) with torchvision's ImageFolder and
DataLoader(num_workers=2), torch.set_num_threads(2), ResNet-18 in eval mode under no_grad. The
transforms match Loupe's evaluation pipeline for a run trained with the default pipeline: grey to
three channels, resize to the model size, ImageNet mean and std. Run it with /usr/bin/python3.

With --weights RUN/checkpoints/best.pt (a Loupe checkpoint; TorchScript archives that
torch.jit.load reads) the peer uses the run's own weights, so both tools must agree on the accuracy.
Prints one JSON line: images, seconds and images/s of the evaluation loop, accuracy.
--precision bf16 (torch.autocast on the CPU) and --channels-last give PyTorch at its best.
"""

import argparse
import contextlib
import json
import sys
import time

import torch
import torchvision
from torchvision import transforms


def load_loupe_weights(model, path):
    archive = torch.jit.load(path, map_location="cpu")
    tensors = dict(archive.named_parameters())
    tensors.update(dict(archive.named_buffers()))
    wanted = model.state_dict().keys()
    # A checkpoint nests the model under "model."; a file from saveWeights does not.
    prefix = "model." if "model.conv1.weight" in tensors else ""
    state = {k: tensors[prefix + k] for k in wanted if prefix + k in tensors}
    missing = [k for k in wanted if k not in state]
    if missing:
        sys.exit(f"{path}: missing {missing[:5]}")
    model.load_state_dict(state)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", help="folder with one sub-folder per class")
    p.add_argument("--weights", help="a Loupe checkpoint (RUN/checkpoints/best.pt)")
    p.add_argument("--image-size", type=int, default=64)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--workers", type=int, default=2, help="DataLoader worker processes")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--channels-last", action="store_true")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    tf = transforms.Compose([transforms.Grayscale(num_output_channels=3),
                             transforms.Resize((args.image_size, args.image_size)),
                             transforms.ToTensor(),
                             transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])])
    dataset = torchvision.datasets.ImageFolder(args.data, transform=tf)
    model = torchvision.models.resnet18(num_classes=len(dataset.classes))
    if args.weights:
        load_loupe_weights(model, args.weights)
    model.eval()
    if args.channels_last:
        model = model.to(memory_format=torch.channels_last)
    autocast = (torch.autocast("cpu", dtype=torch.bfloat16) if args.precision == "bf16"
                else contextlib.nullcontext())
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch, shuffle=False, num_workers=args.workers)
    start = time.perf_counter()
    right = total = 0
    with torch.no_grad(), autocast:
        for images, labels in loader:
            if args.channels_last:
                images = images.contiguous(memory_format=torch.channels_last)
            right += int((model(images).float().argmax(1) == labels).sum())
            total += labels.size(0)
    seconds = time.perf_counter() - start
    print(json.dumps({"tool": "peer", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "workers": args.workers, "precision": args.precision,
                      "channels_last": args.channels_last, "images": total, "seconds": round(seconds, 3),
                      "images_per_s": round(total / seconds, 1), "accuracy": round(right / total, 4)}),
          flush=True)


if __name__ == "__main__":
    main()
