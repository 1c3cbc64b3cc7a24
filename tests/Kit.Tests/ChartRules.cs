using System.Globalization;
using System.Text.Json.Nodes;
using Kit.Charts;

namespace Kit.Tests;

/// <summary>Rules every heatmap of the Kit keeps, checked on the figure's JSON.</summary>
static class ChartRules
{
    static IEnumerable<JsonObject> Heatmaps(Figure figure) =>
        figure.Data.OfType<JsonObject>().Where(t => t["type"]?.GetValue<string>() is "heatmap" or "contour" && t["contours"]?["coloring"]?.GetValue<string>() != "none");

    /// <summary>Each heatmap shows a colour bar, or shares zmin, zmax and scale with one that does.</summary>
    public static void AssertEveryHeatmapHasAColourKey(Figure figure)
    {
        var maps = Heatmaps(figure).ToList();
        Assert.NotEmpty(maps);
        var keyed = maps.Where(t => t["showscale"]?.GetValue<bool>() != false).ToList();
        Assert.NotEmpty(keyed);
        foreach (var t in maps.Except(keyed))
            Assert.Contains(keyed, k => JsonNode.DeepEquals(k["zmin"], t["zmin"]) && JsonNode.DeepEquals(k["zmax"], t["zmax"]) && k["zmin"] is not null
                                        && JsonNode.DeepEquals(k["colorscale"], t["colorscale"]));
    }

    /// <summary>
    /// A sequential scale, written out stop by stop, is darkest at the largest value; a diverging one (zmid 0 or a range
    /// symmetric about 0) is lightest at 0. A named scale fails: what plotly's names mean is not what they say.
    /// </summary>
    public static void AssertLargestValueIsDarkest(Figure figure)
    {
        foreach (var t in Heatmaps(figure))
        {
            var stops = t["colorscale"] as JsonArray;
            Assert.True(stops is not null, $"a named colour scale ({t["colorscale"]}) says nothing of its direction");
            var lum = stops.Select(s => Luminance(s![1]!.GetValue<string>())).ToArray();
            if (t["reversescale"]?.GetValue<bool>() == true) Array.Reverse(lum);
            bool diverging = t["zmid"]?.GetValue<double>() == 0
                || (t["zmin"] is JsonNode lo && t["zmax"] is JsonNode hi && lo.GetValue<double>() == -hi.GetValue<double>());
            if (diverging) Assert.True(lum[lum.Length / 2] > lum[0] && lum[lum.Length / 2] > lum[^1], "a diverging scale is lightest at 0");
            else Assert.True(lum[^1] < lum[0], $"the largest value must be the darkest: luminance {lum[0]:F2} at the smallest, {lum[^1]:F2} at the largest");
        }
    }

    public static double Luminance(string hex)
    {
        Assert.Matches("^#[0-9a-fA-F]{6}$", hex);
        double Channel(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber) / 255.0;
        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }

    /// <summary>The height a chart is drawn at, read from its HTML.</summary>
    public static int DrawnHeight(Figure figure)
    {
        var html = figure.ToHtml();
        var at = html.IndexOf("height:", StringComparison.Ordinal) + "height:".Length;
        return int.Parse(html[at..html.IndexOf("px", at, StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }
}
