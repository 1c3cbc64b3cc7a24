using Kit.CrossValidation;
using Kit.Metrics;

namespace Kit.Tests;

/// <summary>Shuffled splits (properties), the cross-validation lesson's claims, and bad input.</summary>
public class CrossValidationTests
{
    static void AssertPartition(IReadOnlyList<Fold> folds, int n)
    {
        // Every row is tested exactly once, and train ∪ test = all rows with no overlap, in each fold.
        Assert.Equal(Enumerable.Range(0, n), folds.SelectMany(f => f.Test).Order());
        foreach (var f in folds)
        {
            Assert.Empty(f.Train.Intersect(f.Test));
            Assert.Equal(n, f.Train.Length + f.Test.Length);
            Assert.Equal(f.Train.Order(), f.Train);
            Assert.Equal(f.Test.Order(), f.Test);
        }
    }

    [Theory]
    [InlineData(10, 3, 0)]
    [InlineData(23, 5, 1)]
    [InlineData(100, 10, 42)]
    public void Shuffled_kfold_partitions_the_rows_into_folds_of_near_equal_size(int n, int k, int seed)
    {
        var folds = new KFold(k, shuffle: true, seed: seed).Split(n);
        AssertPartition(folds, n);
        Assert.True(folds.Max(f => f.Test.Length) - folds.Min(f => f.Test.Length) <= 1);
        Assert.NotEqual(new KFold(k).Split(n)[0].Test, folds[0].Test);                              // shuffled
        Assert.Equal(folds[0].Test, new KFold(k, shuffle: true, seed: seed).Split(n)[0].Test);       // seeded
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Shuffled_stratified_kfold_partitions_and_keeps_the_class_counts_within_one(int seed)
    {
        var y = Enumerable.Range(0, 60).Select(i => i < 42 ? 0L : i < 54 ? 1L : 2L).ToArray();     // 42/12/6, sorted
        var folds = new StratifiedKFold(5, shuffle: true, seed: seed).Split(y.Length, y);
        AssertPartition(folds, y.Length);
        foreach (var cls in new[] { 0L, 1L, 2L })
        {
            var counts = folds.Select(f => f.Test.Count(i => y[i] == cls)).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, $"class {cls}: {string.Join(", ", counts)}");
        }
        Assert.NotEqual(new StratifiedKFold(5).Split(y.Length, y)[0].Test, folds[0].Test);
    }

    [Fact]
    public void Stratified_folds_keep_the_class_ratio_within_one_sample_while_plain_kfold_on_sorted_labels_does_not()
    {
        var y = Enumerable.Range(0, 100).Select(i => i < 90 ? 0L : 1L).ToArray();   // 10% rare, sorted by label
        double ratio = 0.1;
        bool Within1(IReadOnlyList<Fold> folds) => folds.All(f => Math.Abs(f.Test.Count(i => y[i] == 1) - ratio * f.Test.Length) <= 1);
        var strat = new StratifiedKFold(5).Split(y.Length, y);
        var plain = new KFold(5).Split(y.Length);
        Assert.True(Within1(strat));
        Assert.False(Within1(plain));
        Assert.Equal([0, 0, 0, 0, 10], plain.Select(f => f.Test.Count(i => y[i] == 1)).ToArray());   // every rare row in the last fold
    }

    [Fact]
    public void Random_kfold_scores_a_time_series_better_than_walk_forward_validation_and_the_future_agrees_with_walk_forward()
    {
        Seeds.Every(seed =>
        {
            var table = Forecasting.LagFeatures(Forecasting.MakeSeries(seed: seed), lags: 7);
            var random = CrossValidate.Run(new KFold(5, shuffle: true, seed: seed), table.Count, f => Forecasting.KnnFoldScore(table, f, Regression.Rmse));
            var walk = CrossValidate.Run(new TimeSeriesSplit(5), table.Count, f => Forecasting.KnnFoldScore(table, f, Regression.Rmse));
            int cut = table.Count * 4 / 5;
            double future = Forecasting.KnnFoldScore(table, new Fold(0, Enumerable.Range(0, cut).ToArray(), Enumerable.Range(cut, table.Count - cut).ToArray()), Regression.Rmse);
            Assert.True(random.Mean < walk.Mean / 2, $"random k-fold RMSE {random.Mean:F2} vs walk-forward {walk.Mean:F2}");
            Assert.True(future > 2 * random.Mean, $"the real future error {future:F2} is far above random k-fold's {random.Mean:F2}");
            Assert.True(Math.Abs(walk.Mean - future) < Math.Abs(random.Mean - future));
        });
    }

