using System.Globalization;
using Kit.Training;

namespace Kit.Experiments;

/// <summary>
/// A tracked run: <c>LogParameter</c> (once per key), <c>LogMetric</c> (by step), <c>LogArtifact</c>, and
/// <see cref="Callback"/> to log a Trainer's losses and metrics every epoch. Disposing it ends the run as Finished
/// unless <see cref="End"/> was called.
/// </summary>
public sealed class Run : IDisposable
{
    readonly ExperimentTracker _tracker;
    bool _ended;

    internal Run(ExperimentTracker tracker, string id, string experiment, string name) => (_tracker, Id, Experiment, Name) = (tracker, id, experiment, name);

    public string Id { get; }
    public string Experiment { get; }
    public string Name { get; }

    public Run LogParameter(string key, object value)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("key must name the parameter.", nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        _tracker.LogParameter(Id, key, Convert.ToString(value, CultureInfo.InvariantCulture)!);
        return this;
    }

    /// <param name="step">the epoch or optimizer step the value belongs to, at least 0</param>
    public Run LogMetric(string key, double value, long step)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("key must name the metric.", nameof(key));
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be at least 0.");
        _tracker.LogMetric(Id, key, value, step);
        return this;
    }

    /// <summary>Records a file the run produced (a checkpoint, a chart) with its SHA-256, so the run can prove which file it made.</summary>
    public Run LogArtifact(string name, string path)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name must name the artifact.", nameof(name));
        if (!File.Exists(path)) throw new FileNotFoundException($"artifact '{name}': no file at {path}.", path);
        _tracker.LogArtifact(Id, name, path);
        return this;
    }

    /// <summary>A Trainer callback that logs train/val loss and metric after every epoch (step = epoch).</summary>
    public Callback Callback() => new EpochLogger(this);

    public void End(RunStatus status = RunStatus.Finished)
    {
        if (status == RunStatus.Running) throw new ArgumentException("End needs a final status: Finished, Failed or Killed.", nameof(status));
        _tracker.SetStatus(Id, status);
        _ended = true;
    }

    public void Dispose()
    {
        if (!_ended) End();
    }

    sealed class EpochLogger(Run run) : Callback
    {
        public override void OnEpochEnd(Trainer trainer, EpochLog log)
        {
            run.LogMetric("train:loss", log.TrainLoss, log.Epoch);
            if (log.ValLoss is double vl) run.LogMetric("validation:loss", vl, log.Epoch);
            if (log.TrainMetric is double tm) run.LogMetric($"train:{log.MetricName}", tm, log.Epoch);
            if (log.ValMetric is double vm) run.LogMetric($"validation:{log.MetricName}", vm, log.Epoch);
        }
    }
}
