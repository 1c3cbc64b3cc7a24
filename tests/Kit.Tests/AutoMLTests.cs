using Kit.AutoML;

namespace Kit.Tests;

/// <summary>The AutoML job's ranking, budget, failure handling and input checks, on small tables whose scores are worked by hand.</summary>
public class AutoMLTests
{
    // y = 2x on ten rows; two folds: even rows and odd rows.
    static readonly Table Line = new([("x", Enumerable.Range(0, 10).Select(i => (double)i).ToArray()), ("y", Enumerable.Range(0, 10).Select(i => 2.0 * i).ToArray())]);
    static readonly FoldSplitter EvenOdd = (rows, _) =>
    [
        (Enumerable.Range(0, rows).Where(i => i % 2 == 1).ToArray(), Enumerable.Range(0, rows).Where(i => i % 2 == 0).ToArray()),
        (Enumerable.Range(0, rows).Where(i => i % 2 == 0).ToArray(), Enumerable.Range(0, rows).Where(i => i % 2 == 1).ToArray()),
    ];

    static double Mse(Predictions p) => p.Truth.Zip(p.Values, (t, v) => (t - v) * (t - v)).Average();

    static Algorithm Predicting(string name, Func<TrainingSet, float, double> value) =>
        Algorithm.Define(name, new Dictionary<string, double>(), [Preprocessing.None], train => rows => rows.Select(r => new[] { value(train, r) }).ToArray());

    static readonly Algorithm[] Regressors =
    [
        Predicting("mean of the training target", (train, _) => train.Target.Average()),
        Predicting("2x + 1", (_, x) => 2 * x + 1),
        Predicting("2x", (_, x) => 2 * x),
    ];

    [Fact]
    public void A_minimised_objective_ranks_the_smallest_error_first()
    {
        var board = new AutoMLJob("y", Objective.Define("MSE", Mse), EvenOdd).Run(Line, Regressors);
        Assert.Equal(ProblemType.Regression, board.ProblemType);
        Assert.Equal(["2x", "2x + 1", "mean of the training target"], board.Ranked.Select(r => r.Candidate.Algorithm.Name));
        Assert.Equal(0, board.Best.Score, 12);
        Assert.Equal(1, board.Ranked[1].Score, 12);
        // Fold 1 trains on the odd rows (mean target 10) and tests on the even ones: (0−10)², (4−10)² … (16−10)² average 180 / 5 = 36;
        // fold 2 trains on the even rows (mean 8) and tests on 2, 6 … 18: 36 again.
        Assert.Equal([36.0, 36.0], board.Ranked[2].FoldScores);
    }

    [Fact]
    public void A_maximised_objective_ranks_the_largest_score_first()
    {
        // R² = 1 − MSE / variance of the held-out target (variance 32 on both folds).
        var board = new AutoMLJob("y", Objective.Define("R2", p => 1 - Mse(p) / p.Truth.Average(t => Math.Pow(t - p.Truth.Average(), 2))), EvenOdd).Run(Line, Regressors);
        Assert.Equal(["2x", "2x + 1", "mean of the training target"], board.Ranked.Select(r => r.Candidate.Algorithm.Name));
        Assert.Equal(1 - 1 / 32.0, board.Ranked[1].Score, 12);
        Assert.Equal(1 - 36 / 32.0, board.Ranked[2].Score, 12);
    }

    [Fact]
    public void A_candidate_that_throws_is_recorded_as_failed_ranked_last_and_the_job_goes_on()
    {
        var broken = Algorithm.Define("broken", new Dictionary<string, double>(), [Preprocessing.None], train => throw new InvalidOperationException("out of memory"));
        var nan = Predicting("not a number", (_, _) => double.NaN);
        var board = new AutoMLJob("y", Objective.Define("MSE", Mse), EvenOdd).Run(Line, [broken, Regressors[2], nan, Regressors[0]]);
        Assert.Equal(["2x", "mean of the training target", "broken", "not a number"], board.Ranked.Select(r => r.Candidate.Algorithm.Name));
        Assert.Contains("out of memory", board.Ranked[2].Failure);
        Assert.Contains("NaN", board.Ranked[3].Failure);
        Assert.True(double.IsNaN(board.Ranked[2].Score));
        Assert.Equal("2x", board.Best.Candidate.Algorithm.Name);
        Assert.Contains("failed: InvalidOperationException: out of memory", board.ToString());
    }

