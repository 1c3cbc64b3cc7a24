using Kit.Runtime;

namespace Kit.Metrics;

/// <summary>A ROC curve: false and true positive rates at each threshold, thresholds decreasing.</summary>
public sealed record RocCurve(double[] Fpr, double[] Tpr, double[] Thresholds)
{
    /// <summary>Area under the curve by the trapezoidal rule.</summary>
    public double Auc => Ranking.Trapezoid(Fpr, Tpr);
    public override string ToString() => $"ROC curve with {Fpr.Length} points, AUC {Auc:F4}";
}

/// <summary>A precision–recall curve. Precision and Recall have one more entry than Thresholds: the last point is (recall 0, precision 1).</summary>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, double[] Thresholds)
{
    public override string ToString() => $"precision–recall curve with {Thresholds.Length} thresholds";
}

/// <summary>
/// Threshold-free metrics of a score (probability or any number where higher means "more positive"),
/// numerically equal to scikit-learn 1.2's <c>roc_curve</c> (drop_intermediate=True), <c>roc_auc_score</c>,
/// <c>precision_recall_curve</c> and <c>average_precision_score</c>. Labels must be 0 or 1 (1 = positive);
/// an example counts as predicted positive when its score is ≥ the threshold.
/// </summary>
public static partial class Ranking
{
    /// <summary>
    /// The ROC curve. As in scikit-learn, points that lie on a straight segment are dropped (they add no area),
    /// and the first threshold is max(score) + 1 (the curve's (0, 0) point: nothing predicted positive;
    /// scikit-learn 1.3 and later write +∞ there instead).
    /// </summary>
    public static RocCurve RocCurve(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore, bool dropIntermediate = true)
    {
        var (fps, tps, thr) = BinaryCurve(yTrue, yScore, nameof(yTrue), nameof(yScore));
        int m = fps.Length;
        var keep = new List<int>(m);
        if (dropIntermediate && m > 2)
        {
            keep.Add(0);
            for (int i = 1; i < m - 1; i++)
                if (fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0) keep.Add(i);
            keep.Add(m - 1);
        }
        else for (int i = 0; i < m; i++) keep.Add(i);

        int n = keep.Count + 1;
        var fpr = new double[n];
        var tpr = new double[n];
        var t = new double[n];
        double fTotal = fps[m - 1], tTotal = tps[m - 1];
        if (fTotal <= 0) throw new ArgumentException("yTrue has no negative example (only one class is present): the false positive rate, and so the ROC curve, is not defined", nameof(yTrue));
        if (tTotal <= 0) throw new ArgumentException("yTrue has no positive example (only one class is present): the true positive rate, and so the ROC curve, is not defined", nameof(yTrue));
        t[0] = thr[keep[0]] + 1;
        for (int i = 0; i < keep.Count; i++)
        {
            fpr[i + 1] = fps[keep[i]] / fTotal;
            tpr[i + 1] = tps[keep[i]] / tTotal;
            t[i + 1] = thr[keep[i]];
        }
        return new RocCurve(fpr, tpr, t);
    }

    /// <summary>
    /// Area under the ROC curve: the probability that a random positive scores above a random negative
    /// (ties count half). 0.5 is chance, 1 is perfect. Undefined, and an error, when yTrue holds one class only.
    /// </summary>
    public static double RocAuc(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        Checks.Binary(t, nameof(yTrue));
        int positives = 0;
        foreach (var v in t) positives += v;
        if (positives == 0 || positives == t.Length)
            throw new ArgumentException($"Only one class is present in yTrue (every label is {t[0]}); ROC AUC is not defined in that case", nameof(yTrue));
        return RocCurve(t, yScore).Auc;
    }

    /// <summary>
    /// Precision and recall at every distinct score used as the threshold, in order of increasing threshold,
    /// ending with the point (recall 0, precision 1). A threshold with no predicted positive has precision 0.
    /// With no positive example in yTrue, recall is 1 everywhere (scikit-learn's convention) and the Kit warns
    /// (<see cref="KitWarnings"/>), as scikit-learn does: the curve, and average precision (then 0), say nothing.
    /// </summary>
    public static PrecisionRecallCurve PrecisionRecallCurve(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore)
    {
        var (fps, tps, thr) = BinaryCurve(yTrue, yScore, nameof(yTrue), nameof(yScore));
        int m = fps.Length;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thresholds = new double[m];
        double tTotal = tps[m - 1];
        if (tTotal == 0)
            KitWarnings.Warn("Ranking.PrecisionRecallCurve", "No positive class found in yTrue, recall is set to one for all thresholds (average precision is then 0 and means nothing).");
        for (int i = 0; i < m; i++)
        {
            int r = m - 1 - i; // reversed: increasing threshold, decreasing recall
            double ps = tps[i] + fps[i];
            precision[r] = ps != 0 ? tps[i] / ps : 0;
            recall[r] = tTotal == 0 ? 1 : tps[i] / tTotal;
            thresholds[r] = thr[i];
        }
        precision[m] = 1;
        recall[m] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /// <summary>
    /// Average precision: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the thresholds, the precision at each threshold weighted
    /// by the recall it adds (no interpolation; scikit-learn's definition). A summary of the PR curve that,
    /// unlike ROC AUC, reacts strongly to false positives when positives are rare.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore)
    {
        var c = PrecisionRecallCurve(yTrue, yScore);
        var s = new Checks.Sum();
        for (int i = 0; i < c.Recall.Length - 1; i++) s.Add((c.Recall[i] - c.Recall[i + 1]) * c.Precision[i]);
        return s.Value;
    }

    /// <summary>∫ y dx by the trapezoidal rule (x must be monotonic).</summary>
    public static double Trapezoid(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Checks.SameLength(x.Count, y.Count, nameof(x), nameof(y));
        var s = new Checks.Sum();
        for (int i = 0; i + 1 < x.Count; i++) s.Add((x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0);
        return s.Value;
    }

    /// <summary>
    /// Cumulative false and true positives at each distinct score, scores taken from the highest down:
    /// entry i is what the classifier gets when everything scoring ≥ thresholds[i] is called positive.
    /// </summary>
    internal static (double[] Fps, double[] Tps, double[] Thresholds) BinaryCurve(IReadOnlyList<int> yTrue, IReadOnlyList<double> yScore, string trueName, string scoreName)
    {
        var t = Checks.Labels(yTrue, trueName);
        var s = Checks.Finite(yScore, scoreName);
        Checks.SameLength(t.Length, s.Length, trueName, scoreName);
        Checks.Binary(t, trueName);

        var keys = (double[])s.Clone();
        var labels = new byte[t.Length];
        for (int i = 0; i < t.Length; i++) labels[i] = (byte)t[i];
        Array.Sort(keys, labels); // ascending; walked from the end

        int n = keys.Length, distinct = 1;
        for (int i = n - 1; i > 0; i--) if (keys[i - 1] != keys[i]) distinct++;
        var fps = new double[distinct];
        var tps = new double[distinct];
        var thr = new double[distinct];
        long tp = 0, seen = 0;
        int k = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            tp += labels[i];
            seen++;
            if (i == 0 || keys[i - 1] != keys[i])
            {
                tps[k] = tp;
                fps[k] = seen - tp;
                thr[k] = keys[i];
                k++;
            }
        }
        return (fps, tps, thr);
    }
}
