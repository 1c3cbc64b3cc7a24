"""Reference values and gradients for Kit.Losses, from PyTorch 1.13 (and torchvision 0.14's sigmoid_focal_loss).

Run with Debian's Python, which sees the python3-torch and python3-torchvision packages:
    /usr/bin/python3 tests/Kit.Tests/Fixtures/Losses/make_fixtures.py
It rewrites losses.json next to this script. Every tensor is float32; numbers are written as the exact
float32 values (as doubles), so the C# side reads back the very same inputs.

Each case: loss name, keyword arguments, reduction, input, target (and optional weight / pos_weight), the
expected output, and the expected gradient of the input. For reduction "none" the gradient is that of
sum(output * upstream), with a random upstream stored in the case, so every element's slope is checked.
"""
import json
import os

import torch
import torch.nn.functional as F

try:
    from torchvision.ops import sigmoid_focal_loss
    FOCAL_REFERENCE = "torchvision.ops.sigmoid_focal_loss " + __import__("torchvision").__version__
except ImportError:  # the same formula, written out (the RetinaNet paper's focal loss, as torchvision has it)
    def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0, reduction="none"):
        p = torch.sigmoid(inputs)
        ce = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
        p_t = p * targets + (1 - p) * (1 - targets)
        loss = ce * ((1 - p_t) ** gamma)
        if alpha >= 0:
            loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
        return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]
    FOCAL_REFERENCE = "formula in make_fixtures.py"

torch.manual_seed(20240513)
g = torch.Generator().manual_seed(7)
cases = []


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def add(name, loss, x, target, reduction, kwargs=None, extra=None):
    kwargs = kwargs or {}
    extra = extra or {}
    x = x.detach().clone().float().requires_grad_(True)
    out = loss(x, target, reduction=reduction, **kwargs, **{k: v for k, v in extra.items()})
    upstream = None
    if reduction == "none":
        upstream = torch.rand(out.shape, generator=g) * 2 - 1
        (out * upstream).sum().backward()
    else:
        out.backward()
    case = {
        "name": name,
        "loss": loss.__name__,
        "reduction": reduction,
        "kwargs": kwargs,
        "shape": list(x.shape),
        "input": flat(x),
        "target": flat(target),
        "targetDtype": "int64" if target.dtype == torch.int64 else "float32",
        "expected": flat(out),
        "expectedGrad": flat(x.grad),
    }
    if upstream is not None:
        case["upstream"] = flat(upstream)
    for k, v in extra.items():
        case[k] = flat(v)
    cases.append(case)


def probs(n):
    return torch.rand(n, generator=g) * 0.98 + 0.01


def labels01(n):
    return (torch.rand(n, generator=g) < 0.5).float()


# ---- binary cross-entropy on probabilities ----
for red in ["mean", "sum", "none"]:
    add(f"bce random {red}", F.binary_cross_entropy, probs(16), labels01(16), red)
add("bce soft targets", F.binary_cross_entropy, probs(8), torch.rand(8, generator=g), "mean")
add("bce 2-D", F.binary_cross_entropy, probs(12).reshape(3, 4), labels01(12).reshape(3, 4), "mean")
edge_p = torch.tensor([0.0, 0.0, 1.0, 1.0, 1e-8, 1e-8, 1 - 1e-7, 0.5, 0.5, 1e-30])
edge_t = torch.tensor([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.3, 1.0])
for red in ["mean", "none"]:
    add(f"bce edges (p = 0, 1, tiny) {red}", F.binary_cross_entropy, edge_p, edge_t, red)

# ---- binary cross-entropy with logits ----
for red in ["mean", "sum", "none"]:
    add(f"bce logits random {red}", F.binary_cross_entropy_with_logits, torch.randn(16, generator=g) * 3, labels01(16), red)
edge_x = torch.tensor([-100.0, -100.0, 100.0, 100.0, -20.0, 20.0, 0.0, 0.0, 1e-3, -88.0, 90.0])
edge_xt = torch.tensor([0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.7, 1.0, 0.0])
for red in ["mean", "none"]:
    add(f"bce logits edges {red}", F.binary_cross_entropy_with_logits, edge_x, edge_xt, red)
