using Kit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>A model's output over a rectangle of the plane, ready for <c>Chart.Contour(Z, X, Y)</c>.</summary>
/// <param name="X">grid columns (the first feature)</param>
/// <param name="Y">grid rows (the second feature)</param>
/// <param name="Z">Z[row][col]: probability of class 1 at (X[col], Y[row])</param>
public sealed record BoundaryGrid(double[] X, double[] Y, double[][] Z);

public static class DecisionBoundary
{
    /// <summary>
    /// Evaluates a 2-feature classifier on a steps × steps grid covering <paramref name="data"/> plus a margin.
    /// Z is σ(logit) for a one-output model, softmax's probability of class 1 otherwise. Results are on the CPU.
    /// </summary>
    /// <param name="steps">grid points per axis, 2 to 200 (charts stay small at 60–80)</param>
    /// <param name="margin">space added around the data on every side, 0 or more</param>
    public static BoundaryGrid Grid(nn.Module<Tensor, Tensor> model, ToyDataset data, int steps = 60, double margin = 0.5)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 2) throw new ArgumentException($"data must have 2 features to draw on a plane, not {data.FeatureCount}.", nameof(data));
        if (!double.IsFinite(margin) || margin < 0) throw new ArgumentOutOfRangeException(nameof(margin), margin, "margin must be a finite number ≥ 0.");
        var xs = data.Column(0);
        var ys = data.Column(1);
        return Grid(model, xs.Min() - margin, xs.Max() + margin, ys.Min() - margin, ys.Max() + margin, steps);
    }

    /// <summary>Evaluates a 2-feature classifier on a steps × steps grid over [xMin, xMax] × [yMin, yMax].</summary>
    public static BoundaryGrid Grid(nn.Module<Tensor, Tensor> model, double xMin, double xMax, double yMin, double yMax, int steps = 60)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (steps < 2 || steps > 200) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be between 2 and 200.");
        if (!double.IsFinite(xMin) || !double.IsFinite(xMax) || xMax <= xMin)
            throw new ArgumentOutOfRangeException(nameof(xMax), xMax, $"xMax must be finite and greater than xMin ({xMin}).");
        if (!double.IsFinite(yMin) || !double.IsFinite(yMax) || yMax <= yMin)
            throw new ArgumentOutOfRangeException(nameof(yMax), yMax, $"yMax must be finite and greater than yMin ({yMin}).");

        var gx = Enumerable.Range(0, steps).Select(i => xMin + (xMax - xMin) * i / (steps - 1)).ToArray();
        var gy = Enumerable.Range(0, steps).Select(i => yMin + (yMax - yMin) * i / (steps - 1)).ToArray();
        var points = new float[steps * steps * 2];
        for (int r = 0, k = 0; r < steps; r++)
            for (int c = 0; c < steps; c++, k += 2)
            {
                points[k] = (float)gx[c];
                points[k + 1] = (float)gy[r];
            }

        var device = model.parameters().FirstOrDefault()?.device ?? Runtime.KitTorch.Device;
        bool wasTraining = model.training;
        model.eval();
        float[] probs;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var logits = model.call(tensor(points, [steps * steps, 2], ScalarType.Float32, device));
            var p = logits.shape[1] == 1 ? logits.squeeze(1).sigmoid() : logits.softmax(1)[.., 1];
            probs = p.cpu().data<float>().ToArray();
        }
        if (wasTraining) model.train();

        var z = new double[steps][];
        for (int r = 0; r < steps; r++)
        {
            z[r] = new double[steps];
            for (int c = 0; c < steps; c++) z[r][c] = probs[r * steps + c];
        }
        return new BoundaryGrid(gx, gy, z);
    }
}
