using Kit.Charts;
using Kit.Cli.Run;
using Kit.Cli.Site;

namespace Kit.Cli.Tests;

/// <summary>`kit site` without a browser: sections, links, assets, atomic replacement, refusals (the browser test draws it).</summary>
public sealed class SiteTests
{
    [Fact]
    public void Every_lesson_belongs_to_a_top_level_section_of_the_study_guide()
    {
        var lessons = Directory.GetFiles(Path.Combine(KitProcess.RepositoryRoot, "notebooks"), "*.ipynb").Order()
            .Select(p => SiteLesson.Read(Path.GetFileNameWithoutExtension(p), null, NotebookFile.Load(p))).ToList();
        Assert.NotEmpty(lessons);
        Assert.All(lessons, l => Assert.True(l.Section != GuideSections.Other, $"{l.Name}: its study-guide line names no section: {l.GuideLine}"));
        var section = lessons.ToDictionary(l => l.Name[..2], l => l.Section);
        Assert.Equal("Deep Learning Foundations", section["01"]);
        Assert.Equal("Evaluation Metrics", section["06"]);   // its line also names Loss Functions, later
        Assert.Equal("Loss Functions", section["07"]);
        Assert.Equal("Training Infrastructure", section["14"]);
    }

    static void Executed(string folder, string name, string title, string guide, bool failed = false)
    {
        var chart = PlotlyJs.ScriptTag() + Chart.Line([0.0, 1], [1.0, 0]).ToHtml();
        var outputs = new JsonArray(new JsonObject { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = chart }, ["metadata"] = new JsonObject() });
        if (failed) outputs.Add(new JsonObject { ["output_type"] = "error", ["ename"] = "Boom", ["evalue"] = "it broke", ["traceback"] = new JsonArray() });
        var nb = new JsonObject
        {
            ["cells"] = new JsonArray(
                new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = $"# {title}\n\n**Study guide:** {guide}\n" },
                new JsonObject { ["cell_type"] = "code", ["execution_count"] = 1, ["metadata"] = new JsonObject(), ["outputs"] = outputs, ["source"] = "Chart.Line(…)" }),
            ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        File.WriteAllText(Path.Combine(folder, name + ".ipynb"), nb.ToJsonString());
    }

    static (string Executed, string Sources, string Site) Layout()
    {
        var root = KitProcess.TempFolder("site");
        var executed = Directory.CreateDirectory(Path.Combine(root, "executed")).FullName;
        var sources = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        Executed(executed, "07-losses", "Lesson 07 — Losses", "*Loss Functions* (top-level section)", failed: true);
        Executed(executed, "02-cnn", "Lesson 02 — CNNs", "Deep Learning Foundations › *CNNs*");
        foreach (var n in new[] { "02-cnn", "07-losses" }) File.Copy(Path.Combine(executed, n + ".ipynb"), Path.Combine(sources, n + ".ipynb"));
        File.Copy(Path.Combine(executed, "02-cnn.ipynb"), Path.Combine(sources, "04-not-run.ipynb"));
        return (executed, sources, Path.Combine(root, "site"));
    }

    [Fact]
    public void The_index_follows_the_guide_order_links_each_lesson_and_lists_lessons_not_run_yet()
    {
        var (executed, sources, site) = Layout();
        var output = new StringWriter();
        Assert.Equal(0, SiteCommand.Run(executed, sources, site, output, TextWriter.Null));

        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.True(index.IndexOf("<h2>Deep Learning Foundations</h2>") < index.IndexOf("<h2>Loss Functions</h2>"), index);
        Assert.Contains("<a href=\"02-cnn.html\">Lesson 02 — CNNs</a>", index);
        Assert.Contains("<a href=\"07-losses.html\">Lesson 07 — Losses</a>", index);
        Assert.Contains("not run yet (<code>kit run notebooks/04-not-run.ipynb</code>", index);
        Assert.Contains("cell 1 failed", index);
        Assert.False(File.Exists(Path.Combine(site, "04-not-run.html")));
        Assert.Contains("1 lesson(s) not run yet; 1 lesson(s) ran with errors", output.ToString());

        // plotly.js once, in assets/; each page loads it from there instead of carrying it.
        Assert.Equal(PlotlyJs.Source.Length, File.ReadAllText(Path.Combine(site, "assets", "plotly.min.js")).Split('\n', 2)[1].Length);
        var page = File.ReadAllText(Path.Combine(site, "02-cnn.html"));
        Assert.Contains("<script src=\"assets/plotly.min.js\"></script>", page);
        Assert.DoesNotContain(PlotlyJs.Source[..200], page);
        Assert.Contains("class=\"kit-chart\"", page);
        Assert.Contains("<a href=\"index.html\">All lessons</a>", page);
        Assert.Contains("<a class=\"next\" href=\"07-losses.html\">", page);
    }

    [Fact]
    public void A_new_site_replaces_the_old_one_whole_and_a_folder_the_site_did_not_write_is_refused()
    {
        var (executed, sources, site) = Layout();
        Assert.Equal(0, SiteCommand.Run(executed, sources, site, TextWriter.Null, TextWriter.Null));
        File.Delete(Path.Combine(executed, "07-losses.ipynb"));
        Assert.Equal(0, SiteCommand.Run(executed, sources, site, TextWriter.Null, TextWriter.Null));
        Assert.False(File.Exists(Path.Combine(site, "07-losses.html")));   // nothing stale survives
        Assert.Equal(new[] { "executed", "notebooks", "site" }, Directory.GetFileSystemEntries(Path.GetDirectoryName(site)!).Select(p => Path.GetFileName(p)).Order().ToArray());

        var foreign = Path.Combine(Path.GetDirectoryName(site)!, "mine");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "keep me");
        var error = new StringWriter();
        Assert.Equal(2, SiteCommand.Run(executed, sources, foreign, TextWriter.Null, error));
        Assert.Contains($"--out {foreign} already holds files that `kit site` did not write", error.ToString());
        Assert.Equal(new[] { "notes.txt" }, Directory.GetFileSystemEntries(foreign).Select(p => Path.GetFileName(p)).ToArray());
    }

    [Fact]
    public void Without_executed_notebooks_the_site_says_to_run_kit_run_first()
    {
        var empty = KitProcess.TempFolder("site-empty");
        var error = new StringWriter();
        Assert.Equal(2, SiteCommand.Run(empty, null, Path.Combine(empty, "site"), TextWriter.Null, error));
        Assert.Contains($"--from {empty} holds no executed notebooks (.ipynb)", error.ToString());
        Assert.Contains("run `kit run` first", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(empty, "site")));
    }
}
