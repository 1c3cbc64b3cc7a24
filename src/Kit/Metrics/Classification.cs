namespace Kit.Metrics;

/// <summary>How a precision, recall or F score is formed when there are several classes (scikit-learn's <c>average</c>).</summary>
public enum Average
{
    /// <summary>Only class 1 counts as positive; labels must be 0 or 1.</summary>
    Binary,
    /// <summary>The plain mean of the per-class scores: every class weighs the same, however rare.</summary>
    Macro,
    /// <summary>Pool TP, FP and FN over all classes first (for single-label data, equal to accuracy).</summary>
    Micro,
    /// <summary>The mean of the per-class scores weighted by each class's support (true count).</summary>
    Weighted,
}

/// <summary>One row of a classification report: a class and its scores.</summary>
public sealed record ClassScores(int Label, double Precision, double Recall, double F1, long Support)
{
    public override string ToString() => $"class {Label}: precision {Precision:F3}, recall {Recall:F3}, F1 {F1:F3}, support {Support}";
}

/// <summary>
/// Classification metrics from true and predicted labels, numerically equal to scikit-learn 1.2's
/// <c>accuracy_score</c>, <c>precision_score</c>, <c>recall_score</c>, <c>f1_score</c>, <c>fbeta_score</c> and
/// <c>matthews_corrcoef</c>. Binary metrics take 1 as the positive class. A ratio whose denominator is 0
/// (no predicted positives for precision, no true positives for recall) is 0, as with zero_division=0.
/// </summary>
public static partial class Classification
{
    /// <summary>The binary confusion counts (1 = positive). Both arguments must hold only 0 and 1.</summary>
    public static BinaryCounts Counts(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        var p = Checks.Labels(yPred, nameof(yPred));
        Checks.SameLength(t.Length, p.Length, nameof(yTrue), nameof(yPred));
        return CountsOf(t, p);
    }

    internal static BinaryCounts CountsOf(int[] t, int[] p)
    {
        // cell = 2·truth + prediction: 0 = TN, 1 = FP, 2 = FN, 3 = TP
        long c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (int i = 0; i < t.Length; i++)
        {
            uint a = (uint)t[i], b = (uint)p[i];
            if ((a | b) > 1u)
            {
                Checks.Binary(t, "yTrue");
                Checks.Binary(p, "yPred");
            }
            switch ((a << 1) | b)
            {
                case 0: c0++; break;
                case 1: c1++; break;
                case 2: c2++; break;
                default: c3++; break;
            }
        }
        return new BinaryCounts(c3, c1, c2, c0);
    }

    public static ConfusionMatrix ConfusionMatrix(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, IReadOnlyList<int>? labels = null) =>
        Metrics.ConfusionMatrix.Compute(yTrue, yPred, labels);

    /// <summary>The share of examples whose prediction equals the truth (any number of classes).</summary>
    public static double Accuracy(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        var p = Checks.Labels(yPred, nameof(yPred));
        Checks.SameLength(t.Length, p.Length, nameof(yTrue), nameof(yPred));
        long right = 0;
        for (int i = 0; i < t.Length; i++) if (t[i] == p[i]) right++;
        return (double)right / t.Length;
    }

    /// <summary>TP / (TP + FP): of the examples predicted positive, the share that are.</summary>
    public static double Precision(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, Average average = Average.Binary) =>
        Score(yTrue, yPred, average, Kind.Precision, 1);

    /// <summary>TP / (TP + FN), also called sensitivity or true positive rate.</summary>
    public static double Recall(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, Average average = Average.Binary) =>
        Score(yTrue, yPred, average, Kind.Recall, 1);

    /// <summary>TN / (TN + FP): the recall of the negative class (binary only).</summary>
    public static double Specificity(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred) => Counts(yTrue, yPred).Specificity;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public static double F1(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, Average average = Average.Binary) =>
        Score(yTrue, yPred, average, Kind.F, 1);

    /// <summary>Fβ = (1+β²)·P·R / (β²·P + R): β = 0.5 leans towards precision, β = 2 towards recall.</summary>
    public static double FBeta(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, double beta, Average average = Average.Binary)
    {
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be a positive finite number");
        return Score(yTrue, yPred, average, Kind.F, beta);
    }

    /// <summary>
    /// Matthews correlation coefficient, in [−1, 1]: 1 perfect, 0 no better than chance, −1 always wrong.
    /// Uses every cell of the confusion matrix, so it stays honest on imbalanced data. Any number of classes;
    /// 0 when a row or column total makes it undefined (as scikit-learn).
    /// </summary>
    public static double Mcc(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred) =>
        MccFromCounts(Metrics.ConfusionMatrix.Compute(yTrue, yPred).Counts);

    internal static double MccFromCounts(long[][] c)
    {
        int k = c.Length;
        var tSum = new double[k];
        var pSum = new double[k];
        double correct = 0, n = 0;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) { tSum[i] += c[i][j]; pSum[j] += c[i][j]; n += c[i][j]; }
        for (int i = 0; i < k; i++) correct += c[i][i];
        double tp = 0, pp = 0, tt = 0;
        for (int i = 0; i < k; i++) { tp += tSum[i] * pSum[i]; pp += pSum[i] * pSum[i]; tt += tSum[i] * tSum[i]; }
        double covTp = correct * n - tp, covPp = n * n - pp, covTt = n * n - tt;
        if (covPp * covTt == 0) return 0;
        return covTp / Math.Sqrt(covTt * covPp);
    }

    /// <summary>Precision, recall, F1 and support of every class (labels sorted), like scikit-learn's classification_report.</summary>
    public static IReadOnlyList<ClassScores> Report(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred)
    {
        var cm = Metrics.ConfusionMatrix.Compute(yTrue, yPred);
        var rows = new List<ClassScores>();
        for (int k = 0; k < cm.ClassCount; k++)
        {
            var b = cm.OneVsRest(cm.Labels[k]);
            rows.Add(new ClassScores(cm.Labels[k], b.Precision, b.Recall, b.F1, b.TP + b.FN));
        }
        return rows;
    }

    enum Kind { Precision, Recall, F }

    static double Score(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPred, Average average, Kind kind, double beta)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        var p = Checks.Labels(yPred, nameof(yPred));
        Checks.SameLength(t.Length, p.Length, nameof(yTrue), nameof(yPred));
        if (average == Average.Binary) return Pick(CountsOf(t, p), kind, beta);
        if (!Enum.IsDefined(average)) throw new ArgumentOutOfRangeException(nameof(average), average, "average must be Binary, Macro, Micro or Weighted");

        var cm = Metrics.ConfusionMatrix.Compute(t, p);
        var per = Enumerable.Range(0, cm.ClassCount).Select(k => cm.OneVsRest(cm.Labels[k])).ToArray();
        switch (average)
        {
            case Average.Micro:
                return Pick(new BinaryCounts(per.Sum(b => b.TP), per.Sum(b => b.FP), per.Sum(b => b.FN), 0), kind, beta);
            case Average.Macro:
                return per.Select(b => Pick(b, kind, beta)).Sum() / per.Length;
            default: // Weighted by support
                double total = per.Sum(b => (double)(b.TP + b.FN));
                if (total == 0) return 0;
                return per.Sum(b => Pick(b, kind, beta) * (b.TP + b.FN)) / total;
        }
    }

    static double Pick(BinaryCounts b, Kind kind, double beta) => kind switch
    {
        Kind.Precision => b.Precision,
        Kind.Recall => b.Recall,
        _ => b.FBeta(beta),
    };
}
