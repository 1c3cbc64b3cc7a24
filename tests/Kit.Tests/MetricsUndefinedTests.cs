using System.Text.Json;
using Kit.Metrics;
using Kit.Runtime;

namespace Kit.Tests;

/// <summary>
/// Inputs scikit-learn 1.2 refuses or warns about (Fixtures/metrics/undefined.json, written by make_fixtures.py):
/// where it raises, the Kit throws and names the argument; where it warns, the Kit warns (KitWarnings) and returns
/// the same value; where it is silent, so is the Kit.
/// </summary>
public class MetricsUndefinedTests
{
    public static TheoryData<string> CaseNames() => FixtureCases.Names("metrics", "undefined.json");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Refuses_or_warns_where_scikit_learn_does(string name)
    {
        var c = FixtureCases.Named("metrics", "undefined.json", name);
        var (compute, argument, warningPhrase) = Metric(c);
        if (c.TryGetProperty("error", out var error))
        {
            var e = Assert.Throws<ArgumentException>(() => compute());
            Assert.Equal(argument, e.ParamName);
            Assert.Contains("sum", error.GetString()!);
            Assert.Contains("sums to", e.Message);
            return;
        }
        double value;
        IReadOnlyList<KitWarning> warned;
        using (KitWarnings.Record(out warned)) value = compute();
        var expected = c.GetProperty("value");
        Assert.Equal(expected.ValueKind == JsonValueKind.String ? double.Parse(expected.GetString()!) : expected.GetDouble(), value, 12);
        var sklearnWarnings = c.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(sklearnWarnings.Count, warned.Count);
        foreach (var (sk, kit) in sklearnWarnings.Zip(warned))
        {
            Assert.Contains(warningPhrase, sk);
            Assert.Contains(warningPhrase, kit.Message);
        }
    }

    static (Func<double> Compute, string Argument, string WarningPhrase) Metric(JsonElement c)
    {
        int[] Ints(string p) => [.. c.GetProperty(p).EnumerateArray().Select(e => e.GetInt32())];
        double[] Doubles(string p) => [.. c.GetProperty(p).EnumerateArray().Select(e => e.GetDouble())];
        return c.GetProperty("metric").GetString() switch
        {
            "rocAucOvr" => (() => Ranking.RocAucOneVsRest(Ints("yTrue"),
                [.. c.GetProperty("yProb").EnumerateArray().Select(r => (IReadOnlyList<double>)[.. r.EnumerateArray().Select(e => e.GetDouble())])]),
                "yProb", "probabilities"),
            "r2" => (() => Regression.R2(Doubles("y"), Doubles("yHat")), "y", "not well-defined"),
            "averagePrecision" => (() => Ranking.AveragePrecision(Ints("yTrue"), Doubles("yScore")), "yTrue", "No positive class found"),
            var other => throw new InvalidOperationException($"unknown metric {other}"),
        };
    }
}
