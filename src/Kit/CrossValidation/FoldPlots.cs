using Kit.Charts;

namespace Kit.CrossValidation;

/// <summary>Pictures of cross-validation splits: one row per fold, one column per sample.</summary>
public static class FoldPlots
{
    /// <summary>Cell value in <see cref="Roles"/>: what a sample does in a fold.</summary>
    public const int NotUsed = 0, Train = 1, Test = 2, Gap = 3;

    static readonly string[] RoleNames = ["not used", "train", "test", "gap"];
    static readonly string[] RoleColours = ["#e8e8e8", "#4c78a8", "#f58518", "#b0b0b0"];

    /// <summary>
    /// roles[fold][sample]: <see cref="Train"/>, <see cref="Test"/>, <see cref="Gap"/> (unused rows between the last
    /// training row and the first test row) or <see cref="NotUsed"/>.
    /// </summary>
    public static int[][] Roles(IReadOnlyList<Fold> folds, int nSamples)
    {
        ArgumentNullException.ThrowIfNull(folds);
        if (nSamples < 1) throw new ArgumentOutOfRangeException(nameof(nSamples), nSamples, "nSamples must be at least 1.");
        return folds.Select(f =>
        {
            var row = new int[nSamples];
            foreach (var i in f.Train) row[Check(i, nSamples)] = Train;
            foreach (var i in f.Test) row[Check(i, nSamples)] = Test;
            if (f.Train.Length > 0 && f.Test.Length > 0)
                for (int i = f.Train.Max() + 1; i < f.Test.Min(); i++)
                    if (row[i] == NotUsed) row[i] = Gap;
            return row;
        }).ToArray();
    }

    /// <summary>
    /// A heatmap of the folds: sample index across, fold down (fold 1 at the top), coloured train / test / gap / not used.
    /// With <paramref name="labels"/>, a strip above the folds shows each sample's class.
    /// </summary>
    public static Figure Folds(IReadOnlyList<Fold> folds, int nSamples, string title, IReadOnlyList<long>? labels = null)
    {
        var roles = Roles(folds, nSamples);
        if (labels is not null && labels.Count != nSamples)
            throw new ArgumentException($"labels must have one class per sample ({nSamples}), not {labels.Count}.", nameof(labels));
        var x = Enumerable.Range(0, nSamples).Select(i => (double)i).ToArray();
        var rowNames = folds.Select(f => $"fold {f.Index + 1}").ToArray();
        // The colour key lists only the roles these folds use (KFold has no gap and leaves nothing unused): one equal band each.
        var present = roles.SelectMany(r => r).Distinct().Order().ToArray();
        var colorscale = new List<object[]>();
        for (int r = 0; r < present.Length; r++)
        {
            colorscale.Add([r / (double)present.Length, RoleColours[present[r]]]);
            colorscale.Add([(r + 1) / (double)present.Length, RoleColours[present[r]]]);
        }
        var fig = new Figure().AddTrace(new
        {
            type = "heatmap", z = roles.Select(row => row.Select(v => Array.IndexOf(present, v)).ToArray()).ToArray(), x, y = rowNames,
            zmin = -0.5, zmax = present.Length - 0.5, colorscale, xgap = nSamples <= 60 ? 1 : 0, ygap = 2,
            colorbar = new { tickvals = Enumerable.Range(0, present.Length).ToArray(), ticktext = present.Select(v => RoleNames[v]).ToArray(), title = new { text = "role" }, len = 0.8 },
            hovertemplate = "sample %{x}, %{y}: %{text}<extra></extra>",
            text = roles.Select(row => row.Select(v => RoleNames[v]).ToArray()).ToArray(),
        });
        object yaxis = new { autorange = "reversed", domain = labels is null ? new[] { 0.0, 1.0 } : new[] { 0.0, 0.85 } };
        if (labels is not null)
        {
            var classes = labels.Distinct().OrderBy(c => c).ToList();
            fig.AddTrace(new
            {
                type = "heatmap", z = new[] { labels.Select(c => (double)classes.IndexOf(c)).ToArray() }, x, y = new[] { "class" },
                yaxis = "y2", showscale = false, colorscale = "Viridis", xgap = nSamples <= 60 ? 1 : 0,
                hovertemplate = "sample %{x}: class %{text}<extra></extra>", text = new[] { labels.Select(c => c.ToString()).ToArray() },
            });
            fig.WithLayout(new { yaxis2 = new { domain = new[] { 0.9, 1.0 }, anchor = "x" } });
        }
        int height = Math.Max(220, 60 + 28 * folds.Count + (labels is null ? 0 : 40));
        return fig.WithTitle(title).WithSize(height)
            .WithLayout(new { xaxis = new { title = new { text = "sample index (time order for a series)" } }, yaxis, margin = new { t = 50, b = 50 } });
    }

    /// <summary>Share of <paramref name="rareClass"/> in each test fold, one bar group per splitter, with the whole data set's share as a line.</summary>
    public static Figure ClassShare(IReadOnlyList<long> labels, long rareClass, params (string Name, IReadOnlyList<Fold> Folds)[] splitters)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(splitters);
        if (splitters.Length == 0) throw new ArgumentException("splitters must hold at least one (name, folds) pair.", nameof(splitters));
        double overall = labels.Count(l => l == rareClass) / (double)labels.Count;
        var fig = new Figure();
        int maxFolds = 0;
        foreach (var (name, folds) in splitters)
        {
            maxFolds = Math.Max(maxFolds, folds.Count);
            fig.AddTrace(new
            {
                type = "bar", name, x = folds.Select(f => $"fold {f.Index + 1}").ToArray(),
                y = folds.Select(f => f.Test.Count(i => labels[i] == rareClass) / (double)f.Test.Length).ToArray(),
            });
        }
        var foldNames = Enumerable.Range(1, maxFolds).Select(i => $"fold {i}").ToArray();
        fig.AddTrace(new { type = "scatter", mode = "lines", name = $"whole data set ({overall:P0})", x = foldNames, y = foldNames.Select(_ => overall).ToArray(), line = new { dash = "dash", color = "black" } });
        return fig.WithTitle($"Share of class {rareClass} in each test fold").WithAxisTitles("test fold", $"share of class {rareClass}")
            .WithLayout(new { barmode = "group", yaxis = new { tickformat = ".0%" } }).WithSize(340);
    }

    /// <summary>One line per splitter of its score in each fold, folds 1, 2, 3… as whole-number ticks.</summary>
    public static Figure ScorePerFold(string title, string scoreName, params (string Name, IReadOnlyList<double> Scores)[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Length == 0) throw new ArgumentException("runs must hold at least one (name, scores) pair.", nameof(runs));
        var fig = new Figure();
        foreach (var (name, scores) in runs)
            fig.AddTrace(new { type = "scatter", mode = "lines+markers", name, x = Enumerable.Range(1, scores.Count).ToArray(), y = scores.ToArray() });
        return fig.WithTitle(title).WithAxisTitles("fold", scoreName)
            .WithLayout(new { xaxis = new { tick0 = 1, dtick = 1 } }).WithSize(300);
    }

    static int Check(int i, int n) =>
        i >= 0 && i < n ? i : throw new ArgumentException($"a fold refers to sample {i}, outside 0..{n - 1}: were the folds made for this nSamples?", "folds");
}
