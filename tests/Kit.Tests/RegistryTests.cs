using System.Text;
using Kit.Registry;

namespace Kit.Tests;

public class RegistryTests
{
    static readonly Lineage Trained = new(Lineage.HashOf(Encoding.ASCII.GetBytes("abc")), "git:1a2b3c4", new Dictionary<string, string> { ["learning_rate"] = "0.01" }, "run-17");
    static readonly Dictionary<string, double> Metrics = new() { ["validation:accuracy"] = 0.95 };

    static ModelRegistry NewRegistry(TempFolder folder, string group = "fraud-detection")
    {
        var registry = new ModelRegistry(Path.Combine(folder.Path, "registry.db"));
        registry.CreateGroup(group, "fraud model");
        return registry;
    }

    [Fact]
    public void The_data_hash_is_sha_256_as_the_fips_test_vector_gives_it()
    {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Trained.DataHash);
    }

    [Fact]
    public void Versions_are_numbered_per_group_and_start_pending_manual_approval()
    {
        using var folder = new TempFolder();
        var registry = NewRegistry(folder);
        registry.CreateGroup("churn");
        Assert.Equal(1, registry.Register("fraud-detection", Metrics, Trained, "s3://models/fraud/1.tar.gz").Version);
        Assert.Equal(2, registry.Register("fraud-detection", Metrics, Trained, "s3://models/fraud/2.tar.gz").Version);
        var churn = registry.Register("churn", Metrics, Trained, "s3://models/churn/1.tar.gz");
        Assert.Equal(1, churn.Version);
        Assert.Equal(ApprovalStatus.PendingManualApproval, churn.Status);
        Assert.Equal("run-17", churn.Lineage.ExperimentRun);
        Assert.Equal("0.01", churn.Lineage.Hyperparameters["learning_rate"]);
    }

    [Fact]
    public void An_approval_gated_pipeline_deploys_the_newest_approved_version_not_the_newest_version()
    {
        // The quiz's scenario (hpo-13): v1 Rejected, v2 Approved, v3 PendingManualApproval → v2.
        using var folder = new TempFolder();
        var registry = NewRegistry(folder);
        for (int i = 0; i < 3; i++) registry.Register("fraud-detection", Metrics, Trained, $"model-{i + 1}");
        registry.UpdateApprovalStatus("fraud-detection", 1, ApprovalStatus.Rejected, "risk-team", "recall below 0.8");
        registry.UpdateApprovalStatus("fraud-detection", 2, ApprovalStatus.Approved, "risk-team");
        Assert.Equal(2, registry.LatestApproved("fraud-detection")!.Version);

        // hpo-15: a problem is found in v3 after approval; rejecting it brings back v2.
        registry.UpdateApprovalStatus("fraud-detection", 3, ApprovalStatus.Approved, "risk-team");
        Assert.Equal(3, registry.LatestApproved("fraud-detection")!.Version);
        registry.UpdateApprovalStatus("fraud-detection", 3, ApprovalStatus.Rejected, "on-call", "false positives doubled");
        Assert.Equal(2, registry.LatestApproved("fraud-detection")!.Version);
        var history = registry.History("fraud-detection", 3);
        Assert.Equal([(ApprovalStatus.PendingManualApproval, ApprovalStatus.Approved), (ApprovalStatus.Approved, ApprovalStatus.Rejected)], history.Select(h => (h.From, h.To)));
        Assert.Equal("false positives doubled", history[^1].Reason);
    }

    [Theory]
    [InlineData(ApprovalStatus.PendingManualApproval, ApprovalStatus.Approved, true)]
    [InlineData(ApprovalStatus.PendingManualApproval, ApprovalStatus.Rejected, true)]
    [InlineData(ApprovalStatus.Approved, ApprovalStatus.Rejected, true)]
    [InlineData(ApprovalStatus.Approved, ApprovalStatus.PendingManualApproval, false)]
    [InlineData(ApprovalStatus.Rejected, ApprovalStatus.Approved, false)]
    [InlineData(ApprovalStatus.Rejected, ApprovalStatus.PendingManualApproval, false)]
    [InlineData(ApprovalStatus.Approved, ApprovalStatus.Approved, false)]
    [InlineData(ApprovalStatus.PendingManualApproval, ApprovalStatus.PendingManualApproval, false)]
    public void The_approval_workflow_allows_only_its_own_steps(ApprovalStatus from, ApprovalStatus to, bool allowed) =>
        Assert.Equal(allowed, ApprovalWorkflow.IsAllowed(from, to));

    [Fact]
    public void An_illegal_transition_is_refused_with_the_reason_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var registry = NewRegistry(folder);
        registry.Register("fraud-detection", Metrics, Trained, "model-1");
        registry.UpdateApprovalStatus("fraud-detection", 1, ApprovalStatus.Rejected, "risk-team");
        var e = Assert.Throws<InvalidOperationException>(() => registry.UpdateApprovalStatus("fraud-detection", 1, ApprovalStatus.Approved, "someone"));
        Assert.Contains("Rejected → Approved refused: a rejected version stays rejected", e.Message);
        Assert.Equal(ApprovalStatus.Rejected, registry.Version("fraud-detection", 1).Status);
        Assert.Single(registry.History("fraud-detection", 1));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        using var folder = new TempFolder();
        var registry = NewRegistry(folder);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => registry.CreateGroup("fraud detection!")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => registry.CreateGroup("fraud-detection")).ParamName);
        Assert.Equal("group", Assert.Throws<ArgumentException>(() => registry.Register("nope", Metrics, Trained, "m")).ParamName);
        Assert.Equal("metrics", Assert.Throws<ArgumentException>(() => registry.Register("fraud-detection", new Dictionary<string, double> { ["auc"] = double.NaN }, Trained, "m")).ParamName);
        Assert.Equal("lineage", Assert.Throws<ArgumentException>(() => registry.Register("fraud-detection", Metrics, Trained with { DataHash = "" }, "m")).ParamName);
        registry.Register("fraud-detection", Metrics, Trained, "m");
        Assert.Equal("by", Assert.Throws<ArgumentException>(() => registry.UpdateApprovalStatus("fraud-detection", 1, ApprovalStatus.Approved, " ")).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => registry.UpdateApprovalStatus("fraud-detection", 9, ApprovalStatus.Approved, "x")).ParamName);
    }

    [Fact]
    public void Two_processes_registering_into_one_file_get_distinct_version_numbers_and_both_keep_their_versions()
    {
        using var folder = new TempFolder();
        NewRegistry(folder);
        string path = Path.Combine(folder.Path, "registry.db");
        var a = new ModelRegistry(path);
        var b = new ModelRegistry(path);
        var numbers = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            numbers.Add((i % 2 == 0 ? a : b).Register("fraud-detection", Metrics, Trained, $"model-{i}").Version));
        Assert.Equal(Enumerable.Range(1, 20), numbers.Order());
        Assert.Equal(20, new ModelRegistry(path).Versions("fraud-detection").Count);
    }
}
