using Kit.Charts;

namespace Kit.Training;

/// <summary>Charts of a training run.</summary>
public static class TrainingPlots
{
    /// <summary>
    /// Loss per epoch (training and, if measured, validation) on the left axis and the metric on the right axis.
    /// NaN and infinite values (a diverged run) leave gaps instead of breaking the chart.
    /// </summary>
    /// <param name="totalEpochs">the planned epochs: the epoch axis spans them while the run is going</param>
    /// <param name="finished">the run is over: the axis spans the epochs it ran (an early stop at 16 of 100 fills the chart)</param>
    public static Figure Curves(History history, string? title = null, int? totalEpochs = null, bool finished = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        var fig = new Figure();
        var x = history.EpochNumbers;
        fig.AddTrace(new { type = "scatter", mode = "lines+markers", x, y = Clean(history.TrainLoss), name = "train loss", line = new { color = "#1f77b4" }, marker = new { size = 4 } });
        if (history.Epochs.Any(e => e.ValLoss is not null))
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", x, y = Clean(history.ValLoss), name = "val loss", line = new { color = "#ff7f0e" }, marker = new { size = 4 } });
        var metricName = history.Epochs.FirstOrDefault(e => e.MetricName is not null)?.MetricName;
        if (metricName is not null)
        {
            fig.AddTrace(new { type = "scatter", mode = "lines", x, y = Clean(history.TrainMetric), name = $"train {metricName}", yaxis = "y2", line = new { color = "#1f77b4", dash = "dot" } });
            if (history.Epochs.Any(e => e.ValMetric is not null))
                fig.AddTrace(new { type = "scatter", mode = "lines", x, y = Clean(history.ValMetric), name = $"val {metricName}", yaxis = "y2", line = new { color = "#ff7f0e", dash = "dot" } });
        }
        bool metricIsFraction = history.Epochs.All(e => e.TrainMetric is null or (>= 0 and <= 1)) && history.Epochs.All(e => e.ValMetric is null or (>= 0 and <= 1));
        var last = history.Last;
        string status = last is null ? "waiting for the first epoch"
            : $"{(finished && last.Epoch < totalEpochs ? "stopped at " : "")}epoch {last.Epoch}{(totalEpochs is int t ? $"/{t}" : "")}: loss {last.TrainLoss:G4}" +
              (last.ValLoss is double vl ? $", val loss {vl:G4}" : "") +
              (last.ValMetric is double vm ? $", val {metricName} {vm:P1}" : "") +
              (history.Diverged ? " — diverged" : "");
        fig.WithLayout(new
        {
            title = new { text = title is null ? status : $"{title}<br><sub>{status}</sub>" },
            xaxis = new { title = new { text = "epoch" }, range = totalEpochs is int te && !finished ? new double[] { 0.5, te + 0.5 } : null },
            yaxis = new { title = new { text = "loss" } },
            yaxis2 = metricName is null ? null : new { title = new { text = metricName }, overlaying = "y", side = "right", range = metricIsFraction ? new[] { 0.0, 1.0 } : null, tickformat = metricIsFraction ? ".0%" : null, tickmode = metricIsFraction ? "linear" : null, tick0 = metricIsFraction ? 0.0 : (double?)null, dtick = metricIsFraction ? 0.25 : (double?)null, showgrid = false },
            // Under the epoch axis's title, not on it (at y = -0.25 the legend covered "epoch"); the right side holds the metric axis.
            legend = new { orientation = "h", y = -0.32, yanchor = "top" },
            margin = new { t = 60, r = 60 },
        });
        return fig.WithSize(340);
    }

    /// <summary>1, 2, 5 times each power of ten from just under the smallest positive value to just over the largest.</summary>
    public static double[] OneTwoFive(IEnumerable<double> values) => Ticks.OneTwoFive(values);

    /// <summary>NaN/±∞ become null (a gap in plotly), so that JSON stays valid.</summary>
    public static double?[] Clean(IEnumerable<double> values) =>
        values.Select(v => double.IsFinite(v) ? v : (double?)null).ToArray();

    /// <summary>One quantity of several runs against epoch, e.g. the training loss for three learning rates.</summary>
    /// <param name="select">what to draw from each history, e.g. <c>h =&gt; h.TrainLoss</c></param>
    /// <param name="logY">logarithmic y axis, labelled 0.1, 0.2, 0.5, 1, 2, 5… in full (plotly's own reads "0.1 2 5 1 2 5")</param>
    public static Figure Compare(IEnumerable<(string Name, History History)> runs, Func<History, double[]> select, string title, string yTitle, bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(select);
        var fig = new Figure();
        var all = new List<double>();
        foreach (var (name, h) in runs)
        {
            var y = Clean(select(h));
            all.AddRange(y.OfType<double>());
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", x = h.EpochNumbers, y, name, marker = new { size = 4 } });
        }
        fig.WithTitle(title).WithAxisTitles("epoch", yTitle);
        if (logY) fig.WithLayout(new { yaxis = new { type = "log", tickmode = "array", tickvals = OneTwoFive(all), tickformat = "~g" } });
        return fig.WithSize(340);
    }
}
