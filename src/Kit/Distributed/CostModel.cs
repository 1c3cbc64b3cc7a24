namespace Kit.Distributed;

/// <summary>
/// Time of one data-parallel step as compute + communication, with the communication of a gradient all-reduce in the
/// classic latency–bandwidth (α–β) model: a message of S bytes takes α + S/B. A ring all-reduce over N ranks makes
/// 2(N − 1) such steps of S/N bytes; a single parameter server receives and sends N full copies through its one link.
/// </summary>
/// <param name="LatencySeconds">α: the fixed cost of one message.</param>
/// <param name="BytesPerSecond">B: the link bandwidth.</param>
public sealed record CostModel(double LatencySeconds, double BytesPerSecond)
{
    /// <summary>Ring all-reduce: 2(N − 1)·α + 2(N − 1)/N · S/B. The bandwidth term hardly grows with N.</summary>
    public double RingAllreduceSeconds(double bytes, int ranks) =>
        ranks <= 1 ? 0 : 2 * (ranks - 1) * LatencySeconds + RingAllreduce.BytesSentPerRank(bytes, ranks) / BytesPerSecond;

    /// <summary>One parameter server: every worker pushes its gradients and pulls the weights: 2α + 2N·S/B, linear in N.</summary>
    public double ParameterServerSeconds(double bytes, int workers) =>
        workers <= 1 ? 0 : 2 * LatencySeconds + 2.0 * workers * bytes / BytesPerSecond;

    /// <summary>Step time with a fixed global batch: the single-rank compute is split N ways, then the ring all-reduce.</summary>
    public double StepSeconds(double singleRankComputeSeconds, double gradientBytes, int ranks) =>
        singleRankComputeSeconds / ranks + RingAllreduceSeconds(gradientBytes, ranks);

    /// <summary>Speed-up over one rank and scaling efficiency (speed-up / N).</summary>
    public (double Speedup, double Efficiency) Scaling(double singleRankComputeSeconds, double gradientBytes, int ranks)
    {
        double speedup = singleRankComputeSeconds / StepSeconds(singleRankComputeSeconds, gradientBytes, ranks);
        return (speedup, speedup / ranks);
    }

    /// <summary>
    /// Fits α and B to measured all-reduce times of messages of several sizes over <paramref name="ranks"/> ranks:
    /// t = 2(N − 1)·α + 2(N − 1)/N · S/B by least squares on the relative error (weights 1/t²), so that microsecond
    /// messages count as much as millisecond ones and one stalled measurement does not swing the fit.
    /// </summary>
    public static CostModel Fit(IReadOnlyList<double> bytes, IReadOnlyList<double> seconds, int ranks)
    {
        if (bytes.Count != seconds.Count) throw new ArgumentException($"{bytes.Count} sizes but {seconds.Count} times.", nameof(seconds));
        if (bytes.Count < 2 || bytes.Distinct().Count() < 2) throw new ArgumentException("at least two different message sizes are needed to fit latency and bandwidth.", nameof(bytes));
        if (seconds.Any(t => !(t > 0))) throw new ArgumentException("every measured time must be positive.", nameof(seconds));
        if (ranks < 2) throw new ArgumentOutOfRangeException(nameof(ranks), ranks, "an all-reduce needs at least 2 ranks.");
        var w = seconds.Select(t => 1 / (t * t)).ToArray();
        double sw = w.Sum();
        double mx = bytes.Select((b, i) => w[i] * b).Sum() / sw, my = seconds.Select((t, i) => w[i] * t).Sum() / sw;
        double slope = bytes.Select((b, i) => w[i] * (b - mx) * (seconds[i] - my)).Sum() / bytes.Select((b, i) => w[i] * (b - mx) * (b - mx)).Sum();
        double intercept = my - slope * mx;
        if (slope <= 0) throw new ArgumentException("the measured time does not grow with the message size: measure larger messages.", nameof(seconds));
        return new CostModel(Math.Max(intercept, 0) / (2 * (ranks - 1)), 2.0 * (ranks - 1) / ranks / slope);
    }

    public override string ToString() => $"latency α = {LatencySeconds * 1e6:F1} µs, bandwidth B = {BytesPerSecond / 1e9:F2} GB/s";
}
