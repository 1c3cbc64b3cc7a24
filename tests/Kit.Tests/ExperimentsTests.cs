using System.Text;
using Kit.Data;
using Kit.Experiments;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class ExperimentsTests
{
    [Fact]
    public void A_run_keeps_its_parameters_metrics_by_step_artifacts_and_status()
    {
        using var folder = new TempFolder();
        var tracker = new ExperimentTracker(Path.Combine(folder.Path, "mlruns.db"));
        string file = Path.Combine(folder.Path, "model.bin");
        File.WriteAllBytes(file, Encoding.ASCII.GetBytes("abc"));
        string id;
        using (var run = tracker.StartRun("churn", "lr-0.01"))
        {
            id = run.Id;
            run.LogParameter("learning_rate", 0.01).LogParameter("optimizer", "adam");
            run.LogMetric("validation:f1", 0.71, step: 1).LogMetric("validation:f1", 0.78, step: 2).LogMetric("validation:loss", double.NaN, step: 2);
            run.LogArtifact("model", file);
        }
        var summary = Assert.Single(tracker.Runs("churn"));
        Assert.Equal(RunStatus.Finished, summary.Status);
        Assert.Equal("0.01", summary.Parameters["learning_rate"]);
        Assert.Equal(0.78, summary.LastMetrics["validation:f1"]);
        Assert.True(double.IsNaN(summary.LastMetrics["validation:loss"]));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", summary.Artifacts["model"]); // SHA-256("abc"), FIPS 180-2
        Assert.Equal([(1L, 0.71), (2L, 0.78)], tracker.MetricHistory(id, "validation:f1"));
    }

    [Fact]
    public void A_parameter_is_set_once_per_run_and_a_changed_value_is_refused()
    {
        using var folder = new TempFolder();
        var tracker = new ExperimentTracker(Path.Combine(folder.Path, "mlruns.db"));
        using var run = tracker.StartRun("churn", "a");
        run.LogParameter("depth", 3).LogParameter("depth", 3);
        var e = Assert.Throws<InvalidOperationException>(() => run.LogParameter("depth", 4));
        Assert.Contains("'depth' of this run is already 3", e.Message);
    }

    [Fact]
    public void A_trainer_callback_logs_every_epoch_and_runs_are_compared_by_their_final_metric()
    {
        using var folder = new TempFolder();
        var tracker = new ExperimentTracker(Path.Combine(folder.Path, "mlruns.db"));
        var digits = DigitsTask.Load(trainSize: 200);
        foreach (double lr in new[] { 1e-4, 1e-2 })
        {
            using var run = tracker.StartRun("digits", $"lr={lr}");
            run.LogParameter("learning_rate", lr);
            var model = Nets.Mlp(64, [32], 10, seed: 0);
            var trainer = new Trainer(model, optim.Adam(model.parameters(), lr), nn.CrossEntropyLoss()) { Callbacks = { run.Callback() } };
            trainer.Fit(digits.X, digits.Y, epochs: 3, digits.XVal, digits.YVal);
        }
        var runs = tracker.Runs("digits");
        Assert.Equal(["lr=0.0001", "lr=0.01"], runs.Select(r => r.Name));
        Assert.All(runs, r => Assert.Equal([1L, 2L, 3L], tracker.MetricHistory(r.Id, "validation:accuracy").Select(h => h.Step)));
        Assert.Equal("lr=0.01", runs.MaxBy(r => r.LastMetrics["validation:accuracy"])!.Name);
        Assert.Equal(2, ExperimentPlots.Compare(tracker, "digits", "validation:accuracy").Data.Count);
    }

    [Fact]
    public void Two_trackers_on_one_file_write_their_runs_side_by_side_and_bad_input_names_the_argument()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "mlruns.db");
        var a = new ExperimentTracker(path);
        var b = new ExperimentTracker(path);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var run = (i % 2 == 0 ? a : b).StartRun("shared", $"run-{i}");
            for (int s = 0; s < 5; s++) run.LogMetric("loss", 1.0 / (s + 1), s);
        });
        Assert.Equal(8, a.Runs("shared").Count);
        Assert.All(b.Runs("shared"), r => Assert.Equal(0.2, r.LastMetrics["loss"]));
        Assert.Equal("experiment", Assert.Throws<ArgumentException>(() => a.StartRun(" ", "x")).ParamName);
        Assert.Equal("runId", Assert.Throws<ArgumentException>(() => a.Summary("nope")).ParamName);
        using var run = a.StartRun("shared", "x");
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => run.LogMetric("loss", 1, -1)).ParamName);
        Assert.Throws<FileNotFoundException>(() => run.LogArtifact("model", Path.Combine(folder.Path, "missing.bin")));
        Assert.Equal("status", Assert.Throws<ArgumentException>(() => run.End(RunStatus.Running)).ParamName);
    }
}
