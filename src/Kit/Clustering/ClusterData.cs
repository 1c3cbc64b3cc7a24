namespace Kit.Clustering;

/// <summary>Seeded Gaussian blobs for clustering lessons (pure C#, the same points on every machine).</summary>
public static class ClusterData
{
    /// <summary>
    /// n points split as evenly as possible between the given centres, each coordinate drawn from a normal
    /// distribution with standard deviation <paramref name="std"/> around its centre. Returns the points and
    /// the index of the centre each came from.
    /// </summary>
    public static (double[][] X, int[] Y) MakeBlobs(int n, IReadOnlyList<double[]> centers, double std = 1.0, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(centers);
        if (centers.Count == 0) throw new ArgumentException("give at least one centre", nameof(centers));
        if (n < centers.Count) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be at least the number of centres ({centers.Count})");
        if (!(std >= 0) || double.IsInfinity(std)) throw new ArgumentOutOfRangeException(nameof(std), std, "std must be a finite number ≥ 0");
        int d = centers[0].Length;
        if (centers.Any(c => c is null || c.Length != d || c.Any(v => !double.IsFinite(v))))
            throw new ArgumentException($"every centre needs {d} finite coordinates", nameof(centers));
        var rng = new Random(seed);
        var x = new double[n][];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = i % centers.Count;
            y[i] = c;
            x[i] = centers[c].Select(v => v + std * Gaussian(rng)).ToArray();
        }
        return (x, y);
    }

    /// <summary>k blobs whose centres are drawn uniformly in [−box, box]^features (like scikit-learn's make_blobs).</summary>
    public static (double[][] X, int[] Y) MakeBlobs(int n, int k, int features = 2, double std = 1.0, double box = 10, int seed = 0)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1");
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "features must be at least 1");
        var rng = new Random(seed);
        var centers = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, features).Select(_ => box * (2 * rng.NextDouble() - 1)).ToArray()).ToArray();
        return MakeBlobs(n, centers, std, seed + 1);
    }

    static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
