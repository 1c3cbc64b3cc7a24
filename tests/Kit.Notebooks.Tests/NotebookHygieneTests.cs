using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kit.Notebooks.Tests;

/// <summary>What every committed lesson must look like, checked without running it.</summary>
public class NotebookHygieneTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Repo.Notebooks, "*.ipynb").Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Notebooks, name)))!;
    static string Source(JsonNode cell) => cell["source"] is JsonArray a ? string.Concat(a.Select(x => x!.GetValue<string>())) : cell["source"]!.GetValue<string>();
    static IEnumerable<JsonNode> Cells(JsonNode nb, string type) => nb["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == type)!;

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_lesson_is_committed_without_outputs_and_opens_in_jupyter_and_vs_code(string name)
    {
        var nb = Load(name);
        Assert.Equal(".net-csharp", nb["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", nb["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.True(nb["nbformat"]!.GetValue<int>() == 4 && nb["nbformat_minor"]!.GetValue<int>() >= 5, "nbformat 4.5+");
        Assert.All(nb["cells"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["id"]?.GetValue<string>()), "every cell has an id"));
        Assert.All(Cells(nb, "code"), c =>
        {
            Assert.Empty(c["outputs"]!.AsArray());
            Assert.Null(c["execution_count"]?.GetValue<int?>());
        });
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_lesson_starts_with_the_one_setup_cell_and_ends_with_its_topic_quiz(string name)
    {
        var nb = Load(name);
        var setup = Source(Cells(Load("01-neural-network-basics-and-activations.ipynb"), "code").First());
        var code = Cells(nb, "code").ToList();
        Assert.Equal(setup, Source(code[0]));
        var last = Source(code[^1]).Trim();
        var topic = Regex.Match(last, "^Quiz\\.For\\(\"([a-z0-9-]+)\"\\)$");
        Assert.True(topic.Success, $"the last code cell is `{last}`, not Quiz.For(\"<topic>\")");
        Assert.True(File.Exists(Path.Combine(Repo.Root, "data", "quizzes", topic.Groups[1].Value + ".json")), $"no bank file for {topic.Groups[1].Value}");
        Assert.Contains(Cells(nb, "markdown"), c => Source(c).Contains("Exam tip", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Cells(nb, "code"), c => Source(c).Contains("Quiz.Question(\""));
    }
}
