#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Data;
using Kit.Training;
using Kit.Tuning;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 10's training job, exactly as its cell writes it (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson10
{
    static readonly Lesson10 Cells = new();

    public static IReadOnlyDictionary<string, double> Trial(TrialContext trial, DigitsTask data) => Cells.TrainMlp(trial, data);

    // lesson-model: tuning-trial
    // One training job: an MLP with `depth` hidden layers of 32 units, trained with Adam for the epochs the tuner gives it.
    IReadOnlyDictionary<string, double> TrainMlp(TrialContext trial, DigitsTask data)
    {
        var h = trial.Hyperparameters;
        var model = trial.SeededModel(() => Nets.Mlp(64, Enumerable.Repeat(32, h.Int("depth")).ToArray(), 10));
        // Seed = null: the Trainer would otherwise re-seed torch's global generator each epoch, under the feet of the other trial.
        var trainer = new Trainer(model, optim.Adam(model.parameters(), lr: h.Double("learning_rate")), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = null };
        var last = trainer.Fit(data.X, data.Y, trial.Epochs, data.XVal, data.YVal).Last!;
        return new Dictionary<string, double> { ["validation:accuracy"] = last.ValMetric ?? double.NaN, ["validation:loss"] = last.ValLoss ?? double.NaN };
    }
    // end lesson-model
}

[Collection(TorchCollection.Name)]
public class Lesson10Tests
{
    [Fact]
    public void The_lessons_training_jobs_run_two_at_a_time_and_a_rerun_gives_the_same_trials_and_scores()
    {
        var data = DigitsTask.Load(trainSize: 200);
        TuningResult Tune() => new HyperparameterTuner(
            new SearchSpace(new ContinuousParameter("learning_rate", 1e-3, 0.1, Scaling.Logarithmic), new IntegerParameter("depth", 1, 2)),
            new Objective("validation:accuracy", ObjectiveType.Maximize), ["validation:accuracy", "validation:loss"])
            { Strategy = TuningStrategy.Bayesian, MaxJobs = 6, MaxParallelJobs = 2, MaxEpochs = 2, Seed = 0 }.Fit(t => Lesson10.Trial(t, data));
        var first = Tune();
        var second = Tune();
        Assert.Equal(6, first.Completed.Count());
        Assert.All(first.Completed, t => Assert.InRange(t.ObjectiveValue!.Value, 0.0, 1.0));
        Assert.True(first.Best.ObjectiveValue > 0.5, $"best accuracy {first.Best.ObjectiveValue} after 2 epochs");
        Assert.Equal(first.Trials.Select(t => (t.Hyperparameters.ToJson(), t.ObjectiveValue)), second.Trials.Select(t => (t.Hyperparameters.ToJson(), t.ObjectiveValue)));
    }
}
