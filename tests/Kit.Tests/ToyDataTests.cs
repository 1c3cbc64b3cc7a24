using Kit.Data;
using Kit.Runtime;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class ToyDataTests
{
    [Fact]
    public void Two_moons_has_n_points_of_two_features_with_balanced_labels()
    {
        var data = ToyData.MakeMoons(200, noise: 0.1, seed: 3);
        Assert.Equal(200, data.Count);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal(400, data.Features.Length);
        Assert.Equal(new Dictionary<long, int> { [0] = 100, [1] = 100 }, data.ClassCounts());
    }

    [Fact]
    public void An_odd_count_gives_the_lower_moon_the_extra_point()
    {
        var counts = ToyData.MakeMoons(101, noise: 0.1, seed: 0).ClassCounts();
        Assert.Equal(50, counts[0]);
        Assert.Equal(51, counts[1]);
    }

    [Fact]
    public void Without_noise_every_point_lies_on_its_half_circle()
    {
        var data = ToyData.MakeMoons(60, noise: 0, seed: 1);
        var x = data.Column(0);
        var y = data.Column(1);
        for (int i = 0; i < data.Count; i++)
        {
            // Upper moon: unit circle around (0, 0), y ≥ 0. Lower moon: unit circle around (1, 0.5), y ≤ 0.5.
            var (cx, cy) = data.Labels[i] == 0 ? (0.0, 0.0) : (1.0, 0.5);
            Assert.Equal(1.0, Math.Sqrt((x[i] - cx) * (x[i] - cx) + (y[i] - cy) * (y[i] - cy)), 5);
            if (data.Labels[i] == 0) Assert.True(y[i] >= -1e-6); else Assert.True(y[i] <= 0.5 + 1e-6);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_points_and_another_seed_different_ones()
    {
        var a = ToyData.MakeMoons(300, 0.2, seed: 7);
        var b = ToyData.MakeMoons(300, 0.2, seed: 7);
        var c = ToyData.MakeMoons(300, 0.2, seed: 8);
        Assert.Equal(a.Features, b.Features);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features, c.Features);
    }

    [Fact]
    public void The_points_are_shuffled_so_a_prefix_holds_both_classes()
    {
        var first20 = ToyData.MakeMoons(400, 0.1, seed: 0).Labels.Take(20).Distinct().Count();
        Assert.Equal(2, first20);
    }

    [Fact]
    public void Tensors_have_float_features_and_long_labels_on_the_kit_device()
    {
        var (x, y) = ToyData.MakeMoons(50, 0.1, seed: 0).ToTensors();
        using (x) using (y)
        {
            Assert.Equal(new long[] { 50, 2 }, x.shape);
            Assert.Equal(TorchSharp.torch.ScalarType.Float32, x.dtype);
            Assert.Equal(new long[] { 50 }, y.shape);
            Assert.Equal(TorchSharp.torch.ScalarType.Int64, y.dtype);
            Assert.Equal(KitTorch.Device.type, x.device.type);
        }
    }

    [Theory]
    [InlineData(1, 0.1, "n")]
    [InlineData(-5, 0.1, "n")]
    [InlineData(100, -0.1, "noise")]
    [InlineData(100, double.NaN, "noise")]
    [InlineData(100, double.PositiveInfinity, "noise")]
    public void Bad_arguments_throw_naming_the_argument(int n, double noise, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ToyData.MakeMoons(n, noise, seed: 0));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Asking_for_a_feature_that_does_not_exist_names_the_argument()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ToyData.MakeMoons(10, 0, 0).Column(2));
        Assert.Equal("feature", e.ParamName);
    }
}
