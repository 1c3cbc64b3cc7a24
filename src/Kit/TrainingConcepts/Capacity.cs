using Kit.Charts;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.TrainingConcepts;

/// <summary>
/// Model capacity against error: polynomials of growing degree fitted to a few noisy points of a smooth curve.
/// Each polynomial is fitted exactly (least squares, the minimum of its training loss), so the only thing that
/// changes is capacity. Low degrees underfit (both errors high), high degrees overfit (training error near 0,
/// validation error high): the U-shaped validation curve.
/// </summary>
public sealed class Capacity
{
    public double[] XTrain { get; }
    public double[] YTrain { get; }
    public double[] XVal { get; }
    public double[] YVal { get; }
    public double Noise { get; }

    /// <summary>The curve the data comes from: sin(3x) on [−1, 1].</summary>
    public static double Truth(double x) => Math.Sin(3 * x);

    /// <param name="trainPoints">points to fit (at least 2); the largest degree that can be fitted is trainPoints − 1</param>
    /// <param name="noise">standard deviation of the noise on y</param>
    public Capacity(int trainPoints = 15, int valPoints = 200, double noise = 0.25, int seed = 0)
    {
        if (trainPoints < 2) throw new ArgumentOutOfRangeException(nameof(trainPoints), trainPoints, "trainPoints must be at least 2.");
        if (valPoints < 1) throw new ArgumentOutOfRangeException(nameof(valPoints), valPoints, "valPoints must be at least 1.");
        if (!double.IsFinite(noise) || noise < 0) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a finite number ≥ 0.");
        var rng = new Random(seed);
        Noise = noise;
        // Training x: evenly spaced over [−1, 1] with a little jitter; validation x: uniform over the same range.
        double step = 2.0 / (trainPoints - 1);
        XTrain = Enumerable.Range(0, trainPoints).Select(i => Math.Clamp(-1 + i * step + (rng.NextDouble() - 0.5) * 0.3 * step, -1, 1)).ToArray();
        YTrain = XTrain.Select(v => Truth(v) + Noise * Gaussian(rng)).ToArray();
        XVal = Enumerable.Range(0, valPoints).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        YVal = XVal.Select(v => Truth(v) + Noise * Gaussian(rng)).ToArray();
    }

    /// <summary>Least-squares polynomial of the given degree (Legendre basis for numerical stability); returns its coefficients.</summary>
    public double[] Fit(int degree)
    {
        if (degree < 0 || degree >= XTrain.Length)
            throw new ArgumentOutOfRangeException(nameof(degree), degree, $"degree must be between 0 and {XTrain.Length - 1} (one less than the training points).");
        using var scope = NewDisposeScope();
        var a = Features(XTrain, degree);
        var b = tensor(YTrain, [YTrain.Length, 1], ScalarType.Float64);
        var (solution, _, _, _) = linalg.lstsq(a, b);
        return solution.reshape(-1).data<double>().ToArray();
    }

    public double[] Predict(double[] coefficients, double[] x)
    {
        using var scope = NewDisposeScope();
        var f = Features(x, coefficients.Length - 1);
        return f.matmul(tensor(coefficients, [coefficients.Length, 1], ScalarType.Float64)).reshape(-1).data<double>().ToArray();
    }

    /// <summary>Training and validation mean squared error of the fitted polynomial of each degree 0…maxDegree.</summary>
    public IReadOnlyList<CapacityPoint> Sweep(int maxDegree)
    {
        if (maxDegree < 0 || maxDegree >= XTrain.Length)
            throw new ArgumentOutOfRangeException(nameof(maxDegree), maxDegree, $"maxDegree must be between 0 and {XTrain.Length - 1}.");
        return Enumerable.Range(0, maxDegree + 1).Select(d =>
        {
            var c = Fit(d);
            return new CapacityPoint(d, Mse(Predict(c, XTrain), YTrain), Mse(Predict(c, XVal), YVal));
        }).ToList();
    }

