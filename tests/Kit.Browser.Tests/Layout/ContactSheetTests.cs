namespace Kit.Browser.Tests.Layout;

/// <summary>
/// The contact sheet `kit run` writes (artifacts/contact-sheet.html) shows every chart of every lesson, each drawn and
/// labelled; this test also screenshots it, one PNG per lesson, to artifacts/contact-sheet/ for a reader to look over.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ContactSheetTests(BrowserFixture browser)
{
    const string CountCharts = "() => document.querySelectorAll('.kit-chart').length";

    [SkippableFact]
    public async Task The_contact_sheet_shows_every_chart_of_every_lesson_labelled_and_drawn()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var expected = new Dictionary<string, int>();
        foreach (var lesson in LessonPages.Lessons)
        {
            await using var lessonPage = await browser.OpenFileAsync(LessonPages.Page(lesson));
            expected[lesson] = await lessonPage.Page.EvaluateAsync<int>(CountCharts);
        }

        await using var sheet = await browser.OpenFileAsync(LessonPages.Sheet(), width: 1920);
        await LayoutCheck.WaitForChartsAsync(sheet.Page);
        sheet.AssertOfflineAndErrorFree();
        var shots = Path.Combine(Path.GetDirectoryName(LessonPages.Sheet())!, "contact-sheet");
        Directory.CreateDirectory(shots);
        foreach (var (lesson, count) in expected)
        {
            var section = sheet.Page.Locator($"section.lesson[data-lesson='{lesson}']");
            Assert.True(await section.CountAsync() == 1, $"the contact sheet has no section for {lesson}");
            Assert.True(count > 0, $"{lesson}'s page has no charts");
            Assert.Equal((lesson, count), (lesson, await section.Locator(".kit-chart").CountAsync()));
            Assert.Equal((lesson, count), (lesson, await section.Locator(".kit-chart:has(svg.main-svg)").CountAsync()));
            // Labels read "09-ensembles · chart 3 · In [7]" (or "chart 3, 4" for one output with two): together 1..count.
            var labels = await section.Locator(".chart > .label").AllTextContentsAsync();
            var numbers = labels.SelectMany(l => Label().Match(l) is { Success: true } m ? m.Groups[1].Value.Split(", ").Select(int.Parse) : [-1]).ToList();
            Assert.Equal(Enumerable.Range(1, count), numbers);
            await section.ScreenshotAsync(new() { Path = Path.Combine(shots, lesson + ".png") });
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{2}-[a-z0-9-]+ · chart ([0-9, ]+) · In \[[0-9]+\]$")]
    private static partial System.Text.RegularExpressions.Regex Label();
}
