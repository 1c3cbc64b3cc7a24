using Kit.Charts;
using Kit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>A TorchSharp classifier's probability of class 1 over the plane, for <c>Plots.DecisionBoundary</c>.</summary>
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
        ArgumentNullException.ThrowIfNull(model);
        return PlaneGrid.Over(data, ProbabilityOfOne(model), steps, margin);
    }

    /// <summary>Evaluates a 2-feature classifier on a steps × steps grid over [xMin, xMax] × [yMin, yMax].</summary>
    public static BoundaryGrid Grid(nn.Module<Tensor, Tensor> model, double xMin, double xMax, double yMin, double yMax, int steps = 60)
    {
        ArgumentNullException.ThrowIfNull(model);
        return PlaneGrid.Over(xMin, xMax, yMin, yMax, ProbabilityOfOne(model), steps);
    }

    static Func<float[], double[]> ProbabilityOfOne(nn.Module<Tensor, Tensor> model) => points =>
    {
        var device = model.parameters().FirstOrDefault()?.device ?? Runtime.KitTorch.Device;
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var logits = model.call(tensor(points, [points.Length / 2, 2], ScalarType.Float32, device));
            var p = logits.shape[1] == 1 ? logits.squeeze(1).sigmoid() : logits.softmax(1)[.., 1];
            return [.. p.cpu().data<float>().ToArray().Select(v => (double)v)];
        }
        finally
        {
            if (wasTraining) model.train();
        }
    };
}
