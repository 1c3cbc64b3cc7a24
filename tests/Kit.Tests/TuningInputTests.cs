using Kit.Tuning;

namespace Kit.Tests;

public class TuningInputTests
{
    [Fact]
    public void A_range_whose_min_exceeds_its_max_is_refused_naming_min()
    {
        var e = Assert.Throws<ArgumentException>(() => new ContinuousParameter("dropout", 0.5, 0.1));
        Assert.Equal("min", e.ParamName);
        Assert.Contains("'dropout'", e.Message);
        Assert.Equal("min", Assert.Throws<ArgumentException>(() => new IntegerParameter("layers", 4, 2)).ParamName);
    }

    [Fact]
    public void A_logarithmic_range_that_reaches_zero_is_refused_naming_min()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuousParameter("learning_rate", 0, 0.1, Scaling.Logarithmic));
        Assert.Equal("min", e.ParamName);
        Assert.Contains("logarithmic scaling needs min > 0", e.Message);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuousParameter("beta", 0.9, 1, Scaling.ReverseLogarithmic)).ParamName);
        Assert.Equal("scaling", Assert.Throws<ArgumentException>(() => new IntegerParameter("n", 1, 9, Scaling.ReverseLogarithmic)).ParamName);
    }

    [Fact]
    public void Grid_search_over_a_continuous_range_is_refused_naming_the_strategy_and_the_range()
    {
        var tuner = TuningObjectives.Tuner(TuningStrategy.Grid, 10, 0);
        var e = Assert.Throws<ArgumentException>(() => tuner.Fit(TuningObjectives.Train));
        Assert.Equal("Strategy", e.ParamName);
        Assert.Contains("'learning_rate' is a continuous range", e.Message);
    }

    [Fact]
    public void An_objective_metric_the_training_job_does_not_emit_is_refused_naming_objective()
    {
        var e = Assert.Throws<ArgumentException>(() => new HyperparameterTuner(TuningObjectives.Space(), new("validation:f1", ObjectiveType.Maximize), TuningObjectives.Metrics));
        Assert.Equal("objective", e.ParamName);
        Assert.Contains("'validation:f1' is not one of the metric definitions (validation:loss, train:loss)", e.Message);
    }

    [Fact]
    public void Empty_or_repeated_search_spaces_and_categories_are_refused()
    {
        Assert.Equal("ranges", Assert.Throws<ArgumentException>(() => new SearchSpace()).ParamName);
        Assert.Equal("ranges", Assert.Throws<ArgumentException>(() => new SearchSpace(new IntegerParameter("n", 1, 3), new IntegerParameter("n", 2, 5))).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new CategoricalParameter("opt")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new CategoricalParameter("opt", "sgd", "sgd")).ParamName);
        Assert.Equal("MaxJobs", Assert.Throws<ArgumentOutOfRangeException>(() => TuningObjectives.Tuner(TuningStrategy.Random, 0, 0)).ParamName);
    }

    [Fact]
    public void Hyperband_without_room_between_min_and_max_epochs_and_warm_start_without_bayes_are_refused()
    {
        var hb = TuningObjectives.Tuner(TuningStrategy.Hyperband, 5, 0);
        hb.MinEpochs = 27;
        Assert.Equal("MaxEpochs", Assert.Throws<ArgumentException>(() => hb.Fit(TuningObjectives.Train)).ParamName);
        var parent = TuningObjectives.Tuner(TuningStrategy.Random, 3, 0).Fit(TuningObjectives.Train);
        var random = TuningObjectives.Tuner(TuningStrategy.Random, 3, 0);
        random.WarmStart = new WarmStart(WarmStartType.IdenticalDataAndAlgorithm, parent);
        Assert.Equal("WarmStart", Assert.Throws<ArgumentException>(() => random.Fit(TuningObjectives.Train)).ParamName);
    }

    [Fact]
    public void Two_processes_writing_one_store_get_a_clear_error_and_the_first_keeps_its_trials()
    {
        using var folder = new TempFolder();
        string store = Path.Combine(folder.Path, "shared.db");
        var first = TuningObjectives.Tuner(TuningStrategy.Random, 4, 0);
        first.StorePath = store;
        string? secondError = null;
        var result = first.Fit(t =>
        {
            if (t.TrialName == "t1")
            {
                var second = TuningObjectives.Tuner(TuningStrategy.Random, 4, 0);
                second.StorePath = store;
                secondError = Assert.Throws<InvalidOperationException>(() => second.Fit(TuningObjectives.Train)).Message;
            }
            return TuningObjectives.Train(t);
        });
        Assert.Contains("already open for writing by another tuning job", secondError);
        Assert.Contains("shared.db", secondError);
        Assert.Equal(4, result.Completed.Count());
        var reread = TuningObjectives.Tuner(TuningStrategy.Random, 4, 0);
        reread.StorePath = store;
        Assert.Equal(4, reread.Fit(_ => throw new InvalidOperationException("nothing should retrain")).Replayed);
    }

    [Fact]
    public void A_store_that_holds_the_job_under_another_definition_is_refused_naming_the_store()
    {
        using var folder = new TempFolder();
        var a = TuningObjectives.Tuner(TuningStrategy.Random, 2, 0);
        a.StorePath = Path.Combine(folder.Path, "s.db");
        a.Fit(TuningObjectives.Train);
        var b = TuningObjectives.Tuner(TuningStrategy.Random, 2, 1);
        b.StorePath = a.StorePath;
        var e = Assert.Throws<ArgumentException>(() => b.Fit(TuningObjectives.Train));
        Assert.Equal("store", e.ParamName);
    }
}
