using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Kit.Tuning;

/// <summary>
/// A tuning job's trials in SQLite, one row per finished training job, written as it finishes: a job killed midway
/// keeps them, and the same job run again reads them back instead of training. One writer at a time: the store
/// holds an exclusive lock on <c>path.lock</c> while open, so a second process gets a clear error, not a corrupt mix.
/// </summary>
sealed class TuningStore : IDisposable
{
    readonly SqliteConnection _db;
    readonly FileStream _lock;
    readonly string _job;
    readonly object _gate = new();

    public TuningStore(string path, string job, string signature)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try { _lock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException e)
        {
            throw new InvalidOperationException($"Store '{path}' is already open for writing by another tuning job (lock file {full}.lock is held); wait for it to finish or use another store.", e);
        }
        _job = job;
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        _db.Open();
        Execute("""
            CREATE TABLE IF NOT EXISTS jobs (job TEXT PRIMARY KEY, signature TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS trials (job TEXT NOT NULL, key TEXT NOT NULL, idx INTEGER NOT NULL, hyperparameters TEXT NOT NULL,
                status TEXT NOT NULL, objective REAL, metrics TEXT NOT NULL, epochs INTEGER NOT NULL, seconds REAL NOT NULL, error TEXT,
                bracket INTEGER, config INTEGER, rung INTEGER, PRIMARY KEY (job, key));
            """);
        using var read = Command("SELECT signature FROM jobs WHERE job = $job");
        if (read.ExecuteScalar() is string stored && stored != signature)
        {
            Dispose();
            throw new ArgumentException($"Store '{path}' already holds tuning job '{job}' with another definition ({stored}); give this job another name or store.", "store");
        }
        using var write = Command("INSERT OR IGNORE INTO jobs (job, signature) VALUES ($job, $signature)");
        write.Parameters.AddWithValue("$signature", signature);
        write.ExecuteNonQuery();
    }

    public TrialRecord? Find(string key, SearchSpace space)
    {
        lock (_gate)
        {
            using var c = Command("SELECT idx, hyperparameters, status, objective, metrics, epochs, seconds, error, bracket, config, rung FROM trials WHERE job = $job AND key = $key");
            c.Parameters.AddWithValue("$key", key);
            using var r = c.ExecuteReader();
            if (!r.Read()) return null;
            int? Int(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
            return new TrialRecord(r.GetInt32(0), key, Hyperparameters.FromJson(r.GetString(1), space), Enum.Parse<TrialStatus>(r.GetString(2)),
                r.IsDBNull(3) ? null : r.GetDouble(3), JsonSerializer.Deserialize<Dictionary<string, double>>(r.GetString(4))!,
                r.GetInt32(5), r.GetDouble(6), r.IsDBNull(7) ? null : r.GetString(7), Int(8), Int(9), Int(10));
        }
    }

    public void Save(TrialRecord t)
    {
        lock (_gate)
        {
            using var c = Command("""
                INSERT INTO trials VALUES ($job, $key, $idx, $hp, $status, $objective, $metrics, $epochs, $seconds, $error, $bracket, $config, $rung)
                """);
            object Db(object? v) => v ?? DBNull.Value;
            c.Parameters.AddWithValue("$key", t.Key);
            c.Parameters.AddWithValue("$idx", t.Index);
            c.Parameters.AddWithValue("$hp", t.Hyperparameters.ToJson());
            c.Parameters.AddWithValue("$status", t.Status.ToString());
            c.Parameters.AddWithValue("$objective", Db(t.ObjectiveValue));
            c.Parameters.AddWithValue("$metrics", JsonSerializer.Serialize(t.Metrics));
            c.Parameters.AddWithValue("$epochs", t.Epochs);
            c.Parameters.AddWithValue("$seconds", t.Seconds);
            c.Parameters.AddWithValue("$error", Db(t.Error));
            c.Parameters.AddWithValue("$bracket", Db(t.Bracket));
            c.Parameters.AddWithValue("$config", Db(t.Config));
            c.Parameters.AddWithValue("$rung", Db(t.Rung));
            c.ExecuteNonQuery();
        }
    }

    SqliteCommand Command(string sql)
    {
        var c = _db.CreateCommand();
        c.CommandText = sql;
        c.Parameters.AddWithValue("$job", _job);
        return c;
    }

    void Execute(string sql)
    {
        using var c = Command(sql);
        c.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }
}
