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

    /// <summary>Measured on the wall clock: 1 − (time the stages computed) / (stages × makespan).</summary>
    public double Bubble => 1 - Events.Sum(e => e.End - e.Start) / (Stages * Makespan);

    /// <summary>
    /// One timeline per micro-batch count of <paramref name="args"/>: of its repeats, the least disturbed run (the
    /// smallest wall-clock bubble), as benchmarks keep the fastest run: on a shared machine a rank that gets its core
    /// late, or an operation that overruns, leaves the other stage idle, so other programs add to the bubble.
    /// </summary>
    /// <param name="by">what "least disturbed" minimizes: the wall-clock <see cref="Bubble"/> unless given</param>
    public static IReadOnlyList<PipelineTimeline> LeastDisturbed(IReadOnlyList<PipelineResult> ranks, PipelineArgs args, Func<PipelineTimeline, double>? by = null)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.MicroBatches.Select((m, i) => Enumerable.Range(i * args.Repeats, args.Repeats)
            .Select(k => new PipelineTimeline(ranks.SelectMany(r => r.Runs[k]), ranks.Count, m))
            .MinBy(by ?? (t => t.Bubble))!)];
    }

    /// <summary>
    /// The bubble of the schedule itself, without the hand-off delays: the events replayed with their measured
    /// durations, each starting as soon as the operation before it on its stage and the one it receives from have
    /// ended (a forward pass needs the previous stage's forward, a backward pass the next stage's backward). The wall
    /// clock adds the time each message and each wake-up took; on a busy machine that is milliseconds per hand-off.
    /// </summary>
    public double ScheduleBubble
    {
        get
        {
            var end = new Dictionary<(int Stage, int MicroBatch, string Kind), double>();
            var stageFree = new double[Stages];
            int last = Stages - 1;
            // Replaying in wall-clock order visits every dependency before the operation that needs it.
            foreach (var e in Events)
            {
                double ready = stageFree[e.Stage];
                if (e.Kind == "F" && e.Stage > 0) ready = Math.Max(ready, end[(e.Stage - 1, e.MicroBatch, "F")]);
                if (e.Kind == "B" && e.Stage < last) ready = Math.Max(ready, end[(e.Stage + 1, e.MicroBatch, "B")]);
                stageFree[e.Stage] = end[(e.Stage, e.MicroBatch, e.Kind)] = ready + (e.End - e.Start);
            }
            return 1 - Events.Sum(e => e.End - e.Start) / (Stages * stageFree.Max());
        }
    }

    /// <summary>GPipe's (p − 1)/(m + p − 1).</summary>
    public double TheoreticalBubble => PipelineStage.BubbleFraction(Stages, MicroBatches);
}
