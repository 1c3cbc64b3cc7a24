using System.Text.Json;

namespace Kit.Benchmarks;

/// <summary>
/// A peer's configuration as its own process saw it (peer_config.py): the BLAS the loader mapped, the threads of
/// that BLAS and of PyTorch, and library versions. A ratio against a peer that runs the reference BLAS or another
/// thread count than the Kit measures the peer's setup, not the Kit, so <see cref="Handicap"/> names what is wrong.
/// </summary>
sealed record PeerConfiguration(string Blas, IReadOnlyList<string> BlasLibraries, int? BlasThreads, int? TorchThreads,
    IReadOnlyDictionary<string, string> Versions)
{
    const string BlasAlternative = "libblas.so.3-x86_64-linux-gnu";
    const string OpenBlasLibrary = "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3";

    public static PeerConfiguration From(JsonElement config)
    {
        var versions = new Dictionary<string, string>();
        foreach (var name in new[] { "torch", "sklearn", "numpy", "backend" })
            if (config.TryGetProperty(name, out var v)) versions[name] = v.GetString() ?? "?";
        return new PeerConfiguration(
            config.GetProperty("blas").GetString() ?? "unknown",
            [.. config.GetProperty("blas_libraries").EnumerateArray().Select(e => e.GetString() ?? "")],
            OptionalInt(config, "blas_threads"),
            OptionalInt(config, "threads"),
            versions);
    }

    static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    /// <summary>One line for beside the figures.</summary>
    public string Describe()
    {
        string Mapped(string prefix) =>
            BlasLibraries.FirstOrDefault(p => Path.GetFileName(p).StartsWith(prefix, StringComparison.Ordinal)) is { } p ? p : "";
        string blasLibraries = string.Join(" + ", new[] { Mapped("libblas"), Path.GetFileName(Mapped("libopenblas")) }.Where(p => p != ""));
        var parts = Versions.Select(kv => $"{kv.Key} {kv.Value}").ToList();
        parts.Add($"BLAS {Blas} ({(blasLibraries == "" ? "none mapped" : blasLibraries)})");
        parts.Add($"BLAS threads {BlasThreads?.ToString() ?? "n/a"}");
        if (TorchThreads is { } t) parts.Add($"torch threads {t}");
        return string.Join(", ", parts);
    }

    /// <summary>Why a ratio against this peer would mislead, with the fix; null when the peer is configured fairly.</summary>
    public string? Handicap(int kitThreads)
    {
        const string install = "install OpenBLAS (`apt-get install libopenblas0`, or run environment/install-debian.sh)";
        string select = $"select it (`update-alternatives --set {BlasAlternative} {OpenBlasLibrary}`; check with `update-alternatives --display {BlasAlternative}`)";
        if (Blas == "reference")
            return $"the peer runs the reference BLAS ({string.Join(", ", BlasLibraries.Where(p => p.Contains("/blas/")))}), " +
                   $"several times slower than OpenBLAS on these models. Fix: {install} and {select}.";
        if (Blas == "unknown")
            return $"the peer's BLAS could not be identified (mapped: {(BlasLibraries.Count == 0 ? "none" : string.Join(", ", BlasLibraries))}). " +
                   $"Fix: {install} and {select}.";
        if (BlasThreads is { } b && b != kitThreads)
            return $"the peer's OpenBLAS uses {b} thread(s), the Kit {kitThreads} (the benchmark sets OPENBLAS_NUM_THREADS={kitThreads}; " +
                   $"libopenblas0-serial ignores it). Fix: install libopenblas0-pthread and {select}.";
        if (TorchThreads is { } t && t != kitThreads)
            return $"PyTorch in the peer uses {t} thread(s), the Kit {kitThreads}. " +
                   $"Fix: training_peer.py calls torch.set_num_threads({kitThreads}); check that nothing in the environment overrides it.";
        return null;
    }
}
