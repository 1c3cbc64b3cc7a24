using System.Globalization;
using Kit.Runtime;
using Microsoft.Data.Sqlite;

namespace Kit.Progress;

/// <summary>
/// Every graded answer, kept in a local SQLite database (<c>~/.kit/progress.db</c>; <c>KIT_HOME</c> moves it).
/// Several processes (two kernels, a kernel and <c>kit quiz</c>) may write at once: the database is in WAL mode,
/// waits for a busy lock instead of failing, and every write is one short transaction. A file that is not a
/// healthy database of the Kit's schema (checked by its application id and schema version) is never written to
/// nor deleted: it is moved aside to <c>progress.db.corrupt-…</c> or <c>progress.db.foreign-…</c> with a message,
/// and a new database is started.
/// </summary>
public sealed class ProgressStore
{
    /// <summary><c>PRAGMA application_id</c> of a Kit progress database: "KITP".</summary>
    public const int ApplicationId = 0x4B495450;
    public const int SchemaVersion = 1;
    const int BusyTimeoutMs = 30_000;

    readonly object gate = new();
    readonly TimeProvider clock;
    readonly Action<string> notify;
    readonly string connectionString;
    bool ready;

    public string Path { get; }
    /// <summary>Written with every answer: one per store, so one per kernel or per <c>kit</c> command.</summary>
    public string SessionId { get; }

    /// <param name="notify">Receives messages for the user (a file moved aside); default: standard error.</param>
    public ProgressStore(string path, TimeProvider? clock = null, string? sessionId = null, Action<string>? notify = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        this.clock = clock ?? TimeProvider.System;
        this.notify = notify ?? (m => Console.Error.WriteLine(m));
        SessionId = sessionId ?? $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString();
    }

    public TimeProvider Clock => clock;

    // ---- The default store ------------------------------------------------------------------------------

    static readonly object DefaultGate = new();
    static ProgressStore? defaultStore;

    /// <summary><c>~/.kit/progress.db</c>, or <c>$KIT_HOME/progress.db</c>.</summary>
    public static string DefaultPath => System.IO.Path.Combine(KitPaths.Home, "progress.db");

    /// <summary>False when <c>KIT_PROGRESS</c> is <c>off</c> (or 0, false, no): then hosts record nothing.</summary>
    public static bool Enabled =>
        Environment.GetEnvironmentVariable("KIT_PROGRESS")?.Trim().ToLowerInvariant() is not ("off" or "0" or "false" or "no");

    /// <summary>This process's store at <see cref="DefaultPath"/> (resolved on first use).</summary>
    public static ProgressStore Default
    {
        get { lock (DefaultGate) return defaultStore ??= new ProgressStore(DefaultPath); }
    }

    // ---- Writing and reading ----------------------------------------------------------------------------

    /// <summary>Stores one graded answer, stamped with this store's clock and session.</summary>
    public AnswerRecord Record(string questionId, string topic, bool correct, string response, AnswerSource source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(questionId);
        var record = new AnswerRecord(questionId, topic ?? "", correct, response ?? "", source, clock.GetUtcNow(), SessionId);
        Record(record);
        return record;
    }

