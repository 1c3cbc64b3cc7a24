using System.CommandLine;
using Kit.Progress;
using Kit.Quizzes;
using Kit.Runtime;

namespace Kit.Cli.Study;

/// <summary>
/// <c>kit class report FOLDER</c>: the instructor's view. Reads every student's progress file under FOLDER (never
/// changing one: <see cref="ProgressStore.ReadSnapshot"/>) and writes one offline page with the class's mastery per
/// topic, the questions most missed and who is behind on their reviews.
/// </summary>
internal static class ClassCommand
{
    public sealed record Settings(string Folder, string Output, TimeSpan BehindAfter, IReadOnlyList<QuizTopic> Bank, DateTimeOffset Now);

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder of the students' progress files (*.db, searched in subfolders too; a file named progress.db takes its folder's name)" };
        var output = new Option<string>("--out") { Description = "Page to write", DefaultValueFactory = _ => "class-report.html" };
        var behind = new Option<double>("--behind-days") { Description = "A student is behind when a review has been due for longer than this", DefaultValueFactory = _ => 3 };
        var report = new Command("report", "Merges the students' progress files into one page: mastery per topic, the questions most missed, who is behind on reviews (files are only read).")
        {
            folder, output, behind,
        };
        report.SetAction(parse =>
        {
            var days = parse.GetValue(behind);
            if (days < 0 || double.IsNaN(days))
            {
                Console.Error.WriteLine($"--behind-days must be a number of days of 0 or more, not {days}");
                return 2;
            }
            try
            {
                var bank = QuizBank.Topics.Select(QuizBank.Topic).ToList();
                return Run(new Settings(parse.GetValue(folder)!, parse.GetValue(output)!, TimeSpan.FromDays(days), bank, DateTimeOffset.UtcNow), Console.Out, Console.Error);
            }
            catch (QuizBankException e)
            {
                Console.Error.WriteLine($"The question bank is broken: {e.Message}");
                return 1;
            }
        });
        return new Command("class", "For instructors: the class's progress in one page.") { report };
    }

    public static int Run(Settings s, TextWriter output, TextWriter error)
    {
        var folder = Path.GetFullPath(s.Folder);
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"folder: {folder} does not exist (expected a folder of students' progress.db files)");
            return 2;
        }
        var files = StudentFiles(folder);
        if (files.Count == 0)
        {
            error.WriteLine($"folder: no *.db files in {folder} or its subfolders (collect each student's ~/.kit/progress.db there, one per student)");
            return 2;
        }
        var students = new List<StudentAnswers>();
        var skipped = new List<string>();
        foreach (var (name, path) in files)
        {
            try { students.Add(new StudentAnswers(name, ProgressStore.ReadSnapshot(path))); }
            catch (ProgressStoreException e)
            {
                skipped.Add(e.Message);
                error.WriteLine($"skipped: {e.Message}");
            }
        }
        if (students.Count == 0)
        {
            error.WriteLine($"folder: none of the {files.Count} *.db files in {folder} is a Kit progress file");
            return 1;
        }
        var report = new ClassReport(students, s.Bank.SelectMany(t => t.AllQuestions).Select(q => q.Ref), s.Now, s.BehindAfter);
        var page = ClassReportPage.Render(report, s.Bank, folder, skipped);
        var target = Path.GetFullPath(s.Output);
        KitPaths.WriteAtomically(target, page);
        var behind = report.Standings.Count(x => x.Behind);
        output.WriteLine($"Class report for {students.Count} student(s), {report.Reports.Sum(r => r.Answers.Count)} answers; " +
                         $"{behind} behind on reviews. Written to {target}");
        return 0;
    }

    /// <summary>Every *.db file under <paramref name="folder"/>, named by its file name, or by its folder for a <c>progress.db</c>; names made unique.</summary>
    public static IReadOnlyList<(string Name, string Path)> StudentFiles(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.db", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var named = files.Select(f =>
        {
            var stem = Path.GetFileNameWithoutExtension(f);
            var dir = Path.GetDirectoryName(f)!;
            return (Name: stem.Equals("progress", StringComparison.OrdinalIgnoreCase) && dir != folder ? Path.GetFileName(dir) : stem, Path: f);
        }).ToList();
        var clashes = named.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return named.Select(n => clashes.Contains(n.Name) ? (Path.GetRelativePath(folder, n.Path), n.Path) : n).ToList();
    }
}
