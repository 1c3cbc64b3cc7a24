namespace Kit.GenAIEvaluation;

/// <summary>How well a metric orders items the way people do: Spearman's rank correlation (ties get their mean rank).</summary>
public static class Ranking
{
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            for (int k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        return ranks;
    }

    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"the two lists differ in length ({x.Count} and {y.Count}).", nameof(y));
        if (x.Count < 2) throw new ArgumentException("a rank correlation needs at least two items.", nameof(x));
        var rx = Ranks(x);
        var ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++) { sxy += (rx[i] - mx) * (ry[i] - my); sxx += (rx[i] - mx) * (rx[i] - mx); syy += (ry[i] - my) * (ry[i] - my); }
        if (sxx == 0 || syy == 0) throw new ArgumentException("one list is constant: its ranks carry no order.", sxx == 0 ? nameof(x) : nameof(y));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
