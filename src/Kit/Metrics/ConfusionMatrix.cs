namespace Kit.Metrics;

/// <summary>
/// The tally of predictions: <c>Counts[i][j]</c> is how many examples of true class <c>Labels[i]</c> were
/// predicted as <c>Labels[j]</c> (rows = truth, columns = prediction), with the labels sorted ascending,
/// exactly as scikit-learn's <c>confusion_matrix</c>. For labels {0, 1} that is [[TN, FP], [FN, TP]].
/// </summary>
public sealed class ConfusionMatrix
{
    public IReadOnlyList<int> Labels { get; }
    public long[][] Counts { get; }

    ConfusionMatrix(int[] labels, long[][] counts) { Labels = labels; Counts = counts; }

    /// <param name="yTrue">true class of each example</param>
    /// <param name="yPred">predicted class of each example</param>
    /// <param name="labels">the classes and their order; default: every label seen in yTrue or yPred, sorted.
    /// Examples whose label is not listed are left out, as in scikit-learn.</param>
    public static ConfusionMatrix Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, IReadOnlyList<int>? labels = null)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        var p = Checks.Labels(yPred, nameof(yPred));
        Checks.SameLength(t.Length, p.Length, nameof(yTrue), nameof(yPred));
        int[] order;
        if (labels is null) order = t.Concat(p).Distinct().Order().ToArray();
        else
        {
            order = labels.ToArray();
            if (order.Length == 0) throw new ArgumentException("labels must name at least one class", nameof(labels));
            if (order.Distinct().Count() != order.Length) throw new ArgumentException("labels must not repeat a class", nameof(labels));
        }
        var index = new Dictionary<int, int>(order.Length);
        for (int i = 0; i < order.Length; i++) index[order[i]] = i;
        var counts = new long[order.Length][];
        for (int i = 0; i < order.Length; i++) counts[i] = new long[order.Length];
        for (int n = 0; n < t.Length; n++)
            if (index.TryGetValue(t[n], out int i) && index.TryGetValue(p[n], out int j)) counts[i][j]++;
        return new ConfusionMatrix(order, counts);
    }

    public int ClassCount => Labels.Count;
    public long Total => Counts.Sum(r => r.Sum());

    /// <summary>Examples of each true class (row sums): scikit-learn's "support".</summary>
    public long[] Support => Counts.Select(r => r.Sum()).ToArray();

    /// <summary>Predictions of each class (column sums).</summary>
    public long[] Predicted => Enumerable.Range(0, ClassCount).Select(j => Counts.Sum(r => r[j])).ToArray();

    /// <summary>Correct predictions of each class (the diagonal).</summary>
    public long[] Correct => Enumerable.Range(0, ClassCount).Select(i => Counts[i][i]).ToArray();

    /// <summary>One class against the rest: its TP, FP, FN, TN.</summary>
    public BinaryCounts OneVsRest(int label)
    {
        int k = Labels.ToList().IndexOf(label);
        if (k < 0) throw new ArgumentException($"label {label} is not one of this matrix's labels ({string.Join(", ", Labels)})", nameof(label));
        long tp = Counts[k][k], fn = Support[k] - tp, fp = Predicted[k] - tp;
        return new BinaryCounts(tp, fp, fn, Total - tp - fp - fn);
    }

    /// <summary>Counts as doubles, rows = truth (for a heatmap).</summary>
    public double[][] ToDoubles() => Counts.Select(r => r.Select(c => (double)c).ToArray()).ToArray();

    public override string ToString()
    {
        var w = Math.Max(6, Counts.SelectMany(r => r).Append(0).Max().ToString().Length + 1);
        var sb = new System.Text.StringBuilder();
        sb.Append("true\\pred".PadRight(10)).AppendJoin("", Labels.Select(l => l.ToString().PadLeft(w))).AppendLine();
        for (int i = 0; i < ClassCount; i++)
            sb.Append(Labels[i].ToString().PadRight(10)).AppendJoin("", Counts[i].Select(c => c.ToString().PadLeft(w))).AppendLine();
        return sb.ToString().TrimEnd();
    }
}

/// <summary>The four cells of a binary confusion matrix (1 = positive) and the ratios built from them.
/// A ratio whose denominator is 0 is 0, like scikit-learn's zero_division=0.</summary>
public readonly record struct BinaryCounts(long TP, long FP, long FN, long TN)
{
    public long Total => TP + FP + FN + TN;
    public double Accuracy => Formulas.Accuracy(TP, TN, FP, FN);
    public double Precision => Formulas.Precision(TP, FP);
    public double Recall => Formulas.Recall(TP, FN);
    public double Specificity => Formulas.Specificity(TN, FP);
    public double FalsePositiveRate => Formulas.FalsePositiveRate(TN, FP);
    public double F1 => FBeta(1);
    /// <summary>(1+β²)·P·R / (β²·P + R), 0 when P and R are both 0.</summary>
    public double FBeta(double beta) => Formulas.FBeta(TP, FP, FN, beta);
    public double Mcc => Classification.MccFromCounts([[TN, FP], [FN, TP]]);

    public override string ToString() => $"TP {TP}, FP {FP}, FN {FN}, TN {TN}";
}
