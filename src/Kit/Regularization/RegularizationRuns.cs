using Kit.Training;
using Kit.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Regularization;

public enum Penalty { None, L1, L2, ElasticNet }

/// <summary>A trained model and its history.</summary>
public sealed record Run(Sequential Model, Trainer Trainer, History History)
{
    public EpochLog Last => History.Last!;
}

/// <summary>The runs of the regularisation lesson, shared with its claim tests.</summary>
public static class RegularizationRuns
{
    /// <summary>
    /// Multinomial logistic regression on the digits (one Linear layer 64 → 10, so every weight belongs to one pixel
    /// and one digit), plain SGD, with no penalty, L1 (proximal soft-thresholding), L2 (λ·Σw² in the loss) or both.
    /// </summary>
    /// <param name="model">builds the lesson's network, here with no hidden layer (called after seeding)</param>
    public static Run Linear(DigitsTask task, Func<Sequential> model, Penalty penalty, double lambda = 2e-3, int epochs = 20, double lr = 0.5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!Enum.IsDefined(penalty)) throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "penalty must be None, L1, L2 or ElasticNet.");
        var net = Nets.Seeded(seed, model);
        var trainer = new Trainer(net, optim.SGD(net.parameters(), learningRate: lr), nn.CrossEntropyLoss()) { BatchSize = 64, Seed = seed };
        if (penalty is Penalty.L1 or Penalty.ElasticNet) trainer.Callbacks.Add(new ProximalL1(penalty == Penalty.ElasticNet ? lambda / 2 : lambda));
        if (penalty is Penalty.L2) trainer.Penalty = Penalties.L2(net, lambda);
        if (penalty is Penalty.ElasticNet) trainer.Penalty = Penalties.L2(net, lambda / 2);
        return new Run(net, trainer, trainer.Fit(task.X, task.Y, epochs, task.XVal, task.YVal));
    }

    /// <summary>
    /// A network built by <paramref name="model"/> (the lesson's wide MLP, 64 → 256 → 256 → 10, with or without dropout) on a
    /// small training set, trained long enough to overfit, with optional callbacks (early stopping). Adam, batches of 32.
    /// </summary>
    public static Run Overfit(DigitsTask task, Func<Sequential> model, int epochs = 60, double lr = 3e-3, int seed = 0, params Callback[] callbacks)
    {
        ArgumentNullException.ThrowIfNull(task);
        var net = Nets.Seeded(seed, model);
        var trainer = new Trainer(net, optim.Adam(net.parameters(), lr: lr), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = seed };
        trainer.Callbacks.AddRange(callbacks);
        return new Run(net, trainer, trainer.Fit(task.X, task.Y, epochs, task.XVal, task.YVal));
    }

    /// <summary>
    /// Trains the network <paramref name="model"/> builds (the lesson's MLP 64 → 128 → 10) on the task's training images, with or without random shifts of up to
    /// <paramref name="maxShift"/> pixels as augmentation, and validates on the validation images each shifted by a
    /// fixed random amount (seed 7): digits written a little off-centre.
    /// </summary>
    public static Run Augmented(DigitsTask task, Func<Sequential> model, bool augment, int maxShift = 1, int epochs = 40, double lr = 2e-3, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        var net = Nets.Seeded(seed, model);
        var trainer = new Trainer(net, optim.Adam(net.parameters(), lr: lr), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = seed };
        if (augment) trainer.TrainTransform = x => Augmentation.RandomShift(x, maxShift);
        using var shiftedVal = Augmentation.RandomShift(task.XVal, maxShift, seed: 7);
        return new Run(net, trainer, trainer.Fit(task.X, task.Y, epochs, shiftedVal, task.YVal));
    }

    /// <summary>A deeper network built by <paramref name="model"/> (the lesson's four hidden layers of 64, ReLU, with or without batch normalisation), plain SGD.</summary>
    public static Run BatchNorm(DigitsTask task, Func<Sequential> model, int epochs = 15, double lr = 0.05, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        var net = Nets.Seeded(seed, model);
        var trainer = new Trainer(net, optim.SGD(net.parameters(), learningRate: lr), nn.CrossEntropyLoss()) { BatchSize = 64, Seed = seed };
        return new Run(net, trainer, trainer.Fit(task.X, task.Y, epochs, task.XVal, task.YVal));
    }

    /// <summary>The first epoch whose training loss is at or below <paramref name="target"/>, or null if none.</summary>
    public static int? EpochsToReach(History history, double target)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Epochs.FirstOrDefault(e => e.TrainLoss <= target)?.Epoch;
    }
}
