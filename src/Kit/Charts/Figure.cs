using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kit.Charts;

/// <summary>
/// A plotly.js figure: traces, layout, config and optional animation frames, written with
/// plotly.js's own attribute names (<c>new { type = "scatter", x, y, mode = "lines" }</c>),
/// so what students see maps one to one onto the plotly documentation.
/// </summary>
public sealed class Figure
{
    static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public JsonArray Data { get; } = [];
    public JsonObject Layout { get; } = [];
    public JsonObject Config { get; } = new() { ["responsive"] = true, ["displaylogo"] = false };
    public JsonArray Frames { get; } = [];
    public int Height { get; set; } = 420;

    public Figure AddTrace(object trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Data.Add(ToNode(trace));
        return this;
    }

    /// <summary>Merges attributes into the layout (nested objects merge key by key).</summary>
    public Figure WithLayout(object layout)
    {
        Merge(Layout, ToNode(layout) as JsonObject ?? throw new ArgumentException("layout must be an object", nameof(layout)));
        return this;
    }

    public Figure WithTitle(string title) => WithLayout(new { title = new { text = title } });

    public Figure WithAxisTitles(string x, string y) =>
        WithLayout(new { xaxis = new { title = new { text = x } }, yaxis = new { title = new { text = y } } });

    public Figure WithSize(int height)
    {
        if (height < 100) throw new ArgumentOutOfRangeException(nameof(height), height, "height must be at least 100 pixels");
        Height = height;
        return this;
    }

    public Figure AddFrame(string name, object traces)
    {
        Frames.Add(new JsonObject { ["name"] = name, ["data"] = ToNode(traces) });
        return this;
    }

    public string ToJson() => new JsonObject
    {
        ["data"] = Data.DeepClone(),
        ["layout"] = Layout.DeepClone(),
        ["config"] = Config.DeepClone(),
        ["frames"] = Frames.DeepClone(),
    }.ToJsonString();

    /// <summary>A div and a script that draws into it once plotly.js is on the page.</summary>
    public string ToHtml() => ChartHtml.Render(Data.ToJsonString(), Layout.ToJsonString(), Config.ToJsonString(), Frames.ToJsonString(), Height);

    /// <summary>A whole page with plotly.js inlined: opens anywhere, offline.</summary>
    public string ToStandaloneHtml(string title = "Kit chart") => ChartHtml.Page(title, ToHtml());

    public void SaveHtml(string path) => Runtime.KitPaths.WriteAtomically(path, ToStandaloneHtml(Path.GetFileNameWithoutExtension(path)));

    public override string ToString() => $"Figure with {Data.Count} trace(s)";

    internal static JsonNode? ToNode(object value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value, value.GetType(), Json);

    static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source.ToList())
        {
            if (value is JsonObject src && target[key] is JsonObject dst) Merge(dst, src);
            else target[key] = value?.DeepClone();
        }
    }
}
