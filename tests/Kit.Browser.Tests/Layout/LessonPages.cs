using Kit.Notebooks.Tests;

namespace Kit.Browser.Tests.Layout;

/// <summary>
/// The executed lesson pages the layout check reads: those the main job (`kit run`, the README's first command)
/// wrote to artifacts/notebooks/, each when it is newer than its notebook. A lesson without one is executed here
/// with the same command (which also rewrites artifacts/contact-sheet.html), so CI reads what its main job wrote
/// and a fresh checkout still gets every lesson checked.
/// </summary>
static class LessonPages
{
    public static string Folder => Path.Combine(Repo.Root, "artifacts", "notebooks");
    public static string ContactSheet => Path.Combine(Repo.Root, "artifacts", "contact-sheet.html");

    public static IReadOnlyList<string> Lessons { get; } =
        Directory.GetFiles(Repo.Notebooks, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    static readonly object Gate = new();

    /// <summary>The page of <paramref name="lesson"/>, executing the lesson first when it has no fresh page.</summary>
    public static string Page(string lesson)
    {
        lock (Gate) if (!Fresh(lesson)) Execute(lesson);
        return PathOf(lesson);
    }

    /// <summary>The contact sheet of every lesson, brought up to date first.</summary>
    public static string Sheet()
    {
        foreach (var lesson in Lessons) Page(lesson);
        lock (Gate)
            if (!File.Exists(ContactSheet) || Lessons.Any(l => File.GetLastWriteTimeUtc(ContactSheet) < File.GetLastWriteTimeUtc(PathOf(l))))
                Execute(Lessons[0]);   // every `kit run` rewrites the sheet from all the executed lessons in the folder
        return ContactSheet;
    }

    static string PathOf(string lesson) => Path.Combine(Folder, lesson + ".html");

    static bool Fresh(string lesson) =>
        File.Exists(PathOf(lesson)) && File.GetLastWriteTimeUtc(PathOf(lesson)) >= File.GetLastWriteTimeUtc(Path.Combine(Repo.Notebooks, lesson + ".ipynb"));

    static void Execute(string lesson)
    {
        var r = Repo.Run(Repo.KitCli, ["run", Path.Combine(Repo.Notebooks, lesson + ".ipynb")], timeoutSeconds: 1200);
        Assert.True(File.Exists(PathOf(lesson)) && File.Exists(ContactSheet), $"kit run wrote no page for {lesson} or no contact sheet:\n{r.Output}");
    }
}
