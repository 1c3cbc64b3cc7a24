using System.Text;
using System.Text.Json;
using Kit.Containers;

namespace Kit.Tests;

/// <summary>/invocations payloads without HTTP, Processing, and the lesson's decisions (instances, Spot, approach).</summary>
[Collection(TorchCollection.Name)]
public class ContainerServingAndPlanningTests
{
    static readonly Lazy<Invocations> Handler = new(() =>
    {
        var ml = ContainerTrainingTests.NewJob();
        Assert.Equal(0, TrainingJob.Run(ml, default, TextWriter.Null).ExitCode);
        return new Invocations(TabularModel.Load(ml.Model));
    });

    static InvocationResponse Call(string? type, string body, string? accept = null) =>
        Handler.Value.Handle(type, accept, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Csv_rows_get_one_predicted_class_per_line_and_json_gets_labels_with_probabilities()
    {
        // Two points deep inside each moon: (-1, 0.2) is class 0, (2, -0.2) is class 1.
        var csv = Call("text/csv", "-1,0.2\n2,-0.2\n");
        Assert.Equal((200, "text/csv", "0\n1\n"), (csv.Status, csv.ContentType, csv.Body));
        var json = Call("application/json; charset=utf-8", """{"instances": [[-1, 0.2], [2, -0.2]]}""");
        Assert.Equal(200, json.Status);
        var predictions = JsonDocument.Parse(json.Body).RootElement.GetProperty("predictions");
        Assert.Equal([0, 1], predictions.EnumerateArray().Select(p => p.GetProperty("label").GetInt32()));
        foreach (var p in predictions.EnumerateArray())
            Assert.Equal(1.0, p.GetProperty("probabilities").EnumerateArray().Sum(v => v.GetDouble()), 5);
        Assert.Equal("0\n", Call("application/json", "[-1, 0.2]", accept: "text/csv").Body);
        Assert.Equal("1\n", Call("application/json", "[[2, -0.2]]", accept: "text/csv").Body);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-npy")]
    [InlineData(null)]
    public void Other_content_types_get_415(string? type) => Assert.Equal(415, Call(type, "1,2").Status);

    [Theory]
    [InlineData("text/csv", "1,2,3", "line 1: 3 values, expected 2")]
    [InlineData("text/csv", "1,abc", "\"abc\" is not a finite number")]
    [InlineData("text/csv", "1,NaN", "\"NaN\" is not a finite number")]
    [InlineData("text/csv", "", "holds no rows")]
    [InlineData("application/json", "{\"instances\": [[1, 2]", "not valid JSON")]
    [InlineData("application/json", "{\"rows\": [[1, 2]]}", "needs an \"instances\" list")]
    [InlineData("application/json", "[[1, 2], [1]]", "row 2: expected a list of 2 numbers")]
    [InlineData("application/json", "[[1, \"2\"]]", "\"2\" is not a finite number")]
    [InlineData("application/json", "[]", "non-empty list")]
    [InlineData("application/json", "42", "non-empty list")]
    public void Malformed_payloads_get_400_with_a_message(string type, string body, string expected)
    {
        var answer = Call(type, body);
        Assert.Equal(400, answer.Status);
        Assert.Contains(expected, answer.Body);
    }

    [Fact]
    public void A_body_that_is_not_utf8_gets_400()
    {
        var answer = Handler.Value.Handle("text/csv", null, [0x31, 0x2C, 0xC3, 0x28]);
        Assert.Equal((400, "the body is not valid UTF-8 text.\n"), (answer.Status, answer.Body));
    }

    [Fact]
    public void Processing_drops_unusable_rows_moves_the_label_first_and_splits_into_channels()
    {
        var ml = new OptMl(Path.Combine(Path.GetTempPath(), "kit-processing-tests", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(ml.ProcessingInput);
        var lines = new List<string> { "x1,label,x2" };
        for (int i = 0; i < 20; i++) lines.Add($"{i},{i % 2},{i * 0.5}");
        lines.AddRange(["1,,2", "1,0,abc", "1,0"]);
        File.WriteAllLines(Path.Combine(ml.ProcessingInput, "raw.csv"), lines);
        var report = ProcessingJob.Run(ml, validationFraction: 0.25, seed: 0);
        Assert.Equal((23, 3, 15, 5), (report.RowsRead, report.RowsDropped, report.TrainRows, report.ValidationRows));
        Assert.Equal(["x1", "x2"], report.Features);
        var train = File.ReadAllLines(Path.Combine(ml.ProcessingOutput, "train", "train.csv"));
        var validation = File.ReadAllLines(Path.Combine(ml.ProcessingOutput, "validation", "validation.csv"));
        var all = train.Concat(validation).Select(l => l.Split(',').Select(float.Parse).ToArray()).OrderBy(r => r[1]).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => new[] { i % 2f, i, i * 0.5f }), all);
        Assert.Contains("no column \"target\"", Assert.Throws<ContractException>(() => ProcessingJob.Run(ml, "target")).Message);
    }

    [Fact]
    public void The_instance_table_follows_the_study_guide()
    {
        string Family(JobKind kind, long parameters, bool nn, bool cpu = false, bool cuda = false, bool cost = false) =>
            InstanceFamilies.Choose(new JobNeeds("job", kind, parameters, nn, cpu, cuda, cost)).Family;
        Assert.Equal("ml.m5", Family(JobKind.Processing, 0, false));
        Assert.Equal("ml.c5", Family(JobKind.Training, 1_000, false, cpu: true));
        Assert.Equal("ml.g5", Family(JobKind.Training, 5_000_000, true));
        Assert.Equal("ml.p4d", Family(JobKind.Training, 7_000_000_000, true));
        Assert.Equal("ml.p4d", Family(JobKind.Training, 7_000_000_000, true, cuda: true, cost: true));
        Assert.Equal("ml.trn1", Family(JobKind.Training, 7_000_000_000, true, cost: true));
        Assert.Equal("ml.inf2", Family(JobKind.Inference, 300_000_000, true, cost: true));
        Assert.Equal("ml.c5", Family(JobKind.Inference, 1_000, false));
    }

    [Fact]
    public void Spot_settings_need_max_wait_at_least_max_run_and_a_checkpoint_uri()
    {
        Assert.Empty(new SpotSettings(true, 3600, 3600, "s3://bucket/ckpt").Problems());
        Assert.Contains(new SpotSettings(true, 3600, 1800, "s3://b/c").Problems(), p => p.Contains("max_wait (1800 s) must be ≥ max_run (3600 s)"));
        Assert.Contains(new SpotSettings(true, 3600, null, "s3://b/c").Problems(), p => p.Contains("needs max_wait"));
        Assert.Contains(new SpotSettings(true, 3600, 7200, null).Problems(), p => p.Contains("restarts from epoch 0"));
        Assert.Contains(new SpotSettings(false, 3600, 7200, null).Problems(), p => p.Contains("only allowed with use_spot_instances"));
    }

    [Fact]
    public void Spot_bills_training_time_only_and_fails_with_max_wait_time_exceeded_when_waiting_runs_out()
    {
        // byoc-15: 10 h of training, two interruptions, 3 h waiting in all, checkpoints at each interruption.
        Interruption[] cuts = [new(4, 1), new(7, 2)];
        var run = SpotTraining.Simulate(10, cuts, maxWaitHours: 24, checkpointEveryHours: 0);
        Assert.Equal((10.0, 13.0, 0.0, "Completed"), (run.BilledHours, run.WallHours, run.RedoneHours, run.Status));
        var hourly = SpotTraining.Simulate(10, cuts, 24, checkpointEveryHours: 1.5); // keeps 3 h of 4, 6 h of 7
        Assert.Equal((12.0, 15.0, 2.0), (hourly.BilledHours, hourly.WallHours, hourly.RedoneHours));
        var none = SpotTraining.Simulate(10, cuts, 24, checkpointEveryHours: null); // restarts at 0: 4 + 7 + 10
        Assert.Equal((21.0, 24.0, 11.0, "Completed"), (none.BilledHours, none.WallHours, none.RedoneHours, none.Status));
        Assert.Equal("Failed: MaxWaitTimeExceeded", SpotTraining.Simulate(10, cuts, 12, 0).Status);
        Assert.Equal("Failed: MaxWaitTimeExceeded", SpotTraining.Simulate(10, [new(4, 9)], 12, 0).Status);
    }

    [Fact]
    public void The_approach_follows_the_guide_decision_tree()
    {
        Assert.Equal(Approach.BuiltInAlgorithm, TrainingApproach.Choose(customCode: false, standardFramework: true, customRuntime: false).Choice);
        Assert.Equal(Approach.ScriptMode, TrainingApproach.Choose(true, true, false).Choice);
        Assert.Equal(Approach.BringYourOwnContainer, TrainingApproach.Choose(true, false, false).Choice);
        Assert.Equal(Approach.BringYourOwnContainer, TrainingApproach.Choose(true, true, true).Choice);
    }
}
