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
}
