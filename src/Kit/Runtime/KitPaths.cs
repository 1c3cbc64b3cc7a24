namespace Kit.Runtime;

/// <summary>Where the Kit keeps its own files: <c>~/.kit</c>, or <c>KIT_HOME</c> when set.</summary>
public static class KitPaths
{
    public static string Home
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("KIT_HOME");
            if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home)) home = Path.GetTempPath();
            return Path.Combine(home, ".kit");
        }
    }

    /// <summary>Writes a file so that readers never see it half-written: a temp file beside it, then a rename.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var f = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                f.Write(bytes);
                f.Flush(true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static void WriteAtomically(string path, string text) =>
        WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(text));
}
