using Kit.Charts;

namespace Kit.Distributed;

/// <summary>The lesson's pictures: a pipeline timeline, bubble against theory, all-reduce time against message size, scaling.</summary>
public static class DistributedPlots
{
    static readonly Dictionary<string, (string Name, string Colour)> Kinds = new()
    {
        ["F"] = ("forward", "#4c78a8"),
        ["B"] = ("backward", "#f58518"),
    };

    /// <summary>One row per stage (stage 0 on top), one bar per operation labelled with its micro-batch; gaps are the bubble.</summary>
    public static Figure Timeline(PipelineTimeline timeline, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var figure = new Figure();
        foreach (var (kind, (name, colour)) in Kinds)
        {
            var ops = timeline.Events.Where(e => e.Kind == kind).ToList();
            figure.AddTrace(new
            {
                type = "bar", orientation = "h", name,
                @base = ops.Select(e => e.Start * 1000).ToArray(),
                x = ops.Select(e => (e.End - e.Start) * 1000).ToArray(),
                y = ops.Select(e => $"stage {e.Stage}").ToArray(),
                text = ops.Select(e => $"{kind}{e.MicroBatch}").ToArray(),
                textposition = "inside", insidetextanchor = "middle",
                marker = new { color = colour, line = new { color = "white", width = 1 } },
            });
        }
        return figure
            .WithTitle(title ?? $"GPipe, {timeline.Stages} stages × {timeline.MicroBatches} micro-batches: bubble {timeline.Bubble:P0} (theory {timeline.TheoreticalBubble:P0})")
            .WithAxisTitles("time (ms)", "")
            .WithLayout(new { barmode = "overlay", yaxis = new { autorange = "reversed" }, bargap = 0.3 })
            .WithSize(280 + 60 * timeline.Stages);
    }

    /// <summary>Measured bubble per micro-batch count beside GPipe's (p − 1)/(m + p − 1).</summary>
    public static Figure Bubble(IReadOnlyList<PipelineTimeline> timelines)
    {
        var m = timelines.Select(t => (double)t.MicroBatches).ToArray();
        return Chart.Scatter(m, timelines.Select(t => t.Bubble), "measured")
            .AddLine(m, timelines.Select(t => t.TheoreticalBubble), "theory (p − 1)/(m + p − 1)", dash: "dash")
            .WithTitle($"Pipeline bubble, {timelines[0].Stages} stages: more micro-batches, less idle time")
            .WithAxisTitles("micro-batches m", "idle fraction of stage time")
            .WithLayout(new { xaxis = new { type = "log", tickvals = m } })
            .WithSize(400);
    }

    /// <summary>Measured all-reduce times against message size (log–log), with the fitted latency–bandwidth model.</summary>
    public static Figure AllreduceTimes(IReadOnlyList<double> bytes, IReadOnlyList<double> seconds, CostModel fit, int ranks)
    {
        var kib = bytes.Select(b => b / 1024).ToArray();
        return Chart.Scatter(kib, seconds.Select(s => s * 1e6), $"MPI_Allreduce, {ranks} ranks (measured)")
            .AddLine(kib, bytes.Select(b => fit.RingAllreduceSeconds(b, ranks) * 1e6), $"model: {fit}", dash: "dash")
            .WithTitle("All-reduce time against message size: latency for small messages, bandwidth for large ones")
            .WithAxisTitles("message (KiB)", "time (µs)")
            .WithLogAxis("x").WithLogAxis("y")
            .WithSize(400);
    }

    /// <summary>Step time against world size for a ring and for one parameter server, from the cost model.</summary>
    public static Figure Scaling(CostModel model, double singleRankComputeSeconds, double gradientBytes, int maxRanks, string title)
    {
        var n = Enumerable.Range(1, maxRanks).Select(i => (double)i).ToArray();
        return Chart.Line(n, n.Select(k => singleRankComputeSeconds / k * 1e3), "compute only (perfect scaling)")
            .AddLine(n, n.Select(k => model.StepSeconds(singleRankComputeSeconds, gradientBytes, (int)k) * 1e3), "compute + ring all-reduce")
            .AddLine(n, n.Select(k => (singleRankComputeSeconds / k + model.ParameterServerSeconds(gradientBytes, (int)k)) * 1e3), "compute + one parameter server", dash: "dot")
            .WithTitle(title)
            .WithAxisTitles("ranks N", "time per step (ms)")
            .WithLogAxis("y")
            .WithSize(400);
    }
}
