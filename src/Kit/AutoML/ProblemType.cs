namespace Kit.AutoML;

/// <summary>The tabular problem types Autopilot infers from the target column (or that you set on the job).</summary>
public enum ProblemType { BinaryClassification, MulticlassClassification, Regression }

public static class ProblemTypes
{
    /// <summary>
    /// The Kit's rule of thumb, in the spirit of Autopilot's inference: two distinct values → binary; whole numbers
    /// 0…K−1 with at most <paramref name="maxClasses"/> classes → multiclass; anything else → regression.
    /// </summary>
    public static ProblemType Infer(IReadOnlyList<double> target, int maxClasses = 20)
    {
        ArgumentNullException.ThrowIfNull(target);
        var distinct = target.Distinct().Order().ToList();
        if (distinct.Count == 2) return ProblemType.BinaryClassification;
        bool classes = distinct.Count <= maxClasses && distinct.Select((v, i) => v == i).All(b => b);
        return classes ? ProblemType.MulticlassClassification : ProblemType.Regression;
    }

    public static bool IsClassification(this ProblemType type) => type != ProblemType.Regression;
}
