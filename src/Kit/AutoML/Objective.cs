using System.Runtime.CompilerServices;

namespace Kit.AutoML;

/// <summary>
/// The objective metric of an AutoML job: an Autopilot metric name, whether larger is better, and how to compute it
/// from one fold's predictions. The formula is supplied by the caller (the metrics have their own home in the Kit);
/// <see cref="Code"/> keeps its source text so that a generated notebook can state it again.
/// </summary>
public sealed class Objective
{
    /// <summary>Autopilot's tabular objective metrics per problem type (CreateAutoMLJob's AutoMLJobObjective), the first of each the default.</summary>
    public static readonly IReadOnlyDictionary<ProblemType, IReadOnlyList<string>> Catalogue = new Dictionary<ProblemType, IReadOnlyList<string>>
    {
        [ProblemType.BinaryClassification] = ["F1", "Accuracy", "AUC", "BalancedAccuracy", "Precision", "Recall"],
        [ProblemType.MulticlassClassification] = ["Accuracy", "BalancedAccuracy", "F1macro", "PrecisionMacro", "RecallMacro"],
        [ProblemType.Regression] = ["MSE", "MAE", "R2", "RMSE"],
    };

    static readonly HashSet<string> Minimised = ["MSE", "MAE", "RMSE"];

    public string Name { get; }
    public bool Maximize => !Minimised.Contains(Name);
    public Func<Predictions, double> Score { get; }
    public string Code { get; }

    Objective(string name, Func<Predictions, double> score, string code) => (Name, Score, Code) = (name, score, code);

    /// <summary>An objective named as Autopilot names it (e.g. <c>F1</c>, <c>Accuracy</c>, <c>MSE</c>), scored by <paramref name="score"/>.</summary>
    public static Objective Define(string name, Func<Predictions, double> score, [CallerArgumentExpression(nameof(score))] string code = "")
    {
        ArgumentNullException.ThrowIfNull(score);
        if (!Catalogue.Values.Any(names => names.Contains(name)))
            throw new ArgumentException($"name '{name}' is not an Autopilot objective metric; expected one of {string.Join(", ", Catalogue.Values.SelectMany(n => n).Distinct())}.", nameof(name));
        return new Objective(name, score, code);
    }

    /// <summary>The objective Autopilot uses when you name none: F1 (binary), Accuracy (multiclass), MSE (regression).</summary>
    public static string DefaultFor(ProblemType type) => Catalogue[type][0];

    /// <summary>Throws unless this objective is one Autopilot offers for <paramref name="type"/>.</summary>
    public void CheckFits(ProblemType type)
    {
        if (!Catalogue[type].Contains(Name))
            throw new ArgumentException($"objective '{Name}' is not an objective for {type}; expected one of {string.Join(", ", Catalogue[type])}.", "objective");
    }

    /// <summary>True when <paramref name="a"/> is a better score than <paramref name="b"/> for this objective.</summary>
    public bool Better(double a, double b) => Maximize ? a > b : a < b;

    public override string ToString() => $"{Name} ({(Maximize ? "maximise" : "minimise")})";
}

/// <summary>One fold's held-out rows: the true target and the model's outputs (class probabilities, or one value for regression).</summary>
public sealed class Predictions(double[] truth, double[][] outputs)
{
    public double[] Truth { get; } = truth;
    public double[][] Outputs { get; } = outputs;

    /// <summary>The true classes as integers (classification).</summary>
    public int[] TrueLabels => Truth.Select(v => (int)v).ToArray();

    /// <summary>The most probable class of each row (the first one on a tie).</summary>
    public int[] Labels => Outputs.Select(p => Array.IndexOf(p, p.Max())).ToArray();

    /// <summary>The probability of class 1 of each row: the score AUC ranks (binary).</summary>
    public double[] PositiveScores => Outputs.Select(p => p.Length > 1 ? p[1] : p[0]).ToArray();

    /// <summary>The predicted value of each row (regression).</summary>
    public double[] Values => Outputs.Select(p => p[0]).ToArray();
}