    /// <summary>Stores one answer in one short transaction.</summary>
    public void Record(AnswerRecord answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        EnsureReady();
        using var c = Open();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO answers (question_id, topic, correct, response, source, answered_at, session_id)
            VALUES ($id, $topic, $correct, $response, $source, $at, $session)
            """;
        cmd.Parameters.AddWithValue("$id", answer.QuestionId);
        cmd.Parameters.AddWithValue("$topic", answer.Topic);
        cmd.Parameters.AddWithValue("$correct", answer.Correct ? 1 : 0);
        cmd.Parameters.AddWithValue("$response", answer.Response);
        cmd.Parameters.AddWithValue("$source", answer.Source.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$at", answer.AnsweredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$session", answer.SessionId);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    /// <summary>Every stored answer, oldest first.</summary>
    public IReadOnlyList<AnswerRecord> Answers()
    {
        EnsureReady();
        using var c = Open();
        return ReadAnswers(c);
    }

    static List<AnswerRecord> ReadAnswers(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT question_id, topic, correct, response, source, answered_at, session_id FROM answers ORDER BY answered_at, id";
        using var r = cmd.ExecuteReader();
        var list = new List<AnswerRecord>();
        while (r.Read())
        {
            var source = Enum.TryParse<AnswerSource>(r.GetString(4), ignoreCase: true, out var s) ? s : AnswerSource.Code;
            var at = DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            list.Add(new AnswerRecord(r.GetString(0), r.GetString(1), r.GetInt64(2) != 0, r.GetString(3), source, at, r.GetString(6)));
        }
        return list;
    }

    /// <summary>
    /// Every answer in someone else's progress file (a student's, collected by an instructor), without changing it in
    /// any way: the file and its write-ahead log are copied to a temporary folder and the copy is read, because
    /// SQLite, even opened read-only, may create or update the <c>-shm</c> and <c>-wal</c> files beside a database in
    /// WAL mode. A file that is not a Kit progress database throws <see cref="ProgressStoreException"/> naming it,
    /// and is left as it is (unlike <see cref="EnsureReady"/>, which moves such a file aside).
    /// </summary>
    public static IReadOnlyList<AnswerRecord> ReadSnapshot(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var source = System.IO.Path.GetFullPath(path);
        if (!File.Exists(source)) throw new FileNotFoundException($"{source} does not exist", source);
        var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kit-snapshot-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            var copy = System.IO.Path.Combine(temp, "progress.db");
            CopyShared(source, copy);
            if (File.Exists(source + "-wal")) CopyShared(source + "-wal", copy + "-wal");
            var header = new byte[16];
            using (var f = File.OpenRead(copy)) _ = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (!header.AsSpan().SequenceEqual("SQLite format 3\0"u8))
                throw new ProgressStoreException($"{source} is not an SQLite database, so not a Kit progress file");
            var cs = new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
            using var c = new SqliteConnection(cs);
            c.Open();
            int appId = Scalar<int>(c, "PRAGMA application_id;");
            int version = Scalar<int>(c, "PRAGMA user_version;");
            if (appId != ApplicationId)
                throw new ProgressStoreException($"{source} is an SQLite database of another program (application id 0x{appId:X8}), not a Kit progress file");
            if (version > SchemaVersion)
                throw new ProgressStoreException($"{source} was written by a newer Kit (schema {version}; this Kit knows {SchemaVersion})");
            return ReadAnswers(c);
        }
        catch (SqliteException e)
        {
            throw new ProgressStoreException($"{source} could not be read: {e.Message}");
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Copies a file that a running kernel may still hold open for writing; only reads it.</summary>
    static void CopyShared(string from, string to)
    {
        using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write);
        input.CopyTo(output);
    }

    /// <summary>Mastery, Leitner boxes and what to revisit, against <paramref name="bank"/> (every question, in bank order).</summary>
    public ProgressReport Report(IEnumerable<QuestionRef> bank) => new(Answers(), bank, clock.GetUtcNow());

    // ---- Opening, checking, moving aside ----------------------------------------------------------------

    SqliteConnection Open()
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        Exec(c, $"PRAGMA busy_timeout = {BusyTimeoutMs};");
        return c;
    }

    static void Exec(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    static T Scalar<T>(SqliteConnection c, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    enum Verdict { Ok, Empty, Corrupt, Foreign, Newer }

    /// <summary>Checks the file once per store: creates the schema, or moves a corrupt or foreign file aside.</summary>
    public void EnsureReady()
    {
        if (Volatile.Read(ref ready)) return;
        lock (gate)
        {
            if (ready) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            for (int attempt = 0; ; attempt++)
            {
                var (verdict, why) = Inspect();
                switch (verdict)
                {
                    case Verdict.Ok:
                        Volatile.Write(ref ready, true);
                        return;
                    case Verdict.Empty:
                        if (Initialize()) { Volatile.Write(ref ready, true); return; }
                        break; // someone else wrote something else meanwhile: look again
                    case Verdict.Newer:
                        throw new ProgressStoreException($"{Path} {why}. Update the Kit to read it (the file was left as it is).");
                    case Verdict.Corrupt:
                        MoveAside("corrupt", why);
                        break;
                    case Verdict.Foreign:
                        MoveAside("foreign", why);
                        break;
                }
                if (attempt >= 3) throw new ProgressStoreException($"Could not open {Path}: {why}.");
            }
        }
    }

    (Verdict, string) Inspect()
    {
        var file = new FileInfo(Path);
        if (!file.Exists) return (Verdict.Empty, "");
        if (file.Length > 0)
        {
            var header = new byte[16];
            int read;
            using (var f = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                read = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read < header.Length || !header.AsSpan().SequenceEqual("SQLite format 3\0"u8))
                return (Verdict.Corrupt, "is not an SQLite database (damaged or overwritten)");
        }
        try
        {
            using var c = Open();
            int appId = Scalar<int>(c, "PRAGMA application_id;");
            int version = Scalar<int>(c, "PRAGMA user_version;");
            var tables = new List<string>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
                using var r = cmd.ExecuteReader();
                while (r.Read()) tables.Add(r.GetString(0));
            }
            if (appId == 0 && tables.Count == 0) return (Verdict.Empty, "");
            if (appId != ApplicationId)
                return (Verdict.Foreign, $"is an SQLite database of another program (application id 0x{appId:X8}" +
                                         $"{(tables.Count > 0 ? $", tables {string.Join(", ", tables.Take(5))}" : "")}), not the Kit's progress");
            if (version > SchemaVersion) return (Verdict.Newer, $"was written by a newer Kit (schema {version}; this Kit knows {SchemaVersion})");
            var check = Scalar<string>(c, "PRAGMA quick_check;");
            if (check != "ok") return (Verdict.Corrupt, $"is damaged (SQLite's check says: {check})");
            if (!tables.Contains("answers")) CreateSchema(c);
            return (Verdict.Ok, "");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            return (Verdict.Corrupt, $"is damaged ({e.Message})");
        }
    }

    /// <summary>Creates the schema in an empty file, unless another process did first; false if the file turned out not empty and not the Kit's.</summary>
    bool Initialize()
    {
        using var c = Open();
        Exec(c, "PRAGMA journal_mode = WAL;");
        using var tx = c.BeginTransaction();
        int appId = Scalar<int>(c, "PRAGMA application_id;", tx);
        int tables = Scalar<int>(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table';", tx);
        if (appId == ApplicationId) { tx.Commit(); return true; }
        if (appId != 0 || tables != 0) { tx.Rollback(); return false; }
        CreateSchema(c, tx);
        tx.Commit();
        return true;
    }

    static void CreateSchema(SqliteConnection c, SqliteTransaction? tx = null) => Exec(c, $"""
        PRAGMA application_id = {ApplicationId};
        PRAGMA user_version = {SchemaVersion};
        CREATE TABLE IF NOT EXISTS kit_schema (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT OR REPLACE INTO kit_schema (key, value) VALUES ('app', 'the Kit: progress'), ('version', '{SchemaVersion}');
        CREATE TABLE IF NOT EXISTS answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question_id TEXT NOT NULL,
            topic TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            response TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('code', 'terminal', 'widget', 'exam')),
            answered_at TEXT NOT NULL,
            session_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS answers_question ON answers (question_id);
        CREATE INDEX IF NOT EXISTS answers_topic ON answers (topic);
        """, tx);

    void MoveAside(string kind, string why)
    {
        SqliteConnection.ClearAllPools();
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{Path}.{kind}-{stamp}";
        for (int n = 2; File.Exists(target); n++) target = $"{Path}.{kind}-{stamp}-{n}";
        try { File.Move(Path, target); }
        catch (FileNotFoundException) { return; } // another process moved it first
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
            if (File.Exists(Path + suffix))
                try { File.Move(Path + suffix, target + suffix); } catch (IOException) { }
        notify($"Progress: {Path} {why}. It was moved aside to {target} (nothing was deleted) and a new progress database was started.");
    }
}

public sealed class ProgressStoreException(string message) : Exception(message);
