using System.Text;
using Kit.Containers;
using Kit.Data;

namespace Kit.Tests;

/// <summary>`kit container train`'s contract on temporary /opt/ml trees, in-process.</summary>
[Collection(TorchCollection.Name)]
public class ContainerTrainingTests
{
    internal static readonly Dictionary<string, string> Hyper = new()
    {
        ["epochs"] = "6", ["batch_size"] = "16", ["learning_rate"] = "0.02", ["hidden_units"] = "16", ["seed"] = "0",
    };

    internal static OptMl NewJob(Dictionary<string, string>? hyper = null, int n = 400) =>
        LocalJob.Create(Path.Combine(Path.GetTempPath(), "kit-container-tests", Guid.NewGuid().ToString("N")),
            hyper ?? Hyper, ToyData.MakeMoons(n, 0.15, seed: 1), ToyData.MakeMoons(200, 0.15, seed: 2));

    static (TrainingOutcome Outcome, string Log) Train(OptMl ml, CancellationToken stop = default)
    {
        var log = new StringWriter();
        return (TrainingJob.Run(ml, stop, log), log.ToString());
    }

    static string Failure(OptMl ml) => File.ReadAllText(ml.Failure);

    [Fact]
    public void A_training_job_writes_the_model_a_checkpoint_and_its_history_and_exits_0()
    {
        var ml = NewJob();
        var (outcome, log) = Train(ml);
        Assert.Equal(0, outcome.ExitCode);
        Assert.True(File.Exists(Path.Combine(ml.Model, TabularModel.SpecFile)));
        Assert.True(File.Exists(Path.Combine(ml.Checkpoints, TrainingJob.CheckpointFile)));
        Assert.Equal(7, File.ReadAllLines(Path.Combine(ml.Output, "data", "history.csv")).Length);
        Assert.False(File.Exists(ml.Failure));
        Assert.Contains("epoch 6/6", log);
        Assert.Matches(@"validation_accuracy=0\.(8|9)\d+;", log); // a metric line a SageMaker metric_definitions regex can scrape

        var model = TabularModel.Load(ml.Model);
        var moons = ToyData.MakeMoons(200, 0.15, seed: 3);
        var rows = Enumerable.Range(0, moons.Count).Select(i => moons.Features.AsSpan(i * 2, 2).ToArray()).ToList();
        var predicted = model.PredictProbabilities(rows).Select(p => p[1] > p[0] ? 1L : 0L).ToArray();
        Assert.True(predicted.Zip(moons.Labels).Count(t => t.First == t.Second) > 0.85 * moons.Count);
    }

    [Fact]
    public void A_hyperparameter_sent_as_a_json_number_fails_with_a_message_naming_it()
    {
        var ml = NewJob();
        File.WriteAllText(ml.Hyperparameters, """{"epochs": 6, "learning_rate": "0.02"}""");
        var (outcome, _) = Train(ml);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("\"epochs\" is a JSON number", Failure(ml));
        Assert.Contains("\"epochs\": \"6\"", Failure(ml));
        Assert.False(Directory.Exists(ml.Model));
    }

    [Theory]
    [InlineData("epochs", "ten", "epochs = \"ten\" is not a whole number")]
    [InlineData("epochs", "0", "epochs = \"0\" is not a whole number ≥ 1")]
    [InlineData("learning_rate", "-1", "learning_rate = \"-1\" is not a number > 0")]
    [InlineData("hidden_units", "16,,8", "hidden_units = \"16,,8\" must be layer widths")]
    [InlineData("learning-rate", "0.1", "unknown hyperparameter(s) learning-rate")]
    public void Hyperparameters_that_do_not_parse_fail_with_the_name_and_value(string name, string value, string expected)
    {
        var ml = NewJob(new Dictionary<string, string>(Hyper) { [name] = value });
        var (outcome, _) = Train(ml);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(expected, Failure(ml));
    }

