"""Runs code cells in a fresh Jupyter kernel and prints, as one JSON line, the kernel process's resident memory:
at start, after the first cell, and its peak (VmHWM) at the end; how long the kernel took to start, how long its
first cell (the setup or import cell) took, and how long all the cells took. Usage: kernel_memory.py KERNEL_NAME CWD CELLS.json"""
import json, sys, time
import jupyter_client

def memory(pid):
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return {k: int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")}

def main(kernel, cwd, cells_file):
    cells = json.load(open(cells_file))
    launched = time.monotonic()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=kernel, cwd=cwd)
    kernel_start_s = time.monotonic() - launched
    try:
        pid = km.provisioner.process.pid
        figures = {"start_mb": memory(pid)["VmRSS"], "kernel_start_s": kernel_start_s}
        started = time.monotonic()
        for i, code in enumerate(cells):
            reply = kc.execute_interactive(code, timeout=900, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise SystemExit(f"cell {i} failed: {reply['content'].get('evalue', '')[:300]}")
            if i == 0:
                figures["after_first_cell_mb"] = memory(pid)["VmRSS"]
                figures["first_cell_s"] = time.monotonic() - started
        figures["peak_mb"] = memory(pid)["VmHWM"]
        figures["seconds"] = time.monotonic() - started
        print(json.dumps(figures))
    finally:
        km.shutdown_kernel(now=True)

if __name__ == "__main__":
    main(*sys.argv[1:4])
