using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kit.Data;
using Microsoft.Data.Sqlite;

namespace Kit.Registry;

/// <summary>
/// A model registry in one SQLite file, in the SageMaker Model Registry's vocabulary: model (package) groups, numbered
/// versions with metrics, lineage and an approval status, and the history of every status change. Several processes
/// may share the file: version numbers are assigned inside a write transaction, and a status change only applies if
/// the status is still the one the caller saw, so two reviewers cannot overwrite each other silently.
/// </summary>
public sealed partial class ModelRegistry
{
    readonly SqliteFile _file;

    /// <param name="path">the SQLite file (created if missing)</param>
    public ModelRegistry(string path) => _file = new SqliteFile(path, """
        CREATE TABLE IF NOT EXISTS groups (name TEXT PRIMARY KEY, description TEXT NOT NULL, created TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS versions (grp TEXT NOT NULL REFERENCES groups(name), version INTEGER NOT NULL, status TEXT NOT NULL,
            metrics TEXT NOT NULL, data_hash TEXT NOT NULL, code_version TEXT NOT NULL, hyperparameters TEXT NOT NULL,
            experiment_run TEXT, artifact TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY (grp, version));
        CREATE TABLE IF NOT EXISTS status_changes (grp TEXT NOT NULL, version INTEGER NOT NULL, from_status TEXT NOT NULL,
            to_status TEXT NOT NULL, by TEXT NOT NULL, reason TEXT, at TEXT NOT NULL);
        """, "the registry's SQLite file");

    /// <summary>Creates a model group (SageMaker's model package group): 1–63 letters, digits and hyphens.</summary>
    public void CreateGroup(string name, string description = "")
    {
        CheckName(name);
        using var db = Open();
        using var c = Command(db, "INSERT OR IGNORE INTO groups VALUES ($name, $description, $created)", ("$name", name), ("$description", description ?? ""), ("$created", Now()));
        if (c.ExecuteNonQuery() == 0) throw new ArgumentException($"model group '{name}' already exists.", nameof(name));
    }

    public IReadOnlyList<string> Groups()
    {
        using var db = Open();
        using var c = Command(db, "SELECT name FROM groups ORDER BY name");
        using var r = c.ExecuteReader();
        var names = new List<string>();
        while (r.Read()) names.Add(r.GetString(0));
        return names;
    }

