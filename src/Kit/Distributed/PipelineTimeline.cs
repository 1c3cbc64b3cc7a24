namespace Kit.Distributed;

/// <summary>The events of every stage of one pipeline step, with times relative to the first event.</summary>
public sealed class PipelineTimeline
{
    public PipelineTimeline(IEnumerable<StageEvent> events, int stages, int microBatches)
    {
        var all = events.ToList();
        if (all.Count == 0) throw new ArgumentException("no events: the pipeline did not run.", nameof(events));
        double origin = all.Min(e => e.Start);
        Events = [.. all.Select(e => e with { Start = e.Start - origin, End = e.End - origin }).OrderBy(e => e.Start)];
        Stages = stages;
        MicroBatches = microBatches;
    }

    public IReadOnlyList<StageEvent> Events { get; }
    public int Stages { get; }
    public int MicroBatches { get; }

    /// <summary>From the first operation's start to the last one's end.</summary>
    public double Makespan => Events.Max(e => e.End);

    /// <summary>Measured: 1 − (time the stages computed) / (stages × makespan).</summary>
    public double Bubble => 1 - Events.Sum(e => e.End - e.Start) / (Stages * Makespan);

    /// <summary>
    /// One timeline per micro-batch count of <paramref name="args"/>: of its repeats, the least disturbed run (the
    /// smallest bubble), as benchmarks keep the fastest run: on a shared machine a rank that gets its core late, or an
    /// operation that overruns, leaves the other stage idle, so other programs add to the bubble and hardly ever remove from it.
    /// </summary>
    public static IReadOnlyList<PipelineTimeline> LeastDisturbed(IReadOnlyList<PipelineResult> ranks, PipelineArgs args)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.MicroBatches.Select((m, i) => Enumerable.Range(i * args.Repeats, args.Repeats)
            .Select(k => new PipelineTimeline(ranks.SelectMany(r => r.Runs[k]), ranks.Count, m))
            .MinBy(t => t.Bubble)!)];
    }

    /// <summary>GPipe's (p − 1)/(m + p − 1).</summary>
    public double TheoreticalBubble => PipelineStage.BubbleFraction(Stages, MicroBatches);
}
