using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kit.Cli.Tests;
using Kit.Containers;
using Kit.Data;

namespace Kit.Benchmarks;

/// <summary>
/// `kit container serve` under load: 16 concurrent clients × 1,000 POST /invocations (one CSV row each) on 127.0.0.1,
/// every answer checked; p50/p99 latency and throughput. The peer is the same contract on Python's standard-library
/// ThreadingHTTPServer computing the same MLP in plain Python (serving_peer.py). Both servers are child processes;
/// the client is this program's HttpClient for both.
/// </summary>
static class ServingBenchmark
{
    const int Clients = 16, PerClient = 1000, Warmup = 50;

    public static int Run()
    {
        var folder = KitProcess.TempFolder("serving-benchmark");
        var ml = LocalJob.Create(folder, new Dictionary<string, string> { ["epochs"] = "5" }, ToyData.MakeMoons(400, 0.15, seed: 1));
        if (TrainingJob.Run(ml, default, TextWriter.Null).ExitCode != 0) { Console.Error.WriteLine(File.ReadAllText(ml.Failure)); return 1; }
        var model = TabularModel.Load(ml.Model);
        var moons = ToyData.MakeMoons(64, 0.15, seed: 5);
        var rows = Enumerable.Range(0, moons.Count).Select(i => moons.Features.AsSpan(i * 2, 2).ToArray()).ToList();
        var expected = model.PredictProbabilities(rows).Select(p => p[1] > p[0] ? "1\n" : "0\n").ToArray();
        var bodies = rows.Select(r => CsvRows.Format(r)).ToArray();

        Console.WriteLine($"serving benchmark: {Clients} concurrent clients × {PerClient:N0} requests (one CSV row each) on 127.0.0.1, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Environment.SetEnvironmentVariable("KIT_CLI", KitProcess.Binary);
        (double P50, double P99, double PerSecond) kitFigures;
        using (var kit = KitChild.Start("container", "serve", "--root", ml.Root, "--port", "0"))
        {
            var url = kit.WaitForLine("listening on").Split(' ')[2];
            kitFigures = Report("kit container serve (Kestrel)", Load(new Uri(url), bodies, expected));
        }
        var weights = Path.Combine(folder, "peer-model.json");
        File.WriteAllText(weights, ExportForPeer(model));
        using var peer = StartPeer(weights, out var peerUrl);
        if (peer is null) { Console.WriteLine("  peer: /usr/bin/python3 not found, absolute figures only"); return 0; }
        var peerFigures = Report("python3 http.server (ThreadingHTTPServer)", Load(peerUrl, bodies, expected));
        peer.Kill();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Kit / peer: p50 {kitFigures.P50 / peerFigures.P50:F2}, p99 {kitFigures.P99 / peerFigures.P99:F2}, throughput {kitFigures.PerSecond / peerFigures.PerSecond:F2}"));
        return 0;
    }

    sealed record LoadResult(double[] MillisSorted, int Errors, double Seconds, string? FirstError);

    static LoadResult Load(Uri url, string[] bodies, string[] expected)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = url };
        int errors = 0;
        string? firstError = null;
        async Task<double?> One(int i)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.PostAsync("/invocations", new StringContent(bodies[i % bodies.Length], Encoding.UTF8, "text/csv"));
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode == 200 && text == expected[i % expected.Length]) return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {text.Trim()}", null);
            }
            catch (HttpRequestException e) { Interlocked.CompareExchange(ref firstError, e.Message, null); }
            Interlocked.Increment(ref errors);
            return null;
        }
        Task.WaitAll(Enumerable.Range(0, Clients).Select(async c => { for (int i = 0; i < Warmup; i++) await One(c + i); }));
        errors = 0;
        var latencies = new List<double>[Clients];
        var clock = Stopwatch.StartNew();
        Task.WaitAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            latencies[c] = new List<double>(PerClient);
            for (int i = 0; i < PerClient; i++) if (await One(c * PerClient + i) is double ms) latencies[c].Add(ms);
        }));
        clock.Stop();
        return new LoadResult(latencies.SelectMany(l => l).Order().ToArray(), errors, clock.Elapsed.TotalSeconds, firstError);
    }

    static (double P50, double P99, double PerSecond) Report(string name, LoadResult r)
    {
        double P(double q) => r.MillisSorted[(int)Math.Min(r.MillisSorted.Length - 1, Math.Ceiling(q * r.MillisSorted.Length) - 1)];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {name,-42} {Clients * PerClient:N0} requests, {r.Errors} errors, p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, {Clients * PerClient / r.Seconds:N0} requests/s");
        Console.WriteLine(line + (r.FirstError is null ? "" : $" (first error: {r.FirstError})"));
        return (P(0.50), P(0.99), Clients * PerClient / r.Seconds);
    }

    static string ExportForPeer(TabularModel model)
    {
        var state = model.Net.state_dict();
        var layers = state.Keys.Where(k => k.EndsWith(".weight", StringComparison.Ordinal)).Select(k => k[..^".weight".Length]).Select(layer =>
        {
            var w = state[layer + ".weight"];
            var flat = w.data<float>().ToArray();
            int cols = (int)w.shape[1];
            return new object[] { Enumerable.Range(0, (int)w.shape[0]).Select(r => flat[(r * cols)..((r + 1) * cols)]), state[layer + ".bias"].data<float>().ToArray() };
        });
        return JsonSerializer.Serialize(new { mean = model.Description.Mean, std = model.Description.Std, layers });
    }

    static Process? StartPeer(string weights, out Uri url)
    {
        url = null!;
        if (!File.Exists("/usr/bin/python3")) return null;
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "serving_peer.py"));
        psi.ArgumentList.Add(weights);
        var p = Process.Start(psi)!;
        url = new Uri($"http://127.0.0.1:{p.StandardOutput.ReadLine()}/");
        return p;
    }

    static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
