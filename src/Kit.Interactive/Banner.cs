using System.Net;
using Kit.Accelerators;
using Kit.Charts;
using Kit.Runtime;

namespace Kit.Interactive;

/// <summary>The setup cell's output: plotly.js for every chart on the page, and one line saying what the Kit loaded.</summary>
public static class Banner
{
    public static string KitVersion => KitBanner.KitVersion;

    public static string Text() => $"{KitBanner.Line()} · {KernelDevice.BannerSummary()}";

    public static string Create() =>
        PlotlyJs.ScriptTag() +
        "<div class=\"kit-banner\" style=\"font-family:system-ui,sans-serif;font-size:13px;opacity:.85\">" +
        WebUtility.HtmlEncode(Text()) + "</div>";
}
