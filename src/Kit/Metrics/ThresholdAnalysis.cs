namespace Kit.Metrics;

/// <summary>What a classifier gets when every example scoring ≥ <see cref="Threshold"/> is called positive.</summary>
public sealed record ThresholdPoint(double Threshold, BinaryCounts Counts)
{
    public double Precision => Counts.Precision;
    public double Recall => Counts.Recall;
    public double F1 => Counts.F1;
    public double Specificity => Counts.Specificity;
    public double FalsePositiveRate => Counts.FalsePositiveRate;
    public double Accuracy => Counts.Accuracy;
    public override string ToString() => $"threshold {Threshold:G4}: precision {Precision:F3}, recall {Recall:F3}, F1 {F1:F3}, FPR {FalsePositiveRate:F3} ({Counts})";
}

public static partial class Ranking
{
    /// <summary>
    /// The confusion counts and the metrics built from them at each of <paramref name="thresholds"/>
    /// (an example is predicted positive when its score is ≥ the threshold). Raising the threshold trades
    /// recall for precision; the ROC curve is this table's (FPR, recall) columns over every threshold.
    /// </summary>
    public static IReadOnlyList<ThresholdPoint> AtThresholds(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore, IReadOnlyList<double> thresholds)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        var s = Checks.Finite(yScore, nameof(yScore));
        Checks.SameLength(t.Length, s.Length, nameof(yTrue), nameof(yScore));
        Checks.Binary(t, nameof(yTrue));
        ArgumentNullException.ThrowIfNull(thresholds);
        for (int i = 0; i < thresholds.Count; i++)
            if (double.IsNaN(thresholds[i])) throw new ArgumentException($"thresholds[{i}] is NaN", nameof(thresholds));

        long positives = 0;
        foreach (var v in t) positives += v;
        long negatives = t.Length - positives;
        // Sorted scores of each class: the count at or above a threshold is a binary search.
        var pos = new double[positives];
        var neg = new double[negatives];
        int a = 0, b = 0;
        for (int i = 0; i < t.Length; i++) if (t[i] == 1) pos[a++] = s[i]; else neg[b++] = s[i];
        Array.Sort(pos);
        Array.Sort(neg);
        return thresholds.Select(th =>
        {
            long tp = positives - LowerBound(pos, th), fp = negatives - LowerBound(neg, th);
            return new ThresholdPoint(th, new BinaryCounts(tp, fp, positives - tp, negatives - fp));
        }).ToList();
    }

    /// <summary>Binary predictions: 1 where score ≥ threshold.</summary>
    public static int[] Predict(IReadOnlyList<double> yScore, double threshold)
    {
        var s = Checks.Finite(yScore, nameof(yScore));
        if (double.IsNaN(threshold)) throw new ArgumentException("threshold is NaN", nameof(threshold));
        return s.Select(v => v >= threshold ? 1 : 0).ToArray();
    }

    /// <summary>The number of values below x in a sorted array.</summary>
    static long LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
