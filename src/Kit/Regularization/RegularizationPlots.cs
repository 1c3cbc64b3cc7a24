using Kit.Charts;
using Kit.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Regularization;

/// <summary>Charts for the regularisation lesson.</summary>
public static class RegularizationPlots
{
    /// <summary>Overlaid histograms of weight values, one per model (e.g. L1 against L2).</summary>
    public static Figure WeightHistogram(params (string Name, double[] Weights)[] models)
    {
        var fig = new Figure();
        foreach (var (name, w) in models)
            fig.AddTrace(new { type = "histogram", x = w, name, opacity = 0.6, xbins = new { start = -1.5, end = 1.5, size = 0.02 } });
        return fig.WithTitle("Weight values").WithAxisTitles("weight", "how many")
            .WithLayout(new { barmode = "overlay", xaxis = new { range = new[] { -1.0, 1.0 } } }).WithSize(320);
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
        object diverging = new object[] { new object[] { 0, "#2166ac" }, new object[] { 0.5, "#ffffff" }, new object[] { 1, "#b2182b" } };
        return Strip(images, models.Select(m => m.Name).ToArray(), diverging, -max, max, reverseScale: false)
            .WithTitle($"Weights into the output for digit {digit}");
    }

    /// <summary>Digit images side by side (rows of 64 pixels), with a caption under each.</summary>
    public static Figure DigitImages(double[][] images, string[] captions, string title = "Digits")
    {
        ArgumentNullException.ThrowIfNull(images);
        return Strip(images, captions, "Greys", 0, images.SelectMany(v => v).DefaultIfEmpty(1).Max(), reverseScale: true).WithTitle(title);
    }

    static Figure Strip(double[][] images, string[] captions, object colorscale, double zmin, double zmax, bool reverseScale)
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
        var fig = new Figure().AddTrace(new { type = "heatmap", z, colorscale, reversescale = reverseScale, zmin, zmax, showscale = false, hoverongaps = false });
        var annotations = captions.Select((c, k) => new { x = k * (s + 1) + (s - 1) / 2.0, y = s + 0.3, text = c, showarrow = false, yanchor = "top" }).ToArray();
        return fig.WithLayout(new
        {
            xaxis = new { visible = false, scaleanchor = "y" },
            yaxis = new { visible = false, autorange = "reversed" },
            annotations,
            margin = new { t = 40, b = 30, l = 10, r = 10 },
            plot_bgcolor = "white",
            paper_bgcolor = "white",
        }).WithSize(Math.Max(200, 320 - 20 * images.Length));
    }
}
