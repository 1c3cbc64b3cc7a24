using Kit.Regularization;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class RegularizationToolTests
{
    [Fact]
    public void Penalties_match_their_formulas_and_skip_biases()
    {
        var m = Nets.Mlp(3, [2], 1, seed: 0);
        var w = Penalties.Weights(m);
        Assert.Equal(2, w.Count);
        double l1 = w.Sum(p => p.abs().sum().item<float>()), l2 = w.Sum(p => p.pow(2).sum().item<float>());
        Assert.Equal(0.1 * l1, Penalties.L1(m, 0.1)().item<float>(), 5);
        Assert.Equal(0.2 * l2, Penalties.L2(m, 0.2)().item<float>(), 5);
        Assert.Equal(0.1 * l1 + 0.2 * l2, Penalties.ElasticNet(m, 0.1, 0.2)().item<float>(), 5);
        Assert.Equal("l1", Assert.Throws<ArgumentOutOfRangeException>(() => Penalties.L1(m, -1)).ParamName);
        Assert.Equal("lambda", Assert.Throws<ArgumentOutOfRangeException>(() => new ProximalL1(0)).ParamName);
    }

    [Fact]
    public void Soft_threshold_shrinks_towards_zero_and_stops_there()
    {
        Assert.Equal(0.7, ProximalL1.SoftThreshold(1.0, 0.3), 12);
        Assert.Equal(-0.7, ProximalL1.SoftThreshold(-1.0, 0.3), 12);
        Assert.Equal(0.0, ProximalL1.SoftThreshold(0.2, 0.3));
        Assert.Equal(0.0, ProximalL1.SoftThreshold(-0.2, 0.3));
    }

    [Fact]
    public void Shift_moves_pixels_and_fills_with_background()
    {
        var img = zeros(1, 64);
        img[0, 3 * 8 + 4] = tensor(1f); // row 3, column 4
        var right = Augmentation.Shift(img, 1, 0);
        Assert.Equal(1f, right[0, 3 * 8 + 5].item<float>());
        var down = Augmentation.Shift(img, 0, 2);
        Assert.Equal(1f, down[0, 5 * 8 + 4].item<float>());
        Assert.Equal(0f, Augmentation.Shift(img, 4, 0).sum().item<float>()); // pushed off the right edge
        var random = Augmentation.RandomShift(ones(20, 64), 1, seed: 3);
        Assert.True(random.sum().item<float>() < 20 * 64);
        Assert.True(random.equal(Augmentation.RandomShift(ones(20, 64), 1, seed: 3)).all().item<bool>());
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => Augmentation.Shift(zeros(2, 10), 1, 0)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentOutOfRangeException>(() => Augmentation.Shift(img, 8, 0)).ParamName);
    }
}
