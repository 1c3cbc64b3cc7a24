namespace Kit.Data;

public static partial class ToyData
{
    /// <summary>
    /// Two concentric circles (like scikit-learn's make_circles): class 0 on the outer circle of radius 1, class 1 on
    /// the inner one of radius <paramref name="factor"/>. No straight line separates them. Points are shuffled.
    /// </summary>
    /// <param name="n">points, at least 2 (outer circle n/2, inner the rest)</param>
    /// <param name="noise">standard deviation of Gaussian noise per coordinate, 0 or more</param>
    /// <param name="factor">inner radius relative to the outer one, strictly between 0 and 1</param>
    public static ToyDataset MakeCircles(int n = 500, double noise = 0.05, double factor = 0.5, int seed = 0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 2 (one point per circle).");
        if (!double.IsFinite(noise) || noise < 0) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a finite number ≥ 0 (a standard deviation).");
        if (!(factor > 0 && factor < 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor (inner radius / outer radius) must be between 0 and 1 (exclusive).");
        var rng = new Random(seed);
        int outer = n / 2;
        var xs = new float[2 * n];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            bool inner = i >= outer;
            int count = inner ? n - outer : outer;
            int k = inner ? i - outer : i;
            double angle = 2 * Math.PI * k / count, r = inner ? factor : 1.0;
            xs[2 * i] = (float)(r * Math.Cos(angle) + noise * Gaussian(rng));
            xs[2 * i + 1] = (float)(r * Math.Sin(angle) + noise * Gaussian(rng));
            labels[i] = inner ? 1 : 0;
        }
        ShuffleRows(xs, labels, 2, rng);
        return new ToyDataset("two circles", xs, labels, 2);
    }

    /// <summary>
    /// Gaussian blobs (like scikit-learn's make_blobs): <paramref name="centers"/> clusters with standard deviation
    /// <paramref name="spread"/>, centres drawn uniformly in [−<paramref name="box"/>, <paramref name="box"/>]² from the seed;
    /// the label is the cluster. Points are shuffled.
    /// </summary>
    public static ToyDataset MakeBlobs(int n = 500, int centers = 3, double spread = 1.0, double box = 6.0, int seed = 0)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 1.");
        if (centers < 1 || centers > n) throw new ArgumentOutOfRangeException(nameof(centers), centers, $"centers must be between 1 and n ({n}).");
        if (!double.IsFinite(spread) || spread < 0) throw new ArgumentOutOfRangeException(nameof(spread), spread, "spread must be a finite number ≥ 0 (a standard deviation).");
        if (!double.IsFinite(box) || box <= 0) throw new ArgumentOutOfRangeException(nameof(box), box, "box must be a finite number > 0.");
        var rng = new Random(seed);
        var c = new double[centers, 2];
        for (int j = 0; j < centers; j++) { c[j, 0] = (rng.NextDouble() * 2 - 1) * box; c[j, 1] = (rng.NextDouble() * 2 - 1) * box; }
        var xs = new float[2 * n];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            int j = i % centers;
            xs[2 * i] = (float)(c[j, 0] + spread * Gaussian(rng));
            xs[2 * i + 1] = (float)(c[j, 1] + spread * Gaussian(rng));
            labels[i] = j;
        }
        ShuffleRows(xs, labels, 2, rng);
        return new ToyDataset("blobs", xs, labels, 2);
    }

    static void ShuffleRows(float[] xs, long[] labels, int f, Random rng)
    {
        for (int i = labels.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            for (int d = 0; d < f; d++) (xs[f * i + d], xs[f * j + d]) = (xs[f * j + d], xs[f * i + d]);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
    }
}
