using Kit.Losses;
using Kit.Runtime;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Kit.Tests;

/// <summary>The loss-functions lesson's effects, small and seeded.</summary>
[Collection(TorchCollection.Name)]
public class LossClaimTests(ITestOutputHelper output)
{
    [Fact]
    public void Under_outliers_the_huber_slope_sits_between_the_mse_and_mae_slopes()
    {
        Seeds.Every(seed =>
        {
            var data = LineFit.MakeData(seed: seed);
            var mse = LineFit.Fit(data, (p, t) => Loss.MseLoss(p, t), "MSE");
            var mae = LineFit.Fit(data, (p, t) => Loss.L1Loss(p, t), "MAE");
            var huber = LineFit.Fit(data, (p, t) => Loss.HuberLoss(p, t, delta: 2.0), "Huber δ=2");
            output.WriteLine($"seed {seed}: {data}\n{mse}\n{mae}\n{huber}");
            Assert.True(mae.Slope < huber.Slope && huber.Slope < mse.Slope, $"expected MAE < Huber < MSE: {mae.Slope:F3}, {huber.Slope:F3}, {mse.Slope:F3}");
            // The outliers drag MSE far from the true slope; MAE stays close to it.
            Assert.True(Math.Abs(mse.Slope - data.TrueSlope) > 3 * Math.Abs(mae.Slope - data.TrueSlope));
        });
    }

    [Fact]
    public void Focal_loss_gives_higher_rare_class_recall_than_cross_entropy_at_threshold_one_half()
    {
        Seeds.Every(seed =>
        {
            var train = Imbalanced.MakeData(seed: 2 * seed + 1);
            var test = Imbalanced.MakeData(seed: 2 * seed + 2);
            var ce = Imbalanced.Compare(train, test, (x, t) => Loss.BinaryCrossEntropyWithLogits(x, t), "cross-entropy");
            var focal = Imbalanced.Compare(train, test, (x, t) => Loss.SigmoidFocalLoss(x, t, alpha: 0.75, gamma: 2), "focal γ=2, α=0.75");
            output.WriteLine($"seed {seed}: {ce}\n{focal}");
            Assert.True(focal.Recall > ce.Recall + 0.1, $"focal recall {focal.Recall:P1} vs cross-entropy {ce.Recall:P1}");
            Assert.True(focal.Precision < ce.Precision, "the price of the extra recall is precision");
        });
    }

    [Fact]
    public void Losses_refuse_bad_input_naming_the_argument()
    {
        KitTorch.Setup();
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { 0.2f, 0.8f });
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Loss.MseLoss(x, tensor(new float[] { 1, 2, 3 }))).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => Loss.L1Loss(zeros(0), zeros(0))).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.BinaryCrossEntropy(tensor(new float[] { 1.5f, 0 }), x)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Loss.BinaryCrossEntropyWithLogits(x, tensor(new long[] { 0, 1 }))).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.HuberLoss(x, x, delta: 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.SigmoidFocalLoss(x, x, gamma: -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.SigmoidFocalLoss(x, x, alpha: 2)).ParamName);
        var logits = zeros(3, 4);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => Loss.CrossEntropy(logits, tensor(new long[] { 0, 4, 1 }))).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(logits, tensor(new long[] { 0, 1 }))).ParamName);
        Assert.Equal("input", Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(zeros(4), tensor(new long[] { 0, 1, 0, 1 }))).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentException>(() => Loss.CrossEntropy(logits, tensor(new long[] { 0, 1, 2 }), weight: ones(3))).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => LineFit.MakeData(n: 1)).ParamName);
        Assert.Equal("rareFraction", Assert.Throws<ArgumentOutOfRangeException>(() => Imbalanced.MakeData(rareFraction: 0.6)).ParamName);
    }

    [Fact]
    public void The_kit_losses_train_a_model_like_pytorchs_own()
    {
        // Same seeded start, same data: a line fitted with Kit's MSE ends where one fitted with F.mse_loss ends.
        var data = LineFit.MakeData(n: 30, outliers: 0, seed: 3);
        var kit = LineFit.Fit(data, (p, t) => Loss.MseLoss(p, t), "Kit", epochs: 200);
        var torchOwn = LineFit.Fit(data, (p, t) => nn.functional.mse_loss(p, t), "torch", epochs: 200);
        Assert.Equal(torchOwn.Slope, kit.Slope, 4);
        Assert.Equal(torchOwn.Intercept, kit.Intercept, 4);
    }

    [Fact]
    public void Loss_curves_have_the_textbook_shapes()
    {
        var reg = LossCurves.Regression(range: 4, points: 81, 1.0);
        var (mse, mae, huber) = (reg[0], reg[1], reg[2]);
        int end = reg[0].X.Length - 1;      // residual +4
        Assert.Equal(16, mse.Value[end], 4);
        Assert.Equal(4, mae.Value[end], 4);
        Assert.Equal(3.5, huber.Value[end], 4);   // δ(|d| − δ/2) = 1·(4 − 0.5)
        Assert.Equal(8, mse.Slope[end], 4);       // slope 2d grows with the error
        Assert.Equal(1, mae.Slope[end], 4);       // constant slope
        Assert.Equal(1, huber.Slope[end], 4);     // capped at δ
        var cls = LossCurves.Classification(points: 99, 2.0);
        // For a confident correct prediction (p = 0.99) focal loss is far smaller than cross-entropy.
        Assert.True(cls[1].Value[^1] < 0.001 * cls[0].Value[^1]);
    }
}
