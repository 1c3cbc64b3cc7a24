using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kit.Runtime;

namespace Kit.Cli.Run;

/// <summary>A notebook that cannot be run, with a one-line reason.</summary>
internal sealed class NotebookException(string message) : Exception(message);

/// <summary>One cell of a notebook: its position, type, source and (for code cells) the kernel it asks for.</summary>
internal sealed record NotebookCell(int Index, string Type, string Source, string? KernelName, JsonObject Json)
{
    public bool IsCode => Type == "code";
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}

/// <summary>
/// A Jupyter notebook kept as JSON, so that everything the runner does not touch
/// (cell ids, tags, attachments, other metadata) is written back unchanged.
/// </summary>
internal sealed class NotebookFile
{
    public const string KernelName = "csharp";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1, // as Jupyter writes them
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps '<' and '>' readable in HTML outputs
    };

    private NotebookFile(string path, JsonObject root, List<NotebookCell> cells)
    {
        Path = path;
        Root = root;
        Cells = cells;
    }

    public string Path { get; }
    public JsonObject Root { get; }
    public IReadOnlyList<NotebookCell> Cells { get; }
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.IsCode);
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads and checks a notebook; throws <see cref="NotebookException"/> with a one-line reason.</summary>
    public static NotebookFile Load(string path)
    {
        if (Directory.Exists(path)) throw new NotebookException("is a folder without notebooks");
        if (!File.Exists(path)) throw new NotebookException("no such file");
        if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            throw new NotebookException("not a notebook (expected a .ipynb file)");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new NotebookException($"not a notebook: invalid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        if (node is not JsonObject root || root["cells"] is not JsonArray cellArray)
            throw new NotebookException("not a notebook: no \"cells\" array (nbformat 4 expected)");
        if (ForeignLanguage(root) is { } language)
            throw new NotebookException($"is a {language} notebook; kit runs C# notebooks only");

        var cells = new List<NotebookCell>();
        foreach (var item in cellArray)
        {
            if (item is not JsonObject cell) throw new NotebookException($"not a notebook: cell {cells.Count + 1} is not an object");
            var type = (string?)cell["cell_type"] ?? "";
            cells.Add(new NotebookCell(cells.Count, type, JoinText(cell["source"]), CellKernel(cell), cell));
        }
        return new NotebookFile(path, root, cells);
    }

    /// <summary>The language the notebook declares when it is not C#; null for C# or when it declares none.</summary>
    internal static string? ForeignLanguage(JsonObject root)
    {
        var md = root["metadata"] as JsonObject;
        string?[] hints =
        [
            Str(md?["kernelspec"]?["language"]),
            Str(md?["language_info"]?["name"]),
            Str(md?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]),
        ];
        return hints.FirstOrDefault(h => !string.IsNullOrWhiteSpace(h) && h != "polyglot-notebook" && !IsCSharp(h));
    }

    internal static bool IsCSharp(string? name) =>
        name?.Trim().ToLowerInvariant() is "c#" or "csharp" or ".net-csharp" or "cs";

    private static string? CellKernel(JsonObject cell) =>
        Str(cell["metadata"]?["polyglot_notebook"]?["kernelName"]) ?? Str(cell["metadata"]?["dotnet_interactive"]?["language"]);

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>nbformat's "multiline string": a string or an array of strings.</summary>
    internal static string JoinText(JsonNode? node) => node switch
    {
        JsonArray a => string.Concat(a.Select(Str)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    /// <summary>Splits text into lines that keep their line ends, as Jupyter writes them.</summary>
    internal static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>Removes the outputs and execution counts of every code cell: what is written is only what this run produced.</summary>
    public void ClearOutputs()
    {
        foreach (var cell in CodeCells) SetOutputs(cell, [], null);
    }

    public void SetOutputs(NotebookCell cell, JsonArray outputs, int? executionCount)
    {
        cell.Json["outputs"] = outputs;
        cell.Json["execution_count"] = executionCount;
    }

    public void AddOutput(NotebookCell cell, JsonObject output)
    {
        if (cell.Json["outputs"] is not JsonArray outputs) cell.Json["outputs"] = outputs = [];
        outputs.Add(output);
    }

    /// <summary>
    /// Makes the notebook open with the C# kernel everywhere: the Jupyter kernelspec and language_info
    /// (JupyterLab, VS Code's Jupyter extension) and the Polyglot Notebooks kernel info, document-wide and per code cell.
    /// Keys that are already there and agree are kept as they are.
    /// </summary>
    public void EnsureCSharpMetadata()
    {
        var md = Root["metadata"] as JsonObject ?? new JsonObject();
        Root["metadata"] = md;
        md["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        var languageName = Str(md["language_info"]?["name"]);
        if (languageName is null || !(IsCSharp(languageName) || languageName == "polyglot-notebook"))
        {
            md["language_info"] = new JsonObject
            {
                ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp",
            };
        }
        var polyglot = md["polyglot_notebook"] as JsonObject ?? new JsonObject();
        md["polyglot_notebook"] = polyglot;
        var kernelInfo = polyglot["kernelInfo"] as JsonObject ?? new JsonObject();
        polyglot["kernelInfo"] = kernelInfo;
        kernelInfo["defaultKernelName"] = KernelName;
        var items = kernelInfo["items"] as JsonArray ?? [];
        kernelInfo["items"] = items;
        if (!items.Any(i => Str(i?["name"]) == KernelName))
            items.Add(new JsonObject { ["aliases"] = new JsonArray("c#", "C#"), ["languageName"] = "C#", ["name"] = KernelName });

        foreach (var cell in CodeCells)
        {
            var cmd = cell.Json["metadata"] as JsonObject ?? new JsonObject();
            cell.Json["metadata"] = cmd;
            var kernel = cell.KernelName ?? KernelName;
            if (cmd["dotnet_interactive"] is not JsonObject) cmd["dotnet_interactive"] = new JsonObject { ["language"] = kernel };
            if (cmd["polyglot_notebook"] is not JsonObject) cmd["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
        }
    }

    public string ToJson() => Root.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook through a temp file beside the target and a rename.</summary>
    public void Save(string path) => KitPaths.WriteAtomically(path, ToJson());
}
