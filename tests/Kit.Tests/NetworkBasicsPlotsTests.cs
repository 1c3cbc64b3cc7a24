using Kit.Data;
using Kit.NetworkBasics;
using Kit.Tests.Lessons;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class NetworkBasicsPlotsTests
{
    [Fact]
    public void The_activation_explorer_draws_each_function_and_its_derivative_with_one_button_per_activation()
    {
        var curves = new[] { Activation.Sigmoid, Activation.ReLU }.Select(a => Activations.Curve(a, -2, 2, 11)).ToList();
        var fig = Plots.ActivationExplorer(curves);
        Assert.Equal(4, fig.Data.Count);
        Assert.Equal(3, fig.Layout["updatemenus"]![0]!["buttons"]!.AsArray().Count); // All + one per activation
    }

    [Fact]
    public void Leaky_relu_drawn_over_relu_is_dotted_so_relu_stays_visible_in_the_all_view()
    {
        var curves = new[] { Activation.Sigmoid, Activation.Tanh, Activation.ReLU, Activation.LeakyReLU }.Select(a => Activations.Curve(a, -5, 5, 101)).ToList();
        var fig = Plots.ActivationExplorer(curves);
        Assert.Null(fig.Data[2]!["line"]!["dash"]);                              // Tanh(x): solid (its tail near 0 is not sigmoid's curve)
        Assert.Equal("dash", (string)fig.Data[3]!["line"]!["dash"]!);
        Assert.Null(fig.Data[4]!["line"]!["dash"]);                              // ReLU(x): solid
        Assert.Equal("dash", (string)fig.Data[5]!["line"]!["dash"]!);
        Assert.Equal("dot", (string)fig.Data[6]!["line"]!["dash"]!);             // LeakyReLU(x) lies on it for x > 0
        Assert.Equal("dot", (string)fig.Data[7]!["line"]!["dash"]!);             // and so does its derivative
    }

    [Fact]
    public void Decision_boundary_fills_are_opaque_so_they_match_their_colour_bar()
    {
        var data = ToyData.MakeMoons(40, 0.1, seed: 0);
        var model = Lesson01.Mlp(2, 4, 1, () => nn.ReLU(), seed: 0);
        var fill = Plots.DecisionBoundary(DecisionBoundary.Grid(model, data, steps: 10), data, "t").Data[0]!;
        Assert.True(fill["opacity"] is null || (double)fill["opacity"]! == 1.0);
        Assert.Equal(1.3, (double)fill["line"]!["smoothing"]!);
    }

    [Fact]
    public void The_decision_boundary_chart_has_two_contour_layers_and_one_scatter_per_class()
    {
        var data = ToyData.MakeMoons(40, 0.1, seed: 0);
        var model = Lesson01.Mlp(2, 4, 1, () => nn.ReLU(), seed: 0);
        var fig = Plots.DecisionBoundary(DecisionBoundary.Grid(model, data, steps: 10), data, "t");
        Assert.Equal(["contour", "contour", "scatter", "scatter"], fig.Data.Select(t => (string)t!["type"]!));
    }

    [Fact]
    public void The_gradient_chart_uses_a_log_axis_and_refuses_an_empty_network()
    {
        var fig = Plots.GradientNorms(("a", [1e-3, 1e-1]));
        Assert.Equal("log", (string)fig.Layout["yaxis"]!["type"]!);
        Assert.Equal("networks", Assert.Throws<ArgumentException>(() => Plots.GradientNorms(("a", []))).ParamName);
    }

    [Fact]
    public void The_softmax_chart_needs_one_label_per_score()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Plots.Softmax(["a"], [1.0, 2.0])).ParamName);
    }
}
