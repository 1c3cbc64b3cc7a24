namespace Kit.Metrics;

public static partial class Ranking
{
    /// <summary>
    /// Multi-class ROC AUC, one-vs-rest (scikit-learn's <c>multi_class="ovr"</c>): each class's scores against all
    /// the others, then the plain mean (<see cref="Average.Macro"/>) or the mean weighted by class prevalence
    /// (<see cref="Average.Weighted"/>). Labels are 0..k−1, the column indices of <paramref name="yProb"/>.
    /// </summary>
    public static double RocAucOneVsRest(IReadOnlyList<int> yTrue, IReadOnlyList<IReadOnlyList<double>> yProb, Average average = Average.Macro)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        ArgumentNullException.ThrowIfNull(yProb);
        if (yProb.Count != t.Length) throw new ArgumentException($"yProb must have one row per label ({t.Length}), not {yProb.Count}", nameof(yProb));
        int k = yProb[0].Count;
        if (k < 3) throw new ArgumentException($"yProb has {k} columns; one-vs-rest AUC is for three or more classes (use RocAuc for two)", nameof(yProb));
        if (average is not (Average.Macro or Average.Weighted))
            throw new ArgumentException($"average must be Macro or Weighted for one-vs-rest AUC, not {average}", nameof(average));
        for (int i = 0; i < t.Length; i++)
        {
            if (yProb[i].Count != k) throw new ArgumentException($"row {i} of yProb has {yProb[i].Count} columns, not {k}", nameof(yProb));
            double rowSum = yProb[i].Sum();
            // numpy.allclose(1, rowSum), scikit-learn's test
            if (!(Math.Abs(1 - rowSum) <= 1e-8 + 1e-5 * Math.Abs(rowSum)))
                throw new ArgumentException($"row {i} of yProb sums to {rowSum}; one-vs-rest AUC needs class probabilities that sum to 1 over the classes (apply softmax to raw scores first)", nameof(yProb));
            if (t[i] < 0 || t[i] >= k) throw new ArgumentException($"yTrue[{i}] is {t[i]}; labels must be 0..{k - 1} (the columns of yProb)", nameof(yTrue));
        }
        double sum = 0, weights = 0;
        for (int c = 0; c < k; c++)
        {
            var isC = new int[t.Length];
            var score = new double[t.Length];
            int count = 0;
            for (int i = 0; i < t.Length; i++) { isC[i] = t[i] == c ? 1 : 0; score[i] = yProb[i][c]; count += isC[i]; }
            if (count == 0 || count == t.Length)
                throw new ArgumentException($"class {c} is {(count == 0 ? "absent from" : "the only class in")} yTrue; one-vs-rest AUC is not defined for it", nameof(yTrue));
            double w = average == Average.Weighted ? count : 1;
            sum += w * RocAuc(isC, score);
            weights += w;
        }
        return sum / weights;
    }
}
