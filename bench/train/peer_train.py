#!/usr/bin/python3
"""The peer of `loupe-cli train` for the benchmark of issue 4: the same job in PyTorch's Python API.

Debian python3-torch 1.13 (the ATen under Loupe's LibTorch) with torchvision's ImageFolder and
DataLoader. Run it with /usr/bin/python3 (a pyenv python3 on PATH has no Debian torch).

  --mode folder    ImageFolder + DataLoader(num_workers=2): decodes the PNGs every epoch (the peer).
  --mode memory    decodes every image once before the clock of the epoch starts, then trains on
                   tensors already in memory: the ceiling that no data pipeline can beat.

The transforms match Loupe's default training pipeline (Pipeline::defaultTraining): grey to three
channels, resize to the model size, horizontal flip with p = 0.5, ImageNet mean and std.
Prints one JSON line: images, seconds and images/s of each epoch's training (loader start to the
last optimizer step), and the test accuracy when --eval is given.

  --precision bf16   the forward pass and loss under torch.autocast("cpu", dtype=torch.bfloat16)
  --channels-last    model and batches in torch.channels_last
Both together are PyTorch at its best on a CPU with AVX512-BF16 / AMX (issue 15's "peer at its best").
"""

import argparse
import contextlib
import json
import sys
import time

import torch
import torchvision
from torchvision import transforms


def build_transforms(size, train):
    steps = [transforms.Grayscale(num_output_channels=3), transforms.Resize((size, size))]
    if train:
        steps.append(transforms.RandomHorizontalFlip(0.5))
    steps += [transforms.ToTensor(),
              transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])]
    return transforms.Compose(steps)


def step(model, optimizer, images, labels, args):
    if args.channels_last:
        images = images.contiguous(memory_format=torch.channels_last)
    optimizer.zero_grad()
    autocast = (torch.autocast("cpu", dtype=torch.bfloat16) if args.precision == "bf16"
                else contextlib.nullcontext())
    with autocast:
        loss = torch.nn.functional.cross_entropy(model(images).float(), labels)
    loss.backward()
    optimizer.step()
    return loss


def train_folder(model, optimizer, args, log):
    dataset = torchvision.datasets.ImageFolder(args.data, transform=build_transforms(args.image_size, True))
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch, shuffle=True,
                                         num_workers=args.workers, drop_last=False,
                                         persistent_workers=False)
    epochs = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        start = time.perf_counter()
        seen = 0
        loss_sum = 0.0
        for images, labels in loader:
            loss = step(model, optimizer, images, labels, args)
            seen += labels.size(0)
            loss_sum += loss.item() * labels.size(0)
        seconds = time.perf_counter() - start
        epochs.append({"epoch": epoch, "images": seen, "seconds": round(seconds, 3),
                       "images_per_s": round(seen / seconds, 1), "train_loss": round(loss_sum / seen, 4)})
        log(epochs[-1])
    return dataset.classes, epochs


def train_memory(model, optimizer, args, log):
    # Decoded once through the deterministic transforms; the flip is applied per batch on the tensor.
    dataset = torchvision.datasets.ImageFolder(args.data, transform=build_transforms(args.image_size, False))
    start = time.perf_counter()
    decoder = torch.utils.data.DataLoader(dataset, batch_size=256, shuffle=False, num_workers=args.workers)
    chunks, label_chunks = [], []
    for images, labels in decoder:
        chunks.append(images)
        label_chunks.append(labels)
    all_images = torch.cat(chunks).contiguous()
    all_labels = torch.cat(label_chunks)
    del chunks, label_chunks
    log({"decoded": int(all_images.size(0)), "decode_seconds": round(time.perf_counter() - start, 3)})
    n = all_images.size(0)
    epochs = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        start = time.perf_counter()
        order = torch.randperm(n)
        seen = 0
        loss_sum = 0.0
        for begin in range(0, n, args.batch):
            index = order[begin:begin + args.batch]
            images = all_images[index]
            flip = torch.rand(images.size(0)) < 0.5
            images[flip] = images[flip].flip(-1)
            labels = all_labels[index]
            loss = step(model, optimizer, images, labels, args)
            seen += labels.size(0)
            loss_sum += loss.item() * labels.size(0)
        seconds = time.perf_counter() - start
        epochs.append({"epoch": epoch, "images": seen, "seconds": round(seconds, 3),
                       "images_per_s": round(seen / seconds, 1), "train_loss": round(loss_sum / seen, 4)})
        log(epochs[-1])
    return dataset.classes, epochs


def evaluate(model, classes, args):
    dataset = torchvision.datasets.ImageFolder(args.eval, transform=build_transforms(args.image_size, False))
    if dataset.classes != classes:
        sys.exit("the test folder's classes differ from the training folder's")
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch, shuffle=False, num_workers=args.workers)
    model.eval()
    right = total = 0
    autocast = (torch.autocast("cpu", dtype=torch.bfloat16) if args.precision == "bf16"
                else contextlib.nullcontext())
    with torch.no_grad(), autocast:
        for images, labels in loader:
            if args.channels_last:
                images = images.contiguous(memory_format=torch.channels_last)
            right += int((model(images).float().argmax(1) == labels).sum())
            total += labels.size(0)
    return right / total, total


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", help="training folder with one sub-folder per class")
    p.add_argument("--mode", choices=["folder", "memory"], default="folder")
    p.add_argument("--image-size", type=int, default=64)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--momentum", type=float, default=0.9)
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--workers", type=int, default=2, help="DataLoader worker processes")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--eval", metavar="DIR", help="test folder: print the accuracy after training")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32",
                   help="bf16: torch.autocast('cpu', dtype=torch.bfloat16) around forward and loss")
    p.add_argument("--channels-last", action="store_true", help="model and batches in torch.channels_last")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    def log(record):
        print(json.dumps(record), file=sys.stderr, flush=True)

    model = torchvision.models.resnet18(num_classes=10)
    if args.channels_last:
        model = model.to(memory_format=torch.channels_last)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum,
                                weight_decay=args.weight_decay)
    train = train_folder if args.mode == "folder" else train_memory
    classes, epochs = train(model, optimizer, args, log)
    if len(classes) != 10:
        sys.exit(f"expected 10 classes, found {len(classes)}")
    images = sum(e["images"] for e in epochs)
    seconds = sum(e["seconds"] for e in epochs)
    result = {"tool": "peer-" + args.mode, "torch": torch.__version__, "threads": torch.get_num_threads(),
              "precision": args.precision, "channels_last": args.channels_last,
              "workers": args.workers, "epochs": epochs, "train_images_per_s": round(images / seconds, 1)}
    if args.eval:
        accuracy, tested = evaluate(model, classes, args)
        result["test_accuracy"] = round(accuracy, 4)
        result["test_images"] = tested
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
