using Kit.Charts;

namespace Kit.Rnn;

/// <summary>A next-step forecast against the truth: the series on top, each forecast's error per step underneath.</summary>
public static class ForecastPlot
{
    /// <summary>
    /// Top: the end of the training period, the actual test values and each forecast over the first <paramref name="window"/>
    /// test steps (zoomed in, where a one-step lag shows). Bottom: each forecast's absolute error per step, with its RMSE in the
    /// legend: forecasts that overlap on top differ plainly there.
    /// </summary>
    public static Figure Plot(double[] series, int testStart, double[] actual, IReadOnlyList<(string Name, double[] Values)> forecasts, int window = 50)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecasts);
        if (testStart < 1 || testStart > series.Length) throw new ArgumentOutOfRangeException(nameof(testStart), testStart, $"testStart must be between 1 and the series length ({series.Length}).");
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "window must be at least 2 steps.");
        foreach (var (name, values) in forecasts)
            if (values.Length != actual.Length) throw new ArgumentException($"forecast '{name}' has {values.Length} values, actual has {actual.Length}.", nameof(forecasts));
        int shown = Math.Min(window, actual.Length), lead = Math.Min(testStart, window / 2);
        string[] palette = ["#d62728", "#2ca02c", "#9467bd"];
        string[] dashes = ["dash", "dot", "dashdot"];
        double[] Steps(int from, int count) => Enumerable.Range(from, count).Select(t => (double)t).ToArray();
        var testAxis = Steps(testStart, shown);
        var fig = new Figure()
            .AddTrace(new { type = "scatter", mode = "lines", name = "training period", x = Steps(testStart - lead, lead), y = series[(testStart - lead)..testStart], line = new { color = "#aaa" } })
            .AddTrace(new { type = "scatter", mode = "lines+markers", name = "actual (test)", x = testAxis, y = actual[..shown], line = new { color = "#1f77b4", width = 2.5 }, marker = new { size = 5 } });
        for (int i = 0; i < forecasts.Count; i++)
        {
            var (name, values) = forecasts[i];
            var error = values.Zip(actual, (f, a) => Math.Abs(f - a)).ToArray();
            double rmse = Math.Sqrt(values.Zip(actual, (f, a) => (f - a) * (f - a)).Average());
            var line = new { color = palette[i % palette.Length], dash = dashes[i % dashes.Length], width = 2 };
            fig.AddTrace(new { type = "scatter", mode = "lines", name = $"{name} (test RMSE {rmse:F3})", legendgroup = name, x = testAxis, y = values[..shown], line });
            fig.AddTrace(new { type = "scatter", mode = "lines", name = $"{name} error", legendgroup = name, showlegend = false, x = testAxis, y = error[..shown], line, xaxis = "x2", yaxis = "y2" });
        }
        return fig.WithSize(700).WithLayout(new
        {
            xaxis = new { anchor = "y", matches = "x2", showticklabels = false },
            yaxis = new { domain = new[] { 0.45, 1.0 }, title = new { text = "value" } },
            xaxis2 = new { anchor = "y2", title = new { text = "time step" } },
            yaxis2 = new { domain = new[] { 0.0, 0.33 }, title = new { text = "|error|" }, rangemode = "tozero" },
            legend = new { orientation = "v", x = 1.02, xanchor = "left", y = 1.0, yanchor = "top" },
        });
    }
}
