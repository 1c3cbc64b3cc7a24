using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kit.Cli.Run;

/// <summary>
/// What the notebook process (<c>kit exec-notebook</c>) tells <c>kit run</c>: one JSON object per line on its own
/// standard output, after a marker, so that anything else written there (native libraries) is told apart.
/// </summary>
internal static class Protocol
{
    public const string Marker = "##kit-run## ";

    // Kinds of message and their fields.
    public const string Ready = "ready";          // kernelSeconds, codeCells
    public const string CellStart = "cell-start"; // cell (index in the notebook), number (1-based among code cells)
    public const string Info = "info";            // text
    public const string CellDone = "cell-done";   // cell, number, ok, seconds, outputs, error?
    public const string Finished = "finished";    // ok
    public const string Fatal = "fatal";          // text: the notebook could not be run at all

    /// <summary>Writes to the real standard output, which the kernel's console capture does not touch.</summary>
    public sealed class Writer(Stream stdout)
    {
        private readonly StreamWriter _out = new(stdout, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        private readonly object _gate = new();

        public void Send(string kind, JsonObject? fields = null)
        {
            var message = fields ?? new JsonObject();
            message["kind"] = kind;
            var line = Marker + message.ToJsonString();
            lock (_gate)
            {
                // Start on a fresh line in case something else wrote half a line.
                _out.WriteLine();
                _out.WriteLine(line);
            }
        }
    }

    /// <summary>The message on a line of output, or null for a line that is not one.</summary>
    public static JsonObject? Parse(string line)
    {
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return null;
        try
        {
            return JsonNode.Parse(line.AsSpan(at + Marker.Length).ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
