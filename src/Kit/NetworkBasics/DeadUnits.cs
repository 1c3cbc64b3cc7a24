using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>Per activation layer: how many units never switch on, and how many of those are dead.</summary>
/// <param name="Layer">the activation layer's name in the model, e.g. "act1"</param>
/// <param name="Units">units in the layer</param>
/// <param name="Silent">units whose input (pre-activation) is ≤ 0 for every example</param>
/// <param name="Dead">units whose output is exactly 0 for every example: no gradient can reach their weights, so they never recover</param>
public sealed record UnitCensus(string Layer, int Units, int Silent, int Dead)
{
    public double DeadFraction => (double)Dead / Units;
}

/// <summary>
/// The dying-ReLU problem. A ReLU unit whose input is negative for every example outputs 0 and has
/// slope 0, so its weights get no gradient and it stays off for good. Leaky ReLU keeps a small slope
/// (0.01) for negative inputs: such a unit is silent but not dead, and training can bring it back.
/// </summary>
public static class DeadUnits
{
    /// <summary>Runs x through the model layer by layer and counts silent and dead units after each activation.</summary>
    public static IReadOnlyList<UnitCensus> Census(Sequential model, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2) throw new ArgumentException($"x must be 2-D [examples, features], not {x.dim()}-D.", nameof(x));
        var result = new List<UnitCensus>();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var h = x;
        foreach (var (name, layer) in model.named_children())
        {
            if (layer is not nn.Module<Tensor, Tensor> m)
                throw new ArgumentException($"layer '{name}' is not a tensor-to-tensor layer.", nameof(model));
            var output = m.call(h);
            if (layer is ReLU or LeakyReLU or Sigmoid or Tanh)
            {
                int silent = (int)(h <= 0).all(0).sum().item<long>();
                int dead = (int)(output == 0).all(0).sum().item<long>();
                result.Add(new UnitCensus(name, (int)h.shape[1], silent, dead));
            }
            h = output;
        }
        return result;
    }

    /// <summary>
    /// Silences a chosen share of the first hidden layer's units by giving them a large negative bias,
    /// the state a too-large update can leave units in. Returns the indices of the units changed.
    /// </summary>
    /// <param name="fraction">share of the first layer's units to silence, in (0, 1]</param>
    /// <param name="bias">the new bias, below 0 (e.g. −10: far below anything w·x reaches on the lesson's data)</param>
    public static int[] KnockOut(Sequential model, double fraction, double bias = -10, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (double.IsNaN(fraction) || fraction <= 0 || fraction > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be greater than 0 and at most 1.");
        if (!double.IsFinite(bias) || bias >= 0) throw new ArgumentOutOfRangeException(nameof(bias), bias, "bias must be a finite number below 0.");
        var first = LogitLoss.LinearLayers(model).FirstOrDefault() ?? throw new ArgumentException("model has no Linear layer.", nameof(model));
        var b = first.bias ?? throw new ArgumentException("the first Linear layer has no bias to change.", nameof(model));
        int units = (int)b.shape[0];
        int count = Math.Max(1, (int)Math.Round(fraction * units));
        var chosen = Enumerable.Range(0, units).ToArray();
        var rng = new Random(seed);
        rng.Shuffle(chosen);
        var picked = chosen.Take(count).Order().ToArray();
        using (no_grad())
            foreach (var i in picked) b[i].fill_(bias);
        return picked;
    }

    /// <summary>
    /// After one backward pass of the lesson's loss (binary cross-entropy on one logit) on (x, y): the L2 norm of the gradient on the
    /// first Linear layer's weights and biases of the given units. Exactly 0 means nothing can change them.
    /// </summary>
    public static double GradientToUnits(Sequential model, Tensor x, Tensor y, IReadOnlyList<int> units)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(units);
        LogitLoss.CheckData(x, y);
        var first = LogitLoss.LinearLayers(model).FirstOrDefault() ?? throw new ArgumentException("model has no Linear layer.", nameof(model));
        int size = (int)first.weight!.shape[0];
        if (units.Count == 0) throw new ArgumentException("units must name at least one unit.", nameof(units));
        foreach (var u in units)
            if (u < 0 || u >= size) throw new ArgumentOutOfRangeException(nameof(units), u, $"each unit must be between 0 and {size - 1}.");
        model.zero_grad();
        double sumSquares;
        using (var scope = NewDisposeScope())
        {
            LogitLoss.Of(model.call(x), y).backward();
            var idx = tensor(units.Select(u => (long)u).ToArray(), device: first.weight.device);
            var gw = first.weight.grad!.index_select(0, idx);
            sumSquares = gw.pow(2).sum().item<float>();
            if (first.bias?.grad is { } gb) sumSquares += gb.index_select(0, idx).pow(2).sum().item<float>();
        }
        model.zero_grad();
        return Math.Sqrt(sumSquares);
    }
}
