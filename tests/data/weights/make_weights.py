#!/usr/bin/python3
"""Makes the weight fixtures for tests/tst_models.cpp with torchvision (Debian: python3-torch,
python3-torchvision). Run it with the system Python: /usr/bin/python3 make_weights.py [OUTDIR]

Writes, for resnet18 (the import-by-name fixture), resnet50 and vgg16_bn, each with 3 classes:
  <name>_3cls.pt      torch.jit.script(model).save(...), the file a user exports from PyTorch
  <name>_3cls_ref.pt  TorchScript module whose buffers `input` [2, 3, 64, 48] and `output` [2, 3]
                      hold a fixed input and the Python model's eval-mode output for it
resnet18_3cls_state.pth and resnet18_3cls_state_legacy.pth, the same resnet18's model.state_dict()
written by torch.save in the zip format and in the format before PyTorch 1.6
(_use_new_zipfile_serialization=False), as torchvision's hub checkpoints are;
state_dict.pth, a one-tensor torch.save(dict) whose shape fits no model;
wrapped_state.pth, a state dict under "state_dict" with "module." names beside other entries, as
training scripts save them; pickled_model.pth, torch.save of a whole module (which Loupe refuses:
loading it would mean running Python classes);
and, for every architecture Loupe builds, <name>_state.txt: torchvision's state_dict names and
shapes with 1000 classes, one "name [d0, d1, ...]" per line, in state_dict order.

Why the weights look odd: a real resnet18 is 11.7 M random floats (~45 MB), too big to commit,
and random numbers do not compress. So every parameter with two or more dimensions is a strided
view into ONE shared block of 100 000 random numbers (overlapping windows: element [i, j, k, l]
is base[a*i + 17*j + 5*k + l]). TorchScript saves a storage once however many tensors view it, so
the files stay under 1 MB, while the names, shapes and the network are torchvision's own and the
values differ from position to position, so the forward output still depends on every layer
being wired as in torchvision. Batch-norm scales, shifts and running statistics are ordinary
per-channel values (the statistics come from a few forward passes in training mode).
Pass --dense to write ordinary randomly initialised models instead (large; for manual checks).
"""
import collections
import os
import sys

import torch
import torchvision
from torchvision.models import resnet18, resnet34, resnet50, vgg16_bn, vgg19_bn

BASE_SIZE = 100_000
SEED = 20240601


def overlapping_strides(shape):
    """Strides for a view of shape `shape` whose window fits in BASE_SIZE elements."""
    inner = {2: [1], 3: [5, 1], 4: [17, 5, 1]}[len(shape)]
    for outer in (131, 61, 29, 13, 7, 3, 1):
        strides = [outer] + inner
        if sum((n - 1) * s for n, s in zip(shape, strides)) + 1 <= BASE_SIZE:
            return strides
    raise ValueError(f"no strides fit {shape}")


def compact_(model, generator):
    base = torch.randn(BASE_SIZE, generator=generator) * 0.05
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() >= 2:
                p.data = base.as_strided(p.shape, overlapping_strides(p.shape))
            elif name.endswith("weight"):  # batch-norm scale
                p.copy_(1 + 0.1 * torch.randn(p.shape, generator=generator))
            else:
                p.copy_(0.1 * torch.randn(p.shape, generator=generator))


def settle_batch_norm(model, generator):
    """Gives every batch-norm layer running statistics that fit its input, as training would."""
    norms = [m for m in model.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    for m in norms:
        m.momentum = None  # cumulative average over the passes below
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(torch.randn(4, 3, 64, 48, generator=generator))
    for m in norms:
        m.momentum = 0.1


class Reference(torch.nn.Module):
    def __init__(self, x, y):
        super().__init__()
        self.register_buffer("input", x)
        self.register_buffer("output", y)

    def forward(self):
        return self.output


def make_fixture(out_dir, name, factory, dense):
    generator = torch.Generator().manual_seed(SEED)
    torch.manual_seed(SEED)
    model = factory(num_classes=3)
    if not dense:
        compact_(model, generator)
    head = model.fc if hasattr(model, "fc") else model.classifier[6]
    with torch.no_grad():
        head.bias.copy_(torch.tensor([0.1, 0.2, 0.3]))  # the test checks these values
    settle_batch_norm(model, generator)
    model.eval()
    x = torch.randn(2, 3, 64, 48, generator=generator)
    with torch.no_grad():
        y = model(x)
    path = os.path.join(out_dir, f"{name}_3cls.pt")
    torch.jit.script(model).save(path)
    torch.jit.script(Reference(x, y)).save(os.path.join(out_dir, f"{name}_3cls_ref.pt"))
    # The saved file must reproduce the output, or the fixture proves nothing.
    loaded = torch.jit.load(path)
    assert torch.equal(loaded(x), y), name
    print(f"{path}: {os.path.getsize(path)} bytes, output {y.tolist()}")
    if name == "resnet18":
        state = model.state_dict()
        torch.save(state, os.path.join(out_dir, f"{name}_3cls_state.pth"))
        torch.save(state, os.path.join(out_dir, f"{name}_3cls_state_legacy.pth"),
                   _use_new_zipfile_serialization=False)


def write_state(out_dir, name, factory):
    state = factory().state_dict()
    with open(os.path.join(out_dir, f"{name}_state.txt"), "w") as f:
        for key, t in state.items():
            f.write(f"{key} {list(t.shape)}\n")
    print(f"{name}: {sum(p.numel() for p in factory().parameters())} parameters")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dense = "--dense" in sys.argv
    out_dir = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    print(f"torch {torch.__version__}, torchvision {torchvision.__version__}")
    torch.set_num_threads(1)  # bit-identical reference outputs from run to run
    for name, factory in (("resnet18", resnet18), ("resnet50", resnet50), ("vgg16_bn", vgg16_bn)):
        make_fixture(out_dir, name, factory, dense)
    torch.save({"conv1.weight": torch.ones(2, 3, 7, 7)}, os.path.join(out_dir, "state_dict.pth"))
    wrapped = collections.OrderedDict([("module.conv1.weight", torch.arange(6.0).reshape(1, 2, 3, 1)),
                                       ("module.bn1.num_batches_tracked", torch.tensor(7)),
                                       ("module.fc.bias", torch.tensor([0.5, -1.5], dtype=torch.float64))])
    torch.save({"epoch": 3, "best_acc": 0.75, "arch": "resnet18", "state_dict": wrapped},
               os.path.join(out_dir, "wrapped_state.pth"))
    torch.save(torch.nn.Linear(2, 2), os.path.join(out_dir, "pickled_model.pth"))
    for name, factory in (("resnet18", resnet18), ("resnet34", resnet34), ("resnet50", resnet50),
                          ("vgg16_bn", vgg16_bn), ("vgg19_bn", vgg19_bn)):
        write_state(out_dir, name, factory)


if __name__ == "__main__":
    main()
