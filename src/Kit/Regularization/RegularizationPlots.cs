using Kit.Charts;
using Kit.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Regularization;

/// <summary>Charts for the regularisation lesson.</summary>
public static class RegularizationPlots
{
    /// <summary>
    /// Histograms of weight values, one row per model (e.g. L1 above L2) on a shared weight axis, each with its own count
    /// axis in whole numbers: overlaid, L1's spike at 0 flattened L2's spread into the floor.
    /// </summary>
    public static Figure WeightHistogram(params (string Name, double[] Weights)[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Length == 0) throw new ArgumentException("models must hold at least one (name, weights) pair.", nameof(models));
        const double low = -1, size = 0.02;
        const int bins = 100;
        string[] palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"];
        var centres = Enumerable.Range(0, bins).Select(b => Math.Round(low + (b + 0.5) * size, 3)).ToArray();
        var fig = new Figure();
        var layout = new System.Text.Json.Nodes.JsonObject();
        double share = 1.0 / models.Length, gap = models.Length > 1 ? 0.08 : 0;
        for (int i = 0; i < models.Length; i++)
        {
            var (name, w) = models[i];
            var counts = new double[bins];
            foreach (var v in w) counts[Math.Clamp((int)Math.Floor((v - low) / size), 0, bins - 1)]++;
            string s = i == 0 ? "" : (i + 1).ToString();
            fig.AddTrace(new { type = "bar", name, x = centres, y = counts, width = size, marker = new { color = palette[i % palette.Length] }, xaxis = $"x{s}", yaxis = $"y{s}", showlegend = false });
            double top = 1 - i * share, bottom = top - share + gap;
            layout[$"yaxis{s}"] = Figure.ToNode(new
            {
                domain = new[] { bottom, top }, anchor = $"x{s}", rangemode = "tozero", tickmode = "linear", tick0 = 0, dtick = Ticks.WholeStep(counts.Max()), tickformat = ",d",
                title = new { text = $"{name}: how many" },
            });
            bool last = i == models.Length - 1;
            layout[$"xaxis{s}"] = Figure.ToNode(new
            {
                anchor = $"y{s}", range = new[] { -1.1, 1.1 }, matches = i == 0 ? null : "x", showticklabels = last,
                title = last ? new { text = "weight (values beyond ±1 counted in the end bins)" } : null,
            });
        }
        return fig.WithTitle("Weight values").WithLayout(layout).WithLayout(new { bargap = 0 }).WithSize(200 + 220 * models.Length);
    }

    /// <summary>
    /// The 64 weights from the pixels to output <paramref name="digit"/> of a one-layer model (Linear 64 → 10), as 8×8
    /// images side by side, one per model. Red pulls towards the digit, blue away; white is 0.
    /// </summary>
    public static Figure WeightMaps(int digit, params (string Name, nn.Module Model)[] models)
    {
        if (digit < 0 || digit > 9) throw new ArgumentOutOfRangeException(nameof(digit), digit, "digit must be between 0 and 9.");
        var images = models.Select(m =>
        {
            var linear = m.Model.modules().OfType<Linear>().Single();
            if (linear.in_features != Kit.Data.Digits.Pixels) throw new ArgumentException($"{m.Name}: the model must be a single Linear layer with 64 inputs.", nameof(models));
            using var _ = no_grad();
            var w = linear.weight!.detach().cpu().to(ScalarType.Float64).data<double>().Skip(digit * Kit.Data.Digits.Pixels).Take(Kit.Data.Digits.Pixels).ToArray();
            return w;
        }).ToArray();
        double max = images.SelectMany(v => v).Select(Math.Abs).DefaultIfEmpty(1).Max();
        return Strip(images, models.Select(m => m.Name).ToArray(), Colours.Diverging, -max, max, "weight")
            .WithTitle($"Weights into the output for digit {digit}");
    }

    /// <summary>Digit images side by side (rows of 64 pixels), with a caption under each.</summary>
    public static Figure DigitImages(double[][] images, string[] captions, string title = "Digits")
    {
        ArgumentNullException.ThrowIfNull(images);
        return Strip(images, captions, Colours.Ink, 0, images.SelectMany(v => v).DefaultIfEmpty(1).Max(), "ink").WithTitle(title);
    }

    /// <summary>Images in a row on one heatmap, one blank column between them, each framed, captioned under it, with a colour key.</summary>
    static Figure Strip(double[][] images, string[] captions, object[][] colorscale, double zmin, double zmax, string keyTitle)
    {
        if (images.Length == 0) throw new ArgumentException("images must not be empty.", nameof(images));
        if (captions.Length != images.Length) throw new ArgumentException("captions must have one entry per image.", nameof(captions));
        foreach (var im in images)
            if (im.Length != Kit.Data.Digits.Pixels) throw new ArgumentException("each image must have 64 pixels.", nameof(images));
        const int s = Kit.Data.Digits.Side;
        int width = images.Length * (s + 1) - 1;
        var z = new double?[s][];
        for (int r = 0; r < s; r++)
        {
            z[r] = new double?[width];
            for (int k = 0; k < images.Length; k++)
                for (int c = 0; c < s; c++) z[r][k * (s + 1) + c] = images[k][r * s + c];
        }
        var fig = new Figure().AddTrace(new
        {
            type = "heatmap", z, colorscale, zmin, zmax, hoverongaps = false,
            colorbar = new { title = new { text = keyTitle }, thickness = 12, outlinewidth = 0, len = 0.9 },
        });
        var annotations = captions.Select((c, k) => new { x = k * (s + 1) + (s - 1) / 2.0, y = s + 0.3, text = c, showarrow = false, yanchor = "top" }).ToArray();
        var frames = Enumerable.Range(0, images.Length).Select(k => new
        {
            type = "rect", xref = "x", yref = "y", x0 = k * (s + 1) - 0.5, x1 = k * (s + 1) + s - 0.5, y0 = -0.5, y1 = s - 0.5, line = new { color = "#888", width = 1 },
        }).ToArray();
        // The images are drawn to scale: about 800 px wide less the margins and colour bar, so the height follows from the width.
        const int top = 40, bottom = 30, left = 10, right = 80;
        double cellPx = (800.0 - left - right) / width;
        return fig.WithLayout(new
        {
            xaxis = new { visible = false, scaleanchor = "y" },
            yaxis = new { visible = false, autorange = "reversed" },
            annotations,
            shapes = frames,
            margin = new { t = top, b = bottom, l = left, r = right },
            plot_bgcolor = "white",
            paper_bgcolor = "white",
        }).WithSize((int)Math.Clamp(top + bottom + cellPx * (s + 1.2), 160, 420));
    }
}
