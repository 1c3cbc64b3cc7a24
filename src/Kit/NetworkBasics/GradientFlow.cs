using TorchSharp;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>
/// How much gradient reaches each layer. In a deep network backpropagation multiplies one factor
/// per layer (the activation's slope times the weights); slopes below 1, like the sigmoid's (at most 0.25),
/// make the product, and so the early layers' gradients, shrink exponentially: the vanishing gradient.
/// </summary>
public static class GradientFlow
{
    /// <summary>
    /// One forward and backward pass of the lesson's loss (binary cross-entropy on one logit) on (x, y); returns the L2 norm of
    /// each Linear layer's weight gradient, input side first. Parameters are not changed; gradients are cleared again.
    /// </summary>
    public static double[] LayerGradientNorms(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        LogitLoss.CheckData(x, y);
        var layers = LogitLoss.LinearLayers(model);
        if (layers.Count == 0) throw new ArgumentException("model has no Linear layers to measure.", nameof(model));
        model.zero_grad();
        using (var scope = NewDisposeScope())
        {
            LogitLoss.Of(model.call(x), y).backward();
        }
        var norms = layers.Select(l => l.weight!.grad is { } g ? g.norm().item<float>() : 0.0).ToArray();
        model.zero_grad();
        return norms;
    }

    /// <summary>First layer's gradient norm divided by the last layer's: near 1 is healthy, ≪ 1 is vanishing.</summary>
    public static double FirstToLastRatio(IReadOnlyList<double> norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        if (norms.Count < 2) throw new ArgumentException("norms must hold at least two layers.", nameof(norms));
        if (norms[^1] == 0) throw new ArgumentException("the last layer's gradient norm is 0, so no ratio exists.", nameof(norms));
        return norms[0] / norms[^1];
    }
}
