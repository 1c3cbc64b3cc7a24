using Kit.Charts;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Losses;

/// <summary>One loss along a grid, with its slope from autograd.</summary>
public sealed record LossCurve(string Name, double[] X, double[] Value, double[] Slope);

/// <summary>Each loss drawn against the error it punishes, computed with <see cref="Loss"/> itself (per element, reduction None).</summary>
public static class LossCurves
{
    /// <summary>MSE, MAE and Huber (each δ given) against the residual ŷ − y over [−range, range].</summary>
    public static IReadOnlyList<LossCurve> Regression(double range = 4, int points = 161, params double[] huberDeltas)
    {
        if (!(range > 0) || double.IsInfinity(range)) throw new ArgumentOutOfRangeException(nameof(range), range, "range must be a finite number greater than 0.");
        if (points < 2 || points > 2000) throw new ArgumentOutOfRangeException(nameof(points), points, "points must be between 2 and 2000.");
        var deltas = huberDeltas is { Length: > 0 } ? huberDeltas : [1.0];
        var curves = new List<LossCurve>
        {
            Curve("MSE", -range, range, points, (x, t) => Loss.MseLoss(x, t, nn.Reduction.None)),
            Curve("MAE", -range, range, points, (x, t) => Loss.L1Loss(x, t, nn.Reduction.None)),
        };
        foreach (var d in deltas)
            curves.Add(Curve($"Huber δ={d}", -range, range, points, (x, t) => Loss.HuberLoss(x, t, nn.Reduction.None, d)));
        return curves;
    }

    /// <summary>
    /// Cross-entropy and focal loss (each γ given, no α) against p, the predicted probability of the true class, over (0, 1):
    /// the x axis is p, the curves are computed from the logit log(p/(1−p)) with target 1.
    /// </summary>
    public static IReadOnlyList<LossCurve> Classification(int points = 99, params double[] focalGammas)
    {
        if (points < 2 || points > 2000) throw new ArgumentOutOfRangeException(nameof(points), points, "points must be between 2 and 2000.");
        var gammas = focalGammas is { Length: > 0 } ? focalGammas : [0.5, 2, 5];
        var curves = new List<LossCurve> { ProbabilityCurve("cross-entropy", points, (x, t) => Loss.BinaryCrossEntropyWithLogits(x, t, nn.Reduction.None)) };
        foreach (var g in gammas)
            curves.Add(ProbabilityCurve($"focal γ={g}", points, (x, t) => Loss.SigmoidFocalLoss(x, t, alpha: -1, gamma: g, reduction: nn.Reduction.None)));
        return curves;
    }

    /// <summary>
    /// The curves as lines; with <paramref name="withSlopes"/> the slopes go to a second plot under the losses (same colours,
    /// same x axis), so that no plot carries more than one line per loss. The legend sits at the right, off both plots.
    /// </summary>
    public static Figure Plot(IReadOnlyList<LossCurve> curves, string title, string xTitle, bool withSlopes = false, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0) throw new ArgumentException("curves must hold at least one curve.", nameof(curves));
        string[] palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
        string[] dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];
        var fig = new Figure();
        for (int i = 0; i < curves.Count; i++)
        {
            var c = curves[i];
            var color = palette[i % palette.Length];
            // Dashes tell apart curves that lie on one another (MSE and Huber agree near 0).
            var line = new { color, width = 2.5, dash = dashes[i % dashes.Length] };
            fig.AddTrace(new { type = "scatter", mode = "lines", name = c.Name, legendgroup = c.Name, x = Round(c.X), y = Round(c.Value), line });
            if (withSlopes)
                fig.AddTrace(new { type = "scatter", mode = "lines", name = $"{c.Name} slope", legendgroup = c.Name, showlegend = false, x = Round(c.X), y = Round(c.Slope), line, xaxis = "x2", yaxis = "y2" });
        }
        var legend = new { orientation = "v", x = 1.02, xanchor = "left", y = 1.0, yanchor = "top" };
        if (!withSlopes)
        {
            fig.WithTitle(title).WithAxisTitles(xTitle, "loss").WithSize(380).WithLayout(new { legend });
            if (yMax is double m) fig.WithLayout(new { yaxis = new { range = new[] { 0, m } } });
            return fig;
        }
        fig.WithTitle(title).WithSize(560).WithLayout(new
        {
            legend,
            xaxis = new { anchor = "y", showticklabels = false, matches = "x2" },
            yaxis = new { domain = new[] { 0.55, 1.0 }, title = new { text = "loss" }, range = yMax is double top ? new[] { 0, top } : null },
            xaxis2 = new { anchor = "y2", title = new { text = xTitle } },
            yaxis2 = new { domain = new[] { 0.0, 0.45 }, title = new { text = "slope (autograd)" }, zeroline = true },
        });
        return fig;
    }

    static LossCurve Curve(string name, double from, double to, int points, Func<Tensor, Tensor, Tensor> loss)
    {
        KitTorch.Setup();
        using var scope = NewDisposeScope();
        var x = linspace(from, to, points, dtype: ScalarType.Float32).requires_grad_(true);
        var value = loss(x, zeros_like(x));
        value.sum().backward();
        return new LossCurve(name, ToArray(x.detach()), ToArray(value.detach()), ToArray(x.grad!));
    }

    static LossCurve ProbabilityCurve(string name, int points, Func<Tensor, Tensor, Tensor> loss)
    {
        KitTorch.Setup();
        using var scope = NewDisposeScope();
        var p = linspace(0.01, 0.99, points, dtype: ScalarType.Float32);
        var logit = log(p / (1 - p)).detach().requires_grad_(true);
        var value = loss(logit, ones_like(logit));
        value.sum().backward();
        return new LossCurve(name, ToArray(p), ToArray(value.detach()), ToArray(logit.grad!));
    }

    static double[] ToArray(Tensor t) => t.cpu().to(ScalarType.Float64).data<double>().ToArray();
    static double[] Round(double[] v) => v.Select(d => Math.Round(d, 4)).ToArray();
}
