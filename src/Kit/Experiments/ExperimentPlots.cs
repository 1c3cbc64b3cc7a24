using Kit.Charts;

namespace Kit.Experiments;

/// <summary>Comparing runs: one metric's curve per run of an experiment.</summary>
public static class ExperimentPlots
{
    public static Figure Compare(ExperimentTracker tracker, string experiment, string metric)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var runs = tracker.Runs(experiment);
        if (runs.Count == 0) throw new ArgumentException($"experiment '{experiment}' has no runs.", nameof(experiment));
        var fig = new Figure();
        foreach (var run in runs)
        {
            var history = tracker.MetricHistory(run.Id, metric);
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", x = history.Select(h => h.Step), y = history.Select(h => double.IsNaN(h.Value) ? (double?)null : h.Value), name = run.Name });
        }
        return fig.WithTitle($"{experiment}: {metric} by run").WithAxisTitles("step", metric).WithSize(360);
    }
}
