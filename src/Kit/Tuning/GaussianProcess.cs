namespace Kit.Tuning;

/// <summary>
/// The surrogate model of Bayesian search: a Gaussian process regression over the unit cube with a Matérn 5/2
/// kernel, targets standardised, one length scale picked from a short list by the log marginal likelihood.
/// Plain C# (Cholesky factor, triangular solves): tuning jobs have tens of points, so readability wins.
/// </summary>
public sealed class GaussianProcess
{
    static readonly double[] LengthScales = [0.2, 0.35, 0.6, 1.0];
    const double Jitter = 1e-6;

    readonly double[][] _x;
    readonly double[,] _l;
    readonly double[] _alpha;
    readonly double _mean, _scale;

    GaussianProcess(double[][] x, double[,] l, double[] alpha, double mean, double scale, double lengthScale)
    {
        (_x, _l, _alpha, _mean, _scale, LengthScale) = (x, l, alpha, mean, scale, lengthScale);
    }

    public double LengthScale { get; }

    /// <param name="x">points in the unit cube</param>
    /// <param name="y">observed objective values (any scale)</param>
    /// <param name="noise">per-point noise variance on the standardised scale (a larger one trusts a point less); default 1e-4</param>
    /// <param name="lengthScale">a fixed length scale; null picks the likeliest of a short list</param>
    public static GaussianProcess Fit(double[][] x, double[] y, double[]? noise = null, double? lengthScale = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length == 0 || x.Length != y.Length) throw new ArgumentException($"x and y must hold the same number (≥ 1) of points, not {x.Length} and {y.Length}.", nameof(y));
        noise ??= [.. Enumerable.Repeat(1e-4, y.Length)];
        if (noise.Length != y.Length) throw new ArgumentException($"noise must give one variance per point ({y.Length}), not {noise.Length}.", nameof(noise));
        if (lengthScale is <= 0) throw new ArgumentOutOfRangeException(nameof(lengthScale), lengthScale, "lengthScale must be greater than 0.");
        double mean = y.Average();
        double sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / y.Length);
        double scale = sd > 1e-12 ? sd : 1;
        var z = y.Select(v => (v - mean) / scale).ToArray();
        GaussianProcess? best = null;
        double bestEvidence = double.NegativeInfinity;
        foreach (double ls in lengthScale is double fixedScale ? [fixedScale] : LengthScales)
        {
            var l = Cholesky(Covariance(x, ls, noise));
            var alpha = SolveUpper(l, SolveLower(l, z));
            // log p(z) = −½ zᵀα − Σ log Lᵢᵢ − n/2 log 2π
            double evidence = -0.5 * z.Select((v, i) => v * alpha[i]).Sum() - Enumerable.Range(0, z.Length).Sum(i => Math.Log(l[i, i]));
            if (evidence > bestEvidence) (bestEvidence, best) = (evidence, new GaussianProcess(x, l, alpha, mean, scale, ls));
        }
        return best!;
    }

    /// <summary>Posterior mean and standard deviation at <paramref name="point"/>, in the units of y.</summary>
    public (double Mean, double Sd) Predict(double[] point)
    {
        var k = _x.Select(xi => Matern52(Distance(xi, point), LengthScale)).ToArray();
        double mean = k.Select((v, i) => v * _alpha[i]).Sum();
        var v = SolveLower(_l, k);
        double variance = Math.Max(1 - v.Sum(t => t * t), 1e-12);
        return (_mean + _scale * mean, _scale * Math.Sqrt(variance));
    }

    /// <summary>E[max(f − best, 0)] for f ~ N(mean, sd²): how much a point is expected to beat the best so far (maximising).</summary>
    public static double ExpectedImprovement(double mean, double sd, double best)
    {
        if (sd <= 0) return Math.Max(mean - best, 0);
        double z = (mean - best) / sd;
        return (mean - best) * NormalCdf(z) + sd * Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
    }

    /// <summary>Φ(z) through erfc (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    static double Erfc(double x)
    {
        double t = 1 / (1 + 0.5 * Math.Abs(x));
        double r = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    static double Matern52(double d, double lengthScale)
    {
        double r = Math.Sqrt(5) * d / lengthScale;
        return (1 + r + r * r / 3) * Math.Exp(-r);
    }

    static double Distance(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.Sqrt(s);
    }

    static double[,] Covariance(double[][] x, double lengthScale, double[] noise)
    {
        int n = x.Length;
        var k = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                k[i, j] = k[j, i] = Matern52(Distance(x[i], x[j]), lengthScale) + (i == j ? noise[i] + Jitter : 0);
        return k;
    }

    static double[,] Cholesky(double[,] a)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(Math.Max(s, 1e-12)) : s / l[j, j];
            }
        return l;
    }

    static double[] SolveLower(double[,] l, double[] b)
    {
        var x = new double[b.Length];
        for (int i = 0; i < b.Length; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i, k] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }

    static double[] SolveUpper(double[,] l, double[] b)
    {
        int n = b.Length;
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }
}
