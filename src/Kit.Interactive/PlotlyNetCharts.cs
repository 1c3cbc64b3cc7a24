using System.Reflection;
using Kit.Charts;
using Microsoft.DotNet.Interactive.Formatting;

namespace Kit.Interactive;

/// <summary>
/// Plotly.NET needs FSharp.Core 10.1 and does not load in the last dotnet-interactive tool, so the Kit
/// never references it. Where a notebook does load it, its charts are drawn by the Kit's offline plotly.js.
/// </summary>
public static class PlotlyNetCharts
{
    public static void RegisterWhenLoaded()
    {
        foreach (var asm in AppDomain.CurrentDomain.GetAssemblies()) TryRegister(asm);
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => TryRegister(e.LoadedAssembly);
    }

    static int _done;

    static void TryRegister(Assembly asm)
    {
        if (asm.GetName().Name != "Plotly.NET" || Volatile.Read(ref _done) == 1) return;
        var chartType = asm.GetType("Plotly.NET.GenericChart+GenericChart") ?? asm.GetType("Plotly.NET.GenericChart");
        var module = asm.GetType("Plotly.NET.GenericChartModule") ?? asm.GetType("Plotly.NET.GenericChart");
        var toJson = module?.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "toFigureJson" && m.GetParameters().Length == 1)
            ?? module?.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "toJson" && m.GetParameters().Length == 1);
        if (chartType is null || toJson is null || Interlocked.Exchange(ref _done, 1) == 1) return;
        // A formatter registered after Plotly.NET.Interactive's replaces its CDN-based one.
        Formatter.Register(chartType, (o, w) => w.Write(FromFigureJson((string)toJson.Invoke(null, [o])!)), HtmlFormatter.MimeType);
    }

    public static string FromFigureJson(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        string Part(string name, string fallback) => root.TryGetProperty(name, out var p) ? p.GetRawText() : fallback;
        return ChartHtml.Render(Part("data", "[]"), Part("layout", "{}"), Part("config", "{}"), Part("frames", "[]"));
    }
}
