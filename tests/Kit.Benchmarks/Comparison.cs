namespace Kit.Benchmarks;

/// <summary>One side-by-side measurement: the Kit's seconds by name, then the peer's, taken right after.</summary>
sealed record Pair(IReadOnlyDictionary<string, double> Kit, PeerRun? Peer);

/// <summary>
/// Prints the Kit's figures beside a peer's, with the peer's configuration and the machine's load, and the ratio
/// Kit / peer only when the peer ran fairly configured (<see cref="PeerConfiguration.Handicap"/>); otherwise says
/// why and how to fix it. With several pairs (taken one after the other, so each pair shares the machine's load of
/// its moment) it prints medians with their range, and the ratio is the median of the pairs' ratios.
/// </summary>
static class Comparison
{
    /// <summary>Exit code: 0 with ratios, 3 when the ratio was withheld, 0 when no peer could run (said above).</summary>
    public static int Print(string peerName, IReadOnlyList<Pair> pairs, int kitThreads, string target)
    {
        var peers = pairs.Select(p => p.Peer).OfType<PeerRun>().ToList();
        bool complete = peers.Count == pairs.Count;
        string? handicap = peers.Select(p => p.Configuration.Handicap(kitThreads)).FirstOrDefault(h => h is not null);
        string ratioHeader = $"Kit/{peerName}";
        Console.WriteLine($"  {"",-12} {"Kit",24} {peerName,24} {ratioHeader,18}");
        foreach (var name in pairs[0].Kit.Keys)
        {
            string kit = Spread(pairs.Select(p => p.Kit[name] * 1000).ToList(), " ms");
            string other = complete ? Spread(peers.Select(p => p.Seconds(name) * 1000).ToList(), " ms") : "n/a";
            string ratio = !complete ? "n/a" : handicap is not null ? "withheld"
                : Spread(pairs.Select(p => p.Kit[name] / p.Peer!.Seconds(name)).ToList(), "");
            Console.WriteLine($"  {name,-12} {kit,24} {other,24} {ratio,18}");
        }
        Console.WriteLine($"  conditions: {Conditions()}");
        if (!complete) return 0;
        Console.WriteLine($"  peer: {peers[0].Configuration.Describe()}");
        if (handicap is null) { Console.WriteLine($"  {target}"); return 0; }
        Console.WriteLine($"  ratio withheld: {handicap}");
        return 3;
    }

    /// <summary>"median" for one value, "median (min–max)" for several.</summary>
    static string Spread(List<double> values, string unit)
    {
        values.Sort();
        string median = $"{values[values.Count / 2]:F2}{unit}";
        return values.Count == 1 ? median : $"{median} ({values[0]:F2}–{values[^1]:F2})";
    }

    /// <summary>The machine's load while measuring: on a shared machine, a load above the core count makes figures noisy.</summary>
    static string Conditions()
    {
        const string loadavg = "/proc/loadavg";
        string load = File.Exists(loadavg) ? string.Join(" / ", File.ReadAllText(loadavg).Split(' ').Take(3)) : "n/a";
        return $"{Environment.ProcessorCount} cores, load average (1 / 5 / 15 min) {load}";
    }
}
