namespace Kit.Metrics;

/// <summary>True labels (1 = positive) and a classifier's scores for them.</summary>
public sealed record ScoredLabels(int[] Labels, double[] Scores)
{
    public int Count => Labels.Length;
    public int Positives => Labels.Sum();
    public override string ToString() => $"{Count} examples, {Positives} positive ({(double)Positives / Count:P1}); scores in [{Scores.Min():F3}, {Scores.Max():F3}]";
}

/// <summary>Seeded stand-ins for a trained binary classifier's output, for metric lessons.</summary>
public static class SimulatedScores
{
    /// <summary>
    /// n examples, each positive with probability <paramref name="positiveRate"/>; the score is
    /// sigmoid(z) with z ~ N(+separation/2, 1) for positives and N(−separation/2, 1) for negatives,
    /// so larger <paramref name="separation"/> means a better classifier (0 = random guessing).
    /// </summary>
    public static ScoredLabels Make(int n, double positiveRate = 0.5, double separation = 2.0, int seed = 0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 2");
        if (!(positiveRate > 0 && positiveRate < 1)) throw new ArgumentOutOfRangeException(nameof(positiveRate), positiveRate, "positiveRate must lie strictly between 0 and 1");
        if (!double.IsFinite(separation) || separation < 0) throw new ArgumentOutOfRangeException(nameof(separation), separation, "separation must be a finite number ≥ 0");
        var rng = new Random(seed);
        var y = new int[n];
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.NextDouble() < positiveRate ? 1 : 0;
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2) + (y[i] == 1 ? separation / 2 : -separation / 2);
            s[i] = 1 / (1 + Math.Exp(-z));
        }
        return new ScoredLabels(y, s);
    }
}
