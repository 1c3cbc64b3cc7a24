using System.Diagnostics;
using Kit.Training;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Kit.Interactive;

/// <summary>
/// Live views of a <see cref="Trainer"/> in a notebook: one output that is updated after each epoch (not a wall of
/// text). <code>trainer.Callbacks.Add(TrainingDisplay.LiveChart("MLP on digits"));</code>
/// Jupyter, VS Code and <c>kit run</c> keep the last update. Outside a notebook they do nothing.
/// </summary>
public static class TrainingDisplay
{
    /// <summary>Loss (and metric) curves redrawn as training runs.</summary>
    /// <param name="title">chart title; the current epoch and losses appear under it</param>
    /// <param name="minSecondsBetweenUpdates">redraw at most this often (the last epoch is always drawn)</param>
    public static Callback LiveChart(string? title = null, double minSecondsBetweenUpdates = 0.25) =>
        new LiveView(t => TrainingPlots.Curves(t.History, title, t.TargetEpochs), minSecondsBetweenUpdates);

    /// <summary>One line of text, redrawn after each epoch: a bar and the latest losses.</summary>
    public static Callback ProgressLine(double minSecondsBetweenUpdates = 0.1) =>
        new LiveView(t => Line(t), minSecondsBetweenUpdates);

    /// <summary>The text of <see cref="ProgressLine"/>, e.g. "epoch 7/20 ███████░░░░░░░░░░░░░ loss 0.3120 | val loss 0.3550, val accuracy 0.9120".</summary>
    public static string Line(Trainer trainer)
    {
        var last = trainer.History.Last;
        int total = Math.Max(trainer.TargetEpochs, 1);
        int done = last?.Epoch ?? 0;
        int filled = (int)Math.Round(20.0 * Math.Min(done, total) / total);
        var bar = new string('█', filled) + new string('░', 20 - filled);
        var text = last is null ? "" : last.ToString()[(last.ToString().IndexOf(':') + 1)..].Trim();
        return $"epoch {done}/{total} {bar} {text}{(trainer.History.Diverged ? " — diverged" : "")}";
    }

    sealed class LiveView(Func<Trainer, object> render, double minSeconds) : Callback
    {
        DisplayedValue? _shown;
        readonly Stopwatch _sinceUpdate = new();

        public override void OnTrainBegin(Trainer trainer)
        {
            _shown = null;
            if (KernelInvocationContext.Current is { } context)
                _shown = context.Display(render(trainer));
            _sinceUpdate.Restart();
        }

        public override void OnEpochEnd(Trainer trainer, EpochLog log)
        {
            if (_shown is null || _sinceUpdate.Elapsed.TotalSeconds < minSeconds) return;
            _shown.Update(render(trainer));
            _sinceUpdate.Restart();
        }

        public override void OnTrainEnd(Trainer trainer) => _shown?.Update(render(trainer));
    }
}
