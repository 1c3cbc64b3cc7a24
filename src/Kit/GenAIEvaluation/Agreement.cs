namespace Kit.GenAIEvaluation;

/// <summary>How disagreements between ordered labels are weighted in Cohen's kappa.</summary>
public enum KappaWeights { None, Linear, Quadratic }

/// <summary>
/// Agreement between raters beyond chance. Cohen's kappa compares two raters over the same items:
/// κ = (p_o − p_e) / (1 − p_e), with p_e the agreement two raters with these label frequencies would reach by
/// chance. Fleiss' kappa extends it to any number of raters per item.
/// </summary>
public static class Agreement
{
    public static double PercentAgreement(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        Check(a, b);
        return Enumerable.Range(0, a.Count).Count(i => a[i] == b[i]) / (double)a.Count;
    }

    public static double CohenKappa(IReadOnlyList<int> a, IReadOnlyList<int> b, KappaWeights weights = KappaWeights.None)
    {
        Check(a, b);
        var labels = a.Concat(b).Distinct().Order().ToArray();
        int k = labels.Length, n = a.Count;
        if (k < 2) throw new ArgumentException("both raters used one and the same label for every item: chance agreement is 1 and kappa is undefined.", nameof(b));
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var observed = new double[k, k];
        for (int i = 0; i < n; i++) observed[index[a[i]], index[b[i]]] += 1.0 / n;
        var rowSums = Enumerable.Range(0, k).Select(i => Enumerable.Range(0, k).Sum(j => observed[i, j])).ToArray();
        var colSums = Enumerable.Range(0, k).Select(j => Enumerable.Range(0, k).Sum(i => observed[i, j])).ToArray();
        // Disagreement weights on the label indices (sklearn's convention): 0 on the diagonal, 1 / |i−j| / (i−j)² off it.
        double W(int i, int j) => weights switch
        {
            KappaWeights.None => i == j ? 0 : 1,
            KappaWeights.Linear => Math.Abs(i - j),
            _ => (i - j) * (i - j),
        };
        double disagreeObserved = 0, disagreeExpected = 0;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                disagreeObserved += W(i, j) * observed[i, j];
                disagreeExpected += W(i, j) * rowSums[i] * colSums[j];
            }
        return 1 - disagreeObserved / disagreeExpected;
    }

    /// <summary>Fleiss' kappa from <paramref name="counts"/>[item][category]: how many raters put each item in each category (the same number of raters per item).</summary>
    public static double FleissKappa(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0) throw new ArgumentException("there are no rated items.", nameof(counts));
        int categories = counts[0].Count, raters = counts[0].Sum();
        if (raters < 2) throw new ArgumentException("each item needs at least two ratings.", nameof(counts));
        for (int i = 0; i < counts.Count; i++)
            if (counts[i].Count != categories || counts[i].Sum() != raters || counts[i].Any(c => c < 0))
                throw new ArgumentException($"item {i} has {counts[i].Sum()} ratings in {counts[i].Count} categories; expected {raters} non-negative ratings in {categories}.", nameof(counts));
        int n = counts.Count;
        double pBar = counts.Average(row => (row.Sum(c => (double)c * c) - raters) / (raters * (raters - 1.0)));
        var share = Enumerable.Range(0, categories).Select(j => counts.Sum(row => row[j]) / (double)(n * raters)).ToArray();
        double pe = share.Sum(p => p * p);
        if (pe == 1) throw new ArgumentException("every rating is in one category: chance agreement is 1 and kappa is undefined.", nameof(counts));
        return (pBar - pe) / (1 - pe);
    }

    static void Check(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0) throw new ArgumentException("there are no labelled items to compare.", nameof(a));
        if (a.Count != b.Count) throw new ArgumentException($"the raters labelled different numbers of items ({a.Count} and {b.Count}).", nameof(b));
    }
}
