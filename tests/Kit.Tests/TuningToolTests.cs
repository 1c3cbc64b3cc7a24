using Kit.Tuning;

namespace Kit.Tests;

public class TuningToolTests
{
    [Fact]
    public void The_gaussian_process_predicts_what_scikit_learn_predicts_with_the_same_kernel()
    {
        // scikit-learn 1.2.1: GaussianProcessRegressor(Matern(length_scale=0.3, nu=2.5, fixed), alpha=1e-4 + 1e-6,
        // normalize_y=True, optimizer=None) on these four points; predict(..., return_std=True).
        double[][] x = [[0.1, 0.2], [0.4, 0.9], [0.7, 0.3], [0.95, 0.6]];
        var gp = GaussianProcess.Fit(x, [1.0, 3.0, 2.5, 0.5], lengthScale: 0.3);
        (double[] At, double Mean, double Sd)[] sklearn =
        [
            ([0.5, 0.5], 2.2867069616506166, 0.7905494767181412),
            ([0.1, 0.2], 1.0000993942064431, 0.010358640359121164),
            ([0.8, 0.8], 1.302445073487429, 0.7590194835143881),
        ];
        foreach (var (at, mean, sd) in sklearn)
        {
            var p = gp.Predict(at);
            Assert.Equal(mean, p.Mean, 6);
            Assert.Equal(sd, p.Sd, 5);
        }
    }

    [Fact]
    public void Expected_improvement_matches_the_closed_form_worked_with_scipy()
    {
        // (μ − best)·Φ(z) + σ·φ(z), z = (μ − best)/σ; scipy.stats.norm 1.10.1.
        Assert.Equal(1.0833154705876864, GaussianProcess.ExpectedImprovement(1.0, 1.0, 0.0), 6);
        Assert.Equal(0.01666309411753726, GaussianProcess.ExpectedImprovement(0.3, 0.2, 0.5), 6);
        Assert.Equal(0.975002, GaussianProcess.NormalCdf(1.96), 6);
    }

    [Fact]
    public void Each_scaling_puts_the_middle_of_the_search_where_the_formula_says()
    {
        Assert.Equal(0.505, new ContinuousParameter("p", 0.01, 1, Scaling.Linear).FromUnit(0.5), 12);
        Assert.Equal(0.01, new ContinuousParameter("lr", 1e-4, 1, Scaling.Logarithmic).FromUnit(0.5), 12);         // √(1e-4 · 1)
        Assert.Equal(0.99, new ContinuousParameter("beta", 0.9, 0.999, Scaling.ReverseLogarithmic).FromUnit(0.5), 12); // 1 − √(0.1 · 0.001)
        Assert.Equal(Scaling.Logarithmic, new ContinuousParameter("lr", 1e-4, 1).Scaling);  // spans four decades
        Assert.Equal(Scaling.Linear, new ContinuousParameter("dropout", 0, 0.5).Scaling);
        var width = new IntegerParameter("width", 8, 128, Scaling.Logarithmic);
        Assert.Equal(32, width.FromUnit(0.5));                                                 // √(8 · 128)
        Assert.Equal(0.5, width.ToUnit(32), 12);
    }

    [Fact]
    public void Hyperband_brackets_are_those_of_the_paper_for_81_epochs_and_eta_3()
    {
        // Li et al. (2018), Table 1: R = 81, η = 3.
        string[] paper = ["81×1 → 27×3 → 9×9 → 3×27 → 1×81", "34×3 → 11×9 → 3×27 → 1×81", "15×9 → 5×27 → 1×81", "8×27 → 2×81", "5×81"];
        var plan = HyperbandPlan.Brackets(1, 81);
        Assert.Equal(paper, plan.Select(b => string.Join(" → ", b.Rungs.Select(r => $"{r.Configurations}×{r.Epochs}"))));
    }

    [Fact]
    public void Grid_search_runs_every_combination_once_whatever_max_jobs_says()
    {
        var space = new SearchSpace(new CategoricalParameter("optimizer", "sgd", "adam"), new CategoricalParameter("width", "16", "32", "64"));
        var tuner = new HyperparameterTuner(space, new("acc", ObjectiveType.Maximize), ["acc"]) { Strategy = TuningStrategy.Grid, MaxJobs = 2 };
        var r = tuner.Fit(t => new Dictionary<string, double> { ["acc"] = t.Hyperparameters.Int("width") / 100.0 });
        Assert.Equal(6, r.Trials.Count);
        Assert.Equal(6, r.Trials.Select(t => t.Hyperparameters.ToJson()).Distinct().Count());
        Assert.Equal("64", r.Best.Hyperparameters.Text("width"));
    }

