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

    /// <summary>Written by the pack of the kernel extension: "&lt;id&gt;, &lt;version&gt;", what the setup cell loads.</summary>
    public static string NotebookPackageFile(string root) => Path.Combine(PackageFeed(root), "kit-package.txt");

    /// <summary>The package id and version notebooks load from this checkout, or null before the first build.</summary>
    public static (string Id, string Version)? NotebookPackage(string root)
    {
        var file = NotebookPackageFile(root);
        if (!File.Exists(file)) return null;
        var parts = File.ReadAllText(file).Split(',', StringSplitOptions.TrimEntries);
        return parts is [var id, var version] && id.Length > 0 && version.Length > 0 ? (id, version) : null;
    }
}
