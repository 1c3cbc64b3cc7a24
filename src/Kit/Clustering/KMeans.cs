namespace Kit.Clustering;

/// <summary>A fitted k-means model: the centres, each training point's cluster, and the inertia.</summary>
public sealed class KMeansModel
{
    internal KMeansModel(double[][] centers, int[] labels, double inertia, int iterations, int d)
    {
        Centers = centers; Labels = labels; Inertia = inertia; Iterations = iterations; _d = d;
    }

    readonly int _d;
    public double[][] Centers { get; }
    /// <summary>The cluster (0…k−1) of each training point.</summary>
    public int[] Labels { get; }
    /// <summary>Sum of squared distances from each point to its centre (also called distortion or WCSS).</summary>
    public double Inertia { get; }
    /// <summary>Lloyd iterations of the best run.</summary>
    public int Iterations { get; }
    public int K => Centers.Length;

    /// <summary>The nearest centre of each point.</summary>
    public int[] Predict(IReadOnlyList<IReadOnlyList<double>> x)
    {
        var (flat, n, d) = Points.Flatten(x, nameof(x));
        if (d != _d) throw new ArgumentException($"x has {d} features per point but the model was fitted on {_d}", nameof(x));
        var c = KMeans.FlatCenters(Centers, d);
        var labels = new int[n];
        KMeans.Assign(flat, n, d, c, K, labels);
        return labels;
    }

    public override string ToString() => $"k-means: k = {K}, inertia {Inertia:G6}, {Iterations} iterations";
}

/// <summary>
/// k-means clustering as scikit-learn's <c>KMeans</c> (algorithm="lloyd") does it: greedy k-means++
/// initialisation, Lloyd iterations until the centres stop moving, best of <c>nInit</c> seeded runs.
/// The random streams differ from numpy's, so the centres can differ from scikit-learn's on hard data,
/// but on the same data the inertia found is as low.
/// </summary>
public static class KMeans
{
    /// <param name="x">points, n × d</param>
    /// <param name="k">number of clusters, 1…n</param>
    /// <param name="nInit">independent runs (different k-means++ starts); the lowest inertia wins</param>
    /// <param name="maxIter">Lloyd iterations per run at most</param>
    /// <param name="tol">convergence when the centres' total squared shift is ≤ tol × (mean feature variance)</param>
    /// <param name="seed">the same seed gives the same clustering</param>
    public static KMeansModel Fit(IReadOnlyList<IReadOnlyList<double>> x, int k, int nInit = 10, int maxIter = 300, double tol = 1e-4, int seed = 0)
    {
        var (flat, n, d) = Points.Flatten(x, nameof(x));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1");
        if (k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must not exceed the number of points ({n})");
        if (nInit < 1) throw new ArgumentOutOfRangeException(nameof(nInit), nInit, "nInit must be at least 1");
        if (maxIter < 1) throw new ArgumentOutOfRangeException(nameof(maxIter), maxIter, "maxIter must be at least 1");
        if (!(tol >= 0) || double.IsInfinity(tol)) throw new ArgumentOutOfRangeException(nameof(tol), tol, "tol must be a finite number ≥ 0");

        double tolScaled = tol * MeanVariance(flat, n, d);
        var rng = new Random(seed);
        KMeansModel? best = null;
        for (int run = 0; run < nInit; run++)
        {
            var centers = PlusPlus(flat, n, d, k, rng);
            var m = Lloyd(flat, n, d, centers, k, maxIter, tolScaled);
            if (best is null || m.Inertia < best.Inertia) best = m;
        }
        return best!;
    }

    /// <summary>Fits k = each of <paramref name="ks"/> and returns the inertia of each, for an elbow plot.</summary>
    public static IReadOnlyList<(int K, double Inertia)> Elbow(IReadOnlyList<IReadOnlyList<double>> x, IEnumerable<int> ks, int nInit = 10, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(ks);
        var list = ks.ToList();
        if (list.Count == 0) throw new ArgumentException("give at least one k", nameof(ks));
        return list.Select(k => (k, Fit(x, k, nInit, seed: seed).Inertia)).ToList();
    }

    /// <summary>
    /// The elbow of a decreasing curve: the k whose point lies farthest below the straight line joining the
    /// first and last points, after scaling both axes to [0, 1] (the "knee" where extra clusters stop paying).
    /// </summary>
    public static int ElbowK(IReadOnlyList<(int K, double Inertia)> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count < 3) throw new ArgumentException($"an elbow needs at least 3 values of k, got {curve.Count}", nameof(curve));
        var pts = curve.OrderBy(p => p.K).ToArray();
        double k0 = pts[0].K, k1 = pts[^1].K, hi = pts.Max(p => p.Inertia), lo = pts.Min(p => p.Inertia);
        if (hi == lo) return pts[0].K;
        double y0 = (pts[0].Inertia - lo) / (hi - lo), y1 = (pts[^1].Inertia - lo) / (hi - lo);
        int bestK = pts[0].K;
        double bestGap = double.NegativeInfinity;
        foreach (var p in pts)
        {
            double u = (p.K - k0) / (k1 - k0), v = (p.Inertia - lo) / (hi - lo);
            double gap = (y0 + (y1 - y0) * u) - v; // how far below the chord
            if (gap > bestGap) { bestGap = gap; bestK = p.K; }
        }
        return bestK;
    }