    [Fact]
    public void Leave_one_out_trains_one_model_per_row_and_tests_each_row_once()
    {
        int fits = 0;
        var x = Enumerable.Range(0, 12).Select(i => new[] { (double)i }).ToArray();
        var yv = x.Select(r => 2 * r[0] + (r[0] % 3)).ToArray();
        var result = CrossValidate.Run(new LeaveOneOut(), 12,
            train => { fits++; return new KNeighborsRegressor(2).Fit(train.Select(i => x[i]).ToArray(), train.Select(i => yv[i]).ToArray()); },
            (model, test) => Math.Abs(model.Predict([x[test[0]]])[0] - yv[test[0]]));
        Assert.Equal(12, fits);
        Assert.Equal(12, result.Scores.Length);
        Assert.True(result.Mean > 0);
        AssertPartition(new LeaveOneOut().Split(12), 12);
    }

    [Fact]
    public void Time_series_folds_never_train_on_the_future_and_leave_the_gap_out()
    {
        var folds = new TimeSeriesSplit(4, maxTrainSize: 10, testSize: 5, gap: 2).Split(50);
        foreach (var f in folds)
        {
            Assert.True(f.Train.Max() + 2 < f.Test.Min());
            Assert.True(f.Train.Length <= 10);
        }
        var roles = FoldPlots.Roles(folds, 50);
        Assert.Equal(2, roles[0].Count(r => r == FoldPlots.Gap));
        Assert.Equal(5, roles[3].Count(r => r == FoldPlots.Test));
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_argument_named()
    {
        Assert.Equal("nSplits", Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(1)).ParamName);
        Assert.Equal("nSplits", Assert.Throws<ArgumentOutOfRangeException>(() => new StratifiedKFold(0)).ParamName);
        Assert.Equal("nSplits", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(1)).ParamName);
        Assert.Equal("nSplits", Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(6).Split(5)).ParamName);
        Assert.Equal("nSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(2).Split(0)).ParamName);
        Assert.Equal("nSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new LeaveOneOut().Split(1)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new KFold(2).Split(4, [0, 1, 0])).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => new StratifiedKFold(2).Split(4)).ParamName);
        Assert.Equal("gap", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(3, gap: -1)).ParamName);
        Assert.Equal("gap", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(3, testSize: 3, gap: 1).Split(10)).ParamName);
        Assert.Equal("testSize", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(3, testSize: 0)).ParamName);
        Assert.Equal("maxTrainSize", Assert.Throws<ArgumentOutOfRangeException>(() => new TimeSeriesSplit(3, maxTrainSize: 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Forecasting.LagFeatures([1.0, 2.0], lags: 2)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => new KNeighborsRegressor(1).Fit([[1.0], [2.0]], [1.0])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new KNeighborsRegressor(3).Fit([[1.0], [2.0]], [1.0, 2.0])).ParamName);
        Assert.Equal("nNeighbors", Assert.Throws<ArgumentOutOfRangeException>(() => new KNeighborsRegressor(0)).ParamName);
    }

    [Fact]
    public void Scores_per_fold_are_drawn_against_whole_fold_numbers()
    {
        var fig = FoldPlots.ScorePerFold("RMSE per fold", "RMSE", ("random k-fold", [1.0, 2, 3, 4, 5]), ("walk-forward", [2.0, 3, 4, 5, 6]));
        Assert.Equal(1, fig.Layout["xaxis"]!["dtick"]!.GetValue<int>());   // no ticks at 1.5, 2.5
        Assert.Equal(1, fig.Layout["xaxis"]!["tick0"]!.GetValue<int>());
        Assert.Equal([1, 2, 3, 4, 5], fig.Data[1]!["x"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal("walk-forward", fig.Data[1]!["name"]!.GetValue<string>());
        Assert.Equal("runs", Assert.Throws<ArgumentException>(() => FoldPlots.ScorePerFold("t", "s")).ParamName);
    }
}
