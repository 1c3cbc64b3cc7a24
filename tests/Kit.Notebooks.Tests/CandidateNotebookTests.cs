using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kit.AutoML;
using Kit.Runtime;
using Kit.Tests.Lessons;

namespace Kit.Notebooks.Tests;

public class CandidateNotebookTests
{
    [Fact]
    public void The_best_candidates_generated_notebook_runs_in_kit_run_and_reproduces_the_leaderboards_score()
    {
        NativeLoader.Prepare();
        var board = Lesson11.Run(Lesson11.Algorithms());
        var dir = Repo.TempDir("automl-candidate");
        // Written outside the checkout: the notebook must find the Kit from wherever it is.
        var path = CandidateNotebook.Write(board, Path.Combine(dir, "written", "best-candidate.ipynb"), Path.Combine(Repo.Root, "artifacts", "packages"), Lesson11.Usings);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));   // no temp file left behind
        var written = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.All(written["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code"), c => Assert.Empty(c!["outputs"]!.AsArray()));

        var outDir = Path.Combine(dir, "out");
        var r = Repo.Run(Repo.KitCli, ["run", path, "--out", outDir], timeoutSeconds: 600);
        Assert.True(r.ExitCode == 0, $"kit run failed:\n{r.Output}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "best-candidate.ipynb")))!;
        var text = executed["cells"]!.ToJsonString();
        Assert.DoesNotContain("\"output_type\":\"error\"", text);
        var match = Regex.Match(Regex.Unescape(text), @"reproduced F1: (\S+) \(leaderboard: (\S+)\)");
        Assert.True(match.Success, "the notebook printed no reproduced score");
        Assert.Equal(board.Best.Score, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(board.Best.Score, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