    /// <summary>Adds the next version to <paramref name="group"/>, waiting for review (PendingManualApproval).</summary>
    /// <param name="metrics">evaluation metrics (finite numbers), e.g. validation accuracy</param>
    /// <param name="lineage">data hash, code version, hyperparameters and experiment run</param>
    /// <param name="artifactPath">where the model's weights are (a checkpoint file, an S3 URI)</param>
    public ModelVersion Register(string group, IReadOnlyDictionary<string, double> metrics, Lineage lineage, string artifactPath)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(lineage);
        var bad = metrics.FirstOrDefault(m => !double.IsFinite(m.Value));
        if (bad.Key is not null) throw new ArgumentException($"metric '{bad.Key}' is {bad.Value}; a registered version needs finite metrics.", nameof(metrics));
        if (string.IsNullOrWhiteSpace(lineage.DataHash) || string.IsNullOrWhiteSpace(lineage.CodeVersion))
            throw new ArgumentException("lineage needs a data hash and a code version: a version you cannot trace back cannot be audited.", nameof(lineage));
        if (string.IsNullOrWhiteSpace(artifactPath)) throw new ArgumentException("artifactPath must say where the model is.", nameof(artifactPath));
        using var db = Open();
        using var tx = db.BeginTransaction(deferred: false); // takes the write lock now: the next number cannot be taken twice
        EnsureGroup(db, group);
        using var next = Command(db, "SELECT COALESCE(MAX(version), 0) + 1 FROM versions WHERE grp = $g", ("$g", group));
        int version = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        string created = Now();
        using var insert = Command(db, """
            INSERT INTO versions VALUES ($g, $v, $s, $metrics, $hash, $code, $hp, $run, $artifact, $created)
            """, ("$g", group), ("$v", version), ("$s", nameof(ApprovalStatus.PendingManualApproval)), ("$metrics", JsonSerializer.Serialize(metrics)),
            ("$hash", lineage.DataHash), ("$code", lineage.CodeVersion), ("$hp", JsonSerializer.Serialize(lineage.Hyperparameters)),
            ("$run", lineage.ExperimentRun), ("$artifact", artifactPath), ("$created", created));
        insert.ExecuteNonQuery();
        tx.Commit();
        return Version(group, version);
    }

    /// <summary>Moves a version along the approval workflow (see <see cref="ApprovalWorkflow"/>), recording who and why.</summary>
    /// <param name="by">the reviewer (a name or role): an approval without one is no sign-off</param>
    public ModelVersion UpdateApprovalStatus(string group, int version, ApprovalStatus status, string by, string? reason = null)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new ArgumentException("by must name the reviewer.", nameof(by));
        var current = Version(group, version);
        if (!ApprovalWorkflow.IsAllowed(current.Status, status))
            throw new InvalidOperationException($"{group} v{version}: {current.Status} → {status} refused: {ApprovalWorkflow.Refusal(current.Status, status)}");
        using var db = Open();
        using var tx = db.BeginTransaction(deferred: false);
        using var update = Command(db, "UPDATE versions SET status = $to WHERE grp = $g AND version = $v AND status = $from",
            ("$to", status.ToString()), ("$g", group), ("$v", version), ("$from", current.Status.ToString()));
        if (update.ExecuteNonQuery() == 0)
            throw new InvalidOperationException($"{group} v{version} changed status while this change was being made (another reviewer or process); read it again and decide anew.");
        using var log = Command(db, "INSERT INTO status_changes VALUES ($g, $v, $from, $to, $by, $reason, $at)",
            ("$g", group), ("$v", version), ("$from", current.Status.ToString()), ("$to", status.ToString()), ("$by", by), ("$reason", reason), ("$at", Now()));
        log.ExecuteNonQuery();
        tx.Commit();
        return Version(group, version);
    }

    public ModelVersion Version(string group, int version)
    {
        var found = Versions(group).FirstOrDefault(v => v.Version == version);
        return found ?? throw new ArgumentOutOfRangeException(nameof(version), version, $"model group '{group}' has no version {version}.");
    }

    /// <summary>Every version of the group, oldest first.</summary>
    public IReadOnlyList<ModelVersion> Versions(string group)
    {
        using var db = Open();
        EnsureGroup(db, group);
        using var c = Command(db, "SELECT version, status, metrics, data_hash, code_version, hyperparameters, experiment_run, artifact, created FROM versions WHERE grp = $g ORDER BY version", ("$g", group));
        using var r = c.ExecuteReader();
        var list = new List<ModelVersion>();
        while (r.Read())
            list.Add(new ModelVersion(group, r.GetInt32(0), Enum.Parse<ApprovalStatus>(r.GetString(1)),
                JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(2))!,
                new Lineage(r.GetString(3), r.GetString(4), JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(5))!, r.IsDBNull(6) ? null : r.GetString(6)),
                r.GetString(7), DateTimeOffset.Parse(r.GetString(8), CultureInfo.InvariantCulture)));
        return list;
    }

    /// <summary>The newest Approved version: what an approval-gated deployment pipeline deploys (null if none).</summary>
    public ModelVersion? LatestApproved(string group) => Versions(group).LastOrDefault(v => v.Status == ApprovalStatus.Approved);

    /// <summary>The status changes of one version, oldest first.</summary>
    public IReadOnlyList<StatusChange> History(string group, int version)
    {
        _ = Version(group, version);
        using var db = Open();
        using var c = Command(db, "SELECT from_status, to_status, by, reason, at FROM status_changes WHERE grp = $g AND version = $v ORDER BY rowid", ("$g", group), ("$v", version));
        using var r = c.ExecuteReader();
        var list = new List<StatusChange>();
        while (r.Read())
            list.Add(new StatusChange(group, version, Enum.Parse<ApprovalStatus>(r.GetString(0)), Enum.Parse<ApprovalStatus>(r.GetString(1)),
                r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), DateTimeOffset.Parse(r.GetString(4), CultureInfo.InvariantCulture)));
        return list;
    }

    static void CheckName(string name)
    {
        if (name is null || !GroupName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a model group name: 1–63 letters, digits and hyphens, starting with a letter or digit.", nameof(name));
    }

    static void EnsureGroup(SqliteConnection db, string group)
    {
        using var c = Command(db, "SELECT COUNT(*) FROM groups WHERE name = $g", ("$g", group));
        if (Convert.ToInt32(c.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            throw new ArgumentException($"there is no model group '{group}'; create it with CreateGroup first.", nameof(group));
    }

    SqliteConnection Open() => _file.Open();

    static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters) => SqliteFile.Command(db, sql, parameters);

    static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex GroupName();
}
