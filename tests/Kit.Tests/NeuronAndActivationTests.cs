using Kit.NetworkBasics;
using Kit.Runtime;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class NeuronAndActivationTests
{
    static readonly double[] Inputs = [0.5, -1.0, 2.0];
    static readonly double[] Weights = [0.8, 0.2, 0.5];
    const double Bias = -0.3;

    [Fact]
    public void A_neurons_forward_pass_equals_the_value_worked_by_hand()
    {
        // By hand: z = 0.8·0.5 + 0.2·(−1) + 0.5·2 − 0.3 = 0.4 − 0.2 + 1.0 − 0.3 = 0.9
        //          σ(0.9) = 1 / (1 + e^−0.9) = 1 / 1.4065697 = 0.7109495
        var (z, output) = Neuron.Forward(Inputs, Weights, Bias, Activation.Sigmoid);
        Assert.Equal(0.9, z, 12);
        Assert.Equal(0.7109495, output, 6);
        Assert.Equal(0.9, Neuron.Forward(Inputs, Weights, Bias, Activation.ReLU).Output, 12);
        Assert.Equal(Math.Tanh(0.9), Neuron.Forward(Inputs, Weights, Bias, Activation.Tanh).Output, 12);
        // With bias −2 the weighted sum is negative: z = 1.2 − 2 = −0.8, so ReLU gives 0 and leaky ReLU 0.01·(−0.8)
        Assert.Equal(0.0, Neuron.Forward(Inputs, Weights, -2.0, Activation.ReLU).Output, 12);
        Assert.Equal(-0.008, Neuron.Forward(Inputs, Weights, -2.0, Activation.LeakyReLU).Output, 12);
    }

    [Fact]
    public void An_nn_Linear_with_the_same_weights_computes_the_same_neuron()
    {
        using var layer = Neuron.AsLinear(Weights, Bias);
        using var scope = NewDisposeScope();
        var x = tensor(Inputs.Select(v => (float)v).ToArray(), [1, 3], device: KitTorch.Device);
        var z = layer.call(x);
        Assert.Equal(0.9, z.item<float>(), 5);
        Assert.Equal(0.7109495, z.sigmoid().item<float>(), 5);
    }

    [Fact]
    public void Mismatched_weights_are_refused_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => Neuron.Forward(Inputs, [1.0, 2.0], 0, Activation.ReLU));
        Assert.Equal("weights", e.ParamName);
    }

    static readonly double[] Points = [-3.0, -0.5, 0.5, 2.0];

    [Fact]
    public void Sigmoid_derivative_from_autograd_equals_sigma_times_one_minus_sigma()
    {
        var c = Activations.Curve(Activation.Sigmoid, Points);
        for (int i = 0; i < Points.Length; i++)
        {
            double s = 1 / (1 + Math.Exp(-Points[i]));
            Assert.Equal(s, c.Y[i], 12);
            Assert.Equal(s * (1 - s), c.DyDx[i], 12);
        }
        // The largest slope is at 0 and is 1/4: why deep sigmoid stacks shrink gradients.
        Assert.Equal(0.25, Activations.Curve(Activation.Sigmoid, [0.0]).DyDx[0], 12);
    }

    [Fact]
    public void Tanh_derivative_from_autograd_equals_one_minus_tanh_squared()
    {
        var c = Activations.Curve(Activation.Tanh, Points);
        for (int i = 0; i < Points.Length; i++)
            Assert.Equal(1 - Math.Tanh(Points[i]) * Math.Tanh(Points[i]), c.DyDx[i], 12);
    }

    [Fact]
    public void Relu_derivative_from_autograd_is_a_step_and_leaky_relu_keeps_a_small_slope()
    {
        var relu = Activations.Curve(Activation.ReLU, Points);
        var leaky = Activations.Curve(Activation.LeakyReLU, Points);
        Assert.Equal([0.0, 0.0, 0.5, 2.0], relu.Y);
        Assert.Equal([0.0, 0.0, 1.0, 1.0], relu.DyDx);
        Assert.Equal([-0.03, -0.005, 0.5, 2.0], leaky.Y.Select(v => Math.Round(v, 12)));
        Assert.Equal([0.01, 0.01, 1.0, 1.0], leaky.DyDx.Select(v => Math.Round(v, 12)));
        // At exactly 0 ReLU has no derivative; PyTorch's autograd, like most libraries, uses 0.
        Assert.Equal(0.0, Activations.Curve(Activation.ReLU, [0.0]).DyDx[0]);
    }

    [Fact]
    public void Softmax_gives_probabilities_that_sum_to_one_and_its_jacobian_is_p_times_delta_minus_p()
    {
        double[] scores = [2.0, 1.0, 0.1];
        var p = Activations.Softmax(scores);
        // By hand: e² = 7.389056, e¹ = 2.718282, e^0.1 = 1.105171, sum 11.212509 → 0.659001, 0.242433, 0.098566
        Assert.Equal(0.659001, p[0], 6);
        Assert.Equal(0.242433, p[1], 6);
        Assert.Equal(0.098566, p[2], 6);
        Assert.Equal(1.0, p.Sum(), 12);
        var j = Activations.SoftmaxJacobian(scores);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.Equal(p[r] * ((r == c ? 1 : 0) - p[c]), j[r][c], 12);
    }

    [Fact]
    public void A_curve_needs_two_points_and_an_increasing_range()
    {
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => Activations.Curve(Activation.ReLU, -1, 1, points: 1)).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => Activations.Curve(Activation.ReLU, 1, -1)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => Activations.Softmax([])).ParamName);
    }
}
