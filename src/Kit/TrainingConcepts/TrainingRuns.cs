using Kit.Data;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.TrainingConcepts;

/// <summary>The runs of the training-concepts lesson, shared with its claim tests.</summary>
public static class TrainingRuns
{
    /// <summary>
    /// Digits, the lesson's MLP (64 → 32 → 10, ReLU, built by <paramref name="model"/> after seeding), plain SGD (no momentum)
    /// at learning rate <paramref name="lr"/>, batches of 64. With these settings 0.3 converges, 0.003 crawls and 1 or more
    /// oscillates or stalls.
    /// </summary>
    public static History LearningRate(DigitsTask task, Func<nn.Module<Tensor, Tensor>> model, double lr, int epochs = 15, int seed = 0, params Callback[] callbacks)
    {
        ArgumentNullException.ThrowIfNull(task);
        var net = Nets.Seeded(seed, model);
        var trainer = new Trainer(net, optim.SGD(net.parameters(), learningRate: lr), nn.CrossEntropyLoss()) { BatchSize = 64, Seed = seed };
        trainer.Callbacks.AddRange(callbacks);
        return trainer.Fit(task.X, task.Y, epochs, task.XVal, task.YVal);
    }

    /// <summary>
    /// The same network and SGD at a fixed learning rate, varying only the batch size: the training set size gives
    /// full-batch gradient descent, 1 gives single-sample (stochastic) gradient descent, in between mini-batches.
    /// </summary>
    public static History BatchSize(DigitsTask task, Func<nn.Module<Tensor, Tensor>> model, int batchSize, int epochs = 8, double lr = 0.1, int seed = 0, params Callback[] callbacks)
    {
        ArgumentNullException.ThrowIfNull(task);
        var net = Nets.Seeded(seed, model);
        var trainer = new Trainer(net, optim.SGD(net.parameters(), learningRate: lr), nn.CrossEntropyLoss()) { BatchSize = batchSize, Seed = seed };
        trainer.Callbacks.AddRange(callbacks);
        return trainer.Fit(task.X, task.Y, epochs, task.XVal, task.YVal);
    }
}
