namespace Kit.Clustering;

/// <summary>
/// Internal clustering scores for given labels (no ground truth needed), numerically equal to scikit-learn
/// 1.2's <c>silhouette_samples</c>, <c>silhouette_score</c> and <c>davies_bouldin_score</c> with Euclidean distance.
/// Labels may be any integers; both scores need 2 to n − 1 clusters.
/// </summary>
public static class ClusterScores
{
    /// <summary>
    /// Mean silhouette over all points, in [−1, 1]: near 1 = tight, well-separated clusters; near 0 = clusters
    /// touch; negative = many points sit closer to another cluster than to their own.
    /// </summary>
    public static double Silhouette(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<int> labels)
    {
        var s = SilhouetteSamples(x, labels);
        double sum = 0;
        foreach (var v in s) sum += v;
        return sum / s.Length;
    }

    /// <summary>
    /// Silhouette of each point: (b − a) / max(a, b), where a is its mean distance to the other points of its
    /// cluster and b its mean distance to the points of the nearest other cluster. A point alone in its cluster scores 0.
    /// </summary>
    public static double[] SilhouetteSamples(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<int> labels)
    {
        var (flat, n, d) = Points.Flatten(x, nameof(x));
        var (codes, k) = Points.Encode(labels, n, nameof(labels));
        CheckClusterCount(k, n);
        var freq = new int[k];
        foreach (var c in codes) freq[c]++;
        var result = new double[n];
        Parallel.For(0, n, () => new double[k], (i, _, sums) =>
        {
            Array.Clear(sums);
            int oi = i * d;
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                int oj = j * d;
                for (int f = 0; f < d; f++) { double e = flat[oi + f] - flat[oj + f]; s += e * e; }
                sums[codes[j]] += Math.Sqrt(s);
            }
            int own = codes[i];
            if (freq[own] == 1) { result[i] = 0; return sums; }
            double a = sums[own] / (freq[own] - 1), b = double.PositiveInfinity;
            for (int c = 0; c < k; c++) if (c != own) b = Math.Min(b, sums[c] / freq[c]);
            double m = Math.Max(a, b);
            result[i] = m == 0 ? 0 : (b - a) / m;
            return sums;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// Davies–Bouldin index, ≥ 0, lower is better: for each cluster, the worst ratio (sᵢ + sⱼ) / dᵢⱼ over the
    /// other clusters (s = mean distance of a cluster's points to its centroid, d = distance between centroids),
    /// averaged over clusters.
    /// </summary>
    public static double DaviesBouldin(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<int> labels)
    {
        var (flat, n, d) = Points.Flatten(x, nameof(x));
        var (codes, k) = Points.Encode(labels, n, nameof(labels));
        CheckClusterCount(k, n);
        var centroids = new double[k * d];
        var count = new int[k];
        for (int i = 0; i < n; i++) { count[codes[i]]++; for (int f = 0; f < d; f++) centroids[codes[i] * d + f] += flat[i * d + f]; }
        for (int c = 0; c < k; c++) for (int f = 0; f < d; f++) centroids[c * d + f] /= count[c];
        var intra = new double[k];
        for (int i = 0; i < n; i++) intra[codes[i]] += Dist(flat, i * d, centroids, codes[i] * d, d);
        for (int c = 0; c < k; c++) intra[c] /= count[c];
        var between = new double[k, k];
        bool allIntraZero = intra.All(v => Math.Abs(v) <= 1e-8), allBetweenZero = true;
        for (int a = 0; a < k; a++)
            for (int b = 0; b < k; b++)
            {
                between[a, b] = a == b ? 0 : Dist(centroids, a * d, centroids, b * d, d);
                if (Math.Abs(between[a, b]) > 1e-8) allBetweenZero = false;
            }
        if (allIntraZero || allBetweenZero) return 0;
        double total = 0;
        for (int a = 0; a < k; a++)
        {
            double worst = double.NegativeInfinity;
            for (int b = 0; b < k; b++)
            {
                double dist = between[a, b] == 0 ? double.PositiveInfinity : between[a, b];
                worst = Math.Max(worst, (intra[a] + intra[b]) / dist);
            }
            total += worst;
        }
        return total / k;
    }

    static void CheckClusterCount(int k, int n)
    {
        if (k < 2 || k > n - 1)
            throw new ArgumentException($"labels name {k} cluster(s) for {n} points; the score is defined only for 2 to n − 1 = {n - 1} clusters" +
                (k == 1 ? " (a single cluster has no 'other cluster' to compare with)" : " (every point alone in its cluster)"), "labels");
    }

    static double Dist(double[] a, int ai, double[] b, int bi, int d)
    {
        double s = 0;
        for (int f = 0; f < d; f++) { double e = a[ai + f] - b[bi + f]; s += e * e; }
        return Math.Sqrt(s);
    }
}
