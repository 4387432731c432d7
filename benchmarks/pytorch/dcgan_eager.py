"""The report's DCGAN in PyTorch eager: the yardstick for GanKit's trainer on a GPU.

Both architectures exactly as GanKit.Mnist.MnistDcgan builds them (Keras 'same' padding the way
GanKit computes it, Glorot-uniform kernels, zero biases, LeakyReLU 0.3, BatchNorm epsilon 1e-3 and
momentum 0.01 in PyTorch terms = Keras 0.99, Dropout 0.3, L2 0.01 on the modified discriminator's
second and third kernels), non-saturating BCE on logits, Adam 1e-4 (0.9, 0.999, epsilon 1e-7),
simultaneous updates as in the Keras tutorial and GanKit's default, the whole data set on the
device and a shuffled index_select per batch. Prints one JSON object and writes it to --output.

    python3 dcgan_eager.py [--batch 256] [--steps 100] [--warmup 20] [--device cuda]
                           [--data-dir folder-with-MNIST-IDX] [--output pytorch.json]
"""

import argparse
import json
import math
import os
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

LATENT = 100
STEPS_PER_EPOCH = 235  # 60,000 images at batch 256, the last batch partial


def same_conv(size, kernel, stride):
    """Keras 'same' for a convolution: output ceil(in/stride), the smaller half of the padding first."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def same_transposed(size, kernel, stride):
    """Keras 'same' for a transposed convolution: output in*stride; PyTorch padding = Keras' first
    half, the surplus at the end cropped, an output padding when the kernel is smaller than the stride."""
    out = size * stride
    total = max(kernel - stride, 0)
    first = total // 2
    natural = (size - 1) * stride - 2 * first + kernel
    output_padding = max(out - natural, 0)
    return first, output_padding, out


def glorot(module):
    nn.init.xavier_uniform_(module.weight)
    if module.bias is not None:
        nn.init.zeros_(module.bias)


class SameConv2d(nn.Module):
    def __init__(self, cin, cout, kernel, stride, size):
        super().__init__()
        self.pad = same_conv(size, kernel, stride)
        self.conv = nn.Conv2d(cin, cout, kernel, stride)
        self.out = -(-size // stride)
        glorot(self.conv)

    def forward(self, x):
        first, second = self.pad
        if first == second:
            return F.conv2d(x, self.conv.weight, self.conv.bias, self.conv.stride, first)
        return self.conv(F.pad(x, (first, second, first, second)))


class SameConvTranspose2d(nn.Module):
    def __init__(self, cin, cout, kernel, stride, size):
        super().__init__()
        padding, output_padding, self.out = same_transposed(size, kernel, stride)
        self.conv = nn.ConvTranspose2d(cin, cout, kernel, stride, padding, output_padding, bias=False)
        glorot(self.conv)

    def forward(self, x):
        y = self.conv(x)
        return y[:, :, : self.out, : self.out] if y.shape[-1] > self.out else y


def bn(channels, dims=2):
    cls = nn.BatchNorm2d if dims == 2 else nn.BatchNorm1d
    return cls(channels, eps=1e-3, momentum=0.01)


def lrelu():
    return nn.LeakyReLU(0.3)


def generator(modified):
    dense = nn.Linear(LATENT, 7 * 7 * 256, bias=False)
    glorot(dense)
    layers = [dense, bn(7 * 7 * 256, 1), lrelu(), nn.Unflatten(1, (256, 7, 7))]
    size, cin = 7, 256
    blocks = [(128, 1), (64, 2)] + ([(128, 2)] if modified else [])
    for cout, stride in blocks:
        conv = SameConvTranspose2d(cin, cout, 5, stride, size)
        layers += [conv, bn(cout), lrelu()]
        size, cin = conv.out, cout
    last = SameConvTranspose2d(cin, 1, 5, 1 if modified else 2, size)
    layers += [last, nn.Tanh()]
    assert last.out == 28
    return nn.Sequential(*layers)


class Discriminator(nn.Module):
    def __init__(self, modified):
        super().__init__()
        filters = [64, 128] + ([256] if modified else [])
        layers, size, cin = [], 28, 1
        self.regularized = []
        for i, cout in enumerate(filters):
            conv = SameConv2d(cin, cout, 5, 2, size)
            layers += [conv, lrelu(), nn.Dropout(0.3)]
            if modified and i > 0:
                self.regularized.append(conv.conv.weight)
            size, cin = conv.out, cout
        dense = nn.Linear(cin * size * size, 1)
        glorot(dense)
        self.body = nn.Sequential(*layers, nn.Flatten(), dense)

    def forward(self, x):
        return self.body(x)

    def regularization(self):
        # Keras' L2(0.01): 0.01 * sum(w^2) per regularised kernel.
        return sum(0.01 * w.square().sum() for w in self.regularized) if self.regularized else 0.0


def load_images(data_dir, device):
    path = os.path.join(data_dir, "train-images-idx3-ubyte") if data_dir else ""
    if path and os.path.exists(path):
        with open(path, "rb") as f:
            raw = f.read()
        count = int.from_bytes(raw[4:8], "big")
        pixels = torch.frombuffer(bytearray(raw[16:]), dtype=torch.uint8).reshape(count, 1, 28, 28)
        return pixels.to(device).float().div_(127.5).sub_(1), f"MNIST from {data_dir}"
    # Convolution cost does not depend on the pixel values.
    return torch.rand(60000, 1, 28, 28, device=device).mul_(2).sub_(1), "synthetic images (no MNIST given)"


def measure(modified, images, batch, warmup, steps, device):
    g = generator(modified).to(device)
    d = Discriminator(modified).to(device)
    g_opt = torch.optim.Adam(g.parameters(), 1e-4, betas=(0.9, 0.999), eps=1e-7)
    d_opt = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.9, 0.999), eps=1e-7)
    g_params, d_params = list(g.parameters()), list(d.parameters())
    count = images.shape[0]
    order = torch.randperm(count, device=device)

    def step(b):
        start = (b * batch) % count
        real = images.index_select(0, order.narrow(0, start, min(batch, count - start)))
        fake = g(torch.randn(batch, LATENT, device=device))
        real_logits, fake_logits = d(real), d(fake)
        g_loss = F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))
        d_loss = (F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
                  + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits))
                  + d.regularization())
        g_opt.zero_grad(set_to_none=True)
        d_opt.zero_grad(set_to_none=True)
        g_loss.backward(retain_graph=True, inputs=g_params)
        d_loss.backward(inputs=d_params)
        g_opt.step()
        d_opt.step()
        return d_loss

    g.train(); d.train()
    for b in range(warmup):
        step(b)
    sync(device)
    began = time.perf_counter()
    for b in range(steps):
        loss = step(warmup + b)
    sync(device)
    seconds = time.perf_counter() - began
    if not math.isfinite(loss.item()):
        raise SystemExit("dcgan_eager: the discriminator loss is not finite")
    per_second = steps * batch / seconds
    return {"images_per_second": round(per_second, 1),
            "seconds_per_step": seconds / steps,
            "seconds_per_epoch": seconds / steps * STEPS_PER_EPOCH,
            "steps": steps, "warmup": warmup}


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--device", default="cuda")
    p.add_argument("--data-dir", default=os.environ.get("GANKIT_DATA") and os.path.join(os.environ["GANKIT_DATA"], "mnist"))
    p.add_argument("--output")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    if a.batch < 1 or a.steps < 1 or a.warmup < 0:
        print("dcgan_eager: --batch and --steps must be positive, --warmup not negative", file=sys.stderr)
        return 2
    if a.device.startswith("cuda") and not torch.cuda.is_available():
        print("dcgan_eager: --device cuda but torch.cuda.is_available() is False", file=sys.stderr)
        return 2
    device = torch.device(a.device)
    torch.manual_seed(a.seed)
    images, source = load_images(a.data_dir, device)
    result = {
        "implementation": "pytorch-eager",
        "torch": torch.__version__,
        "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu",
        "batch": a.batch,
        "scheme": "simultaneous",
        "data": source,
        "architectures": {arch: measure(arch == "modified", images, a.batch, a.warmup, a.steps, device)
                          for arch in ("original", "modified")},
    }
    text = json.dumps(result, indent=2)
    print(text)
    if a.output:
        with open(a.output, "w") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
