using Kit.Runtime;

namespace Kit.Metrics;

/// <summary>Regression metrics on plain arrays: y is the truth, yHat the prediction.</summary>
public static partial class Regression
{
    public static double Mse(IReadOnlyList<double> y, IReadOnlyList<double> yHat)
    {
        Check(y, yHat);
        double s = 0;
        for (int i = 0; i < y.Count; i++) s += (y[i] - yHat[i]) * (y[i] - yHat[i]);
        return s / y.Count;
    }

    public static double Rmse(IReadOnlyList<double> y, IReadOnlyList<double> yHat) => Math.Sqrt(Mse(y, yHat));

    public static double Mae(IReadOnlyList<double> y, IReadOnlyList<double> yHat)
    {
        Check(y, yHat);
        double s = 0;
        for (int i = 0; i < y.Count; i++) s += Math.Abs(y[i] - yHat[i]);
        return s / y.Count;
    }

    /// <summary>
    /// R² = 1 − SS_res/SS_tot. A constant truth gives 1 for a perfect fit and 0 otherwise (scikit-learn's convention).
    /// Of a single sample it is not defined: NaN and a warning (<see cref="KitWarnings"/>), as in scikit-learn.
    /// </summary>
    public static double R2(IReadOnlyList<double> y, IReadOnlyList<double> yHat)
    {
        Check(y, yHat);
        if (y.Count < 2)
        {
            KitWarnings.Warn("Regression.R2", $"R² is not well-defined with fewer than two samples (y has {y.Count}); returning NaN.");
            return double.NaN;
        }
        double mean = y.Average(), ssRes = 0, ssTot = 0;
        for (int i = 0; i < y.Count; i++)
        {
            ssRes += (y[i] - yHat[i]) * (y[i] - yHat[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        if (ssTot == 0) return ssRes == 0 ? 1 : 0;
        return 1 - ssRes / ssTot;
    }

    /// <summary>
    /// Mean Huber loss: ½·r² where |r| ≤ δ, δ·(|r| − ½δ) beyond (r = y − ŷ). Quadratic like MSE for small
    /// errors, linear like MAE for large ones, so a few outliers cannot dominate it. Same as PyTorch's
    /// <c>HuberLoss(delta)</c> with reduction "mean".
    /// </summary>
    public static double Huber(IReadOnlyList<double> y, IReadOnlyList<double> yHat, double delta = 1.0)
    {
        if (!(delta > 0) || double.IsInfinity(delta)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be a positive finite number");
        Check(y, yHat);
        double s = 0;
        for (int i = 0; i < y.Count; i++)
        {
            double r = Math.Abs(y[i] - yHat[i]);
            s += r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
        }
        return s / y.Count;
    }

    static void Check(IReadOnlyList<double> y, IReadOnlyList<double> yHat)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(yHat);
        if (y.Count == 0) throw new ArgumentException("y must not be empty", nameof(y));
        if (y.Count != yHat.Count) throw new ArgumentException($"yHat must have as many values as y ({y.Count}), not {yHat.Count}", nameof(yHat));
        for (int i = 0; i < y.Count; i++)
        {
            if (!double.IsFinite(y[i])) throw new ArgumentException($"y[{i}] is {y[i]}; values must be finite", nameof(y));
            if (!double.IsFinite(yHat[i])) throw new ArgumentException($"yHat[{i}] is {yHat[i]}; values must be finite", nameof(yHat));
        }
    }
}
