namespace Kit.Metrics;

/// <summary>
/// The study guide's key formulas from confusion-matrix counts. A ratio whose denominator is zero is 0,
/// as scikit-learn does with zero_division=0.
/// </summary>
public static class Formulas
{
    public static double Accuracy(double tp, double tn, double fp, double fn) { Counts(tp, tn, fp, fn); return Ratio(tp + tn, tp + tn + fp + fn); }
    public static double Precision(double tp, double fp) { Counts(tp, fp); return Ratio(tp, tp + fp); }
    public static double Recall(double tp, double fn) { Counts(tp, fn); return Ratio(tp, tp + fn); }
    public static double Specificity(double tn, double fp) { Counts(tn, fp); return Ratio(tn, tn + fp); }
    public static double FalsePositiveRate(double tn, double fp) => 1 - Specificity(tn, fp);
    public static double F1(double tp, double fp, double fn) => FBeta(tp, fp, fn, 1);

    /// <summary>Fβ = (1+β²)·P·R / (β²·P + R): β &lt; 1 weighs precision more, β &gt; 1 recall.</summary>
    public static double FBeta(double tp, double fp, double fn, double beta)
    {
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a positive finite number");
        double p = Precision(tp, fp), r = Recall(tp, fn), b2 = beta * beta;
        return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
    }

    static double Ratio(double num, double den) => den == 0 ? 0 : num / den;

    static void Counts(params double[] counts)
    {
        foreach (var c in counts)
            if (c < 0 || !double.IsFinite(c))
                throw new ArgumentOutOfRangeException(nameof(counts), c, "confusion-matrix counts must be finite and non-negative");
    }
}
