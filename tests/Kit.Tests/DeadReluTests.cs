using Kit.Data;
using Kit.NetworkBasics;
using Kit.Tests.Lessons;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class DeadReluTests
{
    static readonly Func<nn.Module<Tensor, Tensor>> ReLU = () => nn.ReLU();
    static readonly Func<nn.Module<Tensor, Tensor>> LeakyReLU = () => nn.LeakyReLU(0.01);

    [Fact]
    public void Units_pushed_far_negative_are_dead_under_relu_but_only_silent_under_leaky_relu()
    {
        Seeds.Every(seed =>
        {
            var (x, y) = ToyData.MakeMoons(300, 0.2, seed: 1 + seed).ToTensors();
            var relu = Lesson01.Mlp(2, 16, 2, ReLU, seed);
            var leaky = Lesson01.Mlp(2, 16, 2, LeakyReLU, seed);
            // Bias −10 is far below anything w·x reaches on this data (|x| < 3, |w| < 0.75), so these units are off for every input.
            var knocked = DeadUnits.KnockOut(relu, 0.5, bias: -10, seed: seed);
            Assert.Equal(knocked, DeadUnits.KnockOut(leaky, 0.5, bias: -10, seed: seed));
            Assert.Equal(8, knocked.Length);

            var reluCensus = DeadUnits.Census(relu, x)[0];
            var leakyCensus = DeadUnits.Census(leaky, x)[0];
            Assert.True(reluCensus.Dead >= knocked.Length);
            Assert.True(leakyCensus.Silent >= knocked.Length);
            Assert.Equal(0, leakyCensus.Dead);

            // No gradient at all reaches the dead ReLU units; a small one reaches the leaky ones.
            Assert.Equal(0.0, DeadUnits.GradientToUnits(relu, x, y, knocked));
            Assert.True(DeadUnits.GradientToUnits(leaky, x, y, knocked) > 0);
        });
    }

    [Fact]
    public void Training_never_moves_a_dead_relu_unit_but_does_move_a_silent_leaky_one()
    {
        Seeds.Every(seed =>
        {
            var (x, y) = ToyData.MakeMoons(300, 0.2, seed: 1 + seed).ToTensors();
            foreach (var (activation, isLeaky) in new[] { (ReLU, false), (LeakyReLU, true) })
            {
                var model = Lesson01.Mlp(2, 16, 2, activation, seed);
                var knocked = DeadUnits.KnockOut(model, 0.5, bias: -10, seed: seed);
                var first = model.modules().OfType<Linear>().First();
                var before = first.weight!.cpu().data<float>().ToArray();
                Lesson01.Fit(model, x, y, epochs: 60, lr: 0.02);
                var after = first.weight!.cpu().data<float>().ToArray();
                bool moved = knocked.Any(u => before[2 * u] != after[2 * u] || before[2 * u + 1] != after[2 * u + 1]);
                Assert.True(moved == isLeaky, $"{(isLeaky ? "leaky ReLU" : "ReLU")}: knocked-out weights moved = {moved}");
                if (!isLeaky) Assert.True(DeadUnits.Census(model, x)[0].Dead >= knocked.Length);
            }
        });
    }

    [Fact]
    public void Knock_out_arguments_are_checked()
    {
        var model = Lesson01.Mlp(2, 4, 1, ReLU, seed: 0);
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => DeadUnits.KnockOut(model, 0)).ParamName);
        Assert.Equal("bias", Assert.Throws<ArgumentOutOfRangeException>(() => DeadUnits.KnockOut(model, 0.5, bias: 1)).ParamName);
    }
}
