using System.Globalization;
using Kit.Charts;

namespace Kit.Containers;

/// <summary>The lesson's charts: a resumed run against an uninterrupted one, Spot billing, latencies.</summary>
public static class ContainerPlots
{
    /// <summary>Epochs and training losses from a finished job's <c>/opt/ml/output/data/history.csv</c>.</summary>
    public static (double[] Epoch, double[] TrainLoss) History(OptMl ml)
    {
        var rows = File.ReadAllLines(Path.Combine(ml.Output, "data", "history.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        return (rows.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray(),
                rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray());
    }

    /// <param name="stops">the checkpoint epoch each interruption left behind (a restart begins after it)</param>
    public static Figure Resumed(OptMl uninterrupted, OptMl interrupted, IEnumerable<(string Signal, int Epoch)> stops)
    {
        var (e1, l1) = History(uninterrupted);
        var (e2, l2) = History(interrupted);
        var figure = Chart.Line(e1, l1, "uninterrupted run").AddLine(e2, l2, "interrupted and resumed", dash: "dot");
        foreach (var (signal, epoch) in stops)
            figure.AddTrace(new
            {
                type = "scatter", mode = "markers+text", x = new[] { (double)epoch }, y = new[] { l2[epoch - 1] },
                text = new[] { $"{signal}: resumes after epoch {epoch}" }, textposition = "top right", name = signal,
                marker = new { size = 11, symbol = "x" },
            });
        return figure.WithTitle("Training loss: the resumed run retraces the uninterrupted one").WithAxisTitles("epoch", "training loss").WithSize(340);
    }

    public static Figure SpotBilling(IEnumerable<(string Strategy, SpotRun Run)> runs)
    {
        var list = runs.ToList();
        var names = list.Select(r => r.Strategy).ToArray();
        return new Figure()
            .AddTrace(new { type = "bar", x = names, y = list.Select(r => r.Run.BilledHours).ToArray(), name = "billed (training) hours" })
            .AddTrace(new { type = "bar", x = names, y = list.Select(r => r.Run.WallHours).ToArray(), name = "wall-clock hours" })
            .AddTrace(new { type = "bar", x = names, y = list.Select(r => r.Run.RedoneHours).ToArray(), name = "work redone" })
            .WithLayout(new { barmode = "group" })
            .WithTitle("A 10-hour Spot job, interrupted twice: what checkpoints save").WithAxisTitles("checkpoints", "hours").WithSize(340);
    }

    public static Figure Latencies(IEnumerable<double> millis, string title)
    {
        var sorted = millis.Order().ToArray();
        var share = Enumerable.Range(1, sorted.Length).Select(i => 100.0 * i / sorted.Length);
        return Chart.Line(sorted, share, "requests").WithTitle(title).WithAxisTitles("latency (ms)", "% of requests at or below").WithSize(400);
    }
}
