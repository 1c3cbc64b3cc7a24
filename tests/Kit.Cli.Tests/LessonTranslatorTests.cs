using Kit.Cli.Export;
using Kit.Cli.Run;

namespace Kit.Cli.Tests;

/// <summary>What `kit export --to cs` makes of each notebook-only construct (the end-to-end run is in <see cref="ExportTests"/>).</summary>
public sealed class LessonTranslatorTests
{
    static string Translate(params (string Type, string Source)[] cells)
    {
        var folder = KitProcess.TempFolder("translate");
        var nb = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = c.Type, ["metadata"] = new JsonObject(), ["source"] = c.Source,
                ["outputs"] = c.Type == "code" ? new JsonArray() : null, ["execution_count"] = null,
            }).ToArray()),
            ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, "09-sample.ipynb");
        File.WriteAllText(path, nb.ToJsonString());
        return LessonTranslator.Translate(NotebookFile.Load(path), new LessonTranslator.KitPackage("1.2.3-local", "/feed"), "notebooks/09-sample.ipynb");
    }

    [Fact]
    public void Notebook_only_constructs_become_directives_or_calls_to_the_terminal_host()
    {
        var cs = Translate(
            ("markdown", "# Lesson 09 — Sample\n\nSome prose."),
            ("code", "var kitPackage = \"kit-package.txt\"; // the setup cell\n#r \"nuget: Kit.Interactive, 1.2.3-local\""),
            ("code", "#r \"nuget: Foo.Bar, 4.5.6\"\n#i \"nuget: https://example.test/feed\"\n#!time\nusing System.Text;\nvar x = 1;\ndisplay(x);\nx + 1"),
            ("code", "public int Twice(int v) => 2 * v;\nclass Point { public int X; }\nHTML(\"<b>hi</b>\")"),
            ("code", "using System.Globalization;\nConsole.WriteLine(Twice(x));"));

        Assert.StartsWith("#!/usr/bin/env dotnet\n// Lesson 09 — Sample\n", cs);
        Assert.Contains("#:package Kit@1.2.3-local\n#:package Kit.Terminal@1.2.3-local\n#:package Foo.Bar@4.5.6\n", cs);
        Assert.Contains("#:property RestoreAdditionalProjectSources=/feed;https://example.test/feed\n", cs);
        Assert.DoesNotContain("kit-package.txt", cs);
        Assert.DoesNotContain("\n#!time", cs);
        Assert.DoesNotContain("\n#r ", cs);
        // Usings first (in a program they must precede statements), types last.
        Assert.Contains("using Kit.Terminal;\nusing System.Text;\nusing System.Globalization;\n\nLesson.Start(\"09-sample\");", cs);
        Assert.Contains("Lesson.Show(x);\nLesson.Show(x + 1);\n", cs);
        Assert.Contains("\nint Twice(int v) => 2 * v;\n", cs);
        Assert.Contains("Lesson.Html(\"<b>hi</b>\");\n", cs);
        Assert.DoesNotContain("Lesson.Show(Lesson.Html", cs);
        Assert.True(cs.IndexOf("class Point", StringComparison.Ordinal) > cs.IndexOf("Lesson.End();", StringComparison.Ordinal));
        Assert.Contains("// Some prose.\n", cs);
        Assert.Contains("Lesson.Heading(\"Lesson 09 — Sample\");", cs);
    }
}
