namespace Kit.Browser.Tests.Layout;

/// <summary>
/// What the layout check lets pass for now, each with its reason. An entry matches a finding of its lesson whose
/// place contains <see cref="Where"/> and whose collision contains <see cref="What"/>. An entry that matches nothing
/// fails the lesson's test, so none outlives its fix.
/// </summary>
public sealed record Tolerated(string Lesson, string Where, string What, string Reason)
{
    public bool Matches(Finding f) =>
        f.Lesson == Lesson && f.Where.Contains(Where, StringComparison.Ordinal) && f.What.Contains(What, StringComparison.Ordinal);

    public override string ToString() => $"{Lesson} {Where}: {What} ({Reason})";

    public static IReadOnlyList<Tolerated> For(string lesson) => All.Where(t => t.Lesson == lesson).ToList();

    static readonly Tolerated[] All =
    [
        // Nothing is tolerated now: printed output wraps on the page (StaticPage), and the chart helpers keep
        // every chart of lessons 01–17 clear. Add an entry here, with its reason, only for a finding to be fixed later.
    ];
}
