"""PyTorch side of the distributed benchmark: the data-parallel step of DistributedBenchmark.cs (MLP 2-256-256-2,
global batch 4096, SGD) with torch.distributed on the gloo backend and DistributedDataParallel, one process per rank,
for 1 and 2 ranks. Prints one JSON line: seconds per step by world size, and the configuration this process ran with."""
import argparse, json, os, tempfile, time
import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn

import peer_config

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--steps", type=int, default=20)
p.add_argument("--warmup", type=int, default=3)
p.add_argument("--batch", type=int, default=4096)
a = p.parse_args()


def rank_main(rank, world, init_file, steps, warmup, batch, threads, out):
    torch.set_num_threads(threads)
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=world)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 2))
    ddp = nn.parallel.DistributedDataParallel(model)
    opt = torch.optim.SGD(ddp.parameters(), lr=0.1)
    x = torch.randn(batch, 2); y = (x[:, 0] * x[:, 1] > 0).long()
    shard = batch // world
    xs, ys = x[rank * shard:(rank + 1) * shard], y[rank * shard:(rank + 1) * shard]
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(ddp(xs), ys).backward()  # DDP all-reduces (averages) the gradients during backward
        opt.step()

    for _ in range(warmup):
        step()
    dist.barrier()
    t = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = (time.perf_counter() - t) / steps
    if rank == 0:
        out.put(seconds)
    dist.destroy_process_group()


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    figures = {}
    for world in (1, 2):
        init_file = os.path.join(tempfile.mkdtemp(prefix="kit-gloo-"), "init")
        out = ctx.Queue()
        procs = [ctx.Process(target=rank_main, args=(r, world, init_file, a.steps, a.warmup, a.batch, a.threads, out)) for r in range(world)]
        for pr in procs:
            pr.start()
        figures[f"dp{world}"] = out.get(timeout=300)
        for pr in procs:
            pr.join()
    torch.set_num_threads(a.threads)
    config = peer_config.describe(torch=torch.__version__, threads=torch.get_num_threads(), backend="gloo")
    print(json.dumps({**figures, "config": config}))
