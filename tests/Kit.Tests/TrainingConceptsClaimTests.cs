using Kit.Data;
using Kit.Tests.Lessons;
using Kit.TrainingConcepts;

namespace Kit.Tests;

/// <summary>The effects lesson 04 (training concepts) shows, each asserted on the same seeded runs.</summary>
[Collection(TorchCollection.Name)]
public class TrainingConceptsClaimTests
{
    static double Final(Kit.Training.History h) => h.Diverged ? double.PositiveInfinity : h.TrainLoss[^1];
    static double Ups(double[] l) => l.Zip(l.Skip(1), (a, b) => Math.Max(0, b - a)).Sum();
    static readonly Func<TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>> Mlp = Lesson04.Mlp(32);

    [Fact]
    public void A_too_high_learning_rate_ends_with_a_higher_loss_than_a_good_one_and_bounces()
    {
        Seeds.Every(seed =>
        {
            var task = DigitsTask.Load(seed: seed);
            var good = TrainingRuns.LearningRate(task, Mlp, 0.3, seed: seed);
            var high = TrainingRuns.LearningRate(task, Mlp, 1.0, seed: seed);
            Assert.True(Final(high) > Final(good), $"too high {Final(high):F3} vs good {Final(good):F3}");
            // Oscillation: the too-high run's loss goes up between epochs more often and by more.
            Assert.True(Ups(high.TrainLoss) > 2 * Ups(good.TrainLoss), $"ups {Ups(high.TrainLoss):F3} vs {Ups(good.TrainLoss):F3}");
            var wayTooHigh = TrainingRuns.LearningRate(task, Mlp, 10, seed: seed);
            Assert.True(Final(wayTooHigh) > Final(good));
            Assert.True(wayTooHigh.TrainLoss.Skip(1).Min() > 2.2, "far too high: never better than guessing (ln 10 ≈ 2.30)");
            Assert.True(wayTooHigh.ValMetric[^1] < 0.2, "far too high: chance accuracy");
        });
    }

    [Fact]
    public void A_too_low_learning_rate_crawls_with_a_higher_loss_after_the_same_epochs()
    {
        Seeds.Every(seed =>
        {
            var task = DigitsTask.Load(seed: seed);
            var good = TrainingRuns.LearningRate(task, Mlp, 0.3, seed: seed);
            var low = TrainingRuns.LearningRate(task, Mlp, 0.003, seed: seed);
            Assert.True(Final(low) > Final(good));
            // It does make progress, just slowly: steadily down, but by less than 10% of the start.
            Assert.True(low.TrainLoss[^1] < low.TrainLoss[0]);
            Assert.True(low.TrainLoss[0] - low.TrainLoss[^1] < 0.1 * low.TrainLoss[0]);
        });
    }

    [Fact]
    public void Per_epoch_single_sample_learns_most_and_full_batch_least_but_single_sample_epochs_are_slowest()
    {
        Seeds.Every(seed =>
        {
            var task = DigitsTask.Load(trainSize: 600, seed: seed);
            var full = TrainingRuns.BatchSize(task, Mlp, 600, seed: seed);
            var mini = TrainingRuns.BatchSize(task, Mlp, 32, seed: seed);
            var single = TrainingRuns.BatchSize(task, Mlp, 1, seed: seed);
            Assert.True(single.ValLoss[^1] < mini.ValLoss[^1]);
            Assert.True(mini.ValLoss[^1] < full.ValLoss[^1]);
            // Single-sample updates are the noisiest: its validation loss goes up between epochs more than the others'.
            Assert.True(Ups(single.ValLoss) > Ups(mini.ValLoss) && Ups(single.ValLoss) > Ups(full.ValLoss));
            // 600 updates per epoch against 1: even with tiny batches the single-sample epoch takes longer.
            Assert.True(single.Seconds.Skip(1).Average() > 3 * full.Seconds.Skip(1).Average(),
                $"seconds per epoch: single {single.Seconds.Average():F3}, full {full.Seconds.Average():F3}");
        });
    }

    [Fact]
    public void Validation_error_is_U_shaped_in_capacity_while_training_error_keeps_falling()
    {
        Seeds.Every(seed =>
        {
            var c = new Capacity(seed: seed);
            var sweep = c.Sweep(14);
            double minVal = sweep.Min(p => p.ValError);
            Assert.True(sweep[^1].ValError > minVal * 10);
            Assert.True(sweep[1].ValError > minVal * 2);                     // the straight line underfits
            Assert.True(sweep[^1].TrainError < sweep[1].TrainError / 100);   // the biggest model fits the training points
            for (int d = 1; d < sweep.Count; d++) Assert.True(sweep[d].TrainError <= sweep[d - 1].TrainError + 1e-9);
            var table = Capacity.Table(sweep, c.Noise);
            Assert.Equal(("HIGH", "HIGH"), (table[0].TrainLevel, table[0].ValLevel));
            Assert.Equal("LOW", table[1].ValLevel);
            Assert.Equal(("VERY LOW", "HIGH"), (table[2].TrainLevel, table[2].ValLevel));
        });
    }

    [Fact]
    public void Capacity_arguments_are_checked()
    {
        var c = new Capacity(trainPoints: 5);
        Assert.Equal("degree", Assert.Throws<ArgumentOutOfRangeException>(() => c.Fit(5)).ParamName);
        Assert.Equal("trainPoints", Assert.Throws<ArgumentOutOfRangeException>(() => new Capacity(trainPoints: 1)).ParamName);
    }
}
