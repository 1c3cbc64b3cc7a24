namespace Kit.Clarify;

/// <summary>
/// Post-training bias metrics from counts, as SageMaker Clarify defines them, for the disadvantaged facet (d) and
/// the advantaged facet (a). Division follows smclarify's rule: 0/0 = 0 and x/0 = ±∞ (never NaN).
/// </summary>
public static class BiasMetrics
{
    /// <summary>Clarify's usual threshold for disparate impact (the "four-fifths rule").</summary>
    public const double FourFifths = 0.8;

    /// <summary>DI = q_d / q_a. Below 0.8 is the usual "four-fifths" red flag; q_a = 0 gives 0 (q_d = 0 too) or +∞.</summary>
    public static double DisparateImpact(double positiveD, double nD, double positiveA, double nA) =>
        Divide(Rate(positiveD, nD, nameof(nD)), Rate(positiveA, nA, nameof(nA)));

    /// <summary>DPPL = q_a − q_d: the gap in positive prediction rates.</summary>
    public static double DifferenceInPositiveProportions(double positiveA, double nA, double positiveD, double nD) =>
        Rate(positiveA, nA, nameof(nA)) - Rate(positiveD, nD, nameof(nD));

    /// <summary>True when a disparate impact falls outside [0.8, 1.25], the four-fifths rule read both ways.</summary>
    public static bool FailsFourFifths(double disparateImpact) =>
        disparateImpact < FourFifths || disparateImpact > 1 / FourFifths;

    /// <summary>smclarify's division: 0/0 = 0, x/0 = +∞ or −∞ by the sign of x.</summary>
    public static double Divide(double numerator, double denominator) =>
        denominator != 0 ? numerator / denominator
        : numerator == 0 ? 0
        : numerator < 0 ? double.NegativeInfinity : double.PositiveInfinity;

    /// <summary>a − b, except that ∞ − ∞ (both groups undefined the same way) is 0, as smclarify reports it.</summary>
    internal static double Difference(double a, double b) =>
        double.IsPositiveInfinity(a) && double.IsPositiveInfinity(b) ? 0 : a - b;

    static double Rate(double positive, double n, string name)
    {
        if (!(n > 0)) throw new ArgumentOutOfRangeException(name, n, "a facet needs at least one member");
        if (positive < 0 || positive > n) throw new ArgumentOutOfRangeException(name, positive, $"positive outcomes must be between 0 and {n}");
        return positive / n;
    }
}
