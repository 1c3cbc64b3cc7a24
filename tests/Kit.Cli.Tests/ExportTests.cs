using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kit.Quizzes;

namespace Kit.Cli.Tests;

/// <summary>`kit export --to cs`: lesson 07 as a file-based app, run end to end with its quiz answers piped on stdin.</summary>
public sealed class ExportTests
{
    const string Lesson = "07-loss-functions";

    /// <summary>The questions lesson 07 asks, in the order its cells ask them, read from the notebook itself.</summary>
    static List<Question> Asked()
    {
        var code = string.Join("\n", JsonNode.Parse(File.ReadAllText(Path.Combine(KitProcess.RepositoryRoot, "notebooks", Lesson + ".ipynb")))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code")
            .Select(c => string.Concat(c!["source"]!.AsArray().Select(l => (string?)l))));
        return Regex.Matches(code, """Quiz\.(?<kind>Question|For)\("(?<id>[^"]+)"\)""")
            .SelectMany(m => m.Groups["kind"].Value == "For" ? Quiz.For(m.Groups["id"].Value).Questions : Quiz.Question(m.Groups["id"].Value).Questions)
            .ToList();
    }

    /// <summary>The right answer to a question as the quiz shows it (options shuffled by the quiz's seed), as one line.</summary>
    static string RightLine(Question q) => q.Type == QuestionType.Numeric
        ? q.Value!.Value.ToString("R", CultureInfo.InvariantCulture)
        : string.Join(" ", q.Answer);

    static string WrongLine(Question q) => q.Type switch
    {
        QuestionType.Single => q.Options.First(o => !q.Answer.Contains(o.Key)).Key,
        _ => throw new ArgumentException($"pick a single-choice question to answer wrongly, not {q.Id}"),
    };

    [Fact]
    public void Lesson_07_exported_to_cs_runs_with_dotnet_run_saves_its_charts_and_grades_its_quiz_from_stdin()
    {
        var folder = KitProcess.TempFolder("export");
        var file = Path.Combine(folder, Lesson + ".cs");
        var export = KitProcess.Run(KitProcess.RepositoryRoot, null, "export", "07", "--to", "cs", "--out", file);
        Assert.True(export.ExitCode == 0, export.All);
        var source = File.ReadAllText(file);
        Assert.Contains("#:package Kit@", source);
        Assert.DoesNotContain("kit-package.txt", source);     // the setup cell is replaced, not carried over

        var asked = Asked();
        Assert.True(asked.Count > 5, $"lesson 07 asks {asked.Count} question(s)");
        var wrong = asked.FindIndex(q => q.Type == QuestionType.Single);
        var answers = asked.Select((q, i) => i == wrong ? WrongLine(q) : RightLine(q));
        var run = DotnetRun(folder, file, string.Join("\n", answers) + "\n");
        Assert.True(run.ExitCode == 0, run.Output);

        Assert.Contains($"Quiz: {asked.Count - 1} of {asked.Count} right.", run.Output.Replace("\n", " "));
        Assert.Equal(asked.Count - 1, Regex.Matches(run.Output, @"^Correct\.", RegexOptions.Multiline).Count);
        Assert.Single(Regex.Matches(run.Output, @"^Not quite\.", RegexOptions.Multiline));

        // Five charts in the lesson; each a page of its own that carries plotly.js and draws one Kit chart.
        var charts = Directory.GetFiles(Path.Combine(folder, Lesson + "-output"), "chart-*.html").Order().ToList();
        Assert.Equal(5, charts.Count);
        Assert.Equal(5, Regex.Matches(run.Output, "Chart saved:").Count);
        foreach (var chart in charts)
        {
            var html = File.ReadAllText(chart);
            Assert.Contains("window.Plotly", html);
            Assert.Single(Regex.Matches(html, "class=\"kit-chart\""));
            Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);   // nothing to fetch
        }
    }

    static (int ExitCode, string Output) DotnetRun(string folder, string file, string stdin)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(file);
        start.Environment["KIT_PROGRESS"] = "off";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet run {file} did not finish in 10 minutes:\n{stdout.Result}");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Export_refuses_an_unknown_notebook_an_unsupported_target_and_an_existing_file_without_force()
    {
        var folder = KitProcess.TempFolder("export-refusals");
        var unknown = KitProcess.Run(KitProcess.RepositoryRoot, null, "export", "99-no-such-lesson", "--to", "cs", "--out", Path.Combine(folder, "x.cs"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("notebook '99-no-such-lesson' not found", unknown.Stderr);

        var python = KitProcess.Run(KitProcess.RepositoryRoot, null, "export", "07", "--to", "py", "--out", Path.Combine(folder, "x.cs"));
        Assert.Equal(2, python.ExitCode);
        Assert.Contains("--to py is not supported; expected cs", python.Stderr);

        var existing = Path.Combine(folder, "lesson.cs");
        File.WriteAllText(existing, "// the student's own file\n");
        var refused = KitProcess.Run(KitProcess.RepositoryRoot, null, "export", "07", "--to", "cs", "--out", existing);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists; pass --force", refused.Stderr);
        Assert.Equal("// the student's own file\n", File.ReadAllText(existing));

        var forced = KitProcess.Run(KitProcess.RepositoryRoot, null, "export", "07", "--to", "cs", "--out", existing, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("#!/usr/bin/env dotnet", File.ReadAllText(existing));
        Assert.Equal(new[] { "lesson.cs" }, Directory.GetFileSystemEntries(folder).Select(p => Path.GetFileName(p)).ToArray());   // no temp file left
    }
}
