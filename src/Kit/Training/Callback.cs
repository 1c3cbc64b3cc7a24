namespace Kit.Training;

/// <summary>
/// Hooks into <see cref="Trainer.Fit"/> (the same moments as Keras/Lightning callbacks). Override what you need.
/// Set <see cref="Trainer.StopTraining"/> to end training after the current epoch.
/// </summary>
public abstract class Callback
{
    public virtual void OnTrainBegin(Trainer trainer) { }
    public virtual void OnEpochBegin(Trainer trainer, int epoch) { }
    /// <summary>After <c>loss.backward()</c>, before <c>optimizer.step()</c>: the gradients are in <c>p.grad</c>.</summary>
    public virtual void OnAfterBackward(Trainer trainer) { }
    /// <summary>After <c>optimizer.step()</c> (for example a proximal step on the new weights).</summary>
    public virtual void OnBatchEnd(Trainer trainer) { }
    public virtual void OnEpochEnd(Trainer trainer, EpochLog log) { }
    public virtual void OnTrainEnd(Trainer trainer) { }
}
