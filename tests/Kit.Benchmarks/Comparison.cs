namespace Kit.Benchmarks;

/// <summary>
/// Prints the Kit's figures beside a peer's, with the peer's configuration, and the ratio Kit / peer only when
/// the peer ran fairly configured (<see cref="PeerConfiguration.Handicap"/>); otherwise says why and how to fix it.
/// </summary>
static class Comparison
{
    /// <summary>Exit code: 0 with ratios, 3 when the ratio was withheld, 0 when no peer could run (said above).</summary>
    public static int Print(string peerName, IReadOnlyDictionary<string, double> kit, PeerRun? peer, int kitThreads, string target)
    {
        string? handicap = peer?.Configuration.Handicap(kitThreads);
        string ratioHeader = $"Kit/{peerName}";
        Console.WriteLine($"  {"",-12} {"Kit",12} {peerName,14} {ratioHeader,14}");
        foreach (var (name, secs) in kit)
        {
            double? other = peer?.Seconds(name);
            string otherText = other is { } o ? $"{o * 1000,11:F2} ms" : "n/a";
            string ratio = other is not { } r ? "n/a" : handicap is null ? $"{secs / r:F2}" : "withheld";
            Console.WriteLine($"  {name,-12} {secs * 1000,9:F2} ms {otherText,14} {ratio,14}");
        }
        Console.WriteLine($"  conditions: {Conditions()}");
        if (peer is null) return 0;
        Console.WriteLine($"  peer: {peer.Configuration.Describe()}");
        if (handicap is null) { Console.WriteLine($"  {target}"); return 0; }
        Console.WriteLine($"  ratio withheld: {handicap}");
        return 3;
    }

    /// <summary>The machine's load while measuring: on a shared machine, a load above the core count makes figures noisy.</summary>
    static string Conditions()
    {
        const string loadavg = "/proc/loadavg";
        string load = File.Exists(loadavg) ? string.Join(" / ", File.ReadAllText(loadavg).Split(' ').Take(3)) : "n/a";
        return $"{Environment.ProcessorCount} cores, load average (1 / 5 / 15 min) {load}";
    }
}
