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
        // Printed output wraps on the page (StaticPage) and the chart helpers keep the charts clear; what is left here
        // is a design choice the check cannot tell from a squashed plot. Add an entry only with its reason.
        new("08-cross-validation", "StratifiedKFold(5)", "plot area xy2", "the class strip under the folds is one row of colour by design, not a plot of values"),
    ];
}
