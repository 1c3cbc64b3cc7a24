using Kit.Data;

namespace Kit.Charts;

/// <summary>A model's output over a rectangle of the plane, ready for a heatmap or <c>Chart.Contour(Z, X, Y)</c>.</summary>
/// <param name="X">grid columns (the first feature)</param>
/// <param name="Y">grid rows (the second feature)</param>
/// <param name="Z">Z[row][col]: the model's value (e.g. probability of class 1) at (X[col], Y[row])</param>
public sealed record BoundaryGrid(double[] X, double[] Y, double[][] Z);

/// <summary>Evaluating a two-feature model on a steps × steps grid: the decision-region pictures of every lesson.</summary>
public static class PlaneGrid
{
    /// <summary>The grid covering <paramref name="data"/> plus <paramref name="margin"/> on every side.</summary>
    /// <param name="evaluate">the model on a batch of points (x₀, y₀, x₁, y₁, …) → one value per point</param>
    public static BoundaryGrid Over(ToyDataset data, Func<float[], double[]> evaluate, int steps, double margin = 0.5)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 2) throw new ArgumentException($"data must have 2 features to draw on a plane, not {data.FeatureCount}.", nameof(data));
        if (!double.IsFinite(margin) || margin < 0) throw new ArgumentOutOfRangeException(nameof(margin), margin, "margin must be a finite number ≥ 0.");
        var (xs, ys) = (data.Column(0), data.Column(1));
        return Over(xs.Min() - margin, xs.Max() + margin, ys.Min() - margin, ys.Max() + margin, evaluate, steps);
    }

    /// <summary>The grid over [xMin, xMax] × [yMin, yMax].</summary>
    public static BoundaryGrid Over(double xMin, double xMax, double yMin, double yMax, Func<float[], double[]> evaluate, int steps)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        if (steps < 2 || steps > 200) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be between 2 and 200.");
        if (!double.IsFinite(xMin) || !double.IsFinite(xMax) || xMax <= xMin)
            throw new ArgumentOutOfRangeException(nameof(xMax), xMax, $"xMax must be finite and greater than xMin ({xMin}).");
        if (!double.IsFinite(yMin) || !double.IsFinite(yMax) || yMax <= yMin)
            throw new ArgumentOutOfRangeException(nameof(yMax), yMax, $"yMax must be finite and greater than yMin ({yMin}).");
        var gx = Axis(xMin, xMax, steps);
        var gy = Axis(yMin, yMax, steps);
        var points = new float[steps * steps * 2];
        for (int r = 0, k = 0; r < steps; r++)
            for (int c = 0; c < steps; c++, k += 2) (points[k], points[k + 1]) = ((float)gx[c], (float)gy[r]);
        var values = evaluate(points);
        if (values is null || values.Length != steps * steps)
            throw new ArgumentException($"evaluate must return one value per grid point ({steps * steps}).", nameof(evaluate));
        var z = Enumerable.Range(0, steps).Select(r => values[(r * steps)..((r + 1) * steps)]).ToArray();
        return new BoundaryGrid(gx, gy, z);
    }

    static double[] Axis(double min, double max, int steps) => [.. Enumerable.Range(0, steps).Select(i => min + (max - min) * i / (steps - 1))];
}
