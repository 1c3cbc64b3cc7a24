using Kit.Charts;

namespace Kit.Tuning;

/// <summary>Charts of tuning jobs: best-so-far curves, Hyperband's brackets, where the trials landed.</summary>
public static class TuningPlots
{
    /// <summary>The best objective so far against the compute spent (epochs trained), one line per job: the fair
    /// comparison of strategies that spend their budget differently.</summary>
    public static Figure BestSoFar(string title, params TuningResult[] results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var fig = new Figure();
        foreach (var r in results)
        {
            var best = r.BestSoFar();
            int spent = 0;
            var x = r.Trials.Select(t => (double)(spent += t.Epochs)).ToArray();
            fig.AddTrace(new { type = "scatter", mode = "lines", line = new { shape = "hv" }, x, y = best.Select(Gap), name = $"{r.Strategy} ({r.Trials.Count} trials)" });
        }
        return fig.WithTitle(title).WithAxisTitles("epochs trained (compute)", $"best {results.FirstOrDefault()?.Objective.MetricName} so far")
            .WithLayout(new { legend = new { orientation = "h", y = -0.25 } }).WithSize(380);
    }

    /// <summary>Hyperband's brackets side by side: each line is one configuration, its score at each rung it reached;
    /// lines that stop were halved away.</summary>
    public static Figure Brackets(TuningResult hyperband)
    {
        ArgumentNullException.ThrowIfNull(hyperband);
        if (hyperband.Strategy != TuningStrategy.Hyperband) throw new ArgumentException($"expected a Hyperband job, not {hyperband.Strategy}.", nameof(hyperband));
        var fig = new Figure();
        var brackets = hyperband.Trials.GroupBy(t => t.Bracket!.Value).OrderBy(g => g.Key).ToList();
        foreach (var (bracket, b) in brackets.Select((g, b) => (g, b)))
            foreach (var config in bracket.GroupBy(t => t.Config!.Value))
            {
                var done = config.Where(t => t.ObjectiveValue is not null).OrderBy(t => t.Rung).ToList();
                string axis = b == 0 ? "" : (b + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                fig.AddTrace(new
                {
                    type = "scatter", mode = "lines+markers", x = done.Select(t => t.Epochs), y = done.Select(t => t.ObjectiveValue),
                    xaxis = "x" + axis, yaxis = "y" + axis, showlegend = false, hovertext = config.First().Hyperparameters.ToString(),
                    line = new { width = 1 }, marker = new { size = 5 },
                });
            }
        var layout = new Dictionary<string, object>
        {
            ["grid"] = new { rows = 1, columns = brackets.Count, pattern = "independent" },
            ["annotations"] = brackets.Select((g, b) => new
            {
                text = $"bracket {g.Key}: {g.Select(t => t.Config).Distinct().Count()} configs", showarrow = false,
                xref = $"x{(b == 0 ? "" : b + 1)} domain", yref = $"y{(b == 0 ? "" : b + 1)} domain", x = 0.5, y = 1.0, yanchor = "bottom", yshift = 4,
            }).ToArray(),
        };
        for (int b = 0; b < brackets.Count; b++)
        {
            string s = b == 0 ? "" : (b + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Ticks at the rungs' epoch budgets only (plotly's log ticks read "9 1 2 … 9 10"), the range padded around them.
            var epochs = brackets[b].Select(t => t.Epochs).Distinct().Order().ToArray();
            layout["xaxis" + s] = new
            {
                title = new { text = "epochs" }, type = "log", tickmode = "array", tickvals = epochs, ticktext = epochs.Select(e => e.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                range = new[] { Math.Log10(epochs[0]) - 0.2, Math.Log10(epochs[^1]) + 0.2 },
            };
            layout["yaxis" + s] = new { matches = b == 0 ? null : "y" };
        }
        // The title sits above the brackets' labels, which sit on top of their plots.
        return fig.WithLayout(layout).WithTitle($"Hyperband: {hyperband.Objective.MetricName} per rung")
            .WithLayout(new { title = new { pad = new { b = 36 } } }).WithSize(420);
    }

    /// <summary>Each completed trial's value of one hyperparameter against its objective, coloured by trial order
    /// (Bayesian search: late trials crowd the good region).</summary>
    public static Figure Trials(TuningResult result, string parameter)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Space.Ranges.All(r => r.Name != parameter)) throw new ArgumentException($"'{parameter}' is not in the search space ({result.Space}).", nameof(parameter));
        var done = result.Completed.ToList();
        bool log = result.Space.Ranges.First(r => r.Name == parameter) is ContinuousParameter { Scaling: Scaling.Logarithmic } or IntegerParameter { Scaling: Scaling.Logarithmic };
        return new Figure()
            .AddTrace(new
            {
                type = "scatter", mode = "markers", x = done.Select(t => t.Hyperparameters.Double(parameter)), y = done.Select(t => t.ObjectiveValue),
                text = done.Select(t => t.Key), marker = new { size = 9, color = done.Select(t => t.Index), colorscale = "Viridis", showscale = true, colorbar = new { title = new { text = "trial" } } },
            })
            .WithTitle($"{result.Strategy}: where the trials went").WithAxisTitles(parameter, result.Objective.MetricName)
            .WithLayout(new { xaxis = new { type = log ? "log" : "linear" } }).WithSize(340);
    }

    static double? Gap(double v) => double.IsNaN(v) ? null : v;
}
