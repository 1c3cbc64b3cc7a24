namespace Kit.Browser.Tests.Layout;

/// <summary>
/// The layout check over every chart and output of every executed lesson page, in Chromium at 1100 px with the
/// network cut off. A failure names the lesson, the chart (number, cell, title) and the two boxes that collide.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LessonLayoutTests(BrowserFixture browser)
{
    public static TheoryData<string> Lessons => [.. LessonPages.Lessons];

    [SkippableTheory]
    [MemberData(nameof(Lessons))]
    public async Task Every_chart_and_output_of_the_lesson_reads_without_collisions(string lesson)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var page = await browser.OpenFileAsync(LessonPages.Page(lesson));
        var found = await LayoutCheck.RunAsync(page.Page, lesson);
        page.AssertOfflineAndErrorFree();

        var tolerated = Tolerated.For(lesson);
        var left = found.Where(f => !tolerated.Any(t => t.Matches(f))).ToList();
        var unused = tolerated.Where(t => !found.Any(t.Matches)).ToList();
        Assert.True(left.Count == 0, $"{left.Count} layout collision(s) in {lesson}:\n{string.Join("\n", left)}");
        Assert.True(unused.Count == 0, $"tolerated in {lesson} but no longer found (remove from Tolerated.cs):\n{string.Join("\n", unused)}");
    }
}
