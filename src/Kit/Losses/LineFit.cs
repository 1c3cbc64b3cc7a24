using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Losses;

/// <summary>Points (x, y) for a straight-line fit; <see cref="IsOutlier"/> marks the rows that were corrupted on purpose.</summary>
public sealed record LineData(double[] X, double[] Y, bool[] IsOutlier, double TrueSlope, double TrueIntercept)
{
    public int Count => X.Length;
    public override string ToString() => $"{Count} points on y = {TrueSlope}·x + {TrueIntercept} plus noise, {IsOutlier.Count(o => o)} outliers";
}

/// <summary>The fitted line and the loss after every epoch.</summary>
public sealed record LineFitResult(string Loss, double Slope, double Intercept, double[] Losses)
{
    public double Predict(double x) => Slope * x + Intercept;
    public override string ToString() => $"{Loss}: slope {Slope:F3}, intercept {Intercept:F3} (final loss {Losses[^1]:F4})";
}

/// <summary>
/// Fits y ≈ w·x + b with a chosen loss, the way any TorchSharp model is trained (forward, loss, backward, step),
/// to compare how MSE, MAE and Huber react to outliers.
/// </summary>
public static class LineFit
{
    /// <summary>
    /// y = slope·x + intercept + N(0, noise²) for x uniform in [0, 10]; then the <paramref name="outliers"/> points with
    /// the largest x get <paramref name="outlierShift"/> added to y (think data-entry mistakes in one region).
    /// Pure C#, seeded.
    /// </summary>
    public static LineData MakeData(int n = 60, int outliers = 6, double slope = 2, double intercept = 1, double noise = 1,
        double outlierShift = 25, int seed = 0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 2 points.");
        if (outliers < 0 || outliers >= n) throw new ArgumentOutOfRangeException(nameof(outliers), outliers, $"outliers must be between 0 and n − 1 ({n - 1}).");
        if (!(noise >= 0) || double.IsInfinity(noise)) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a finite standard deviation ≥ 0.");
        var rng = new Random(seed);
        var x = Enumerable.Range(0, n).Select(_ => 10 * rng.NextDouble()).ToArray();
        var y = x.Select(v => slope * v + intercept + noise * Gaussian(rng)).ToArray();
        var isOutlier = new bool[n];
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => x[i]).Take(outliers))
        {
            y[i] += outlierShift;
            isOutlier[i] = true;
        }
        return new LineData(x, y, isOutlier, slope, intercept);
    }

    /// <summary>
    /// Trains w and b (both starting at 0) with Adam on the full batch for <paramref name="epochs"/> steps; the
    /// learning rate decays exponentially to 1% of its start so that MAE (whose gradient never shrinks) settles too.
    /// </summary>
    /// <param name="loss">(prediction, target) → scalar loss, e.g. <c>(p, t) => Loss.HuberLoss(p, t, delta: 1)</c></param>
    /// <param name="name">label for the result</param>
    public static LineFitResult Fit(LineData data, Func<Tensor, Tensor, Tensor> loss, string name, int epochs = 600, double lr = 0.5)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(loss);
        if (epochs < 1 || epochs > 100_000) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be between 1 and 100000.");
        if (!(lr > 0) || double.IsInfinity(lr)) throw new ArgumentOutOfRangeException(nameof(lr), lr, "lr must be a finite number greater than 0.");
        var device = KitTorch.Device;
        using var x = tensor(data.X.Select(v => (float)v).ToArray(), device: device);
        using var y = tensor(data.Y.Select(v => (float)v).ToArray(), device: device);
        using var w = new TorchSharp.Modules.Parameter(zeros(1, device: device));
        using var b = new TorchSharp.Modules.Parameter(zeros(1, device: device));
        using var opt = optim.Adam([w, b], lr: lr);
        var schedule = optim.lr_scheduler.ExponentialLR(opt, gamma: Math.Pow(0.01, 1.0 / epochs));
        var losses = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var value = loss(w * x + b, y);
            value.backward();
            opt.step();
            schedule.step();
            losses[e] = value.item<float>();
        }
        return new LineFitResult(name, w.item<float>(), b.item<float>(), losses);
    }

    static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
