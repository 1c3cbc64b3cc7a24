using System.Globalization;
using System.Runtime.CompilerServices;
using Kit.Data;

namespace Kit.AutoML;

/// <summary>The rows a candidate trains on in one fold (already preprocessed), with its hyperparameters and the job's seed.</summary>
public sealed record TrainingSet(float[] Features, int FeatureCount, double[] Target, IReadOnlyDictionary<string, double> Hyperparameters, int Seed)
{
    public int Count => Target.Length;

    /// <summary>A hyperparameter of the algorithm, by name.</summary>
    public double Hyperparameter(string name) => Hyperparameters.TryGetValue(name, out var v) ? v
        : throw new ArgumentException($"no hyperparameter '{name}'; the algorithm defines {string.Join(", ", Hyperparameters.Keys)}.", nameof(name));

    /// <summary>The rows as a labelled data set (classification: the target holds the classes 0…K−1).</summary>
    public ToyDataset AsLabelled() => new("training fold", Features, Target.Select(v => (long)v).ToArray(), FeatureCount);
}

/// <summary>Fits on one fold's training rows and returns the fitted model as a function from rows (row-major) to outputs: class probabilities per row, or one value per row for regression.</summary>
public delegate Func<float[], double[][]> Fit(TrainingSet train);

/// <summary>
/// A candidate algorithm: a name, its hyperparameters, the preprocessings to try it with, and the code that fits it.
/// <see cref="Code"/> is the source text of <see cref="Fit"/>, so a generated notebook can define it again.
/// </summary>
public sealed class Algorithm
{
    public string Name { get; }
    public IReadOnlyDictionary<string, double> Hyperparameters { get; }
    public IReadOnlyList<Preprocessing> Preprocessings { get; }
    public Fit Fit { get; }
    public string Code { get; }

    Algorithm(string name, IReadOnlyDictionary<string, double> hyperparameters, IReadOnlyList<Preprocessing> preprocessings, Fit fit, string code) =>
        (Name, Hyperparameters, Preprocessings, Fit, Code) = (name, hyperparameters, preprocessings, fit, code);

    /// <param name="fit">self-contained code (it is copied into the candidate notebook): use only the Kit and <c>train</c></param>
    public static Algorithm Define(string name, IReadOnlyDictionary<string, double> hyperparameters, IReadOnlyList<Preprocessing> preprocessings, Fit fit,
        [CallerArgumentExpression(nameof(fit))] string code = "")
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name must name the algorithm.", nameof(name));
        ArgumentNullException.ThrowIfNull(hyperparameters);
        ArgumentNullException.ThrowIfNull(fit);
        if (preprocessings is null || preprocessings.Count == 0) throw new ArgumentException("preprocessings must list at least one preprocessing to try.", nameof(preprocessings));
        return new Algorithm(name, new Dictionary<string, double>(hyperparameters), preprocessings.Distinct().ToList(), fit, code);
    }

    /// <summary>The hyperparameters as C# (a collection expression for a dictionary), as the notebook writes them.</summary>
    internal string HyperparametersCode() =>
        "new Dictionary<string, double> { " + string.Join(", ", Hyperparameters.Select(h => $"[\"{h.Key}\"] = {h.Value.ToString("R", CultureInfo.InvariantCulture)}")) + " }";

    public override string ToString() => Hyperparameters.Count == 0 ? Name : $"{Name} ({string.Join(", ", Hyperparameters.Select(h => $"{h.Key}={h.Value:G4}"))})";
}

/// <summary>One candidate of the job: an algorithm after one preprocessing.</summary>
public sealed record Candidate(Algorithm Algorithm, Preprocessing Preprocessing)
{
    public string Name => $"{Algorithm} / {Preprocessing.ToString().ToLowerInvariant()}";

    public override string ToString() => Name;
}
