using Kit.Runtime;

namespace Kit.Tuning;

public enum TuningStrategy { Grid, Random, Bayesian, Hyperband }

public enum ObjectiveType { Maximize, Minimize }

public enum TrialStatus { Completed, Failed }

/// <summary>The metric a tuning job optimises (AMT's <c>HyperParameterTuningJobObjective</c>).</summary>
public sealed record Objective(string MetricName, ObjectiveType Type)
{
    public bool IsBetter(double candidate, double incumbent) =>
        Type == ObjectiveType.Maximize ? candidate > incumbent : candidate < incumbent;

    /// <summary>Whether <paramref name="value"/> is within <paramref name="fraction"/> (0.01 = 1 %) of <paramref name="best"/>.</summary>
    public bool IsWithin(double value, double best, double fraction) =>
        Type == ObjectiveType.Maximize ? value >= best - fraction * Math.Abs(best) : value <= best + fraction * Math.Abs(best);

    public override string ToString() => $"{(Type == ObjectiveType.Maximize ? "maximize" : "minimize")} {MetricName}";
}

/// <summary>What one training job of a tuning job gets: its hyperparameters, its resource (epochs) and a seed.</summary>
public sealed class TrialContext
{
    static readonly object BuildGate = new();

    internal TrialContext(string name, Hyperparameters hyperparameters, int epochs, int seed, CancellationToken cancellation)
    {
        (TrialName, Hyperparameters, Epochs, Seed, Cancellation) = (name, hyperparameters, epochs, seed, cancellation);
    }

    public string TrialName { get; }
    public Hyperparameters Hyperparameters { get; }

    /// <summary>Epochs to train: the tuner's MaxResource, or a Hyperband rung's share of it.</summary>
    public int Epochs { get; }

    public int Seed { get; }
    public CancellationToken Cancellation { get; }

    /// <summary>Seeds torch with <see cref="Seed"/> and builds the model, one trial at a time: torch's generator is
    /// global, so parallel trials that built models at once would draw each other's initial weights.</summary>
    public T SeededModel<T>(Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (BuildGate)
        {
            KitTorch.Seed(Seed);
            return build();
        }
    }
}

/// <summary>One training job of a tuning job, as stored. Hyperband fills Bracket, Config and Rung.</summary>
public sealed record TrialRecord(
    int Index, string Key, Hyperparameters Hyperparameters, TrialStatus Status, double? ObjectiveValue,
    IReadOnlyDictionary<string, double> Metrics, int Epochs, double Seconds, string? Error,
    int? Bracket = null, int? Config = null, int? Rung = null)
{
    public override string ToString() => Status == TrialStatus.Completed
        ? $"{Key}: {Hyperparameters} → {ObjectiveValue:G4} ({Epochs} epochs)"
        : $"{Key}: {Hyperparameters} → failed: {Error}";
}

/// <summary>AMT's warm-start types: reuse a parent job on the same task, or on a related one as a prior.</summary>
public enum WarmStartType
{
    /// <summary>Same data and algorithm: the parents' trials count as observations of this very objective.</summary>
    IdenticalDataAndAlgorithm,
    /// <summary>Related task (other data, changed ranges): the parents' trials shape the model's prior, standardised on
    /// their own scale and trusted less, and never count as this job's results.</summary>
    TransferLearning,
}

/// <summary>The parent tuning jobs a new job starts warm from (AMT allows up to 5).</summary>
public sealed record WarmStart(WarmStartType Type, params TuningResult[] Parents)
{
    public const int MaxParents = 5;
}
