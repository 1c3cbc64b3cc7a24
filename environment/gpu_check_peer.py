"""Adds the peer to a gpu-check.json: torch's CPU matmul FLOP/s at the report's matmul size, in this process.
torch wraps libtorch, the engine under TorchSharp, so it stands in for TorchSharp where only the ILGPU program
could be carried (the device machine). The report is rewritten through a temporary file and a rename."""
import json
import os
import re
import sys
import time

import torch

path = sys.argv[1]
with open(path) as f:
    report = json.load(f)
mm = report["kernels"][0]
m, k, n = map(int, re.findall(r"\d+", mm["shape"])[:3])
a, b = torch.zeros(m, k), torch.zeros(k, n)
torch.matmul(a, b)
repeats = 3
start = time.perf_counter()
for _ in range(repeats):
    torch.matmul(a, b)
rate = 2.0 * m * k * n * repeats / (time.perf_counter() - start)
blas = "unknown BLAS"
for line in torch.__config__.show().splitlines():
    if "BLAS_INFO" in line:
        blas = line.strip().rstrip(",")
report["torch_peer"] = f"PyTorch {torch.__version__} CPU matmul ({blas}), {torch.get_num_threads()} thread(s)"
report["torch_cpu_mat_mul_flops_per_second"] = rate
report["mat_mul_ratio_to_torch_cpu"] = mm["flops_per_second"] / rate
tmp = path + ".tmp"
with open(tmp, "w") as f:
    json.dump(report, f, indent=2, ensure_ascii=False)
os.replace(tmp, path)
print(f"peer: {report['torch_peer']}: {rate / 1e9:.2f} GFLOP/s; ILGPU matmul / peer = {report['mat_mul_ratio_to_torch_cpu']:.4g}")
