using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// Stops training when the monitored quantity has not improved by more than <see cref="MinDelta"/> for
/// <see cref="Patience"/> epochs in a row, and (by default) puts back the weights of the best epoch at the end.
/// Losses improve downwards; a metric improves in the direction its <see cref="Metric.HigherIsBetter"/> says.
/// </summary>
public sealed class EarlyStopping : Callback
{
    Dictionary<string, Tensor>? _best;
    int _wait;

    /// <param name="monitor">what to watch; validation loss by default (needs validation data in Fit)</param>
    /// <param name="patience">epochs without improvement before stopping, at least 1</param>
    /// <param name="minDelta">smallest change that counts as an improvement, 0 or more</param>
    /// <param name="restoreBestWeights">copy the best epoch's weights back into the model when training ends</param>
    public EarlyStopping(Quantity monitor = Quantity.ValLoss, int patience = 5, double minDelta = 0, bool restoreBestWeights = true)
    {
        if (!Enum.IsDefined(monitor)) throw new ArgumentOutOfRangeException(nameof(monitor), monitor, "monitor must be ValLoss, ValMetric, TrainLoss or TrainMetric.");
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, "patience must be at least 1 epoch.");
        if (!double.IsFinite(minDelta) || minDelta < 0) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be a finite number ≥ 0.");
        Monitor = monitor;
        Patience = patience;
        MinDelta = minDelta;
        RestoreBestWeights = restoreBestWeights;
    }

    public Quantity Monitor { get; }
    public int Patience { get; }
    public double MinDelta { get; }
    public bool RestoreBestWeights { get; }

    /// <summary>The epoch with the best monitored value so far, and that value.</summary>
    public int BestEpoch { get; private set; }
    public double BestValue { get; private set; } = double.NaN;

    /// <summary>The epoch after which training stopped, or null if it ran to the end.</summary>
    public int? StoppedEpoch { get; private set; }

    /// <summary>True if the best weights were copied back at the end of training.</summary>
    public bool Restored { get; private set; }

    public override void OnTrainBegin(Trainer trainer)
    {
        _wait = 0;
        StoppedEpoch = null;
        Restored = false;
        BestEpoch = 0;
        BestValue = double.NaN;
        DisposeBest();
    }

    public override void OnEpochEnd(Trainer trainer, EpochLog log)
    {
        double value = log.Get(Monitor) ?? throw new InvalidOperationException(
            $"EarlyStopping monitors {Monitor}, but epoch {log.Epoch} did not measure it: " +
            (Monitor is Quantity.ValLoss or Quantity.ValMetric ? "pass validation data (xVal, yVal) to Fit." : "the trainer has no Metric."));
        bool higherIsBetter = Monitor is Quantity.ValMetric or Quantity.TrainMetric && (trainer.Metric?.HigherIsBetter ?? true);
        bool improved = double.IsNaN(BestValue)
            ? double.IsFinite(value)
            : higherIsBetter ? value > BestValue + MinDelta : value < BestValue - MinDelta;
        if (improved)
        {
            BestValue = value;
            BestEpoch = log.Epoch;
            _wait = 0;
            if (RestoreBestWeights) Snapshot(trainer.Model);
            return;
        }
        _wait++;
        if (_wait >= Patience)
        {
            StoppedEpoch = log.Epoch;
            trainer.StopTraining = true;
        }
    }

    public override void OnTrainEnd(Trainer trainer)
    {
        if (!RestoreBestWeights || _best is null || BestEpoch == trainer.Epoch) return;
        using (no_grad())
            foreach (var (name, t) in trainer.Model.state_dict())
                if (_best.TryGetValue(name, out var saved)) t.copy_(saved);
        Restored = true;
        DisposeBest();
    }

    void Snapshot(nn.Module model)
    {
        DisposeBest();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        _best = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }

    void DisposeBest()
    {
        if (_best is null) return;
        foreach (var t in _best.Values) t.Dispose();
        _best = null;
    }

    public override string ToString() =>
        StoppedEpoch is int s
            ? $"early stopping: stopped after epoch {s}; best {Monitor} {BestValue:F4} at epoch {BestEpoch}{(Restored ? " (weights restored)" : "")}"
            : $"early stopping: did not stop; best {Monitor} {BestValue:F4} at epoch {BestEpoch}{(Restored ? " (weights restored)" : "")}";
}
