using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace Kit.Cli.Run;

/// <summary>
/// The notebook process (<c>kit exec-notebook</c>): runs one notebook's code cells in order in a fresh kernel,
/// and reports each cell and its outputs to <c>kit run</c> through <see cref="Protocol"/>.
/// Stops at the first failing cell, as nbconvert does.
/// </summary>
internal sealed class NotebookRunner
{
    private readonly Protocol.Writer _report;
    private readonly int _maxStreamChars;
    private JupyterOutputs? _current;

    private NotebookRunner(Protocol.Writer report, int maxStreamChars)
    {
        _report = report;
        _maxStreamChars = maxStreamChars;
    }

    /// <param name="maxStreamChars">Characters of stream text each cell keeps (<see cref="StreamCap"/>); 0 keeps all.</param>
    public static async Task<int> RunAsync(string path, int maxStreamChars)
    {
        var report = new Protocol.Writer(Console.OpenStandardOutput());
        NotebookFile notebook;
        try
        {
            notebook = NotebookFile.Load(path);
        }
        catch (NotebookException e)
        {
            report.Send(Protocol.Fatal, new JsonObject { ["text"] = e.Message });
            return 2;
        }
        var ok = await new NotebookRunner(report, maxStreamChars).RunAsync(notebook);
        report.Send(Protocol.Finished, new JsonObject { ["ok"] = ok });
        return ok ? 0 : 1;
    }

    private async Task<bool> RunAsync(NotebookFile notebook)
    {
        var clock = Stopwatch.StartNew();
        using var kernel = KernelFactory.Create();
        ExtensionLoader.Attach(kernel);
        kernel.KernelEvents.Subscribe(OnEvent);
        var codeCells = notebook.CodeCells.ToList();
        _report.Send(Protocol.Ready, new JsonObject { ["kernelSeconds"] = clock.Elapsed.TotalSeconds, ["codeCells"] = codeCells.Count });

        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        for (var i = 0; i < codeCells.Count; i++)
        {
            var cell = codeCells[i];
            var number = i + 1;
            _report.Send(Protocol.CellStart, new JsonObject { ["cell"] = cell.Index, ["number"] = number });
            clock.Restart();
            var outputs = new JupyterOutputs(number);
            _current = outputs;
            var ok = await RunCellAsync(kernel, cell, folder, outputs);
            _current = null;
            _report.Send(Protocol.CellDone, new JsonObject
            {
                ["cell"] = cell.Index,
                ["number"] = number,
                ["ok"] = ok,
                ["seconds"] = clock.Elapsed.TotalSeconds,
                ["outputs"] = outputs.ToJson(_maxStreamChars),
                ["error"] = ok ? null : outputs.Error ?? "the cell failed",
            });
            if (!ok) return false;
        }
        return true;
    }

    private async Task<bool> RunCellAsync(CompositeKernel kernel, NotebookCell cell, string folder, JupyterOutputs outputs)
    {
        if (cell.KernelName is { } name && !NotebookFile.IsCSharp(name))
        {
            var message = $"This cell is for the '{name}' kernel; kit runs C# cells only.";
            outputs.Add(new CommandFailed(message, new SubmitCode(cell.Source), null));
            return false;
        }
        var code = RestoreSources.Absolutize(cell.Source, folder, (source, full) =>
            Info($"#i source '{source}' resolved against the notebook's folder: {full}"));
        var result = await kernel.SendAsync(new SubmitCode(code));
        return result.Events.LastOrDefault() is not CommandFailed && outputs.Error is null;
    }

    private void OnEvent(KernelEvent e)
    {
        _current?.Add(e);
        if (e is KernelExtensionLoaded loaded)
        {
            var type = loaded.KernelExtension.GetType();
            Info($"kernel extension loaded: {type.FullName} ({type.Assembly.GetName().Name})");
        }
    }

    private void Info(string text) => _report.Send(Protocol.Info, new JsonObject { ["text"] = text });
}
