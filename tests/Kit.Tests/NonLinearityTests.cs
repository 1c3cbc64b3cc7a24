using Kit.Data;
using Kit.NetworkBasics;
using Kit.Tests.Lessons;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class NonLinearityTests
{
    [Fact]
    public void A_stack_of_linear_layers_without_activation_collapses_to_one_linear_map()
    {
        Seeds.Every(seed =>
        {
            var model = Lesson01.Mlp(inputs: 2, width: 8, depth: 3, activation: null, seed: seed);
            using var single = LinearCollapse.Collapse(model);
            Assert.Equal(new long[] { 1, 2 }, single.weight!.shape);
            var (x, _) = ToyData.MakeMoons(200, 0.2, seed: seed).ToTensors();
            using var _g = no_grad();
            using var scope = NewDisposeScope();
            var gap = (model.call(x) - single.call(x)).abs().max().item<float>();
            Assert.True(gap < 1e-5, $"the stack and its collapsed Linear differ by {gap}");
        });
    }

    [Fact]
    public void Collapsing_multiplies_the_weights_as_worked_by_hand()
    {
        // Two 1-input layers: y = 3·(2x + 1) − 4 = 6x − 1, so W = 3·2 = 6 and b = 3·1 − 4 = −1.
        var model = Lesson01.Mlp(1, 1, 1, null, seed: 0);
        var layers = model.modules().OfType<TorchSharp.Modules.Linear>().ToList();
        using (no_grad())
        {
            layers[0].weight!.fill_(2); layers[0].bias!.fill_(1);
            layers[1].weight!.fill_(3); layers[1].bias!.fill_(-4);
        }
        using var single = LinearCollapse.Collapse(model);
        Assert.Equal(6f, single.weight!.item<float>());
        Assert.Equal(-1f, single.bias!.item<float>());
    }

    [Fact]
    public void A_network_with_an_activation_cannot_be_collapsed_and_says_which_layer()
    {
        var model = Lesson01.Mlp(2, 4, 2, () => nn.ReLU(), seed: 0);
        var e = Assert.Throws<ArgumentException>(() => LinearCollapse.Collapse(model));
        Assert.Equal("model", e.ParamName);
        Assert.Contains("act1", e.Message);
    }

    [Fact]
    public void On_two_moons_a_deep_linear_stack_stays_linear_while_a_relu_mlp_fits_the_curve()
    {
        // Lesson 01's experiment, smaller (300 points, 200 epochs), at five data and model seeds.
        Seeds.Every(seed =>
        {
            var (x, y) = ToyData.MakeMoons(300, 0.15, seed: 10 + seed).ToTensors();
            var (xt, yt) = ToyData.MakeMoons(300, 0.15, seed: 20 + seed).ToTensors();
            double Trained(int depth, Func<nn.Module<Tensor, Tensor>>? activation)
            {
                var model = Lesson01.Mlp(2, 16, depth, activation, seed);
                var losses = Lesson01.Fit(model, x, y, epochs: 200, lr: 0.02);
                Assert.True(losses[^1] < losses[0]);
                return Lesson01.TestAccuracy(model, xt, yt);
            }
            double stack = Trained(3, null), line = Trained(0, null), relu = Trained(3, () => nn.ReLU());
            Assert.True(stack < 0.9, $"linear stack: {stack:P1}");
            Assert.True(Math.Abs(stack - line) < 0.03, $"linear stack {stack:P1} vs one Linear {line:P1}");
            Assert.True(relu > 0.95, $"ReLU MLP: {relu:P1}");
        });
    }

    [Fact]
    public void The_decision_grid_has_steps_by_steps_probabilities_over_the_data()
    {
        var data = ToyData.MakeMoons(100, 0.1, seed: 0);
        var model = Lesson01.Mlp(2, 4, 1, () => nn.ReLU(), seed: 0);
        var grid = DecisionBoundary.Grid(model, data, steps: 30, margin: 0.5);
        Assert.Equal(30, grid.X.Length);
        Assert.Equal(30, grid.Y.Length);
        Assert.Equal(30, grid.Z.Length);
        Assert.All(grid.Z, row => Assert.Equal(30, row.Length));
        Assert.Equal(data.Column(0).Min() - 0.5, grid.X[0], 5);
        Assert.Equal(data.Column(1).Max() + 0.5, grid.Y[^1], 5);
        Assert.All(grid.Z.SelectMany(r => r), p => Assert.InRange(p, 0.0, 1.0));
        // With two outputs the grid holds softmax's probability of class 1.
        var twoOutputs = nn.Sequential(nn.Linear(2, 2)).to(Kit.Runtime.KitTorch.Device);
        Assert.All(DecisionBoundary.Grid(twoOutputs, data, steps: 10).Z.SelectMany(r => r), p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void Bad_model_arguments_throw_naming_the_argument()
    {
        var model = Lesson01.Mlp(2, 4, 1, () => nn.ReLU(), seed: 0);
        var (x, y) = ToyData.MakeMoons(20, 0.1, seed: 0).ToTensors();
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionBoundary.Grid(model, -1, 1, -1, 1, steps: 1)).ParamName);
        Assert.Equal("xMax", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionBoundary.Grid(model, 1, -1, -1, 1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => GradientFlow.LayerGradientNorms(model, x, y[..10])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => GradientFlow.LayerGradientNorms(model, x.reshape(-1), y)).ParamName);
    }
}
