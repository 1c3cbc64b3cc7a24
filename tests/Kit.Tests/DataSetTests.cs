using System.Text.Json;
using Kit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

public class DigitsTests
{
    static JsonElement Reference()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Kit.sln"))) d = d.Parent;
        var path = Path.Combine(d!.FullName, "tests", "Kit.Tests", "Fixtures", "digits", "digits_reference.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    [Fact]
    public void Digits_match_scikit_learns_load_digits()
    {
        var reference = Reference();
        var raw = Digits.Load(scaled: false);
        Assert.Equal(1797, raw.Count);
        Assert.Equal(64, raw.FeatureCount);
        var counts = reference.GetProperty("label_counts").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(counts, Enumerable.Range(0, 10).Select(c => raw.ClassCounts()[c]));
        Assert.Equal(new[] { 178, 182, 177, 183, 181, 182, 181, 179, 174, 180 }, counts);
        Assert.Equal(reference.GetProperty("first_labels").EnumerateArray().Select(e => e.GetInt64()), raw.Labels.Take(10));
        Assert.Equal(reference.GetProperty("first_image").EnumerateArray().Select(e => (float)e.GetInt32()), raw.Features.Take(64));
        Assert.Equal(reference.GetProperty("pixel_sum").GetInt64(), (long)raw.Features.Sum(v => (double)v));
        var mean = reference.GetProperty("mean_image").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        for (int p = 0; p < 64; p++)
            Assert.Equal(mean[p], raw.Column(p).Average(), 1e-9);
    }

    [Fact]
    public void Scaled_digits_lie_in_0_to_1_and_images_are_8_by_8()
    {
        var d = Digits.Load();
        Assert.Equal(1f, d.Features.Max());
        Assert.Equal(0f, d.Features.Min());
        var img = Digits.Image(d, 0);
        Assert.Equal(8, img.Length);
        Assert.All(img, r => Assert.Equal(8, r.Length));
        Assert.Equal(5 / 16.0, img[0][2], 6);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Digits.Image(d, 1797)).ParamName);
    }

    [Fact]
    public void Train_validation_split_is_stratified_disjoint_and_seeded()
    {
        var d = Digits.Load();
        var (train, val) = DataSplit.TrainValidation(d, 0.25, seed: 0);
        Assert.Equal(1797, train.Count + val.Count);
        foreach (var (label, n) in d.ClassCounts())
            Assert.InRange(val.ClassCounts()[label], (int)Math.Floor(n * 0.25), (int)Math.Ceiling(n * 0.25));
        var again = DataSplit.TrainValidation(d, 0.25, seed: 0).Validation;
        Assert.Equal(val.Features, again.Features);
        Assert.NotEqual(val.Features, DataSplit.TrainValidation(d, 0.25, seed: 1).Validation.Features);
        Assert.Equal("validationFraction", Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.TrainValidation(d, 1.0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Take(d, 0)).ParamName);
    }
}

public class ToyShapeTests
{
    [Fact]
    public void Circles_have_two_radii_and_blobs_gather_round_their_centres()
    {
        var c = ToyData.MakeCircles(200, noise: 0, factor: 0.4, seed: 1);
        Assert.Equal(100, c.ClassCounts()[0]);
        for (int i = 0; i < c.Count; i++)
        {
            double r = Math.Sqrt(c.Features[2 * i] * c.Features[2 * i] + c.Features[2 * i + 1] * c.Features[2 * i + 1]);
            Assert.Equal(c.Labels[i] == 0 ? 1.0 : 0.4, r, 5);
        }
        var b = ToyData.MakeBlobs(300, centers: 3, spread: 0.5, seed: 2);
        Assert.Equal(3, b.ClassCounts().Count);
        Assert.Equal(b.Features, ToyData.MakeBlobs(300, centers: 3, spread: 0.5, seed: 2).Features);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => ToyData.MakeCircles(factor: 1)).ParamName);
        Assert.Equal("centers", Assert.Throws<ArgumentOutOfRangeException>(() => ToyData.MakeBlobs(10, centers: 0)).ParamName);
    }
}

public class SequenceTests
{
    [Fact]
    public void Remember_first_labels_the_first_one_hot_token()
    {
        var (x, y) = Sequences.RememberFirst(50, gap: 9, vocab: 4, seed: 3);
        Assert.Equal(new long[] { 50, 10, 4 }, x.shape);
        Assert.Equal(new long[] { 50 }, y.shape);
        Assert.Equal(ScalarType.Int64, y.dtype);
        Assert.True(x.sum(2).eq(1).all().item<bool>());
        Assert.True(x.select(1, 0).argmax(1).eq(y).all().item<bool>());
        Assert.Equal(4, y.unique().Item1.shape[0]);
        Assert.Equal("gap", Assert.Throws<ArgumentOutOfRangeException>(() => Sequences.RememberFirst(5, -1)).ParamName);
    }

    [Fact]
    public void Parity_counts_ones_and_is_seeded()
    {
        var (x, y) = Sequences.Parity(64, 7, seed: 1);
        Assert.Equal(new long[] { 64, 7, 1 }, x.shape);
        Assert.True(x.sum([1, 2]).to(ScalarType.Int64).remainder(2).eq(y).all().item<bool>());
        Assert.True(Sequences.Parity(64, 7, seed: 1).X.equal(x).all().item<bool>());
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => Sequences.Parity(4, 0)).ParamName);
    }

    [Fact]
    public void Adding_problem_marks_two_steps_and_sums_their_values()
    {
        var (x, y) = Sequences.AddingProblem(32, 20, seed: 2);
        Assert.Equal(new long[] { 32, 20, 2 }, x.shape);
        Assert.Equal(new long[] { 32, 1 }, y.shape);
        Assert.True(x.select(2, 1).sum(1).eq(2).all().item<bool>());
        var sum = (x.select(2, 0) * x.select(2, 1)).sum(1, keepdim: true);
        Assert.True((sum - y).abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void Context_sum_adds_the_window_around_each_step()
    {
        var (x, y) = Sequences.ContextSum(8, 10, past: 1, future: 2, seed: 4);
        Assert.Equal(new long[] { 8, 10, 1 }, y.shape);
        var xs = x.data<float>().ToArray();
        var ys = y.data<float>().ToArray();
        for (int i = 0; i < 8; i++)
            for (int t = 0; t < 10; t++)
            {
                float s = 0;
                for (int k = Math.Max(0, t - 1); k <= Math.Min(9, t + 2); k++) s += xs[i * 10 + k];
                Assert.Equal(s, ys[i * 10 + t]);
            }
        Assert.Equal("future", Assert.Throws<ArgumentOutOfRangeException>(() => Sequences.ContextSum(4, 5, future: 5)).ParamName);
    }
}
