"""Peer for the serving benchmark: the same /ping and /invocations contract on Python's standard-library
ThreadingHTTPServer (HTTP/1.1 keep-alive, no Flask), computing the same MLP forward pass in plain Python from
weights the benchmark exports. Prints its port on the first line."""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

spec = json.load(open(sys.argv[1]))
mean, std, layers = spec["mean"], spec["std"], spec["layers"]  # layers: [[W (out x in), b], ...]


def predict(row):
    h = [(v - m) / s for v, m, s in zip(row, mean, std)]
    for i, (w, b) in enumerate(layers):
        h = [sum(wi * hi for wi, hi in zip(wr, h)) + bi for wr, bi in zip(w, b)]
        if i < len(layers) - 1:
            h = [max(0.0, v) for v in h]
    return max(range(len(h)), key=h.__getitem__)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle's algorithm on, the second waits for the client's delayed
    # ACK and every request takes about 40 ms more. That would measure TCP timers, not the server.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def answer(self, status, body, kind="text/plain"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.answer(200, "") if self.path == "/ping" else self.answer(404, "not found\n")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path != "/invocations":
            return self.answer(404, "not found\n")
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "text/csv":
            return self.answer(415, "text/csv only\n")
        try:
            rows = [[float(v) for v in line.split(",")] for line in body.decode("utf-8").splitlines() if line.strip()]
        except ValueError as e:
            return self.answer(400, f"{e}\n")
        self.answer(200, "".join(f"{predict(r)}\n" for r in rows), "text/csv")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
