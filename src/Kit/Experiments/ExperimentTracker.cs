using System.Globalization;
using System.Security.Cryptography;
using Kit.Data;
using Microsoft.Data.Sqlite;

namespace Kit.Experiments;

/// <summary>A run's state, in MLflow's words (managed MLflow on SageMaker is what AWS now recommends for tracking).</summary>
public enum RunStatus { Running, Finished, Failed, Killed }

/// <summary>One run as stored: its parameters, the last value of each metric, and its artifacts (name → SHA-256).</summary>
public sealed record RunSummary(string Id, string Experiment, string Name, RunStatus Status, IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> LastMetrics, IReadOnlyDictionary<string, string> Artifacts)
{
    public override string ToString() => $"{Experiment}/{Name} [{Status}] " + string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))
        + " → " + string.Join(", ", LastMetrics.Select(m => $"{m.Key}={m.Value:G4}"));
}

/// <summary>
/// Experiment tracking in one SQLite file, in the vocabulary of SageMaker Experiments and MLflow: experiments hold
/// runs; a run logs parameters (set once), metrics per step, and artifacts (recorded with their SHA-256). Runs from
/// several processes may share the file (each write is its own transaction; SQLite serialises them).
/// </summary>
public sealed class ExperimentTracker
{
    readonly SqliteFile _file;

    public ExperimentTracker(string path) => _file = new SqliteFile(path, """
        CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, experiment TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, started TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS params (run TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run, key));
        CREATE TABLE IF NOT EXISTS metrics (run TEXT NOT NULL, key TEXT NOT NULL, step INTEGER NOT NULL, value REAL);
        CREATE TABLE IF NOT EXISTS artifacts (run TEXT NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (run, name));
        """, "the tracking SQLite file");

    /// <summary>Starts a run in <paramref name="experiment"/>; dispose it (or call <see cref="Run.End"/>) to finish it.</summary>
    public Run StartRun(string experiment, string name)
    {
        if (string.IsNullOrWhiteSpace(experiment)) throw new ArgumentException("experiment must be a name.", nameof(experiment));
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name must be a run name.", nameof(name));
        string id = Guid.NewGuid().ToString("N");
        Execute("INSERT INTO runs VALUES ($id, $e, $n, $s, $t)", ("$id", id), ("$e", experiment), ("$n", name), ("$s", nameof(RunStatus.Running)), ("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        return new Run(this, id, experiment, name);
    }

    /// <summary>The runs of an experiment, in the order they started.</summary>
    public IReadOnlyList<RunSummary> Runs(string experiment)
    {
        var ids = Query("SELECT id FROM runs WHERE experiment = $e ORDER BY started, rowid", r => r.GetString(0), ("$e", experiment));
        return [.. ids.Select(Summary)];
    }

    public RunSummary Summary(string runId)
    {
        var run = Query("SELECT experiment, name, status FROM runs WHERE id = $id", r => (E: r.GetString(0), N: r.GetString(1), S: r.GetString(2)), ("$id", runId));
        if (run.Count == 0) throw new ArgumentException($"there is no run '{runId}'.", nameof(runId));
        var parameters = Query("SELECT key, value FROM params WHERE run = $id ORDER BY key", r => (r.GetString(0), r.GetString(1)), ("$id", runId)).ToDictionary();
        var last = Query("SELECT key, value FROM metrics WHERE run = $id ORDER BY step, rowid", r => (r.GetString(0), r.IsDBNull(1) ? double.NaN : r.GetDouble(1)), ("$id", runId))
            .GroupBy(m => m.Item1).ToDictionary(g => g.Key, g => g.Last().Item2);
        var artifacts = Query("SELECT name, sha256 FROM artifacts WHERE run = $id ORDER BY name", r => (r.GetString(0), r.GetString(1)), ("$id", runId)).ToDictionary();
        return new RunSummary(runId, run[0].E, run[0].N, Enum.Parse<RunStatus>(run[0].S), parameters, last, artifacts);
    }

    /// <summary>A metric's values by step (NaN where a diverged run logged NaN).</summary>
    public IReadOnlyList<(long Step, double Value)> MetricHistory(string runId, string metric)
    {
        _ = Summary(runId);
        return Query("SELECT step, value FROM metrics WHERE run = $id AND key = $k ORDER BY step, rowid",
            r => (r.GetInt64(0), r.IsDBNull(1) ? double.NaN : r.GetDouble(1)), ("$id", runId), ("$k", metric));
    }

    internal void LogParameter(string runId, string key, string value)
    {
        var existing = Query("SELECT value FROM params WHERE run = $id AND key = $k", r => r.GetString(0), ("$id", runId), ("$k", key));
        if (existing.Count > 0 && existing[0] != value)
            throw new InvalidOperationException($"parameter '{key}' of this run is already {existing[0]}; parameters are set once per run (start a new run to change one).");
        Execute("INSERT OR IGNORE INTO params VALUES ($id, $k, $v)", ("$id", runId), ("$k", key), ("$v", value));
    }

    internal void LogMetric(string runId, string key, double value, long step) =>
        Execute("INSERT INTO metrics VALUES ($id, $k, $s, $v)", ("$id", runId), ("$k", key), ("$s", step), ("$v", double.IsNaN(value) ? null : value));

    internal void LogArtifact(string runId, string name, string path)
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        Execute("INSERT OR REPLACE INTO artifacts VALUES ($id, $n, $p, $h)", ("$id", runId), ("$n", name), ("$p", Path.GetFullPath(path)), ("$h", sha));
    }

    internal void SetStatus(string runId, RunStatus status) =>
        Execute("UPDATE runs SET status = $s WHERE id = $id", ("$id", runId), ("$s", status.ToString()));

    void Execute(string sql, params (string, object?)[] parameters) => _file.Execute(sql, parameters);

    List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters) => _file.Query(sql, read, parameters);
}
