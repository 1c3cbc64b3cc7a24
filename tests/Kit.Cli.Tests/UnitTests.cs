using Kit.Cli.Run;

namespace Kit.Cli.Tests;

public sealed class RestoreSourceTests
{
    [Fact]
    public void A_relative_nuget_source_is_resolved_against_the_notebook_folder()
    {
        var code = "#i \"nuget: ../artifacts/packages\"\n#r \"nuget: Kit.Interactive, 0.1.0-local\"";
        var rewritten = RestoreSources.Absolutize(code, "/repo/notebooks");
        Assert.Equal("#i \"nuget: /repo/artifacts/packages\"\n#r \"nuget: Kit.Interactive, 0.1.0-local\"", rewritten.Replace('\\', '/').Replace("C:", ""));
    }

    [Theory]
    [InlineData("#i \"nuget: /abs/feed\"")]
    [InlineData("#i \"nuget: https://example.invalid/v3/index.json\"")]
    [InlineData("#r \"nuget: Some.Package, 1.0.0\"")]
    [InlineData("// #i \"nuget: ../feed\" in a comment")]
    public void Absolute_sources_and_other_lines_are_left_alone(string code) =>
        Assert.Equal(code, RestoreSources.Absolutize(code, "/repo/notebooks"));
}

public sealed class NotebookLanguageTests
{
    [Theory]
    [InlineData("""{"kernelspec": {"language": "C#", "name": ".net-csharp"}}""", null)]
    [InlineData("""{"language_info": {"name": "polyglot-notebook"}, "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}}""", null)]
    [InlineData("""{}""", null)]
    [InlineData("""{"kernelspec": {"language": "F#", "name": ".net-fsharp"}}""", "F#")]
    [InlineData("""{"kernelspec": {"language": "python", "name": "python3"}}""", "python")]
    [InlineData("""{"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "pwsh"}}}""", "pwsh")]
    public void A_notebook_is_refused_only_when_it_declares_another_language(string metadata, string? foreign)
    {
        var root = new JsonObject { ["metadata"] = JsonNode.Parse(metadata), ["cells"] = new JsonArray() };
        Assert.Equal(foreign, NotebookFile.ForeignLanguage(root));
    }
}

public sealed class HelpTests
{
    [Fact]
    public void Kit_help_lists_run_and_hides_the_notebook_process_command()
    {
        var result = KitProcess.Run(Path.GetTempPath(), null, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("run", result.Stdout);
        Assert.DoesNotContain("exec-notebook", result.Stdout);
    }
}
