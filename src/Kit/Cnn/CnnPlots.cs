using Kit.Charts;

namespace Kit.Cnn;

/// <summary>The CNN lesson's charts.</summary>
public static class CnnPlots
{
    /// <summary>
    /// Several small heatmaps side by side (images, filters, feature maps), each captioned right under it, row 0 drawn
    /// at the top as in a picture, with a colour key: one for all panels when <paramref name="sharedScale"/> (the
    /// default: equal colours mean equal values), else a thin one beside each panel. "Greys" draws the largest value
    /// black (ink on paper); "RdBu" is blue–white–red with white at 0. Values are rounded to 3 decimals to keep notebooks small.
    /// </summary>
    public static Figure Grids(IReadOnlyList<(string Title, double[,] Z)> panels, int columns = 4, string title = "", string colorscale = "Greys", bool sharedScale = true)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0) throw new ArgumentException("panels must hold at least one grid.", nameof(panels));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "columns must be at least 1.");
        if (panels.Any(p => p.Z.GetLength(0) > 80 || p.Z.GetLength(1) > 80)) throw new ArgumentException("each grid must be at most 80 × 80.", nameof(panels));
        columns = Math.Min(columns, panels.Count);
        int rows = (panels.Count + columns - 1) / columns;
        var scale = Colours.Scale(colorscale);
        bool diverging = Colours.IsDiverging(scale);
        double zmin = panels.Min(p => p.Z.Cast<double>().Min()), zmax = panels.Max(p => p.Z.Cast<double>().Max());
        if (diverging) { double m = Math.Max(Math.Abs(zmin), Math.Abs(zmax)); (zmin, zmax) = (-m, m); }
        else if (zmin > 0) zmin = 0;   // paper white is 0
        // Pixels: the panels' size follows the width (about 800 px in a notebook), the height follows the panels.
        const double assumedWidth = 800, captionPx = 30;
        double left = 10, right = sharedScale ? 90 : 45, top = 50, bottom = 10;
        double gap = sharedScale ? 0.03 : 0.09;   // room for each panel's own colour bar
        double w = (1 - gap * (columns - 1)) / columns;
        double aspect = panels.Max(p => p.Z.GetLength(0) / (double)p.Z.GetLength(1));
        double panelPx = (assumedWidth - left - right) * w * aspect;
        if (panelPx > 260) { w *= 260 / panelPx; panelPx = 260; }   // a single picture stays picture-sized, its key beside it
        double keyX = columns * (w + gap) - gap + 0.02;
        double plotPx = rows * (panelPx + captionPx);
        double rowShare = (panelPx + captionPx) / plotPx, panelShare = panelPx / plotPx;

        var fig = new Figure();
        var layout = new System.Text.Json.Nodes.JsonObject();
        for (int i = 0; i < panels.Count; i++)
        {
            int r = i / columns, c = i % columns;
            string suffix = i == 0 ? "" : (i + 1).ToString();
            double x0 = c * (w + gap), y1 = 1 - r * rowShare, y0 = y1 - panelShare;
            var z = panels[i].Z.ToRows().Select(row => row.Select(v => Math.Round(v, 3)).ToArray()).ToArray();
            bool own = !sharedScale;
            fig.AddTrace(new
            {
                type = "heatmap", z, colorscale = scale, xaxis = $"x{suffix}", yaxis = $"y{suffix}",
                showscale = own || i == 0, zmin = own ? (double?)null : zmin, zmax = own ? (double?)null : zmax,
                zmid = diverging && own ? 0.0 : (double?)null,
                colorbar = own
                    ? (object)new { x = x0 + w + 0.005, xanchor = "left", y = (y0 + y1) / 2, yanchor = "middle", len = panelShare, thickness = 7, nticks = 3, tickfont = new { size = 9 }, outlinewidth = 0 }
                    : new { x = keyX, xanchor = "left", len = Math.Min(1.0, panelShare * rows + (rows - 1) * (rowShare - panelShare)), y = 1, yanchor = "top", thickness = 14, outlinewidth = 0 },
            });
            layout[$"xaxis{suffix}"] = System.Text.Json.JsonSerializer.SerializeToNode(new
            {
                domain = new[] { x0, x0 + w }, showticklabels = false, showgrid = false, zeroline = false, ticks = "", anchor = $"y{suffix}",
                constrain = "domain", title = new { text = panels[i].Title, standoff = 4, font = new { size = 11 } },
                showline = true, mirror = true, linecolor = "#999",   // a frame: white pixels do not melt into the page
            });
            layout[$"yaxis{suffix}"] = System.Text.Json.JsonSerializer.SerializeToNode(new
            {
                domain = new[] { y0, y1 }, showticklabels = false, showgrid = false, zeroline = false, ticks = "", autorange = "reversed",
                scaleanchor = $"x{suffix}", anchor = $"x{suffix}", constrain = "domain", constraintoward = "top",
                showline = true, mirror = true, linecolor = "#999",
            });
        }
        layout["margin"] = System.Text.Json.JsonSerializer.SerializeToNode(new { t = top, l = left, r = right, b = bottom });
        fig.WithLayout(layout);
        // Centred over the panels, not the page: a single picture sits at the left.
        if (title.Length > 0) fig.WithTitle(title).WithLayout(new { title = new { xref = "paper", x = (keyX - 0.02) / 2, xanchor = "center" } });
        return fig.WithSize((int)Math.Ceiling(top + bottom + plotPx));
    }

    /// <summary>The transfer experiment's three test accuracies as bars, each labelled with its value, on a 0–100 % axis with its title.</summary>
    public static Figure TransferAccuracy(TransferResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var target = result.TargetClasses;
        var digits = target.Zip(target.Skip(1)).All(p => p.Second == p.First + 1) ? $"{target[0]}–{target[^1]}" : string.Join(",", target);
        double[] accuracy = [result.TransferTestAccuracy, result.ScratchTestAccuracy, result.RandomFeaturesTestAccuracy];
        return new Figure().AddTrace(new
            {
                type = "bar", x = new[] { "transfer (frozen pre-trained conv)", "from scratch", "frozen random conv" }, y = accuracy,
                text = accuracy.Select(a => a.ToString("P1")).ToArray(), textposition = "outside", name = "test accuracy",
            })
            .WithTitle($"Digits {digits} from {result.TargetTrainExamples} training images")
            .WithAxisTitles("network", $"test accuracy on {digits}")
            .WithLayout(new { yaxis = new { range = new[] { 0.0, 1.1 }, tickformat = ".0%", tickvals = new[] { 0.0, 0.25, 0.5, 0.75, 1.0 } } })
            .WithSize(340);
    }
}
