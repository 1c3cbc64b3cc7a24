using Kit.Data;
using Kit.Tests.Lessons;
using Kit.TransferVsIncremental;
using Xunit.Abstractions;

namespace Kit.Tests;

/// <summary>The effects lesson 15 (transfer vs incremental learning) shows, each over five seeds, with the lesson's settings.</summary>
[Collection(TorchCollection.Name)]
public class TransferVsIncrementalClaimTests(ITestOutputHelper output)
{
    static readonly Lazy<DigitsTask> Digits = new(() => DigitsTask.Load());
    static readonly TrainingSettings Pretraining = new(20, BatchSize: 32);
    static readonly TrainingSettings FineTuning = new(100, BatchSize: 32);

    /// <summary>Fine-tuned vs scratch on 10 examples per class of a 3-class target, the source from <paramref name="sourceFamily"/>.</summary>
    static TransferResult Synthetic(int seed, int sourceFamily)
    {
        var target = new TaskFamily(inputs: 32, hiddenFeatures: 3, seed: seed).Task(classes: 3, seed: 200 + seed);
        var source = new TaskFamily(inputs: 32, hiddenFeatures: 3, seed: sourceFamily).Task(classes: 4, seed: 100 + seed).Sample(2000, seed);
        var pretrained = Transfer.Pretrain(Lesson15.Mlp(32), source, Pretraining, seed);
        var targetTrain = ClassSubsets.PerClass(target.Sample(1000, 300 + seed), 10, seed);
        return Transfer.FineTuneVsScratch(pretrained, Lesson15.Mlp(32), targetTrain, target.Sample(1000, 400 + seed), FineTuning, seed);
    }

    [Fact]
    public void Fine_tuning_a_network_pretrained_on_a_related_task_beats_training_it_from_scratch_on_the_small_target_set()
    {
        // Measured: +14 to +24 points at seeds 0–4 (fine-tuned 69–82 %, scratch 53–63 %); over 8 seeds +14 to +24, +17 on average.
        Seeds.Every(seed =>
        {
            var r = Synthetic(seed, sourceFamily: seed);
            output.WriteLine($"seed {seed}: {r}");
            Assert.True(r.Gain > 0.05, r.ToString());
        });
    }

    [Fact]
    public void A_source_task_from_an_unrelated_family_makes_fine_tuning_worse_than_scratch()
    {
        // Measured: −4 to −10 points at seeds 0–4; over 8 seeds −3 to −12, −7 on average.
        Seeds.Every(seed =>
        {
            var r = Synthetic(seed, sourceFamily: 1000 + seed);
            output.WriteLine($"seed {seed}: {r}");
            Assert.True(r.Gain < 0, r.ToString());
        });
    }

    [Fact]
    public void A_network_pretrained_on_digits_0_to_4_fine_tunes_worse_than_scratch_on_one_image_of_each_of_5_to_9()
    {
        // Measured: −3 to −15 points at seeds 0–4; over 8 seeds −3 to −16, −10 on average. At 3 or 5 images per class (50 pre-training
        // epochs) it is −8 and −4 points on average, but one seed in 8 comes out above 0, so the claim is made at one image per class.
        var task = Digits.Value;
        var source = ClassSubsets.Only(task.Train, [0, 1, 2, 3, 4]);
        var targetPool = ClassSubsets.Only(task.Train, [5, 6, 7, 8, 9], relabel: true);
        var targetTest = ClassSubsets.Only(task.Validation, [5, 6, 7, 8, 9], relabel: true);
        Seeds.Every(seed =>
        {
            var pretrained = Transfer.Pretrain(Lesson15.Mlp(64), source, new TrainingSettings(30, BatchSize: 32), seed);
            Assert.True(Runs.Accuracy(pretrained, ClassSubsets.Only(task.Validation, [0, 1, 2, 3, 4])) > 0.95);
            var r = Transfer.FineTuneVsScratch(pretrained, Lesson15.Mlp(64), ClassSubsets.PerClass(targetPool, 1, seed), targetTest, FineTuning, seed);
            output.WriteLine($"seed {seed}: {r}");
            Assert.True(r.Gain < 0, r.ToString());
        });
    }

    [Fact]
    public void Incremental_updates_on_new_batches_of_the_same_task_come_close_to_retraining_at_a_fraction_of_the_steps()
    {
        // Measured: 74–81 % after the first batch, 94–96 % after five; retraining on everything 95–96 %, with 1,290 steps against 450.
        var task = Digits.Value;
        Seeds.Every(seed =>
        {
            var steps = Incremental.SameTask(Lesson15.Mlp(64), task.Train, task.Validation, batches: 5, new TrainingSettings(10, BatchSize: 32), seed);
            var (first, last) = (steps[0], steps[^1]);
            output.WriteLine($"seed {seed}: {first} → {last}");
            Assert.True(last.Incremental > first.Incremental + 0.05, $"{first} → {last}");
            Assert.True(Math.Abs(last.Incremental - last.Retrained) < 0.04, last.ToString());
            Assert.True(last.IncrementalSteps * 2 < last.RetrainSteps, last.ToString());
        });
    }

    [Fact]
    public void Forgetting_of_the_old_classes_grows_with_the_number_of_updates_and_rehearsal_reduces_it()
    {
        // Measured: old-class accuracy 98–99 % before, 95–99 % after 1 update, 48–57 % after 3, 0 % after 6; with rehearsal 92–95 % after 6.
        var task = Digits.Value;
        Seeds.Every(seed =>
        {
            var s = Incremental.Forgetting(Lesson15.Mlp(64), task.Train, task.Validation, [0, 1, 2, 3, 4], updates: 6, perUpdate: 60, rehearsal: 50,
                Pretraining, new TrainingSettings(5), seed);
            output.WriteLine($"seed {seed}: " + string.Join(" | ", s.Select(f => $"{f.Old:F2}/{f.OldRehearsed:F2} new {f.New:F2}/{f.NewRehearsed:F2}")));
            double Forgot(int k) => s[0].Old - s[k].Old;
            double ForgotRehearsed(int k) => s[0].OldRehearsed - s[k].OldRehearsed;
            Assert.True(Forgot(3) > Forgot(1) + 0.1 && Forgot(6) > Forgot(3) + 0.1, string.Join(" | ", s));
            Assert.True(ForgotRehearsed(6) < Forgot(6) - 0.5, s[^1].ToString());
            Assert.True(s[^1].NewRehearsed > s[^1].New - 0.1, s[^1].ToString());   // rehearsal still learns the new classes
        });
    }
}