    static double MeanVariance(double[] x, int n, int d)
    {
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x[i * d + j];
            mean /= n;
            double v = 0;
            for (int i = 0; i < n; i++) { double e = x[i * d + j] - mean; v += e * e; }
            total += v / n;
        }
        return total / d;
    }

    /// <summary>Greedy k-means++: each new centre is the best of 2 + ln k candidates drawn with probability ∝ D².</summary>
    static double[] PlusPlus(double[] x, int n, int d, int k, Random rng)
    {
        var centers = new double[k * d];
        int trials = 2 + (int)Math.Log(k);
        int first = rng.Next(n);
        Array.Copy(x, first * d, centers, 0, d);
        var closest = new double[n];
        double pot = 0;
        for (int i = 0; i < n; i++) { closest[i] = Sq(x, i * d, x, first * d, d); pot += closest[i]; }
        var cumulative = new double[n];
        var candidate = new double[n];
        var bestDist = new double[n];
        for (int c = 1; c < k; c++)
        {
            double acc = 0;
            for (int i = 0; i < n; i++) { acc += closest[i]; cumulative[i] = acc; }
            int bestId = -1;
            double bestPot = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                double r = rng.NextDouble() * acc;
                int id = Math.Min(UpperBound(cumulative, r), n - 1);
                double p = 0;
                for (int i = 0; i < n; i++) { candidate[i] = Math.Min(closest[i], Sq(x, i * d, x, id * d, d)); p += candidate[i]; }
                if (p < bestPot) { bestPot = p; bestId = id; Array.Copy(candidate, bestDist, n); }
            }
            Array.Copy(x, bestId * d, centers, c * d, d);
            Array.Copy(bestDist, closest, n);
            pot = bestPot;
        }
        return centers;
    }

    static KMeansModel Lloyd(double[] x, int n, int d, double[] centers, int k, int maxIter, double tolScaled)
    {
        var labels = new int[n];
        var old = new int[n];
        var sums = new double[k * d];
        var counts = new int[k];
        int iter = 0;
        for (; iter < maxIter; iter++)
        {
            Assign(x, n, d, centers, k, labels);
            Array.Clear(sums); Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                int c = labels[i]; counts[c]++;
                for (int j = 0; j < d; j++) sums[c * d + j] += x[i * d + j];
            }
            RelocateEmpty(x, n, d, centers, labels, sums, counts);
            double shift = 0;
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++)
                {
                    double v = sums[c * d + j] / counts[c], e = v - centers[c * d + j];
                    shift += e * e;
                    centers[c * d + j] = v;
                }
            bool same = iter > 0 && labels.AsSpan().SequenceEqual(old);
            Array.Copy(labels, old, n);
            if (same || shift <= tolScaled) { iter++; break; }
        }
        double inertia = Assign(x, n, d, centers, k, labels); // labels consistent with the final centres
        var result = new double[k][];
        for (int c = 0; c < k; c++) result[c] = centers.AsSpan(c * d, d).ToArray();
        return new KMeansModel(result, labels, inertia, iter, d);
    }

    /// <summary>A cluster left empty takes the point farthest from its own centre (as scikit-learn does).</summary>
    static void RelocateEmpty(double[] x, int n, int d, double[] centers, int[] labels, double[] sums, int[] counts)
    {
        for (int c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0) continue;
            int far = -1;
            double farDist = -1;
            for (int i = 0; i < n; i++)
            {
                if (counts[labels[i]] <= 1) continue;
                double dist = Sq(x, i * d, centers, labels[i] * d, d);
                if (dist > farDist) { farDist = dist; far = i; }
            }
            if (far < 0) continue;
            int from = labels[far];
            for (int j = 0; j < d; j++) { sums[from * d + j] -= x[far * d + j]; sums[c * d + j] = x[far * d + j]; }
            counts[from]--; counts[c] = 1; labels[far] = c;
        }
    }

    /// <summary>Nearest centre of every point; returns the inertia.</summary>
    internal static double Assign(double[] x, int n, int d, double[] centers, int k, int[] labels)
    {
        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            double bestD = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                double s = Sq(x, i * d, centers, c * d, d);
                if (s < bestD) { bestD = s; best = c; }
            }
            labels[i] = best;
            inertia += bestD;
        }
        return inertia;
    }

    internal static double[] FlatCenters(double[][] centers, int d) => centers.SelectMany(c => c).ToArray();

    static double Sq(double[] a, int ai, double[] b, int bi, int d)
    {
        double s = 0;
        for (int j = 0; j < d; j++) { double e = a[ai + j] - b[bi + j]; s += e * e; }
        return s;
    }

    static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (sorted[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
