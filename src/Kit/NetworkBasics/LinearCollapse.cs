using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>
/// Without activations, depth buys nothing: Linear layers applied one after another,
/// x ↦ W₃(W₂(W₁x + b₁) + b₂) + b₃, equal the single Linear map x ↦ Wx + b with
/// W = W₃·W₂·W₁ and b = W₃·W₂·b₁ + W₃·b₂ + b₃.
/// </summary>
public static class LinearCollapse
{
    /// <summary>
    /// Folds a model made only of Linear layers (lesson 01's MLP with no activation) into one
    /// equivalent nn.Linear, on the model's device. Throws, naming the layer, if anything else is in the stack.
    /// </summary>
    public static Linear Collapse(nn.Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var children = model.named_children().ToList();
        if (children.Count == 0 && model is Linear single) children = [("", single)];
        if (children.Count == 0) throw new ArgumentException("model has no layers to collapse.", nameof(model));
        var linears = new List<Linear>();
        foreach (var (name, child) in children)
        {
            if (child is Linear lin) linears.Add(lin);
            else throw new ArgumentException(
                $"model must contain only Linear layers to collapse, but layer '{name}' is {child.GetType().Name}: an activation makes the stack non-linear.",
                nameof(model));
        }

        var first = linears[0].weight!;
        // Created outside the dispose scope below, so that its parameters outlive it.
        var result = nn.Linear(first.shape[1], linears[^1].weight!.shape[0], hasBias: true, device: first.device, dtype: first.dtype);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var w = eye(first.shape[1], dtype: first.dtype, device: first.device);
        var b = zeros(first.shape[1], dtype: first.dtype, device: first.device);
        foreach (var lin in linears)
        {
            var wi = lin.weight!;
            if (wi.shape[1] != w.shape[0])
                throw new ArgumentException($"layer sizes do not chain: a layer expects {wi.shape[1]} inputs but receives {w.shape[0]}.", nameof(model));
            b = wi.matmul(b);
            if (lin.bias is { } bi) b = b + bi;
            w = wi.matmul(w);
        }
        result.weight!.copy_(w);
        result.bias!.copy_(b);
        return result;
    }
}
