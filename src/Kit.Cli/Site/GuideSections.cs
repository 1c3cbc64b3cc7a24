namespace Kit.Cli.Site;

/// <summary>
/// The study guide's top-level sections, in the guide's order (MLA-C01 Domain 2B), which the site's index follows,
/// then the lessons for what MLA-C02 added.
/// A lesson belongs to the first of them its "**Study guide:**" line names.
/// </summary>
internal static class GuideSections
{
    public const string Other = "Other lessons";

    public static readonly IReadOnlyList<string> InOrder =
    [
        "Deep Learning Foundations",
        "Training Concepts",
        "Evaluation Metrics",
        "Ensemble Methods",
        "SageMaker Training & Tuning Tools",
        "Distributed Training at Scale",
        "Training Infrastructure",
        "SageMaker Clarify — Bias & Explainability",
        "SageMaker Processing",
        "Bring Your Own Container (BYOC)",
        "Spot Training",
        "HPO Warm Start",
        "Transfer Learning vs Incremental Learning",
        "Cross-Validation",
        "Loss Functions",
        "MLA-C02 additions",   // not in MLA-C01's guide: the foundation-model and generative-AI tasks MLA-C02 added
    ];

    /// <summary>The section named first in <paramref name="guideLine"/>, or <see cref="Other"/> when it names none.</summary>
    public static string Of(string? guideLine)
    {
        if (string.IsNullOrEmpty(guideLine)) return Other;
        var named = InOrder
            .Select(s => (Section: s, At: guideLine.IndexOf(s, StringComparison.OrdinalIgnoreCase)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At)
            .ThenByDescending(x => x.Section.Length)
            .FirstOrDefault();
        return named.Section ?? Other;
    }

    public static int Rank(string section)
    {
        var i = InOrder.ToList().IndexOf(section);
        return i < 0 ? InOrder.Count : i;
    }
}
