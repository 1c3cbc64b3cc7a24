using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Kit.Cli.Run;

internal enum ProcessEnding { Finished, TimedOut, Crashed }

/// <summary>How a notebook process ended: its exit code and the last lines it wrote that were not messages.</summary>
internal sealed record ProcessOutcome(ProcessEnding Ending, int? ExitCode, IReadOnlyList<string> Tail);

/// <summary>
/// Runs one notebook in a child process (<c>kit exec-notebook</c>) whose working directory is the notebook's
/// folder, passes its messages on, and kills it when a cell runs past the time limit. A crash, a hung cell or
/// static state in one notebook cannot reach the others.
/// </summary>
internal static class NotebookProcess
{
    public const string Subcommand = "exec-notebook";
    private static readonly TimeSpan StartupAllowance = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitAllowance = TimeSpan.FromSeconds(20);

    public const string MaxOutputOption = "--max-output";

    public static async Task<ProcessOutcome> RunAsync(string notebookPath, TimeSpan cellTimeout, int maxStreamChars, Action<JsonObject> onMessage)
    {
        var path = Path.GetFullPath(notebookPath);
        var start = SelfInvocation(Subcommand, path, MaxOutputOption, maxStreamChars.ToString(CultureInfo.InvariantCulture));
        start.WorkingDirectory = Path.GetDirectoryName(path)!;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A notebook's scripted answers are not the student's: headless runs record no progress unless asked to.
        if (Environment.GetEnvironmentVariable("KIT_PROGRESS") is null) start.Environment["KIT_PROGRESS"] = "off";

        var lines = Channel.CreateUnbounded<(bool FromStdout, string? Line)>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => lines.Writer.TryWrite((true, e.Data));
        process.ErrorDataReceived += (_, e) => lines.Writer.TryWrite((false, e.Data));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var tail = new Queue<string>();
        var deadline = DateTime.UtcNow + cellTimeout + StartupAllowance;
        var finished = false;
        var openStreams = 2;
        while (openStreams > 0)
        {
            (bool FromStdout, string? Line) item;
            try
            {
                using var wait = new CancellationTokenSource(Max(deadline - DateTime.UtcNow, TimeSpan.Zero));
                item = await lines.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                return new ProcessOutcome(finished ? ProcessEnding.Finished : ProcessEnding.TimedOut, null, [.. tail]);
            }
            if (item.Line is null)
            {
                openStreams--;
                continue;
            }
            var message = item.FromStdout ? Protocol.Parse(item.Line) : null;
            if (message is null)
            {
                if (string.IsNullOrWhiteSpace(item.Line)) continue;
                tail.Enqueue(item.Line);
                if (tail.Count > 20) tail.Dequeue();
                continue;
            }
            switch ((string?)message["kind"])
            {
                case Protocol.CellStart or Protocol.CellDone:
                    deadline = DateTime.UtcNow + cellTimeout;
                    break;
                case Protocol.Finished or Protocol.Fatal:
                    finished = true;
                    deadline = DateTime.UtcNow + ExitAllowance;
                    break;
            }
            onMessage(message);
        }

        using (var exit = new CancellationTokenSource(ExitAllowance))
        {
            try
            {
                await process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
            }
        }
        var code = process.HasExited ? process.ExitCode : (int?)null;
        return new ProcessOutcome(finished ? ProcessEnding.Finished : ProcessEnding.Crashed, code, [.. tail]);
    }

    /// <summary>This program again: the apphost, or <c>dotnet kit.dll</c> when run that way.</summary>
    internal static ProcessStartInfo SelfInvocation(params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(NotebookProcess).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
