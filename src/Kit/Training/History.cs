namespace Kit.Training;

/// <summary>
/// What one epoch produced. Training loss and metric are averages over the epoch's mini-batches (weighted by
/// batch size, in training mode: with dropout active and while the weights still move); validation loss and
/// metric are computed after the epoch in evaluation mode. Null where there was no validation data or no metric.
/// </summary>
public sealed record EpochLog(
    int Epoch, double TrainLoss, double? TrainMetric, double? ValLoss, double? ValMetric,
    double LearningRate, double Seconds, string? MetricName)
{
    /// <summary>Value of a monitored quantity (see <see cref="Quantity"/>), or null if this epoch did not measure it.</summary>
    public double? Get(Quantity monitor) => monitor switch
    {
        Quantity.TrainLoss => TrainLoss,
        Quantity.TrainMetric => TrainMetric,
        Quantity.ValLoss => ValLoss,
        Quantity.ValMetric => ValMetric,
        _ => throw new ArgumentOutOfRangeException(nameof(monitor), monitor, "monitor must be TrainLoss, TrainMetric, ValLoss or ValMetric."),
    };

    public override string ToString()
    {
        var s = $"epoch {Epoch,3}: loss {TrainLoss:F4}";
        if (TrainMetric is double tm) s += $", {MetricName} {tm:F4}";
        if (ValLoss is double vl) s += $" | val loss {vl:F4}";
        if (ValMetric is double vm) s += $", val {MetricName} {vm:F4}";
        return s + $" | lr {LearningRate:G3} | {Seconds * 1000:F0} ms";
    }
}

/// <summary>The quantities a callback can watch.</summary>
public enum Quantity { ValLoss, ValMetric, TrainLoss, TrainMetric }

/// <summary>Every epoch a trainer has run (also those restored from a checkpoint), oldest first.</summary>
public sealed class History
{
    readonly List<EpochLog> _epochs = [];

    public IReadOnlyList<EpochLog> Epochs => _epochs;
    public int Count => _epochs.Count;
    public EpochLog this[int index] => _epochs[index];
    public EpochLog? Last => _epochs.Count == 0 ? null : _epochs[^1];

    /// <summary>True when training stopped because the loss became NaN or infinite (for example a learning rate far too high).</summary>
    public bool Diverged { get; internal set; }

    public double[] EpochNumbers => _epochs.Select(e => (double)e.Epoch).ToArray();
    public double[] TrainLoss => _epochs.Select(e => e.TrainLoss).ToArray();
    public double[] ValLoss => _epochs.Select(e => e.ValLoss ?? double.NaN).ToArray();
    public double[] TrainMetric => _epochs.Select(e => e.TrainMetric ?? double.NaN).ToArray();
    public double[] ValMetric => _epochs.Select(e => e.ValMetric ?? double.NaN).ToArray();
    public double[] Seconds => _epochs.Select(e => e.Seconds).ToArray();
    public double[] LearningRates => _epochs.Select(e => e.LearningRate).ToArray();

    internal void Add(EpochLog log) => _epochs.Add(log);
    internal void Clear() { _epochs.Clear(); Diverged = false; }

    public override string ToString() =>
        _epochs.Count == 0 ? "no epochs yet" : $"{_epochs.Count} epochs{(Diverged ? " (diverged)" : "")}; last: {_epochs[^1]}";
}
