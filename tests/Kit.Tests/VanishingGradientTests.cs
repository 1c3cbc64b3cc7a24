using Kit.Data;
using Kit.NetworkBasics;
using Kit.Tests.Lessons;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class VanishingGradientTests
{
    static TorchSharp.Modules.Sequential Deep(int depth, bool relu, int seed) =>
        Lesson01.Initialised(Lesson01.Mlp(2, 32, depth, relu ? () => nn.ReLU() : () => nn.Sigmoid(), seed), he: relu);

    [Fact]
    public void In_a_deep_sigmoid_network_the_first_layer_gets_orders_of_magnitude_less_gradient_than_under_relu()
    {
        Seeds.Every(seed =>
        {
            var (x, y) = ToyData.MakeMoons(200, 0.2, seed: 1 + seed).ToTensors();
            // Each activation with the initialisation made for it, so the only difference left is the slope.
            var sNorms = GradientFlow.LayerGradientNorms(Deep(15, relu: false, seed), x, y);
            var rNorms = GradientFlow.LayerGradientNorms(Deep(15, relu: true, seed), x, y);
            Assert.Equal(16, sNorms.Length); // 15 hidden layers + the output layer
            double sRatio = GradientFlow.FirstToLastRatio(sNorms), rRatio = GradientFlow.FirstToLastRatio(rNorms);
            // σ′ ≤ 1/4, so 15 sigmoid layers scale the gradient by roughly (1/4)^15 ≈ 1e-9.
            Assert.True(sRatio < 1e-6, $"sigmoid first/last = {sRatio:E2}");
            Assert.True(rRatio > 1e-2, $"ReLU first/last = {rRatio:E2}");
            Assert.True(rRatio / sRatio > 1e4, $"ReLU {rRatio:E2} vs sigmoid {sRatio:E2}");
        });
    }

    [Fact]
    public void The_sigmoid_gradient_shrinks_layer_by_layer_towards_the_input()
    {
        Seeds.Every(seed =>
        {
            var (x, y) = ToyData.MakeMoons(200, 0.2, seed: 1 + seed).ToTensors();
            var norms = GradientFlow.LayerGradientNorms(Deep(10, relu: false, seed), x, y);
            // Not every single step must fall, but each block of three layers nearer the input is smaller.
            for (int i = 0; i + 3 < norms.Length - 1; i++)
                Assert.True(norms[i] < norms[i + 3], $"layer {i + 1}: {norms[i]:E2} vs layer {i + 4}: {norms[i + 3]:E2}");
        });
    }

    [Fact]
    public void Measuring_gradients_leaves_no_gradient_behind()
    {
        var (x, y) = ToyData.MakeMoons(50, 0.2, seed: 1).ToTensors();
        var model = Lesson01.Mlp(2, 8, 2, () => nn.ReLU(), seed: 0);
        GradientFlow.LayerGradientNorms(model, x, y);
        Assert.All(model.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0));
    }
}
