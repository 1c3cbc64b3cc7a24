using Kit.Training;
using static TorchSharp.torch;

namespace Kit.Debugging;

/// <summary>What a rule does when it fires, as in SageMaker Debugger's rule actions.</summary>
public enum RuleAction
{
    /// <summary>Keep the finding; training goes on.</summary>
    Record,
    /// <summary>Keep the finding and raise <see cref="TrainingDebugger.Alert"/> (a notification: e-mail, SMS, a chat message).</summary>
    Alert,
    /// <summary>Keep the finding, alert, and stop the run after the current epoch (saving the compute of a run that is going nowhere).</summary>
    StopTraining,
}

/// <summary>A rule that fired: which, when, why, and the action taken.</summary>
public sealed record RuleFinding(string Rule, int Epoch, long Step, string Message, RuleAction Action)
{
    public override string ToString() => $"[{Action}] {Rule} at epoch {Epoch}, step {Step}: {Message}";
}

/// <summary>
/// A check on training, in the spirit of SageMaker Debugger's built-in rules. A rule looks at the gradients after each
/// backward pass and/or at each finished epoch, and returns a message when the problem it watches for shows up.
/// A rule fires once per run.
/// </summary>
public abstract class DebuggerRule(RuleAction action)
{
    public RuleAction Action { get; } = action;
    public virtual string Name => GetType().Name;

    /// <summary>Called after each <c>loss.backward()</c>, gradients in place; null = nothing found.</summary>
    public virtual string? AfterBackward(Trainer trainer) => null;

    /// <summary>Called after each epoch with its log and the history so far; null = nothing found.</summary>
    public virtual string? AfterEpoch(Trainer trainer, EpochLog log) => null;

    /// <summary>Called once when training starts; null = nothing found.</summary>
    public virtual string? AtStart(Trainer trainer) => null;

    protected static IEnumerable<Tensor> Gradients(Trainer trainer) =>
        trainer.Model.parameters().Where(p => p.requires_grad && p.grad is not null).Select(p => p.grad!);
}

/// <summary>Gradients so small the weights stop learning: some parameter's mean absolute gradient falls below a
/// threshold (in a deep network the layers nearest the input go first).</summary>
public sealed class VanishingGradient(double threshold = 1e-7, RuleAction action = RuleAction.Alert) : DebuggerRule(action)
{
    public override string? AfterBackward(Trainer trainer)
    {
        using var _ = NewDisposeScope();
        var smallest = trainer.Model.named_parameters().Where(p => p.parameter.requires_grad && p.parameter.grad is not null)
            .Select(p => (p.name, Mean: (double)p.parameter.grad!.abs().mean().item<float>()))
            .OrderBy(p => p.Mean).FirstOrDefault();
        return smallest.name is not null && smallest.Mean < threshold
            ? $"mean |gradient| of {smallest.name} is {smallest.Mean:G3} < {threshold:G3}: that layer barely learns (try ReLU, batch norm, residual connections, another initialisation)."
            : null;
    }
}

/// <summary>A gradient that is NaN or infinite, or larger than a threshold: the numbers are blowing up.</summary>
public sealed class ExplodingTensor(double threshold = 1e6, RuleAction action = RuleAction.StopTraining) : DebuggerRule(action)
{
    public override string? AfterBackward(Trainer trainer)
    {
        using var _ = NewDisposeScope();
        foreach (var g in Gradients(trainer))
        {
            double max = g.abs().max().item<float>();
            if (!double.IsFinite(max) || max > threshold)
                return $"a gradient reached {max:G3} (limit {threshold:G3}): lower the learning rate, clip gradients, check the inputs' scale.";
        }
        return null;
    }
}

/// <summary>The training loss has not fallen by at least <c>minDelta</c> (relative) in <c>patience</c> epochs.</summary>
public sealed class LossNotDecreasing(int patience = 3, double minDelta = 0.01, RuleAction action = RuleAction.StopTraining) : DebuggerRule(action)
{
    public override string? AfterEpoch(Trainer trainer, EpochLog log)
    {
        var losses = trainer.History.TrainLoss;
        if (losses.Length <= patience) return null;
        double before = losses.Take(losses.Length - patience).Min();
        double recent = losses.Skip(losses.Length - patience).Min();
        return !(recent < before * (1 - minDelta))
            ? $"training loss {recent:G4} in the last {patience} epochs, no better than {before:G4} before: the run is not learning (learning rate too high or too low?)."
            : null;
    }
}

/// <summary>Validation loss more than <c>ratio</c> times the training loss for <c>patience</c> epochs in a row.</summary>
public sealed class Overfit(double ratio = 1.5, int patience = 2, RuleAction action = RuleAction.Alert) : DebuggerRule(action)
{
    public override string? AfterEpoch(Trainer trainer, EpochLog log)
    {
        var recent = trainer.History.Epochs.TakeLast(patience).ToList();
        bool over = recent.Count == patience && recent.All(e => e.ValLoss is double v && v > ratio * e.TrainLoss);
        return over ? $"validation loss {log.ValLoss:G4} vs training loss {log.TrainLoss:G4} (> {ratio}×) for {patience} epochs: overfitting (regularise, augment, stop earlier)." : null;
    }
}

/// <summary>The most frequent class outnumbers the rarest by more than <c>threshold</c>× in the training labels.</summary>
public sealed class ClassImbalance(long[] labels, double threshold = 10, RuleAction action = RuleAction.Record) : DebuggerRule(action)
{
    readonly long[] _labels = labels ?? throw new ArgumentNullException(nameof(labels));

    public override string? AtStart(Trainer trainer)
    {
        var counts = _labels.GroupBy(l => l).Select(g => g.Count()).ToList();
        if (counts.Count < 2) return "only one class in the labels.";
        double ratio = (double)counts.Max() / counts.Min();
        return ratio > threshold ? $"class counts differ {ratio:F1}× (limit {threshold}): resample, weight the loss, or judge by F1 / PR AUC, not accuracy." : null;
    }
}
