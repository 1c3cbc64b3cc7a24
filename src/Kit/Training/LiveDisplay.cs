using System.Diagnostics;

namespace Kit.Training;

/// <summary>
/// Live views of a <see cref="Trainer"/>: one notebook output, redrawn after each epoch, instead of a wall of text.
/// <code>trainer.Callbacks.Add(LiveDisplay.Chart("MLP on digits"));   // or LiveDisplay.ProgressLine()</code>
/// The Kit's notebook extension (Kit.Interactive) connects <see cref="Show"/> to the kernel's display/update, so
/// Jupyter, VS Code and <c>kit run</c> show one output and keep its last update. Without a notebook (tests,
/// console programs) nothing is shown. The core library does not depend on .NET Interactive.
/// </summary>
public static class LiveDisplay
{
    /// <summary>
    /// Shows a value (with an optional MIME type) and returns a function that replaces it with a new value;
    /// null outside a notebook. Set by the notebook extension.
    /// </summary>
    public static Func<object, string?, Action<object>?>? Show { get; set; }

    /// <summary>Loss (and metric) curves redrawn as training runs.</summary>
    /// <param name="title">chart title; the current epoch and losses appear under it</param>
    /// <param name="minSecondsBetweenUpdates">redraw at most this often (the final state is always drawn)</param>
    /// <remarks>While training runs the epoch axis spans the planned epochs; the final drawing spans the epochs run,
    /// so a run stopped early at epoch 16 of 100 is not squeezed into the left sixth of the chart.</remarks>
    public static Callback Chart(string? title = null, double minSecondsBetweenUpdates = 0.25) =>
        new View((t, finished) => TrainingPlots.Curves(t.History, title, t.TargetEpochs, finished), null, minSecondsBetweenUpdates);

    /// <summary>One line of text redrawn after each epoch: a bar and the latest losses.</summary>
    public static Callback ProgressLine(double minSecondsBetweenUpdates = 0.1) =>
        new View((t, _) => Line(t), "text/plain", minSecondsBetweenUpdates);

    /// <summary>The text of <see cref="ProgressLine"/>, e.g. "epoch 7/20 ███████░░░░░░░░░░░░░ loss 0.3120 | val loss 0.3550 …".</summary>
    public static string Line(Trainer trainer)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var last = trainer.History.Last;
        int total = Math.Max(trainer.TargetEpochs, 1);
        int done = last?.Epoch ?? 0;
        int filled = (int)Math.Round(20.0 * Math.Min(done, total) / total);
        var bar = new string('█', filled) + new string('░', 20 - filled);
        var text = last is null ? "" : last.ToString()[(last.ToString().IndexOf(':') + 1)..].Trim();
        return $"epoch {done}/{total} {bar} {text}{(trainer.History.Diverged ? " — diverged" : "")}";
    }

    sealed class View(Func<Trainer, bool, object> render, string? mimeType, double minSeconds) : Callback
    {
        Action<object>? _update;
        readonly Stopwatch _sinceUpdate = new();

        /// <summary>How many times the view was drawn or redrawn (for tests).</summary>
        public int Draws { get; private set; }

        public override void OnTrainBegin(Trainer trainer)
        {
            _update = Show?.Invoke(render(trainer, false), mimeType);
            Draws = _update is null ? 0 : 1;
            _sinceUpdate.Restart();
        }

        public override void OnEpochEnd(Trainer trainer, EpochLog log)
        {
            if (_update is null || _sinceUpdate.Elapsed.TotalSeconds < minSeconds) return;
            Redraw(trainer, finished: false);
        }

        public override void OnTrainEnd(Trainer trainer)
        {
            if (_update is not null) Redraw(trainer, finished: true);
        }

        void Redraw(Trainer trainer, bool finished)
        {
            _update!(render(trainer, finished));
            Draws++;
            _sinceUpdate.Restart();
        }
    }
}
