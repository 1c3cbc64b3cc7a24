using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Kit.NetworkBasics;

/// <summary>The loss lesson 01's tools measure gradients with: the lesson's own (binary cross-entropy on one logit), cross-entropy for more outputs.</summary>
static class LogitLoss
{
    public static Tensor Of(Tensor logits, Tensor y)
    {
        if (logits.dim() != 2) throw new ArgumentException($"the model's output must be 2-D [n, outputs], not {logits.dim()}-D.", "model");
        return logits.shape[1] == 1
            ? F.binary_cross_entropy_with_logits(logits.squeeze(1), y.to(logits.dtype))
            : F.cross_entropy(logits, y);
    }

    public static void CheckData(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() != 2) throw new ArgumentException($"x must be 2-D [examples, features], not {x.dim()}-D.", nameof(x));
        if (y.dim() != 1) throw new ArgumentException($"y must be 1-D [examples] of class labels, not {y.dim()}-D.", nameof(y));
        if (y.shape[0] != x.shape[0]) throw new ArgumentException($"y must have one label per row of x ({x.shape[0]}), not {y.shape[0]}.", nameof(y));
        if (y.dtype != ScalarType.Int64) throw new ArgumentException($"y must hold int64 class labels, not {y.dtype}.", nameof(y));
    }

    public static List<TorchSharp.Modules.Linear> LinearLayers(TorchSharp.torch.nn.Module model) =>
        model.modules().OfType<TorchSharp.Modules.Linear>().ToList();
}
