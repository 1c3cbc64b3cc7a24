using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.NetworkBasics;

/// <summary>One neuron: output = activation(∑ wᵢ·xᵢ + b).</summary>
public static class Neuron
{
    /// <summary>The forward pass in plain arithmetic, no tensors: returns the weighted sum z and activation(z).</summary>
    public static (double Z, double Output) Forward(IReadOnlyList<double> inputs, IReadOnlyList<double> weights, double bias, Activation activation)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(weights);
        if (inputs.Count == 0) throw new ArgumentException("inputs must contain at least one value.", nameof(inputs));
        if (weights.Count != inputs.Count)
            throw new ArgumentException($"weights must have one value per input ({inputs.Count}), not {weights.Count}.", nameof(weights));
        double z = bias;
        for (int i = 0; i < inputs.Count; i++) z += weights[i] * inputs[i];
        double output = activation switch
        {
            Activation.None => z,
            Activation.Sigmoid => 1.0 / (1.0 + Math.Exp(-z)),
            Activation.Tanh => Math.Tanh(z),
            Activation.ReLU => Math.Max(0.0, z),
            Activation.LeakyReLU => z >= 0 ? z : Activations.LeakySlope * z,
            _ => throw Activations.Unknown(activation),
        };
        return (z, output);
    }

    /// <summary>The same neuron as an nn.Linear(n, 1) whose weight and bias are set to the given values (float32, on <see cref="KitTorch.Device"/>).</summary>
    public static Linear AsLinear(IReadOnlyList<double> weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("weights must contain at least one value.", nameof(weights));
        var layer = nn.Linear(weights.Count, 1, device: KitTorch.Device);
        using (no_grad())
        {
            layer.weight!.copy_(tensor(weights.Select(w => (float)w).ToArray(), [1, weights.Count]));
            layer.bias!.fill_(bias);
        }
        return layer;
    }
}
