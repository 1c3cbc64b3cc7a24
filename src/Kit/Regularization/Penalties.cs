using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Regularization;

/// <summary>
/// Regularisation terms added to the loss, for <see cref="Kit.Training.Trainer.Penalty"/>. They apply to the
/// weights (parameters with two or more dimensions: Linear and Conv kernels), not to biases or batch-norm scales,
/// as is usual.
/// </summary>
public static class Penalties
{
    /// <summary>L1 (lasso): λ·Σ|w|. Its gradient has the same size for every weight, so small weights are pushed all the way to 0.</summary>
    public static Func<Tensor> L1(nn.Module model, double lambda) => ElasticNet(model, lambda, 0);

    /// <summary>L2 (ridge, weight decay): λ·Σw². Its gradient 2λw shrinks in proportion to the weight, so weights get small but rarely exactly 0.</summary>
    public static Func<Tensor> L2(nn.Module model, double lambda) => ElasticNet(model, 0, lambda);

    /// <summary>Elastic net: λ₁·Σ|w| + λ₂·Σw².</summary>
    public static Func<Tensor> ElasticNet(nn.Module model, double l1, double l2)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(l1) || l1 < 0) throw new ArgumentOutOfRangeException(nameof(l1), l1, "l1 (the L1 strength λ₁) must be a finite number ≥ 0.");
        if (!double.IsFinite(l2) || l2 < 0) throw new ArgumentOutOfRangeException(nameof(l2), l2, "l2 (the L2 strength λ₂) must be a finite number ≥ 0.");
        var weights = Weights(model);
        return () =>
        {
            Tensor total = zeros(1, device: weights[0].device).squeeze();
            foreach (var w in weights)
            {
                if (l1 > 0) total = total + w.abs().sum() * l1;
                if (l2 > 0) total = total + w.pow(2).sum() * l2;
            }
            return total;
        };
    }

    /// <summary>The parameters a penalty acts on: those with at least two dimensions.</summary>
    public static IReadOnlyList<TorchSharp.Modules.Parameter> Weights(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var list = model.parameters().Where(p => p.dim() >= 2).ToList();
        if (list.Count == 0) throw new ArgumentException("model has no weight matrices (parameters with 2 or more dimensions) to regularise.", nameof(model));
        return list;
    }
}
