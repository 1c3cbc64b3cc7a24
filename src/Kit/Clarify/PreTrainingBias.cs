namespace Kit.Clarify;

/// <summary>
/// Pre-training bias metrics of a labelled data set, as SageMaker Clarify defines them
/// (https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-measure-data-bias.html; smclarify's
/// bias/metrics/pretraining.py). Facet d is the disadvantaged group, a the rest. Empty facets cannot occur
/// (<see cref="BiasData"/> refuses a facet column with one group).
/// </summary>
public static class PreTrainingBias
{
    /// <summary>CI = (n_a − n_d) / (n_a + n_d), in [−1, 1]; positive when d is under-represented.</summary>
    public static double ClassImbalance(BiasData data)
    {
        int nd = data.Disadvantaged.Count(x => x), na = data.Count - nd;
        return (na - nd) / (double)(na + nd);
    }

    /// <summary>DPL = q_a − q_d, the gap in the share of positive observed labels; positive when a gets more.</summary>
    public static double DifferenceInProportionsOfLabels(BiasData data) => PositiveRateGap(data, data.IsPositive);

    /// <summary>KL(P_a ‖ P_d) = Σ P_a(y) ln(P_a(y) / P_d(y)) over the label values both facets have (Clarify drops the others).</summary>
    public static double KLDivergence(BiasData data)
    {
        var (pa, pd) = AlignedLabelDistributions(data);
        return pa.Zip(pd, (a, d) => a * Math.Log(a / d)).Sum();
    }

    /// <summary>JS = ½ [KL(P_a ‖ P) + KL(P_d ‖ P)] with P = ½ (P_a + P_d); symmetric, in [0, ln 2].</summary>
    public static double JSDivergence(BiasData data)
    {
        var (pa, pd) = AlignedLabelDistributions(data);
        double sum = 0;
        for (int i = 0; i < pa.Length; i++)
        {
            double p = (pa[i] + pd[i]) / 2;
            sum += pa[i] * Math.Log(pa[i] / p) + pd[i] * Math.Log(pd[i] / p);
        }
        return sum / 2;
    }

    /// <summary>L_p(P_a, P_d) = (Σ |P_a(y) − P_d(y)|^p)^(1/p); Clarify reports p = 2.</summary>
    public static double LpNorm(BiasData data, double p = 2)
    {
        if (!(p >= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be at least 1 (or +∞ for the largest gap).");
        var (pa, pd) = AlignedLabelDistributions(data);
        var gaps = pa.Zip(pd, (a, d) => Math.Abs(a - d)).ToArray();
        return double.IsPositiveInfinity(p) ? gaps.Max() : Math.Pow(gaps.Sum(g => Math.Pow(g, p)), 1 / p);
    }

    /// <summary>TVD = ½ L1(P_a, P_d).</summary>
    public static double TotalVariationDistance(BiasData data) => LpNorm(data, 1) / 2;

    /// <summary>KS = max_y |P_a(y) − P_d(y)|, the largest gap between the label distributions.</summary>
    public static double KolmogorovSmirnov(BiasData data) => LpNorm(data, double.PositiveInfinity);

    /// <summary>
    /// CDDL = Σ_i (n_i / n) DD_i over the groups i of <see cref="BiasData.Groups"/>, with the demographic disparity
    /// DD_i = (d's share of the rejected in i) − (d's share of the accepted in i); a share with no rejected (or accepted)
    /// rows in i counts 0. Positive: d gets more of the rejections than of the acceptances (Simpson's paradox check).
    /// </summary>
    public static double ConditionalDemographicDisparityInLabels(BiasData data) =>
        ConditionalDemographicDisparity(data, data.IsPositive, nameof(BiasData.Labels));

    internal static double ConditionalDemographicDisparity(BiasData data, Func<int, bool> accepted, string labelName)
    {
        var groups = data.RequireGroups();
        int positives = Enumerable.Range(0, data.Count).Count(accepted);
        if (positives == 0 || positives == data.Count)
            throw new ArgumentException($"the conditional demographic disparity needs both accepted and rejected rows; every row of {labelName} is {(positives == 0 ? "rejected" : "accepted")}.", labelName);
        double weighted = 0;
        foreach (var group in groups.Distinct())
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => groups[i] == group).ToArray();
            var acceptedRows = rows.Where(accepted).ToArray();
            var rejectedRows = rows.Where(i => !accepted(i)).ToArray();
            double shareOfAccepted = acceptedRows.Length == 0 ? 0 : acceptedRows.Count(i => data.Disadvantaged[i]) / (double)acceptedRows.Length;
            double shareOfRejected = rejectedRows.Length == 0 ? 0 : rejectedRows.Count(i => data.Disadvantaged[i]) / (double)rejectedRows.Length;
            weighted += rows.Length * (shareOfRejected - shareOfAccepted);
        }
        return weighted / data.Count;
    }

    /// <summary>q_a − q_d for an outcome (observed or predicted positive).</summary>
    internal static double PositiveRateGap(BiasData data, Func<int, bool> positive)
    {
        double pa = 0, pd = 0, na = 0, nd = 0;
        for (int i = 0; i < data.Count; i++)
        {
            if (data.Disadvantaged[i]) { nd++; if (positive(i)) pd++; }
            else { na++; if (positive(i)) pa++; }
        }
        return pa / na - pd / nd;
    }

    /// <summary>P_a and P_d over the label values present (non-zero) in both facets, as smclarify aligns them.</summary>
    static (double[] Pa, double[] Pd) AlignedLabelDistributions(BiasData data)
    {
        var a = Distribution(data, false);
        var d = Distribution(data, true);
        var common = a.Keys.Intersect(d.Keys).Order().ToArray();
        if (common.Length == 0)
            throw new ArgumentException("the facets share no label value, so their label distributions cannot be compared (Clarify raises here too).", nameof(data));
        return (common.Select(k => a[k]).ToArray(), common.Select(k => d[k]).ToArray());
    }

    static Dictionary<long, double> Distribution(BiasData data, bool disadvantaged)
    {
        var rows = Enumerable.Range(0, data.Count).Where(i => data.Disadvantaged[i] == disadvantaged).ToArray();
        return rows.GroupBy(i => data.Labels[i]).ToDictionary(g => g.Key, g => g.Count() / (double)rows.Length);
    }
}