add("bce logits pos_weight", F.binary_cross_entropy_with_logits, torch.randn(12, generator=g) * 2, labels01(12), "mean",
    extra={"pos_weight": torch.tensor([4.0])})
add("bce logits pos_weight per column", F.binary_cross_entropy_with_logits, torch.randn(4, 3, generator=g) * 2, labels01(12).reshape(4, 3), "none",
    extra={"pos_weight": torch.tensor([0.5, 1.0, 9.0])})

# ---- categorical cross-entropy from logits and class indices ----
for red in ["mean", "sum", "none"]:
    add(f"ce random {red}", F.cross_entropy, torch.randn(10, 4, generator=g) * 2, torch.randint(0, 4, (10,), generator=g), red)
add("ce class weights mean", F.cross_entropy, torch.randn(12, 3, generator=g), torch.randint(0, 3, (12,), generator=g), "mean",
    extra={"weight": torch.tensor([0.2, 1.0, 5.0])})
add("ce class weights none", F.cross_entropy, torch.randn(6, 3, generator=g), torch.randint(0, 3, (6,), generator=g), "none",
    extra={"weight": torch.tensor([0.2, 1.0, 5.0])})
add("ce edges (huge, equal and one-class logits)", F.cross_entropy,
    torch.tensor([[1000.0, -1000.0, 0.0], [0.0, 0.0, 0.0], [-1000.0, 1000.0, 0.0], [50.0, 50.0, -50.0], [88.0, 87.0, 86.0]]),
    torch.tensor([0, 2, 0, 1, 2]), "mean")
add("ce edges none", F.cross_entropy,
    torch.tensor([[1000.0, -1000.0, 0.0], [0.0, 0.0, 0.0], [-1000.0, 1000.0, 0.0], [50.0, 50.0, -50.0]]),
    torch.tensor([0, 2, 0, 1]), "none")

# ---- regression losses ----
for fn in [F.mse_loss, F.l1_loss]:
    for red in ["mean", "sum", "none"]:
        add(f"{fn.__name__} random {red}", fn, torch.randn(16, generator=g) * 4, torch.randn(16, generator=g) * 4, red)
    # equal entries (the L1 slope there is 0, as PyTorch defines sign(0) = 0) and large values
    add(f"{fn.__name__} edges", fn, torch.tensor([1.5, -2.0, 0.0, 1e4, -1e4, 3.0]), torch.tensor([1.5, -2.0, 0.0, -1e4, 1e4, 3.25]), "mean")
for delta in [1.0, 0.5, 2.0]:
    for red in ["mean", "sum", "none"]:
        add(f"huber delta {delta} random {red}", F.huber_loss, torch.randn(16, generator=g) * 3, torch.randn(16, generator=g), red, kwargs={"delta": delta})
# residuals exactly at ±delta, just inside and outside, zero and huge
add("huber edges", F.huber_loss, torch.tensor([1.0, -1.0, 0.999, 1.001, 0.0, 1e4, -1e4]), torch.zeros(7), "none", kwargs={"delta": 1.0})
add("huber edges delta 2", F.huber_loss, torch.tensor([3.0, 1.0, -2.0, 2.0, 0.5]), torch.tensor([1.0, 1.0, 0.0, 0.0, 0.0]), "mean", kwargs={"delta": 2.0})

# ---- focal loss (binary, from logits) ----
for alpha, gamma in [(0.25, 2.0), (-1.0, 2.0), (0.75, 1.0), (0.5, 0.5), (-1.0, 0.0), (0.25, 5.0)]:
    for red in ["mean", "sum", "none"]:
        add(f"focal alpha {alpha} gamma {gamma} {red}", sigmoid_focal_loss, torch.randn(16, generator=g) * 3, labels01(16), red,
            kwargs={"alpha": alpha, "gamma": gamma})
add("focal edges", sigmoid_focal_loss, torch.tensor([-30.0, 30.0, -30.0, 30.0, 0.0, 0.0, 12.0, -12.0]),
    torch.tensor([0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0]), "none", kwargs={"alpha": 0.25, "gamma": 2.0})

out = {
    "generator": "tests/Kit.Tests/Fixtures/Losses/make_fixtures.py",
    "torch": torch.__version__,
    "focalReference": FOCAL_REFERENCE,
    "cases": cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "losses.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print(f"{len(cases)} cases -> {path}")
