using System.CommandLine;
using Kit.Cli.Run;
using Kit.Runtime;

namespace Kit.Cli.Export;

/// <summary><c>kit export &lt;notebook&gt; --to cs</c>: a lesson as a C# file-based app that runs in a terminal, with no notebook kernel.</summary>
internal static class ExportCommand
{
    public const string PackageFile = "kit-package.txt";

    public static Command Create()
    {
        var notebook = new Argument<string>("notebook")
        {
            Description = "The lesson: a .ipynb path, or a name in the repository's notebooks/ folder (07-loss-functions, or just 07).",
        };
        var to = new Option<string>("--to")
        {
            Description = "What to export to: cs, a C# file-based app (`dotnet run lesson.cs`, .NET 10).",
            Required = true,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The file to write. Default: <notebook name>.cs in the current folder.",
        };
        var force = new Option<bool>("--force") { Description = "Replace the output file if it exists." };
        var command = new Command("export", "Export a lesson as a C# program that runs in a terminal: its code, its charts saved as HTML files, its quizzes asked at the prompt.")
        {
            notebook, to, output, force,
        };
        command.SetAction(parse => Run(parse.GetValue(notebook)!, parse.GetValue(to)!, parse.GetValue(output), parse.GetValue(force), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string notebook, string to, string? output, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (!string.Equals(to, "cs", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"kit export: --to {to} is not supported; expected cs (a C# file-based app run with `dotnet run lesson.cs`).");
            return 2;
        }
        var repo = RunCommand.FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (Find(notebook, repo) is not { } path)
        {
            var where = repo is null ? "" : $" or a lesson in {Path.Combine(repo, "notebooks")} (e.g. 07 or 07-loss-functions)";
            stderr.WriteLine($"kit export: notebook '{notebook}' not found; expected a .ipynb file{where}.");
            return 2;
        }
        NotebookFile nb;
        try { nb = NotebookFile.Load(path); }
        catch (NotebookException e)
        {
            stderr.WriteLine($"kit export: notebook {path}: {e.Message}");
            return 2;
        }
        var target = Path.GetFullPath(output ?? nb.Name + ".cs");
        if (!target.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"kit export: --out {target} must end in .cs (`dotnet run` runs a .cs file as an app).");
            return 2;
        }
        if (Directory.Exists(target) || (File.Exists(target) && !force))
        {
            stderr.WriteLine($"kit export: {target} already exists; pass --force to replace it, or --out another file.");
            return 2;
        }
        if (Package(repo ?? Path.GetDirectoryName(Path.GetDirectoryName(path)!)!) is not { } kit)
        {
            stderr.WriteLine($"kit export: the Kit is not built here (no artifacts/packages/{PackageFile}); run `dotnet build src/Kit.Cli` in the repository first.");
            return 2;
        }
        var label = repo is null ? path : Path.GetRelativePath(repo, path);
        KitPaths.WriteAtomically(target, LessonTranslator.Translate(nb, kit, label));
        stdout.WriteLine($"kit export: wrote {target}");
        stdout.WriteLine($"Run it: dotnet run {Path.GetFileName(target)}   (in {Path.GetDirectoryName(target)}; charts go to ./{nb.Name}-output/)");
        return 0;
    }

    /// <summary>The notebook as given, or the lesson of that name (or number) in the repository's notebooks/.</summary>
    static string? Find(string notebook, string? repo)
    {
        if (File.Exists(notebook)) return Path.GetFullPath(notebook);
        var folder = repo is null ? null : Path.Combine(repo, "notebooks");
        if (folder is null || !Directory.Exists(folder) || notebook.Contains('/') || notebook.Contains('\\')) return null;
        var name = notebook.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? notebook[..^6] : notebook;
        var matches = Directory.GetFiles(folder, "*.ipynb")
            .Where(f => Path.GetFileNameWithoutExtension(f) is var n && (n == name || n.StartsWith(name + "-", StringComparison.Ordinal)))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The Kit's package version and its feed (absolute), from the feed's kit-package.txt.</summary>
    static LessonTranslator.KitPackage? Package(string root)
    {
        var feed = Path.Combine(root, "artifacts", "packages");
        var file = Path.Combine(feed, PackageFile);
        if (!File.Exists(file)) return null;
        var parts = File.ReadAllText(file).Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? new LessonTranslator.KitPackage(parts[1], feed) : null;
    }
}
