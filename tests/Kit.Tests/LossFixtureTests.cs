using System.Text.Json;
using Kit.Losses;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

/// <summary>
/// Kit.Losses against PyTorch 1.13 (Fixtures/Losses/make_fixtures.py): the loss and the gradient of the input,
/// on random and edge inputs, float32, to within 1e-6 (relative to the size of the value when it is above 1).
/// </summary>
[Collection(TorchCollection.Name)]
public class LossFixtureTests
{
    const double Tolerance = 1e-6;

    public static TheoryData<string> CaseNames() => FixtureCases.Names("Losses", "losses.json");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Value_and_gradient_match_pytorch(string name)
    {
        KitTorch.Setup();
        var c = FixtureCases.Named("Losses", "losses.json", name);
        long[] shape = c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        using var scope = NewDisposeScope();
        var input = tensor(Floats(c, "input"), shape).requires_grad_(true);
        var target = c.GetProperty("targetDtype").GetString() == "int64"
            ? tensor(c.GetProperty("target").EnumerateArray().Select(e => (long)e.GetDouble()).ToArray())
            : tensor(Floats(c, "target"), shape);
        var reduction = c.GetProperty("reduction").GetString() switch
        {
            "mean" => nn.Reduction.Mean,
            "sum" => nn.Reduction.Sum,
            _ => nn.Reduction.None,
        };
        var kwargs = c.GetProperty("kwargs");
        double Arg(string key, double fallback) => kwargs.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        Tensor? Optional(string key) => c.TryGetProperty(key, out _) ? tensor(Floats(c, key)) : null;

        var output = c.GetProperty("loss").GetString() switch
        {
            "binary_cross_entropy" => Loss.BinaryCrossEntropy(input, target, reduction),
            "binary_cross_entropy_with_logits" => Loss.BinaryCrossEntropyWithLogits(input, target, reduction, Optional("pos_weight")),
            "cross_entropy" => Loss.CrossEntropy(input, target, reduction, Optional("weight")),
            "mse_loss" => Loss.MseLoss(input, target, reduction),
            "l1_loss" => Loss.L1Loss(input, target, reduction),
            "huber_loss" => Loss.HuberLoss(input, target, reduction, Arg("delta", 1.0)),
            "sigmoid_focal_loss" => Loss.SigmoidFocalLoss(input, target, Arg("alpha", 0.25), Arg("gamma", 2.0), reduction),
            var other => throw new InvalidOperationException($"unknown loss {other}"),
        };
        if (reduction == nn.Reduction.None) (output * tensor(Floats(c, "upstream"), output.shape)).sum().backward();
        else output.backward();

        AssertClose(name, "value", Doubles(c, "expected"), output.detach().to(ScalarType.Float64).data<double>().ToArray());
        AssertClose(name, "gradient", Doubles(c, "expectedGrad"), input.grad!.to(ScalarType.Float64).data<double>().ToArray());
    }

    [Fact]
    public void The_fixture_covers_every_loss_and_reduction()
    {
        var cases = FixtureCases.All("Losses", "losses.json");
        Assert.True(cases.Count >= 50);
        foreach (var loss in new[] { "binary_cross_entropy", "binary_cross_entropy_with_logits", "cross_entropy", "mse_loss", "l1_loss", "huber_loss", "sigmoid_focal_loss" })
            foreach (var reduction in new[] { "mean", "sum", "none" })
                Assert.Contains(cases, c => c.GetProperty("loss").GetString() == loss && c.GetProperty("reduction").GetString() == reduction);
    }

    static void AssertClose(string name, string what, double[] expected, double[] actual)
    {
        Assert.True(expected.Length == actual.Length, $"{name}: {what} has {actual.Length} elements, PyTorch {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = Tolerance * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= allowed,
                $"{name}: {what}[{i}] is {actual[i]:R}, PyTorch {expected[i]:R} (allowed ±{allowed:E1})");
        }
    }

    static float[] Floats(JsonElement c, string key) => c.GetProperty(key).EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
    static double[] Doubles(JsonElement c, string key) => c.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

}
