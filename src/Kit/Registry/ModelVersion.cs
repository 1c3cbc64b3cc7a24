using System.Security.Cryptography;

namespace Kit.Registry;

/// <summary>A model version's approval status, as in the SageMaker Model Registry.</summary>
public enum ApprovalStatus { PendingManualApproval, Approved, Rejected }

/// <summary>Where a model version came from: the data (a hash of it), the code, the hyperparameters and the experiment run.</summary>
public sealed record Lineage(string DataHash, string CodeVersion, IReadOnlyDictionary<string, string> Hyperparameters, string? ExperimentRun = null)
{
    /// <summary>SHA-256 of the data, in lower-case hex: two versions trained on the same bytes show the same hash.</summary>
    public static string HashOf(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>SHA-256 of a float array's bytes (little-endian, as stored in memory).</summary>
    public static string HashOf(float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return HashOf(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }
}

/// <summary>One registered version of a model group: its number, status, metrics, lineage and artifact.</summary>
public sealed record ModelVersion(
    string Group, int Version, ApprovalStatus Status, IReadOnlyDictionary<string, double> Metrics, Lineage Lineage,
    string ArtifactPath, DateTimeOffset Created)
{
    public override string ToString() =>
        $"{Group} v{Version} [{Status}] " + string.Join(", ", Metrics.Select(m => $"{m.Key}={m.Value:G4}")) + $"; data {Lineage.DataHash[..Math.Min(12, Lineage.DataHash.Length)]}…, code {Lineage.CodeVersion}";
}

/// <summary>One change of approval status: who made it, when and why (the audit trail a reviewer's sign-off leaves).</summary>
public sealed record StatusChange(string Group, int Version, ApprovalStatus From, ApprovalStatus To, string By, string? Reason, DateTimeOffset At);

/// <summary>
/// The approval workflow: a new version waits as PendingManualApproval; a reviewer approves it (deployable) or rejects
/// it; an approved version can later be rejected (a problem found in production: the pipeline falls back to the previous
/// approved version). Nothing goes back to pending, and a rejected version stays rejected: retrain and register anew.
/// </summary>
public static class ApprovalWorkflow
{
    public static bool IsAllowed(ApprovalStatus from, ApprovalStatus to) => (from, to) switch
    {
        (ApprovalStatus.PendingManualApproval, ApprovalStatus.Approved or ApprovalStatus.Rejected) => true,
        (ApprovalStatus.Approved, ApprovalStatus.Rejected) => true,
        _ => false,
    };

    internal static string Refusal(ApprovalStatus from, ApprovalStatus to) => (from, to) switch
    {
        _ when from == to => $"the version is already {from}.",
        (_, ApprovalStatus.PendingManualApproval) => "a reviewed version cannot go back to PendingManualApproval; register a new version for a new review.",
        (ApprovalStatus.Rejected, _) => "a rejected version stays rejected; retrain and register a new version.",
        _ => $"{from} → {to} is not a step of the approval workflow.",
    };
}
