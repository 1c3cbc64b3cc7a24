using System.Text.Json;
using Kit.CrossValidation;
using Kit.Runtime;

namespace Kit.Tests;

/// <summary>
/// The unshuffled splitters against scikit-learn 1.2 (Fixtures/CrossValidation/make_fixtures.py): the very same
/// train and test indices, fold by fold, a refusal wherever scikit-learn refuses, and a warning wherever it warns.
/// </summary>
public class CrossValidationFixtureTests
{
    public static TheoryData<string> CaseNames() => FixtureCases.Names("CrossValidation", "folds.json");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Folds_match_scikit_learn(string name)
    {
        var c = FixtureCases.Named("CrossValidation", "folds.json", name);
        int n = c.GetProperty("n").GetInt32();
        long[]? y = c.TryGetProperty("y", out var ys) ? ys.EnumerateArray().Select(e => e.GetInt64()).ToArray() : null;
        var args = c.GetProperty("args");
        int? Arg(string key) => args.TryGetProperty(key, out var v) ? v.GetInt32() : null;

        Func<IReadOnlyList<Fold>> split = c.GetProperty("splitter").GetString() switch
        {
            "KFold" => () => new KFold(Arg("nSplits")!.Value).Split(n),
            "StratifiedKFold" => () => new StratifiedKFold(Arg("nSplits")!.Value).Split(n, y),
            "TimeSeriesSplit" => () => new TimeSeriesSplit(Arg("nSplits")!.Value, Arg("maxTrainSize"), Arg("testSize"), Arg("gap") ?? 0).Split(n),
            "LeaveOneOut" => () => new LeaveOneOut().Split(n),
            var other => throw new InvalidOperationException($"unknown splitter {other}"),
        };

        if (c.TryGetProperty("error", out var error))
        {
            var ex = Assert.ThrowsAny<ArgumentException>(() => split());
            Assert.False(string.IsNullOrEmpty(ex.ParamName), $"scikit-learn refuses ({error.GetString()}); the Kit's error must name the argument");
            return;
        }
        IReadOnlyList<Fold> folds;
        IReadOnlyList<KitWarning> warned;
        using (KitWarnings.Record(out warned)) folds = split();
        var expectedWarnings = c.TryGetProperty("warnings", out var w) ? w.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        Assert.Equal(expectedWarnings.Count, warned.Count);
        for (int i = 0; i < warned.Count; i++)   // scikit-learn's words, with the Kit's parameter name
            Assert.StartsWith(expectedWarnings[i].Replace("UserWarning: ", "").TrimEnd('.'), warned[i].Message.Replace("nSplits", "n_splits"));
        var expected = c.GetProperty("folds").EnumerateArray().ToList();
        Assert.Equal(expected.Count, folds.Count);
        for (int f = 0; f < folds.Count; f++)
        {
            Assert.Equal(f, folds[f].Index);
            Assert.Equal(expected[f].GetProperty("train").EnumerateArray().Select(e => e.GetInt32()).ToArray(), folds[f].Train);
            Assert.Equal(expected[f].GetProperty("test").EnumerateArray().Select(e => e.GetInt32()).ToArray(), folds[f].Test);
        }
    }

    [Fact]
    public void The_fixture_covers_every_splitter_and_the_uneven_stratified_allocation()
    {
        var cases = FixtureCases.All("CrossValidation", "folds.json");
        foreach (var s in new[] { "KFold", "StratifiedKFold", "TimeSeriesSplit", "LeaveOneOut" })
            Assert.Contains(cases, c => c.GetProperty("splitter").GetString() == s && c.TryGetProperty("folds", out _));
        // scikit-learn 1.2: 20 rows, classes 12/8, k = 5 → class 0 counts per test fold 3, 3, 2, 2, 2.
        var uneven = new StratifiedKFold(5).Split(20, Enumerable.Repeat(0L, 12).Concat(Enumerable.Repeat(1L, 8)).ToArray());
        Assert.Equal([3, 3, 2, 2, 2], uneven.Select(f => f.Test.Count(i => i < 12)).ToArray());
    }

}
