"""How a peer process is actually configured, read from inside it (imported by training_peer.py and
metrics_peer.py after their numeric libraries are loaded): which BLAS the dynamic loader mapped, how many
threads that BLAS and PyTorch use. Settings files can disagree with what a process loaded; /proc/self/maps cannot.
"""
import ctypes
import os


def loaded_blas():
    """Paths of the shared BLAS/LAPACK libraries mapped into this process (not Python's wrapper modules)."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "/" in line}
    names = ("libblas", "liblapack", "libopenblas", "libmkl", "libblis")
    return sorted(p for p in paths if os.path.basename(p).startswith(names) and ".cpython-" not in p)


def blas_kind(paths):
    """openblas, mkl, blis, reference (netlib's libblas, ~5-10x slower on these models) or unknown.
    The libblas.so.3 that was mapped decides: Debian's LAPACK alternative can be OpenBLAS's while its BLAS
    alternative is still the reference one, and then matrix products run on the reference."""
    blas = [p for p in paths if os.path.basename(p).startswith("libblas")]
    for p in blas or paths:
        real = os.path.realpath(p)
        for kind in ("openblas", "mkl", "blis"):
            if kind in real:
                return kind
        if os.path.dirname(real).endswith("/blas"):
            return "reference"
    return "unknown"


def openblas_threads(paths):
    """Threads OpenBLAS will use, asked from the loaded library itself; None when OpenBLAS is not loaded."""
    for p in paths:
        if "openblas" in os.path.basename(p):
            try:
                return int(ctypes.CDLL(p).openblas_get_num_threads())
            except (OSError, AttributeError):
                return None
    return None


def describe(**versions):
    """The configuration as a dict for the peer's JSON line; versions are the peer's library versions."""
    paths = loaded_blas()
    return {"blas": blas_kind(paths), "blas_libraries": paths, "blas_threads": openblas_threads(paths), **versions}
