using System.CommandLine;
using Kit.Cli.Run;

namespace Kit.Cli.Site;

/// <summary><c>kit site</c>: a static HTML site of the executed lessons, to open from disk or put on any static host.</summary>
internal static class SiteCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from")
        {
            Description = "Folder of executed notebooks, as `kit run` writes them. Default: <repository>/artifacts/notebooks.",
        };
        var sources = new Option<string?>("--notebooks")
        {
            Description = "Folder of the lessons' source notebooks; a lesson not executed yet is listed as such. Default: <repository>/notebooks.",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Folder for the site (index.html, one page per lesson, assets/). Default: <repository>/artifacts/site.",
        };
        var command = new Command("site", "Write a static HTML site of the executed lessons: index by study-guide section, charts, quizzes that grade in the page; no network needed.")
        {
            from, sources, output,
        };
        command.SetAction(parse => Run(parse.GetValue(from), parse.GetValue(sources), parse.GetValue(output), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? from, string? sources, string? output, TextWriter stdout, TextWriter stderr)
    {
        var repo = RunCommand.FindRepositoryRoot(Directory.GetCurrentDirectory());
        var root = repo ?? Directory.GetCurrentDirectory();
        var executedDir = Path.GetFullPath(from ?? Path.Combine(root, "artifacts", "notebooks"));
        var sourceDir = sources is not null ? Path.GetFullPath(sources) : repo is null ? null : Path.Combine(repo, "notebooks");
        var outDir = Path.GetFullPath(output ?? Path.Combine(root, "artifacts", "site"));

        if (!Directory.Exists(executedDir) || Directory.GetFiles(executedDir, "*.ipynb").Length == 0)
        {
            stderr.WriteLine($"kit site: --from {executedDir} holds no executed notebooks (.ipynb); expected the folder `kit run` writes (run `kit run` first).");
            return 2;
        }
        if (sources is not null && !Directory.Exists(sourceDir))
        {
            stderr.WriteLine($"kit site: --notebooks {sourceDir} is not a folder; expected the lessons' source notebooks.");
            return 2;
        }
        if (SiteBuilder.Refusal(outDir) is { } refusal)
        {
            stderr.WriteLine($"kit site: {refusal}");
            return 2;
        }

        List<SiteLesson> lessons;
        try
        {
            lessons = SiteBuilder.Collect(executedDir, sourceDir);
        }
        catch (NotebookException e)
        {
            stderr.WriteLine($"kit site: {e.Message}");
            return 2;
        }
        SiteBuilder.Write(lessons, outDir);

        foreach (var l in lessons)
            stdout.WriteLine($"{l.Name}: {(l.Executed is null ? "not run yet, listed without a page" : $"{l.Charts} chart(s), {l.Quizzes} quiz(zes), {l.Status}")} [{l.Section}]");
        var missing = lessons.Count(l => l.Executed is null);
        var failed = lessons.Count(l => l.Executed is not null && !l.RanClean);
        stdout.WriteLine($"kit site: wrote {lessons.Count - missing} lesson page(s) and the index to {outDir}"
            + (missing > 0 ? $"; {missing} lesson(s) not run yet" : "")
            + (failed > 0 ? $"; {failed} lesson(s) ran with errors" : "")
            + $". Open {Path.Combine(outDir, "index.html")} in a browser.");
        return 0;
    }
}
