using System.Text.Json;

namespace Kit.Tests.Lessons;

/// <summary>
/// Keeps each lesson's defining cells and the claim tests on the same code. A notebook cell whose first line is
/// <c>// lesson-model: NAME</c> defines a network or a loop the student reads; the tests run a copy of it, the lines
/// between <c>// lesson-model: NAME</c> and <c>// end lesson-model</c> in tests/Kit.Tests/Lessons. The two must agree
/// line by line (leading and trailing spaces and blank lines aside), and neither may exist without the other.
/// </summary>
public class LessonCellTests
{
    const string Marker = "// lesson-model:";
    const string End = "// end lesson-model";

    [Fact]
    public void Every_lesson_model_cell_is_the_code_the_claim_tests_run_and_the_other_way_round()
    {
        var cells = NotebookCells();
        var copies = TestCopies();
        Assert.Equal(cells.Keys.Order(), copies.Keys.Order());
        var differences = cells.Select(c => Difference(c.Key, c.Value, copies[c.Key])).OfType<string>().ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Theory]
    [InlineData("01-", new[] { "mlp", "train", "init" })]
    [InlineData("02-", new[] { "cnn" })]
    [InlineData("03-", new[] { "rnn", "rnn-train" })]
    [InlineData("04-", new[] { "digits-mlp" })]
    [InlineData("05-", new[] { "regularized-mlp" })]
    [InlineData("10-", new[] { "tuning-trial" })]
    [InlineData("15-", new[] { "transfer-mlp" })]
    [InlineData("16-", new[] { "lora-linear", "tiny-transformer" })]
    [InlineData("17-", new[] { "bleu", "rouge-l", "bertscore" })]
    public void A_lesson_defines_its_networks_in_its_own_cells(string notebook, string[] names)
    {
        var cells = NotebookCells();
        Assert.All(names, n => Assert.StartsWith($"notebooks/{notebook}", cells[n].Where));
    }

    [Fact]
    public void A_changed_line_is_reported_with_both_versions_and_indentation_is_not_a_change()
    {
        var cell = new Snippet("cell", Normalise(["  var x = nn.Linear(2, 16);", "", "return x;"]));
        Assert.Null(Difference("m", cell, new Snippet("test", Normalise(["var x = nn.Linear(2, 16);", "    return x;  "]))));
        var changed = Difference("m", cell, new Snippet("test", Normalise(["var x = nn.Linear(2, 8);", "return x;"])));
        Assert.Equal("lesson-model 'm': cell and test differ at line 1:\n  cell: var x = nn.Linear(2, 16);\n  test: var x = nn.Linear(2, 8);", changed);
        Assert.Contains("in length", Difference("m", cell, new Snippet("test", Normalise(["var x = nn.Linear(2, 16);"]))));
    }

    sealed record Snippet(string Where, List<string> Code);

    static string? Difference(string name, Snippet cell, Snippet copy)
    {
        int i = Enumerable.Range(0, Math.Min(cell.Code.Count, copy.Code.Count)).FirstOrDefault(k => cell.Code[k] != copy.Code[k], -1);
        if (i < 0 && cell.Code.Count == copy.Code.Count) return null;
        return $"lesson-model '{name}': {cell.Where} and {copy.Where} differ" +
            (i >= 0 ? $" at line {i + 1}:\n  cell: {cell.Code[i]}\n  test: {copy.Code[i]}" : $" in length ({cell.Code.Count} and {copy.Code.Count} lines)");
    }

    static List<string> Normalise(IEnumerable<string> lines) => lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    static Dictionary<string, Snippet> NotebookCells()
    {
        var found = new Dictionary<string, Snippet>();
        foreach (var path in Directory.GetFiles(Path.Combine(Repo.Root, "notebooks"), "*.ipynb").Order())
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray())
            {
                if (cell.GetProperty("cell_type").GetString() != "code") continue;
                var lines = string.Concat(cell.GetProperty("source").EnumerateArray().Select(s => s.GetString())).Split('\n');
                if (!lines[0].StartsWith(Marker, StringComparison.Ordinal)) continue;
                string name = lines[0][Marker.Length..].Trim();
                Assert.True(found.TryAdd(name, new Snippet($"notebooks/{Path.GetFileName(path)}", Normalise(lines.Skip(1)))), $"two cells define lesson-model '{name}'");
            }
        }
        return found;
    }

    static Dictionary<string, Snippet> TestCopies()
    {
        var found = new Dictionary<string, Snippet>();
        foreach (var path in Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Kit.Tests", "Lessons"), "*.cs").Order())
        {
            var lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (!line.StartsWith(Marker, StringComparison.Ordinal)) continue;
                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == End);
                Assert.True(end > i, $"{path}: lesson-model at line {i + 1} has no '{End}'");
                string name = line[Marker.Length..].Trim();
                Assert.True(found.TryAdd(name, new Snippet($"tests/Kit.Tests/Lessons/{Path.GetFileName(path)}", Normalise(lines[(i + 1)..end]))), $"two copies of lesson-model '{name}'");
                i = end;
            }
        }
        return found;
    }
}

static class Repo
{
    /// <summary>The repository root: the first folder above the test binaries that holds Kit.sln.</summary>
    public static string Root { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kit.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Kit.sln above {AppContext.BaseDirectory}");
    }
}
