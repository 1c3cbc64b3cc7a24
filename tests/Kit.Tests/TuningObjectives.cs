using Kit.Tuning;

namespace Kit.Tests;

/// <summary>
/// Fast tuning objectives with a known optimum, so "within 1 % of the best" is measured against the true best.
/// A validation-loss surface over a log-scaled learning rate, a momentum-like rate and a layer count; the minimum
/// 0.1 lies at learning_rate = 10^−2.2, rate = 0.3, layers = 3. Hyperband's version adds a learning curve.
/// </summary>
static class TuningObjectives
{
    public const double BestLoss = 0.1;
    public static readonly string[] Metrics = ["validation:loss", "train:loss"];
    public static readonly Objective Loss = new("validation:loss", ObjectiveType.Minimize);

    public static SearchSpace Space() => new(
        new ContinuousParameter("learning_rate", 1e-5, 1, Scaling.Logarithmic),
        new ContinuousParameter("rate", 0, 1),
        new IntegerParameter("layers", 1, 6));

    /// <param name="shift">moves the optimum (a related task, for transfer learning)</param>
    public static double FinalLoss(Hyperparameters h, double shift = 0)
    {
        double u = (Math.Log10(h.Double("learning_rate")) + 5) / 5; // the unit coordinate of a log range [1e-5, 1]
        double r = h.Double("rate");
        int layers = h.Int("layers");
        return BestLoss + Sq(u - 0.56 - shift) + 0.5 * Sq(r - 0.3 + shift) + 0.02 * Sq(layers - 3);
    }

    /// <summary>The loss after <paramref name="epochs"/>: the final loss plus a gap that closes like 1/√epochs,
    /// slower for high rates, so a short run's ranking is informative but not exact.</summary>
    public static double LossAfter(Hyperparameters h, int epochs) => FinalLoss(h) + 0.2 * (1 + 0.3 * h.Double("rate")) / Math.Sqrt(epochs);

    /// <summary>A training job that reports the final loss (epochs do not matter).</summary>
    public static IReadOnlyDictionary<string, double> Train(TrialContext trial) => Report(FinalLoss(trial.Hyperparameters));

    /// <summary>A training job whose loss depends on the epochs it was given (for Hyperband).</summary>
    public static IReadOnlyDictionary<string, double> TrainForEpochs(TrialContext trial) => Report(LossAfter(trial.Hyperparameters, trial.Epochs));

    static Dictionary<string, double> Report(double loss) => new() { ["validation:loss"] = loss, ["train:loss"] = 0.9 * loss };

    public static HyperparameterTuner Tuner(TuningStrategy strategy, int maxJobs, int seed) =>
        new(Space(), Loss, Metrics) { Strategy = strategy, MaxJobs = maxJobs, Seed = seed, MaxEpochs = 27 };

    static double Sq(double v) => v * v;
}
