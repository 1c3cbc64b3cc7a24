using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>How the weights of each Linear layer start.</summary>
public enum WeightInit
{
    /// <summary>PyTorch's default for nn.Linear (uniform in ±1/√fan_in, weights and bias).</summary>
    Default,
    /// <summary>He / Kaiming normal (variance 2/fan_in), biases 0: made for ReLU-like activations.</summary>
    He,
    /// <summary>Xavier / Glorot normal (variance 2/(fan_in + fan_out)), biases 0: made for sigmoid and tanh.</summary>
    Xavier,
}

/// <summary>Builds multi-layer perceptrons as nn.Sequential, with readable layer names (fc1, act1, …, out).</summary>
public static class Mlp
{
    /// <summary>
    /// inputs → [Linear(width) → activation] × depth → Linear(outputs). With <see cref="Activation.None"/>
    /// the hidden layers are plain Linear layers (a "deep" network that is still linear).
    /// The model is moved to <see cref="KitTorch.Device"/>; a seed makes its initial weights reproducible.
    /// </summary>
    /// <param name="inputs">features per example, at least 1</param>
    /// <param name="width">units per hidden layer, at least 1</param>
    /// <param name="depth">number of hidden layers, 0 (a single Linear) or more</param>
    /// <param name="outputs">outputs (1 logit for a binary task, one per class otherwise), at least 1</param>
    public static Sequential Build(int inputs, int width, int depth, int outputs, Activation activation,
        WeightInit init = WeightInit.Default, int? seed = null)
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs must be at least 1.");
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "width must be at least 1.");
        if (depth < 0 || depth > 200) throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth (hidden layers) must be between 0 and 200.");
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "outputs must be at least 1.");
        if (!Enum.IsDefined(activation)) throw Activations.Unknown(activation);
        if (!Enum.IsDefined(init)) throw new ArgumentOutOfRangeException(nameof(init), init, $"init must be one of {string.Join(", ", Enum.GetNames<WeightInit>())}.");

        if (seed is int s) KitTorch.Seed(s); else KitTorch.Setup();
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = inputs;
        for (int i = 1; i <= depth; i++)
        {
            layers.Add(($"fc{i}", Initialise(nn.Linear(fanIn, width), init)));
            if (Activations.Module(activation) is { } act) layers.Add(($"act{i}", act));
            fanIn = width;
        }
        layers.Add(("out", Initialise(nn.Linear(fanIn, outputs), init)));
        var model = nn.Sequential(layers);
        model.to(KitTorch.Device);
        return model;
    }

    /// <summary>The model's Linear layers, input side first.</summary>
    public static IReadOnlyList<Linear> LinearLayers(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.modules().OfType<Linear>().ToList();
    }

    static Linear Initialise(Linear layer, WeightInit init)
    {
        if (init == WeightInit.Default) return layer;
        using (no_grad())
        {
            if (init == WeightInit.He) nn.init.kaiming_normal_(layer.weight!, nonlinearity: nn.init.NonlinearityType.ReLU);
            else nn.init.xavier_normal_(layer.weight!);
            layer.bias?.zero_();
        }
        return layer;
    }
}
