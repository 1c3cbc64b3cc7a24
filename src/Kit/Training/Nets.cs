using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>The foundation's model builder, plain nn.Sequential with readable layer names, and seeded building.</summary>
public static class Nets
{
    /// <summary>
    /// inputs → [Linear → ReLU → (Dropout)] per hidden width → Linear(outputs): the foundation's one
    /// builder, for tests and tools (each lesson defines the networks it teaches in its own cells).
    /// Layers are named fc1, act1, drop1, …, out. The model is on <see cref="KitTorch.Device"/>.
    /// </summary>
    /// <param name="inputs">features per example, at least 1</param>
    /// <param name="hidden">width of each hidden layer (each at least 1); empty for a single Linear layer</param>
    /// <param name="outputs">at least 1</param>
    /// <param name="dropout">probability of zeroing a hidden unit during training, in [0, 1)</param>
    /// <param name="seed">makes the initial weights reproducible</param>
    public static Sequential Mlp(int inputs, int[] hidden, int outputs, double dropout = 0, int? seed = null)
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs must be at least 1.");
        ArgumentNullException.ThrowIfNull(hidden);
        for (int i = 0; i < hidden.Length; i++)
            if (hidden[i] < 1) throw new ArgumentOutOfRangeException(nameof(hidden), hidden[i], $"hidden[{i}] (a layer width) must be at least 1.");
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "outputs must be at least 1.");
        if (!(dropout >= 0 && dropout < 1)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be a probability in [0, 1).");

        if (seed is int s) KitTorch.Seed(s); else KitTorch.Setup();
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = inputs;
        for (int i = 0; i < hidden.Length; i++)
        {
            int k = i + 1;
            layers.Add(($"fc{k}", nn.Linear(fanIn, hidden[i])));
            layers.Add(($"act{k}", nn.ReLU()));
            if (dropout > 0) layers.Add(($"drop{k}", nn.Dropout(dropout)));
            fanIn = hidden[i];
        }
        layers.Add(("out", nn.Linear(fanIn, outputs)));
        var model = nn.Sequential(layers);
        model.to(KitTorch.Device);
        return model;
    }

    /// <summary>Seeds torch (<see cref="KitTorch.Seed"/>), then builds the model: the same seed gives the same initial weights.</summary>
    public static T Seeded<T>(int seed, Func<T> build) where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(build);
        KitTorch.Seed(seed);
        return build();
    }
}
