"""PyTorch side of the training-step benchmark: the same models, shapes, optimiser and thread count as
TrainingBenchmark.cs. Prints one JSON line: median seconds per step for each model, and the configuration
this process really ran with (peer_config.py), which TrainingBenchmark.cs checks before it prints a ratio."""
import argparse, json, statistics, time
import torch
from torch import nn

import peer_config

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--steps", type=int, default=30)
p.add_argument("--rounds", type=int, default=5)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)

def mlp():
    return nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))

def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 7 * 7, 10))

def bench(model, x, y):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    for _ in range(3):
        step()
    times = []
    for _ in range(a.rounds):
        t = time.perf_counter()
        for _ in range(a.steps):
            step()
        times.append((time.perf_counter() - t) / a.steps)
    return statistics.median(times)

xm = torch.randn(4096, 2); ym = (xm[:, 0] * xm[:, 1] > 0).long()
xc = torch.randn(64, 1, 28, 28); yc = torch.randint(0, 10, (64,))
times = {"mlp": bench(mlp(), xm, ym), "cnn": bench(cnn(), xc, yc)}
config = peer_config.describe(torch=torch.__version__, threads=torch.get_num_threads())
print(json.dumps({**times, "config": config}))
