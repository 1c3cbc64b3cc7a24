namespace Kit.Clarify;

/// <summary>
/// Post-training bias metrics as SageMaker Clarify defines them, from the positive outcomes of the
/// disadvantaged facet (d) and the advantaged facet (a).
/// </summary>
public static class BiasMetrics
{
    /// <summary>DI = q_d / q_a. Below 0.8 is the usual "four-fifths" red flag.</summary>
    public static double DisparateImpact(double positiveD, double nD, double positiveA, double nA)
    {
        double qd = Rate(positiveD, nD, nameof(nD)), qa = Rate(positiveA, nA, nameof(nA));
        if (qa == 0) throw new ArgumentException("the advantaged facet has no positive outcomes, so DI is undefined", nameof(positiveA));
        return qd / qa;
    }

    /// <summary>DPPL = q_a − q_d: the gap in positive prediction rates.</summary>
    public static double DifferenceInPositiveProportions(double positiveA, double nA, double positiveD, double nD) =>
        Rate(positiveA, nA, nameof(nA)) - Rate(positiveD, nD, nameof(nD));

    static double Rate(double positive, double n, string name)
    {
        if (!(n > 0)) throw new ArgumentOutOfRangeException(name, n, "a facet needs at least one member");
        if (positive < 0 || positive > n) throw new ArgumentOutOfRangeException(name, positive, $"positive outcomes must be between 0 and {n}");
        return positive / n;
    }
}
