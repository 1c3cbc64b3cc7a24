using System.Diagnostics;
using Kit.Containers;
using Kit.Data;
using Kit.Training;

namespace Kit.Cli.Tests;

/// <summary>The Spot demo for real: `kit container train` as a child process, sent SIGTERM or SIGKILL mid-epoch, restarted.</summary>
public class ContainerSignalTests
{
    // 2,000 rows in batches of 8: 250 steps an epoch. On a quiet machine an epoch takes well under a second, so the job
    // runs 30 of them: the signal, sent when epoch 2 is reported, always lands long before the job could end.
    static readonly Dictionary<string, string> Hyper = new()
    {
        ["epochs"] = "30", ["batch_size"] = "8", ["learning_rate"] = "0.01", ["hidden_units"] = "16", ["seed"] = "0",
    };

    static OptMl NewJob() => LocalJob.Create(KitProcess.TempFolder("container"), Hyper, ToyData.MakeMoons(2000, 0.2, seed: 1));

    static KitChild Train(OptMl ml) => KitChild.Start("container", "train", "--root", ml.Root);

    static TabularModel Uninterrupted()
    {
        var ml = NewJob();
        using var child = Train(ml);
        Assert.Equal(0, child.WaitForExit(120));
        return TabularModel.Load(ml.Model);
    }

    [Fact]
    public void Sigterm_mid_epoch_saves_a_checkpoint_and_exits_143_within_the_grace_period_and_the_restart_matches_an_uninterrupted_run()
    {
        var ml = NewJob();
        using (var first = Train(ml))
        {
            first.WaitForLine("epoch 2/30");
            var clock = Stopwatch.StartNew();
            first.Terminate();
            Assert.Equal(TrainingJob.StoppedExitCode, first.WaitForExit(30));
            Assert.Contains(first.Lines, l => l.StartsWith("stopped by SIGTERM after epoch ", StringComparison.Ordinal));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed} after SIGTERM; SageMaker's grace period is 120 s, Spot's notice 2 minutes");
            Assert.False(Directory.Exists(ml.Model));
        }
        // The running epoch (3, unless the machine stalled the signal past its end) is finished and saved.
        RestartResumesAndEndsWithTheUninterruptedWeights(ml, 3, 29);
    }

    [Fact]
    public void Sigkill_mid_epoch_loses_only_the_running_epoch_and_the_restart_matches_an_uninterrupted_run()
    {
        var ml = NewJob();
        using (var first = Train(ml))
        {
            first.WaitForLine("epoch 2/30");
            first.Kill();
            Assert.Equal(137, first.WaitForExit(30));
        }
        Assert.False(File.Exists(ml.Failure));
        RestartResumesAndEndsWithTheUninterruptedWeights(ml, 2, 29); // killed while epoch 3 ran (or later, on a stalled machine)
    }

    static void RestartResumesAndEndsWithTheUninterruptedWeights(OptMl ml, int earliest, int latest)
    {
        int saved = Checkpoint.Inspect(Path.Combine(ml.Checkpoints, TrainingJob.CheckpointFile)).Epoch;
        Assert.InRange(saved, earliest, latest);
        using (var second = Train(ml))
        {
            Assert.Equal(0, second.WaitForExit(120));
            Assert.Contains($"resumed from checkpoint at epoch {saved}", second.Lines);
        }
        Assert.Empty(Directory.GetFiles(ml.Checkpoints, "*.tmp")); // a temp file a kill left mid-save is cleared on restart
        Assert.True(TabularModel.Load(ml.Model).SameWeights(Uninterrupted()));
    }

    [Fact]
    public void A_failed_training_job_writes_the_failure_file_and_exits_1()
    {
        var ml = NewJob();
        File.WriteAllText(ml.Hyperparameters, """{"epochs": "six"}""");
        using var child = Train(ml);
        Assert.Equal(1, child.WaitForExit(60));
        Assert.Contains("epochs = \"six\" is not a whole number", File.ReadAllText(ml.Failure));
        Assert.Contains(child.Lines, l => l.Contains("is not a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void Serve_without_a_model_exits_1_naming_the_missing_file()
    {
        var root = KitProcess.TempFolder("serve-empty");
        var result = KitProcess.Run(root, null, "container", "serve", "--root", root, "--port", "0");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has no model.json", result.Stderr);
    }
}