    [Fact]
    public void The_budget_stops_the_job_after_max_candidates_each_preprocessing_a_candidate()
    {
        var both = Algorithm.Define("2x, either way", new Dictionary<string, double>(), [Preprocessing.None, Preprocessing.Standardize], train => rows => rows.Select(r => new[] { 2.0 * r }).ToArray());
        var board = new AutoMLJob("y", Objective.Define("MSE", Mse), EvenOdd) { MaxCandidates = 3 }.Run(Line, [both, .. Regressors]);
        Assert.Equal(["2x, either way / none", "2x, either way / standardize", "mean of the training target / none"], board.Ranked.Select(r => r.Candidate.Name).Order());
        // Standardised x is no longer x, so "2x" on it misses: the preprocessing changed what the algorithm saw.
        Assert.True(board.Ranked.Single(r => r.Candidate.Preprocessing == Preprocessing.Standardize).Score > 1);
    }

    [Fact]
    public void Standardising_uses_the_training_rows_statistics_only()
    {
        // Training rows 0, 2, 4: mean 2, population standard deviation √(8/3); a held-out 6 becomes (6 − 2) / √(8/3).
        var step = Preprocessing.Standardize.Fit([0f, 2f, 4f], featureCount: 1);
        Assert.Equal(4 / Math.Sqrt(8 / 3.0), step([6f])[0], 5);
        Assert.Equal([5f], Preprocessing.Standardize.Fit([3f, 3f], 1)([5f]).Select(v => v + 3f));   // a constant column is only centred
    }

    [Fact]
    public void The_problem_type_is_inferred_from_the_target()
    {
        Assert.Equal(ProblemType.BinaryClassification, ProblemTypes.Infer([3, 7, 3]));
        Assert.Equal(ProblemType.MulticlassClassification, ProblemTypes.Infer([0, 1, 2, 1]));
        Assert.Equal(ProblemType.Regression, ProblemTypes.Infer([0.5, 1, 2]));
        Assert.Equal(["F1", "Accuracy", "MSE"], new[] { ProblemType.BinaryClassification, ProblemType.MulticlassClassification, ProblemType.Regression }.Select(Objective.DefaultFor));
    }

    [Fact]
    public void Empty_data_is_refused_naming_the_data()
    {
        var empty = new Table([("x", Array.Empty<double>()), ("y", Array.Empty<double>())]);
        var e = Assert.Throws<ArgumentException>(() => new AutoMLJob("y", Objective.Define("MSE", Mse), EvenOdd).Run(empty, Regressors));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("no rows", e.Message);
    }

    [Fact]
    public void A_missing_or_constant_target_column_is_refused_naming_the_target_column()
    {
        var missing = Assert.Throws<ArgumentException>(() => new AutoMLJob("label", Objective.Define("MSE", Mse), EvenOdd).Run(Line, Regressors));
        Assert.Equal("targetColumn", missing.ParamName);
        Assert.Contains("'label' is not a column", missing.Message);
        var constant = new Table([("x", [1, 2, 3]), ("y", [4, 4, 4])]);
        var same = Assert.Throws<ArgumentException>(() => new AutoMLJob("y", Objective.Define("MSE", Mse), EvenOdd).Run(constant, Regressors));
        Assert.Equal("targetColumn", same.ParamName);
        Assert.Contains("same value (4) in every row", same.Message);
    }

    [Fact]
    public void An_objective_unknown_to_autopilot_or_to_the_problem_type_is_refused_naming_the_objective()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Objective.Define("Loss", Mse));
        Assert.Equal("name", unknown.ParamName);
        var wrongType = Assert.Throws<ArgumentException>(() => new AutoMLJob("y", Objective.Define("F1", _ => 0), EvenOdd).Run(Line, Regressors));
        Assert.Equal("objective", wrongType.ParamName);
        Assert.Contains("'F1' is not an objective for Regression", wrongType.Message);
        Assert.Contains("MSE, MAE, R2, RMSE", wrongType.Message);
    }

    [Fact]
    public void A_budget_below_one_candidate_is_refused_naming_max_candidates()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AutoMLJob("y", Objective.Define("MSE", Mse), EvenOdd) { MaxCandidates = 0 });
        Assert.Equal("MaxCandidates", e.ParamName);
    }
}
