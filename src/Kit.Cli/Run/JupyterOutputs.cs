using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Kit.Cli.Run;

/// <summary>
/// Turns the kernel events of one cell into Jupyter outputs (nbformat 4): stream, display_data,
/// execute_result and error. A display update replaces the earlier display with the same value id.
/// Stream text is appended as it comes, in time linear in its size, and capped once, when the cell is done.
/// Thread-safe: user code may display from other threads.
/// </summary>
internal sealed class JupyterOutputs(int executionCount)
{
    /// <summary>Consecutive writes to one stream: one Jupyter output.</summary>
    private sealed class StreamOutput(string name)
    {
        public string Name { get; } = name;
        public StringBuilder Text { get; } = new();
    }

    private readonly object _gate = new();
    private readonly List<object> _outputs = []; // JsonObject or StreamOutput
    private readonly Dictionary<string, JsonObject> _displays = [];
    private readonly List<JsonObject> _unclaimed = [];
    private readonly List<string> _errorDiagnostics = [];

    public int ExecutionCount { get; } = executionCount;

    /// <summary>One line for the console when the cell failed: exception type and message, or the compiler's diagnostics.</summary>
    public string? Error { get; private set; }

    /// <summary>The outputs as nbformat JSON, the cell's stream text capped at <paramref name="maxStreamChars"/> (0: no cap).</summary>
    public JsonArray ToJson(int maxStreamChars)
    {
        lock (_gate)
        {
            var streams = _outputs.OfType<StreamOutput>().ToList();
            var kept = StreamCap.Apply(streams.Select(s => s.Text.ToString()).ToList(), maxStreamChars);
            var json = new JsonArray();
            var next = 0;
            foreach (var output in _outputs)
            {
                if (output is not StreamOutput stream) json.Add(((JsonObject)output).DeepClone());
                else if (kept[next++] is { } text)
                    json.Add(new JsonObject { ["output_type"] = "stream", ["name"] = stream.Name, ["text"] = NotebookFile.Lines(text) });
            }
            return json;
        }
    }

    public void Add(KernelEvent e)
    {
        lock (_gate)
        {
            switch (e)
            {
                case StandardOutputValueProduced o: AddStream("stdout", Text(o)); break;
                case StandardErrorValueProduced o: AddStream("stderr", Text(o)); break;
                case ReturnValueProduced r: AddData("execute_result", r.FormattedValues, null, update: false); break;
                case DisplayedValueUpdated u: AddData("display_data", u.FormattedValues, u.ValueId, update: true); break;
                case DisplayedValueProduced d: AddData("display_data", d.FormattedValues, d.ValueId, update: false); break;
                case DiagnosticsProduced d:
                    _errorDiagnostics.AddRange(d.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).Select(Format));
                    break;
                case CommandFailed f: AddError(f); break;
            }
        }
    }

    /// <summary>An error that did not come from the kernel (a timeout, a crashed process).</summary>
    public static JsonObject ErrorOutput(string ename, string evalue, IEnumerable<string> traceback) => new()
    {
        ["output_type"] = "error",
        ["ename"] = ename,
        ["evalue"] = evalue,
        ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
    };

    private static string Text(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.Value?.ToString() ?? "";

    private void AddStream(string name, string text)
    {
        if (text.Length == 0) return;
        // Consecutive writes to one stream form one output, as in Jupyter.
        if (_outputs.Count == 0 || _outputs[^1] is not StreamOutput last || last.Name != name)
        {
            last = new StreamOutput(name);
            _outputs.Add(last);
        }
        last.Text.Append(text);
    }

    private void AddData(string outputType, IReadOnlyCollection<FormattedValue> values, string? valueId, bool update)
    {
        var data = new JsonObject();
        foreach (var v in values.Where(v => !v.SuppressDisplay && v.Value is not null))
            data[v.MimeType] = MimeValue(v.MimeType, v.Value);
        if (data.Count == 0) return;

        var output = new JsonObject { ["output_type"] = outputType, ["data"] = data, ["metadata"] = new JsonObject() };
        if (outputType == "execute_result") output["execution_count"] = ExecutionCount;

        if (update && !string.IsNullOrEmpty(valueId))
        {
            // In this version the display() helper and the Display() extension announce a display under one id
            // and update it under another (KernelInvocationContext.Display keeps them equal). An update whose id
            // was never seen takes the latest display of this cell that no update has claimed yet.
            if (!_displays.TryGetValue(valueId, out var earlier) && _unclaimed.Count > 0)
            {
                earlier = _unclaimed[^1];
                _displays[valueId] = earlier;
            }
            var at = earlier is null ? -1 : _outputs.IndexOf(earlier);
            if (at >= 0)
            {
                _unclaimed.Remove(earlier!);
                _outputs[at] = output;
                foreach (var key in _displays.Where(p => ReferenceEquals(p.Value, earlier)).Select(p => p.Key).ToList())
                    _displays[key] = output;
                return;
            }
        }
        if (!string.IsNullOrEmpty(valueId))
        {
            _displays[valueId] = output;
            if (!update) _unclaimed.Add(output);
        }
        _outputs.Add(output);
    }

    /// <summary>JSON mime types hold JSON in nbformat; everything else is a multiline string.</summary>
    private static JsonNode? MimeValue(string mimeType, string value)
    {
        if (mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON after all: keep the text.
            }
        }
        return NotebookFile.Lines(value);
    }

    private void AddError(CommandFailed f)
    {
        if (Error is not null) return; // a cell fails once; later failures are echoes of the first
        string ename, evalue;
        List<string> traceback;
        if (f.Exception is CodeSubmissionCompilationErrorException || (f.Exception is null && _errorDiagnostics.Count > 0))
        {
            var diagnostics = _errorDiagnostics.Count > 0 ? _errorDiagnostics.Distinct().ToList() : [f.Message];
            ename = "CompilationError";
            evalue = string.Join("\n", diagnostics);
            traceback = diagnostics;
            Error = $"{ename}: {string.Join("; ", diagnostics)}";
        }
        else if (f.Exception is { } ex)
        {
            ename = ex.GetType().FullName ?? ex.GetType().Name;
            evalue = ex.Message;
            traceback = [$"{ename}: {evalue}", .. (ex.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd())];
            Error = $"{ename}: {OneLine(evalue)}";
        }
        else
        {
            ename = "Error";
            evalue = f.Message;
            traceback = [f.Message];
            Error = OneLine(f.Message);
        }
        _outputs.Add(ErrorOutput(ename, evalue, traceback));
    }

    /// <summary>As the compiler writes it: (line,column): error CS0103: message.</summary>
    private static string Format(Microsoft.DotNet.Interactive.Diagnostic d)
    {
        var start = d.LinePositionSpan.Start;
        return $"({start.Line + 1},{start.Character + 1}): error {d.Code}: {d.Message}";
    }

    private static string OneLine(string s) => string.Join(" ", s.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
