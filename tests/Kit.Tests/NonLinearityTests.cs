using Kit.Data;
using Kit.NetworkBasics;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class NonLinearityTests
{
    [Fact]
    public void A_stack_of_linear_layers_without_activation_collapses_to_one_linear_map()
    {
        var model = Mlp.Build(inputs: 2, width: 8, depth: 3, outputs: 1, Activation.None, seed: 11);
        using var single = LinearCollapse.Collapse(model);
        Assert.Equal(new long[] { 1, 2 }, single.weight!.shape);
        var (x, _) = ToyData.MakeMoons(200, 0.2, seed: 5).ToTensors();
        using var _g = no_grad();
        using var scope = NewDisposeScope();
        var gap = (model.call(x) - single.call(x)).abs().max().item<float>();
        Assert.True(gap < 1e-5, $"the stack and its collapsed Linear differ by {gap}");
    }

    [Fact]
    public void Collapsing_multiplies_the_weights_as_worked_by_hand()
    {
        // Two 1-input layers: y = 3·(2x + 1) − 4 = 6x − 1, so W = 3·2 = 6 and b = 3·1 − 4 = −1.
        var model = Mlp.Build(1, 1, 1, 1, Activation.None, seed: 0);
        var layers = Mlp.LinearLayers(model);
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
        var model = Mlp.Build(2, 4, 2, 1, Activation.ReLU, seed: 0);
        var e = Assert.Throws<ArgumentException>(() => LinearCollapse.Collapse(model));
        Assert.Equal("model", e.ParamName);
        Assert.Contains("act1", e.Message);
    }

    [Fact]
    public void On_two_moons_a_deep_linear_stack_stays_linear_while_a_relu_mlp_fits_the_curve()
    {
        var (x, y) = ToyData.MakeMoons(400, 0.15, seed: 1).ToTensors();
        var (xt, yt) = ToyData.MakeMoons(400, 0.15, seed: 2).ToTensors();

        var linearStack = Mlp.Build(2, 16, 3, 1, Activation.None, seed: 0);
        FullBatch.Fit(linearStack, x, y, epochs: 400, lr: 0.02);
        var oneLinear = Mlp.Build(2, 16, 0, 1, Activation.None, seed: 0);
        FullBatch.Fit(oneLinear, x, y, epochs: 400, lr: 0.02);
        var relu = Mlp.Build(2, 16, 3, 1, Activation.ReLU, seed: 0);
        FullBatch.Fit(relu, x, y, epochs: 400, lr: 0.02);

        double stackAcc = FullBatch.Accuracy(linearStack, xt, yt), lineAcc = FullBatch.Accuracy(oneLinear, xt, yt), reluAcc = FullBatch.Accuracy(relu, xt, yt);
        Assert.True(stackAcc < 0.9, $"linear stack: {stackAcc:P1}");
        Assert.True(Math.Abs(stackAcc - lineAcc) < 0.03, $"linear stack {stackAcc:P1} vs one Linear {lineAcc:P1}");
        Assert.True(reluAcc > 0.95, $"ReLU MLP: {reluAcc:P1}");
    }

    [Fact]
    public void Training_lowers_the_loss_and_reports_every_epoch()
    {
        var (x, y) = ToyData.MakeMoons(200, 0.1, seed: 0).ToTensors();
        var model = Mlp.Build(2, 8, 1, 1, Activation.Tanh, seed: 0);
        var fit = FullBatch.Fit(model, x, y, epochs: 50, lr: 0.05, OptimizerKind.SGD);
        Assert.Equal(50, fit.Losses.Length);
        Assert.True(fit.FinalLoss < fit.Losses[0]);
    }

    [Fact]
    public void A_multi_output_model_trains_with_softmax_cross_entropy()
    {
        var (x, y) = ToyData.MakeMoons(200, 0.1, seed: 0).ToTensors();
        var model = Mlp.Build(2, 16, 2, 2, Activation.ReLU, seed: 0);
        var fit = FullBatch.Fit(model, x, y, epochs: 150, lr: 0.02);
        Assert.True(fit.TrainAccuracy > 0.95, fit.ToString());
        var grid = DecisionBoundary.Grid(model, ToyData.MakeMoons(200, 0.1, seed: 0), steps: 20);
        Assert.All(grid.Z.SelectMany(r => r), p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void The_decision_grid_has_steps_by_steps_probabilities_over_the_data()
    {
        var data = ToyData.MakeMoons(100, 0.1, seed: 0);
        var model = Mlp.Build(2, 4, 1, 1, Activation.ReLU, seed: 0);
        var grid = DecisionBoundary.Grid(model, data, steps: 30, margin: 0.5);
        Assert.Equal(30, grid.X.Length);
        Assert.Equal(30, grid.Y.Length);
        Assert.Equal(30, grid.Z.Length);
        Assert.All(grid.Z, row => Assert.Equal(30, row.Length));
        Assert.Equal(data.Column(0).Min() - 0.5, grid.X[0], 5);
        Assert.Equal(data.Column(1).Max() + 0.5, grid.Y[^1], 5);
        Assert.All(grid.Z.SelectMany(r => r), p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void Bad_training_and_model_arguments_throw_naming_the_argument()
    {
        var (x, y) = ToyData.MakeMoons(20, 0.1, seed: 0).ToTensors();
        var model = Mlp.Build(2, 4, 1, 1, Activation.ReLU, seed: 0);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Build(2, 0, 1, 1, Activation.ReLU)).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => Mlp.Build(2, 4, -1, 1, Activation.ReLU)).ParamName);
        Assert.Equal("lr", Assert.Throws<ArgumentOutOfRangeException>(() => FullBatch.Fit(model, x, y, epochs: 1, lr: 0)).ParamName);
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => FullBatch.Fit(model, x, y, epochs: 0)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => FullBatch.Fit(model, x, y[..10])).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionBoundary.Grid(model, -1, 1, -1, 1, steps: 1)).ParamName);
        Assert.Equal("xMax", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionBoundary.Grid(model, 1, -1, -1, 1)).ParamName);
    }
}