    /// <summary>
    /// The study guide's table, filled in from a sweep: the degree with the lowest validation error is the good fit,
    /// degree 1 (a straight line) the underfit, the largest degree the overfit. An error is "HIGH" when it is more
    /// than twice the good fit's validation error, "VERY LOW" when below a quarter of the noise variance, else "LOW".
    /// </summary>
    public static IReadOnlyList<FitRow> Table(IReadOnlyList<CapacityPoint> sweep, double noise)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count < 3) throw new ArgumentException("sweep needs at least 3 degrees.", nameof(sweep));
        var best = sweep.MinBy(p => p.ValError)!;
        var under = sweep.First(p => p.Degree == Math.Min(1, best.Degree));
        var over = sweep[^1];
        string Level(double e) => e > 2 * best.ValError ? "HIGH" : e < 0.25 * noise * noise ? "VERY LOW" : "LOW";
        return
        [
            new FitRow("Underfitting", under.Degree, under.TrainError, Level(under.TrainError), under.ValError, Level(under.ValError)),
            new FitRow("Good fit", best.Degree, best.TrainError, Level(best.TrainError), best.ValError, Level(best.ValError)),
            new FitRow("Overfitting", over.Degree, over.TrainError, Level(over.TrainError), over.ValError, Level(over.ValError)),
        ];
    }

    /// <summary>
    /// Training and validation error against degree, log scale with one labelled tick per decade, the best degree marked.
    /// The axis stops two decades below the best validation error: a training error that collapses towards 0 (a
    /// polynomial through every point) runs off the bottom instead of flattening the U-curve.
    /// </summary>
    public static Figure Plot(IReadOnlyList<CapacityPoint> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count == 0) throw new ArgumentException("sweep needs at least one degree.", nameof(sweep));
        var d = sweep.Select(p => (double)p.Degree).ToArray();
        var best = sweep.MinBy(p => p.ValError)!;
        return Chart.Line(d, sweep.Select(p => p.TrainError), "training error")
            .AddLine(d, sweep.Select(p => p.ValError), "validation error")
            .AddTrace(new { type = "scatter", mode = "markers", x = new double[] { best.Degree }, y = new[] { best.ValError }, name = "sweet spot", marker = new { size = 12, symbol = "star", color = "#2ca02c" } })
            .WithTitle("Error against model capacity").WithAxisTitles("polynomial degree (capacity)", "mean squared error")
            .WithLayout(new { yaxis = new { type = "log", range = LogRange(sweep, best.ValError / 100), dtick = 1, exponentformat = "power" } }).WithSize(340);
    }

    static double[] LogRange(IReadOnlyList<CapacityPoint> sweep, double floor)
    {
        var errors = sweep.SelectMany(p => new[] { p.TrainError, p.ValError }).Where(e => e > 0 && double.IsFinite(e)).ToList();
        double low = Math.Log10(Math.Max(floor, errors.Min())), high = Math.Log10(errors.Max());
        return [Math.Floor(low * 4) / 4 - 0.1, Math.Ceiling(high * 4) / 4 + 0.1];
    }

    static Tensor Features(double[] x, int degree)
    {
        // Legendre polynomials P0..Pdegree by their three-term recurrence.
        var cols = new double[x.Length * (degree + 1)];
        for (int i = 0; i < x.Length; i++)
        {
            double p0 = 1, p1 = x[i];
            cols[i * (degree + 1)] = 1;
            if (degree >= 1) cols[i * (degree + 1) + 1] = p1;
            for (int k = 2; k <= degree; k++)
            {
                double p2 = ((2 * k - 1) * x[i] * p1 - (k - 1) * p0) / k;
                cols[i * (degree + 1) + k] = p2;
                (p0, p1) = (p1, p2);
            }
        }
        return tensor(cols, [x.Length, degree + 1], ScalarType.Float64);
    }

    static double Mse(double[] p, double[] y) => p.Zip(y, (a, b) => (a - b) * (a - b)).Average();

    static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

public sealed record CapacityPoint(int Degree, double TrainError, double ValError);

public sealed record FitRow(string Diagnosis, int Degree, double TrainError, string TrainLevel, double ValError, string ValLevel)
{
    public override string ToString() => $"{Diagnosis,-13} degree {Degree,2}: training {TrainLevel,-8} ({TrainError:F4})   validation {ValLevel,-8} ({ValError:F4})";
}
