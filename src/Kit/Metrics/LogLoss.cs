namespace Kit.Metrics;

public static partial class Classification
{
    /// <summary>The clipping bound scikit-learn 1.2 uses for float64 probabilities (eps="auto"): machine epsilon, 2.22e-16.</summary>
    public static readonly double LogLossEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>
    /// Binary log loss (binary cross-entropy), −mean(y·log p + (1−y)·log(1−p)), where p is the predicted
    /// probability of class 1. As in scikit-learn 1.2, p is first clipped to [ε, 1−ε] with ε = 2.22e-16, so a
    /// confident wrong answer costs about 36 instead of infinity. Equal to scikit-learn's log_loss(yTrue, yProb, labels=[0, 1])
    /// (which, without labels, refuses a yTrue of one class only).
    /// </summary>
    public static double LogLoss(IReadOnlyList<int> yTrue, IReadOnlyList<double> yProb)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        var p = Checks.Finite(yProb, nameof(yProb));
        Checks.SameLength(t.Length, p.Length, nameof(yTrue), nameof(yProb));
        Checks.Binary(t, nameof(yTrue));
        Probabilities(p, nameof(yProb));
        double eps = LogLossEpsilon;
        var s = new Checks.Sum();
        for (int i = 0; i < t.Length; i++)
        {
            double q = Math.Clamp(p[i], eps, 1 - eps), r = 1 - q, sum = r + q;
            s.Add(-Math.Log((t[i] == 1 ? q : r) / sum));
        }
        return s.Value / t.Length;
    }

    /// <summary>
    /// Multi-class log loss (categorical cross-entropy). Row i of <paramref name="yProb"/> holds the predicted
    /// probabilities of classes 0…K−1; labels must lie in 0…K−1. Each row is clipped to [ε, 1−ε] and divided by
    /// its sum, as scikit-learn 1.2 does (log_loss with labels=[0, …, K−1]).
    /// </summary>
    public static double LogLoss(IReadOnlyList<int> yTrue, IReadOnlyList<IReadOnlyList<double>> yProb)
    {
        var t = Checks.Labels(yTrue, nameof(yTrue));
        ArgumentNullException.ThrowIfNull(yProb);
        Checks.SameLength(t.Length, yProb.Count, nameof(yTrue), nameof(yProb));
        int k = yProb[0]?.Count ?? throw new ArgumentNullException(nameof(yProb), "yProb[0] is null");
        if (k < 2) throw new ArgumentException($"yProb has {k} column(s); log loss needs a probability for each of at least 2 classes", nameof(yProb));
        for (int i = 0; i < t.Length; i++)
            if ((uint)t[i] >= (uint)k) throw new ArgumentException($"yTrue[{i}] is {t[i]}; labels must be class indices 0…{k - 1} (one per column of yProb)", nameof(yTrue));
        double eps = LogLossEpsilon;
        var s = new Checks.Sum();
        var row = new double[k];
        for (int i = 0; i < t.Length; i++)
        {
            var r = yProb[i] ?? throw new ArgumentNullException(nameof(yProb), $"yProb[{i}] is null");
            if (r.Count != k) throw new ArgumentException($"yProb[{i}] has {r.Count} values; every row needs {k}", nameof(yProb));
            double sum = 0;
            for (int j = 0; j < k; j++)
            {
                if (!double.IsFinite(r[j]) || r[j] < 0 || r[j] > 1) throw new ArgumentException($"yProb[{i}][{j}] is {r[j]}; probabilities must lie in [0, 1]", nameof(yProb));
                row[j] = Math.Clamp(r[j], eps, 1 - eps);
                sum += row[j];
            }
            s.Add(-Math.Log(row[t[i]] / sum));
        }
        return s.Value / t.Length;
    }

    static void Probabilities(double[] p, string name)
    {
        for (int i = 0; i < p.Length; i++)
            if (p[i] < 0 || p[i] > 1) throw new ArgumentException($"{name}[{i}] is {p[i]}; probabilities must lie in [0, 1]", name);
    }
}