    [Fact]
    public void A_trial_that_throws_is_recorded_as_failed_and_tuning_goes_on()
    {
        var tuner = TuningObjectives.Tuner(TuningStrategy.Bayesian, 16, 0);
        tuner.MaxParallelJobs = 2;
        var r = tuner.Fit(t => t.Hyperparameters.Double("learning_rate") > 0.05
            ? throw new InvalidOperationException("loss is NaN at epoch 3")
            : TuningObjectives.Train(t));
        Assert.Equal(16, r.Trials.Count);
        Assert.InRange(r.Failed, 1, 15);
        Assert.All(r.Trials.Where(t => t.Status == TrialStatus.Failed), t => Assert.Contains("loss is NaN", t.Error));
        Assert.True(r.Best.Hyperparameters.Double("learning_rate") <= 0.05);
    }

    [Fact]
    public void A_nan_objective_or_a_missing_metric_fails_the_trial_with_the_reason()
    {
        var tuner = TuningObjectives.Tuner(TuningStrategy.Random, 2, 0);
        var nan = tuner.Fit(_ => new Dictionary<string, double> { ["validation:loss"] = double.NaN });
        Assert.All(nan.Trials, t => Assert.Contains("diverged", t.Error));
        var missing = tuner.Fit(_ => new Dictionary<string, double> { ["train:loss"] = 1 });
        Assert.All(missing.Trials, t => Assert.Contains("did not report the objective metric 'validation:loss'", t.Error));
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials_and_another_seed_other_trials()
    {
        string Run(TuningStrategy s, int seed) => string.Join(";", TuningObjectives.Tuner(s, 8, seed).Fit(TuningObjectives.Train).Trials.Select(t => t.Hyperparameters.ToJson()));
        foreach (var s in new[] { TuningStrategy.Random, TuningStrategy.Bayesian })
        {
            Assert.Equal(Run(s, 3), Run(s, 3));
            Assert.NotEqual(Run(s, 3), Run(s, 4));
        }
    }

    [Fact]
    public void A_killed_tuning_job_resumes_from_its_store_without_retraining_finished_trials()
    {
        using var folder = new TempFolder();
        string store = Path.Combine(folder.Path, "tuning.db");
        HyperparameterTuner Tuner() { var t = TuningObjectives.Tuner(TuningStrategy.Bayesian, 12, 7); t.MaxParallelJobs = 2; t.StorePath = store; return t; }
        var uninterrupted = TuningObjectives.Tuner(TuningStrategy.Bayesian, 12, 7);
        uninterrupted.MaxParallelJobs = 2;
        var expected = uninterrupted.Fit(TuningObjectives.Train);

        using var kill = new CancellationTokenSource();
        int trained = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => Tuner().Fit(t =>
        {
            if (Interlocked.Increment(ref trained) == 5) kill.Cancel();
            return TuningObjectives.Train(t);
        }, kill.Token));
        int beforeKill = trained;

        int retrained = 0;
        var resumed = Tuner().Fit(t => { Interlocked.Increment(ref retrained); return TuningObjectives.Train(t); });
        Assert.Equal(beforeKill, resumed.Replayed);
        Assert.Equal(12 - beforeKill, retrained);
        Assert.Equal(expected.Trials.Select(t => (t.Hyperparameters.ToJson(), t.ObjectiveValue)), resumed.Trials.Select(t => (t.Hyperparameters.ToJson(), t.ObjectiveValue)));
    }

    [Fact]
    public void A_hyperband_job_resumes_bracket_by_bracket()
    {
        using var folder = new TempFolder();
        var tuner = TuningObjectives.Tuner(TuningStrategy.Hyperband, 20, 1);
        tuner.StorePath = Path.Combine(folder.Path, "hb.db");
        var first = tuner.Fit(TuningObjectives.TrainForEpochs);
        int retrained = 0;
        var again = tuner.Fit(t => { retrained++; return TuningObjectives.TrainForEpochs(t); });
        Assert.Equal(0, retrained);
        Assert.Equal(first.Trials.Count, again.Replayed);
        Assert.Equal(first.Best.ObjectiveValue, again.Best.ObjectiveValue);
        Assert.Equal(20, first.Trials.Where(t => t.Rung == 0).Count());
    }
}

sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kit-tuning-test").FullName;
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
