namespace Kit.Cli.Common;

/// <summary>Finds the Kit's checkout (the folder with Kit.sln) and the paths inside it.</summary>
public static class RepoPaths
{
    public static string? FindRoot(string? start = null)
    {
        foreach (var from in new[] { start ?? Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Kit.sln"))) return dir.FullName;
        }
        return null;
    }

    public static string PackageFeed(string root) => Path.Combine(root, "artifacts", "packages");
}
