using Microsoft.Data.Sqlite;

namespace Kit.Data;

/// <summary>
/// One SQLite file that several processes may share: a connection per operation (no pooling, so the file is closed
/// between calls), write-ahead logging, a 30 s wait for another writer, and parameters passed by name.
/// The experiment tracker and the model registry keep their tables in one of these.
/// </summary>
public sealed class SqliteFile
{
    readonly string _connection;

    /// <param name="path">the file, created with its folder if missing</param>
    /// <param name="schema">statements run once on opening (CREATE TABLE IF NOT EXISTS …)</param>
    /// <param name="what">what the file holds, for the error on an empty path ("the registry's SQLite file")</param>
    public SqliteFile(string path, string schema, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"path must name {what}.", nameof(path));
        FullPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(FullPath)!);
        _connection = new SqliteConnectionStringBuilder { DataSource = FullPath, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 30, Pooling = false }.ToString();
        Execute("PRAGMA journal_mode = WAL;\n" + schema);
    }

    public string FullPath { get; }

    /// <summary>An open connection; dispose it. For work that must share one connection (a transaction).</summary>
    public SqliteConnection Open()
    {
        var db = new SqliteConnection(_connection);
        db.Open();
        return db;
    }

    public static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object? Value)[] parameters)
    {
        var c = db.CreateCommand();
        c.CommandText = sql;
        foreach (var (name, value) in parameters) c.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return c;
    }

    /// <summary>Runs <paramref name="sql"/> on its own connection; the number of rows changed.</summary>
    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var db = Open();
        using var c = Command(db, sql, parameters);
        return c.ExecuteNonQuery();
    }

    /// <summary>Every row of <paramref name="sql"/>, each read by <paramref name="read"/>.</summary>
    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var db = Open();
        using var c = Command(db, sql, parameters);
        using var r = c.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(read(r));
        return list;
    }
}
