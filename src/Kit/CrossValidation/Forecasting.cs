namespace Kit.CrossValidation;

/// <summary>A supervised table made from a time series: row i predicts <see cref="Y"/>[i] from the values before it.</summary>
public sealed record LagTable(double[][] X, double[] Y, int[] Time)
{
    public int Count => Y.Length;
    public double[][] RowsOf(int[] rows) => rows.Select(i => X[i]).ToArray();
    public double[] TargetsOf(int[] rows) => rows.Select(i => Y[i]).ToArray();
}

/// <summary>
/// A small forecasting set-up for the leakage experiment: a wandering series, lag features, and the
/// cross-validated error of a k-nearest-neighbour forecaster.
/// </summary>
public static class Forecasting
{
    /// <summary>
    /// A daily-sales-like series: a level that grows by <paramref name="trend"/> per step and drifts as a random walk
    /// (steps N(0, <paramref name="drift"/>²)), a weekly pattern of amplitude <paramref name="season"/>, and N(0, <paramref name="noise"/>²) noise. Pure C#, seeded.
    /// </summary>
    public static double[] MakeSeries(int n = 300, double trend = 0.3, double drift = 0.5, double season = 3.0, double noise = 1.0, int seed = 0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 2 time steps.");
        if (!(drift >= 0) || !(noise >= 0) || !double.IsFinite(drift) || !double.IsFinite(noise) || !double.IsFinite(season) || !double.IsFinite(trend))
            throw new ArgumentOutOfRangeException(nameof(drift), "drift and noise must be finite standard deviations ≥ 0; trend and season finite.");
        var rng = new Random(seed);
        var series = new double[n];
        double level = 50;
        for (int t = 0; t < n; t++)
        {
            level += trend + drift * Gaussian(rng);
            series[t] = level + season * Math.Sin(2 * Math.PI * t / 7) + noise * Gaussian(rng);
        }
        return series;
    }

    /// <summary>Rows t = lags … n−1 with features (s[t−1], …, s[t−lags]) and target s[t], in time order.</summary>
    public static LagTable LagFeatures(IReadOnlyList<double> series, int lags = 7)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (lags < 1) throw new ArgumentOutOfRangeException(nameof(lags), lags, "lags must be at least 1.");
        if (series.Count <= lags) throw new ArgumentException($"series must be longer than lags ({lags}), not {series.Count} values.", nameof(series));
        int rows = series.Count - lags;
        var x = new double[rows][];
        var y = new double[rows];
        var time = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            int t = r + lags;
            x[r] = Enumerable.Range(1, lags).Select(l => series[t - l]).ToArray();
            y[r] = series[t];
            time[r] = t;
        }
        return new LagTable(x, y, time);
    }

    /// <summary>
    /// Fits a <see cref="KNeighborsRegressor"/> on the fold's training rows and scores its predictions for the test rows
    /// with <paramref name="score"/>(actual, predicted), e.g. <c>Regression.Rmse</c> (the metric lives with the metrics).
    /// </summary>
    public static double KnnFoldScore(LagTable table, Fold fold, Func<double[], double[], double> score, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(fold);
        ArgumentNullException.ThrowIfNull(score);
        var model = new KNeighborsRegressor(k).Fit(table.RowsOf(fold.Train), table.TargetsOf(fold.Train));
        return score(table.TargetsOf(fold.Test), model.Predict(table.RowsOf(fold.Test)));
    }

    static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}

/// <summary>
/// k-nearest-neighbour regression (scikit-learn's <c>KNeighborsRegressor</c>, uniform weights, Euclidean distance):
/// the prediction is the mean target of the k training rows closest to the query. Ties go to the earlier row.
/// </summary>
public sealed class KNeighborsRegressor
{
    double[][]? _x;
    double[]? _y;

    public int NNeighbors { get; }

    public KNeighborsRegressor(int nNeighbors = 5)
    {
        if (nNeighbors < 1) throw new ArgumentOutOfRangeException(nameof(nNeighbors), nNeighbors, "nNeighbors must be at least 1.");
        NNeighbors = nNeighbors;
    }

    /// <summary>Remembers the training rows (kNN has no other training).</summary>
    public KNeighborsRegressor Fit(double[][] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length == 0) throw new ArgumentException("x must hold at least one training row.", nameof(x));
        if (y.Length != x.Length) throw new ArgumentException($"y must have one target per row of x ({x.Length}), not {y.Length}.", nameof(y));
        if (x.Length < NNeighbors) throw new ArgumentException($"x has {x.Length} rows, fewer than nNeighbors ({NNeighbors}).", nameof(x));
        int width = x[0].Length;
        if (x.Any(r => r is null || r.Length != width)) throw new ArgumentException($"every row of x must have {width} features.", nameof(x));
        _x = x;
        _y = y;
        return this;
    }

    public double[] Predict(double[][] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_x is null || _y is null) throw new InvalidOperationException("Call Fit before Predict.");
        var trainX = _x;
        var trainY = _y;
        return x.Select(q =>
        {
            if (q.Length != trainX[0].Length) throw new ArgumentException($"every row of x must have {trainX[0].Length} features, like the training rows.", nameof(x));
            return Enumerable.Range(0, trainX.Length)
                .Select(i => (Dist: SquaredDistance(q, trainX[i]), Index: i))
                .OrderBy(p => p.Dist).ThenBy(p => p.Index)
                .Take(NNeighbors)
                .Average(p => trainY[p.Index]);
        }).ToArray();
    }

    static double SquaredDistance(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return s;
    }
}
