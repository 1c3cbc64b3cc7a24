"""Runs code cells in fresh Jupyter kernels and prints, as one JSON line, what the kernel processes hold in memory.

  kernel_memory.py KERNEL_NAME CWD CELLS.json [KERNELS]

With one kernel (the default): its resident memory at start, after the first cell and its peak (VmHWM) at the end,
the anonymous part of each (memory no other process can share: heaps, JIT code, the compiler's copies of assembly
metadata), how long the kernel took to start, its first cell (the setup or import cell) and all the cells.
With KERNELS > 1: that many kernels run the cells one after another and stay alive, as a classroom's do; then each
one's proportional set size (PSS: its private pages plus its share of the pages it maps together with the others,
e.g. libtorch's code) is read. The mean PSS is what one more student costs the server."""
import json, re, sys, time
import jupyter_client

def status(pid):
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}

def rollup(pid):
    sizes = {}
    for line in open(f"/proc/{pid}/smaps_rollup"):
        m = re.match(r"(\w+):\s+(\d+) kB", line)
        if m: sizes[m.group(1)] = int(m.group(2)) / 1024
    return sizes

def run_cells(kc, cells, timeout=900):
    for i, code in enumerate(cells):
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise SystemExit(f"cell {i} failed: {reply['content'].get('evalue', '')[:300]}")
        yield i

def one(kernel, cwd, cells):
    launched = time.monotonic()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=kernel, cwd=cwd)
    kernel_start_s = time.monotonic() - launched
    try:
        pid = km.provisioner.process.pid
        figures = {"start_mb": status(pid)["VmRSS"], "start_anon_mb": rollup(pid)["Anonymous"], "kernel_start_s": kernel_start_s}
        started = time.monotonic()
        for i in run_cells(kc, cells):
            if i == 0:
                figures["after_first_cell_mb"] = status(pid)["VmRSS"]
                figures["after_first_cell_anon_mb"] = rollup(pid)["Anonymous"]
                figures["first_cell_s"] = time.monotonic() - started
        figures["peak_mb"] = status(pid)["VmHWM"]
        figures["end_anon_mb"] = rollup(pid)["Anonymous"]
        figures["seconds"] = time.monotonic() - started
        return figures
    finally:
        km.shutdown_kernel(now=True)

def many(kernel, cwd, cells, count):
    kernels = []
    try:
        for _ in range(count):
            km, kc = jupyter_client.manager.start_new_kernel(kernel_name=kernel, cwd=cwd)
            kernels.append((km, kc))
            for _ in run_cells(kc, cells): pass
        each = [rollup(km.provisioner.process.pid) for km, _ in kernels]
        return {"kernels": count, "pss_mb": [e["Pss"] for e in each], "rss_mb": [e["Rss"] for e in each],
                "anon_mb": [e["Anonymous"] for e in each]}
    finally:
        for km, _ in kernels: km.shutdown_kernel(now=True)

def main(kernel, cwd, cells_file, count="1"):
    cells = json.load(open(cells_file))
    count = int(count)
    print(json.dumps(one(kernel, cwd, cells) if count == 1 else many(kernel, cwd, cells, count)))

if __name__ == "__main__":
    main(*sys.argv[1:5])
