using Kit.Charts;
using Kit.Data;

namespace Kit.Ensembles;

/// <summary>The lesson's pictures: decision regions, AdaBoost's sample weights, bias and variance side by side.</summary>
public static class EnsemblePlots
{
    /// <summary>P(class 1) of a two-feature model over the plane (colour), with the points on top.</summary>
    /// <param name="steps">grid points per axis, 10 to 200</param>
    public static Figure Boundary(IClassifier model, ToyDataset data, string title, int steps = 70)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 2) throw new ArgumentException($"data must have 2 features to draw on a plane, not {data.FeatureCount}.", nameof(data));
        if (steps is < 10 or > 200) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be between 10 and 200.");
        var (xs, ys) = (data.Column(0), data.Column(1));
        var grid = PlaneGrid.Over(data, model.ProbabilityOfOne, steps);
        // A heatmap, not a contour: a tree's output is a step function, whose contour lines would draw as grey bands.
        return new Figure().AddTrace(new { type = "heatmap", z = grid.Z, x = grid.X, y = grid.Y, colorscale = "RdBu", zmin = 0, zmax = 1, showscale = false, opacity = 0.6 })
            .AddScatter(xs, ys, "points", data.LabelsAsDouble())
            .WithTitle(title).WithAxisTitles("x₁", "x₂").WithLayout(new { showlegend = false }).WithSize(360);
    }

    /// <summary>The points sized by their AdaBoost sample weight at one stage: the hard points grow.</summary>
    public static Figure SampleWeights(ToyDataset data, double[] weights, string title)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(weights);
        if (data.FeatureCount != 2 || weights.Length != data.Count)
            throw new ArgumentException($"weights must hold one weight per point of a 2-feature data set ({data.Count}).", nameof(weights));
        double max = weights.Max();
        var sizes = weights.Select(w => 3 + 22 * Math.Sqrt(w / max)).ToArray();
        return new Figure()
            .AddTrace(new
            {
                type = "scatter", mode = "markers", x = data.Column(0), y = data.Column(1),
                marker = new { size = sizes, color = data.LabelsAsDouble(), colorscale = "RdBu", opacity = 0.7, line = new { width = 0.5, color = "#333" } },
                text = weights.Select(w => $"weight {w:G3}").ToArray(),
            })
            .WithTitle(title).WithAxisTitles("x₁", "x₂").WithSize(360);
    }

    /// <summary>Bias and variance (0–1 loss) of each model as grouped bars.</summary>
    public static Figure BiasAndVariance(IEnumerable<BiasVarianceResult> results)
    {
        var list = results?.ToList() ?? throw new ArgumentNullException(nameof(results));
        var names = list.Select(r => r.Model).ToArray();
        return Chart.Bar(names, list.Select(r => r.Bias), "bias")
            .AddTrace(new { type = "bar", x = names, y = list.Select(r => r.Variance).ToArray(), name = "variance" })
            // Long model names slant: the bottom margin grows to hold them rather than cutting them off.
            .WithLayout(new { barmode = "group", xaxis = new { automargin = true } })
            .WithTitle("Bias and variance of the predicted class, over several training sets").WithAxisTitles("", "share of test points").WithSize(440);
    }
}
