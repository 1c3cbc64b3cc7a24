using Kit.Data;
using Kit.NetworkBasics;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class DeadReluTests
{
    [Fact]
    public void Units_pushed_far_negative_are_dead_under_relu_but_only_silent_under_leaky_relu()
    {
        var (x, y) = ToyData.MakeMoons(300, 0.2, seed: 1).ToTensors();
        var relu = Mlp.Build(2, 16, 2, 1, Activation.ReLU, seed: 0);
        var leaky = Mlp.Build(2, 16, 2, 1, Activation.LeakyReLU, seed: 0);
        // Bias −10 is far below anything w·x reaches on this data (|x| < 3, |w| < 0.75), so these units are off for every input.
        var knocked = DeadUnits.KnockOut(relu, 0.5, bias: -10, seed: 0);
        Assert.Equal(knocked, DeadUnits.KnockOut(leaky, 0.5, bias: -10, seed: 0));
        Assert.Equal(8, knocked.Length);

        var reluCensus = DeadUnits.Census(relu, x)[0];
        var leakyCensus = DeadUnits.Census(leaky, x)[0];
        Assert.True(reluCensus.Dead >= knocked.Length);
        Assert.True(leakyCensus.Silent >= knocked.Length);
        Assert.Equal(0, leakyCensus.Dead);

        // No gradient at all reaches the dead ReLU units; a small one reaches the leaky ones.
        Assert.Equal(0.0, DeadUnits.GradientToUnits(relu, x, y, knocked));
        Assert.True(DeadUnits.GradientToUnits(leaky, x, y, knocked) > 0);
    }

    [Fact]
    public void Training_never_moves_a_dead_relu_unit_but_does_move_a_silent_leaky_one()
    {
        var (x, y) = ToyData.MakeMoons(300, 0.2, seed: 1).ToTensors();
        foreach (var (activation, expectMoved) in new[] { (Activation.ReLU, false), (Activation.LeakyReLU, true) })
        {
            var model = Mlp.Build(2, 16, 2, 1, activation, seed: 0);
            var knocked = DeadUnits.KnockOut(model, 0.5, bias: -10, seed: 0);
            var first = Mlp.LinearLayers(model)[0];
            var before = first.weight!.cpu().data<float>().ToArray();
            FullBatch.Fit(model, x, y, epochs: 60, lr: 0.02);
            var after = first.weight!.cpu().data<float>().ToArray();
            bool moved = knocked.Any(u => before[2 * u] != after[2 * u] || before[2 * u + 1] != after[2 * u + 1]);
            Assert.True(moved == expectMoved, $"{activation}: knocked-out weights moved = {moved}");
            if (activation == Activation.ReLU)
                Assert.True(DeadUnits.Census(model, x)[0].Dead >= knocked.Length);
        }
    }

    [Fact]
    public void Knock_out_arguments_are_checked()
    {
        var model = Mlp.Build(2, 4, 1, 1, Activation.ReLU, seed: 0);
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => DeadUnits.KnockOut(model, 0)).ParamName);
        Assert.Equal("bias", Assert.Throws<ArgumentOutOfRangeException>(() => DeadUnits.KnockOut(model, 0.5, bias: 1)).ParamName);
    }
}