    [Fact]
    public void A_declared_channel_without_files_fails_naming_the_channel_and_folder()
    {
        var ml = NewJob();
        Directory.Delete(ml.Channel("train"), recursive: true);
        var (outcome, _) = Train(ml);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"channel train is declared but {ml.Channel("train")} holds no files", Failure(ml));
    }

    [Fact]
    public void An_undeclared_train_channel_fails()
    {
        var ml = NewJob();
        File.WriteAllText(ml.InputDataConfig, """{"validation": {"ContentType": "text/csv"}}""");
        Assert.Equal(1, Train(ml).Outcome.ExitCode);
        Assert.Contains("declares no \"train\" channel", Failure(ml));
    }

    [Theory]
    [InlineData("hyperparameters.json", null, "hyperparameters.json is missing")]
    [InlineData("hyperparameters.json", "{\"epochs\": \"3\"", "hyperparameters.json is not valid JSON")]
    [InlineData("hyperparameters.json", "[\"3\"]", "hyperparameters.json must hold a JSON object")]
    [InlineData("inputdataconfig.json", "{\"train\": \"text/csv\"}", "channel \"train\" must be an object")]
    [InlineData("inputdataconfig.json", "{\"train\": {\"ContentType\": \"application/x-parquet\"}}", "ContentType application/x-parquet is not supported")]
    [InlineData("inputdataconfig.json", "{\"train\": {\"TrainingInputMode\": \"Pipe\"}}", "TrainingInputMode Pipe is not supported")]
    [InlineData("resourceconfig.json", null, "resourceconfig.json is missing")]
    [InlineData("resourceconfig.json", "{\"current_host\": \"algo-1\"}", "\"hosts\" must be a list")]
    [InlineData("resourceconfig.json", "{\"current_host\": \"algo-3\", \"hosts\": [\"algo-1\"]}", "current_host \"algo-3\" is not among hosts")]
    [InlineData("resourceconfig.json", "{\"current_host\": \"algo-1\", \"hosts\": [\"algo-1\", \"algo-2\"]}", "lists 2 hosts")]
    public void Malformed_or_missing_config_files_fail_with_a_clear_message(string file, string? content, string expected)
    {
        var ml = NewJob();
        var path = Path.Combine(ml.Config, file);
        if (content is null) File.Delete(path); else File.WriteAllText(path, content);
        var (outcome, log) = Train(ml);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(expected, Failure(ml));
        Assert.Contains(expected, log);
    }

    [Theory]
    [InlineData("0,0.5,abc\n", "train/train.csv, line 1, column 3: \"abc\" is not a finite number")]
    [InlineData("0,0.5,1\n1,0.5\n", "train/train.csv, line 2: 2 values, expected 3")]
    [InlineData("0.5,0.5,1\n", "the label (first column) 0.5 is not a class number")]
    public void Bad_rows_in_a_channel_fail_naming_file_line_and_column(string csv, string expected)
    {
        var ml = NewJob();
        File.WriteAllText(Path.Combine(ml.Channel("train"), "train.csv"), csv);
        Assert.Equal(1, Train(ml).Outcome.ExitCode);
        Assert.Contains(expected, Failure(ml));
    }

    [Fact]
    public void Non_utf8_channel_data_fails_instead_of_being_read_as_replacement_characters()
    {
        var ml = NewJob();
        File.WriteAllBytes(Path.Combine(ml.Channel("train"), "train.csv"), [0x30, 0x2C, 0xFF, 0xFE, 0x0A]);
        Assert.Equal(1, Train(ml).Outcome.ExitCode);
        Assert.Contains("train/train.csv is not valid UTF-8 text", Failure(ml));
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused_with_advice_instead_of_resuming()
    {
        var ml = NewJob();
        Assert.Equal(0, Train(ml).Outcome.ExitCode);
        File.WriteAllText(ml.Hyperparameters, """{"epochs": "8", "hidden_units": "32,8"}""");
        Assert.Equal(1, Train(ml).Outcome.ExitCode);
        Assert.Contains("cannot resume", Failure(ml));
        Assert.Contains($"delete {ml.Checkpoints}", Failure(ml));
    }

    [Fact]
    public void A_failure_file_from_an_earlier_attempt_is_removed_when_training_succeeds()
    {
        var ml = NewJob();
        File.WriteAllText(ml.Hyperparameters, "{");
        Assert.Equal(1, Train(ml).Outcome.ExitCode);
        File.WriteAllText(ml.Hyperparameters, """{"epochs": "2"}""");
        Assert.Equal(0, Train(ml).Outcome.ExitCode);
        Assert.False(File.Exists(ml.Failure));
    }

    [Fact]
    public void A_temporary_file_left_by_a_kill_during_a_save_is_removed_and_other_files_are_kept()
    {
        var ml = NewJob();
        Directory.CreateDirectory(ml.Checkpoints);
        var stale = Path.Combine(ml.Checkpoints, $".{TrainingJob.CheckpointFile}.4242.{Guid.NewGuid():N}.tmp");
        var mine = Path.Combine(ml.Checkpoints, "notes.tmp");
        File.WriteAllText(stale, "half a checkpoint");
        File.WriteAllText(mine, "not the trainer's");
        Assert.Equal(0, Train(ml).Outcome.ExitCode);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(mine));
    }

    [Fact]
    public void A_model_folder_of_another_architecture_is_refused_when_loading()
    {
        var a = NewJob();
        var b = NewJob(new Dictionary<string, string>(Hyper) { ["hidden_units"] = "8,8" });
        Assert.Equal(0, Train(a).Outcome.ExitCode);
        Assert.Equal(0, Train(b).Outcome.ExitCode);
        File.Copy(Path.Combine(b.Model, TabularModel.WeightsFile), Path.Combine(a.Model, TabularModel.WeightsFile), overwrite: true);
        var e = Assert.Throws<ContractException>(() => TabularModel.Load(a.Model));
        Assert.Contains("another architecture", e.Message);
        File.WriteAllText(Path.Combine(a.Model, TabularModel.SpecFile), "{\"Features\": 2}");
        Assert.Contains("is not a Kit model description", Assert.Throws<ContractException>(() => TabularModel.Load(a.Model)).Message);
        Assert.Contains("has no model.json", Assert.Throws<ContractException>(() => TabularModel.Load(Path.GetTempPath())).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_stop_request_checkpoints_and_exits_143_and_the_restart_ends_with_bit_identical_weights(int seed)
    {
        var hyper = new Dictionary<string, string>(Hyper) { ["epochs"] = "5", ["seed"] = seed.ToString() };
        var whole = NewJob(hyper);
        Assert.Equal(0, Train(whole).Outcome.ExitCode);

        var interrupted = NewJob(hyper);
        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        var stopAfterEpoch2 = new Progress2(log, stop);
        var first = TrainingJob.Run(interrupted, stop.Token, stopAfterEpoch2);
        Assert.Equal(TrainingJob.StoppedExitCode, first.ExitCode);
        Assert.Equal(2, first.Epoch);
        Assert.False(Directory.Exists(interrupted.Model));
        var (second, secondLog) = Train(interrupted);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, second.ResumedFrom);
        Assert.Contains("resumed from checkpoint at epoch 2", secondLog);
        Assert.True(TabularModel.Load(whole.Model).SameWeights(TabularModel.Load(interrupted.Model)));
    }

    [Fact]
    public void Weights_of_runs_with_different_seeds_differ_so_the_identity_check_can_fail()
    {
        var a = NewJob();
        var b = NewJob(new Dictionary<string, string>(Hyper) { ["seed"] = "1" });
        Train(a);
        Train(b);
        Assert.False(TabularModel.Load(a.Model).SameWeights(TabularModel.Load(b.Model)));
    }

    /// <summary>A log writer that requests a stop while epoch 2 runs (when epoch 1's line is written).</summary>
    sealed class Progress2(StringWriter inner, CancellationTokenSource stop) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void WriteLine(string? value)
        {
            inner.WriteLine(value);
            if (value?.StartsWith("epoch 1/", StringComparison.Ordinal) == true) stop.Cancel();
        }
    }
}
