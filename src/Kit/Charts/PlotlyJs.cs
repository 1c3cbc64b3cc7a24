using System.Reflection;

namespace Kit.Charts;

/// <summary>The plotly.js bundle shipped inside the Kit (no CDN anywhere).</summary>
public static class PlotlyJs
{
    public const string Version = "4.1.1";
    public const string Package = "plotly.js-cartesian-dist-min";
    static readonly Lazy<string> Bundle = new(LoadBundle);

    public static string Source => Bundle.Value;

    /// <summary>
    /// A script element that defines <c>window.Plotly</c> once per page. Loader variables are
    /// shadowed so that pages with require.js or CommonJS still get the global.
    /// </summary>
    public static string ScriptTag() =>
        "<script type=\"text/javascript\">/* plotly.js " + Version + " (" + Package + "), embedded by the Kit */\n" +
        "(function(){if(window.Plotly&&window.Plotly.newPlot){return;}var module=undefined,exports=undefined,define=undefined;\n" +
        Source + "\n})();</script>";

    static string LoadBundle()
    {
        using var stream = typeof(PlotlyJs).Assembly.GetManifestResourceStream("Kit.Charts.plotly.min.js")
            ?? throw new InvalidOperationException("The Kit was built without its plotly.js bundle (resource Kit.Charts.plotly.min.js).");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        if (text.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("The plotly.js bundle contains '</script' and cannot be inlined.");
        return text;
    }
}
