namespace Kit.Quizzes;

/// <summary>
/// The exam versions a question can belong to, and MLA-C02's Domain 2 task statements as recorded in
/// /work/shared/notes/exam-version.md (AWS's "Comparison of MLA-C01 and MLA-C02" page). Kept content is tagged with
/// its task statement (2.1, 2.2, 2.3); content C02 added is tagged with the numbered skill AWS gave it.
/// </summary>
public static class ExamVersions
{
    /// <summary>AWS Certified Machine Learning Engineer – Associate, in use until 28 Sep 2026.</summary>
    public const string C01 = "C01";
    /// <summary>Its successor, in use from 29 Sep 2026.</summary>
    public const string C02 = "C02";
    public const string Default = C02;

    public static IReadOnlyList<string> Known { get; } = [C01, C02];

    /// <summary>Domain 2's share of each version's exam: 26 % "ML Model Development", 24 % "ML Model and FM Development".</summary>
    public static double Domain2Share(string version) => Parse(version) == C01 ? 0.26 : 0.24;

    public static string Domain2Name(string version) =>
        Parse(version) == C01 ? "ML Model Development" : "ML Model and Foundation Model (FM) Development";

    /// <summary>C02 Content Domain 2: its three task statements and the skills C02 added to them.</summary>
    public static IReadOnlyDictionary<string, string> C02TaskStatements { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2.1"] = "Choose modeling approaches for ML and AI",
        ["2.1.1"] = "Select FMs from Amazon Bedrock",
        ["2.1.2"] = "Fine-tuning strategies for pre-trained FMs",
        ["2.1.4"] = "Trade-offs of custom solutions, managed services, pre-trained models and FMs",
        ["2.1.5"] = "RAG architecture patterns",
        ["2.1.7"] = "Performance, latency and cost trade-offs",
        ["2.2"] = "Train, fine-tune and customize models",
        ["2.2.8"] = "Customization: task-specific prompt engineering and fine-tuning",
        ["2.2.9"] = "Optimize retrieval components and embedding models",
        ["2.3"] = "Analyze and evaluate the performance of ML and AI systems",
        ["2.3.7"] = "Human evaluation frameworks",
        ["2.3.8"] = "NLP metrics: BLEU, ROUGE, BERTScore, semantic similarity",
        ["2.3.9"] = "AI evaluation: output assessment, content quality, bias detection, LLM-as-a-judge",
        ["2.3.10"] = "RAG monitoring, including retrieval accuracy",
    };

    /// <summary>A skill C02 added (2.1.1 … 2.3.10), as opposed to a task statement kept from C01 (2.1, 2.2, 2.3).</summary>
    public static bool IsAddedSkill(string task) => task.Count(c => c == '.') == 2;

    /// <summary>How many skills C02's Domain 2 lists: the highest skill number under each task statement (2.1.7, 2.2.9, 2.3.10 → 7 + 9 + 10 = 26).</summary>
    public static int C02SkillCount =>
        C02TaskStatements.Keys.Where(IsAddedSkill).GroupBy(k => k[..3]).Sum(g => g.Max(k => int.Parse(k[4..], System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The added skills' share of C02's Domain 2 skills: 11 of 26.</summary>
    public static double C02AddedShare => C02TaskStatements.Keys.Count(IsAddedSkill) / (double)C02SkillCount;

    /// <summary>"C02", "c02" or "MLA-C02" → "C02"; anything else is refused with the versions there are.</summary>
    public static string Parse(string version, string argument = "version")
    {
        var v = (version ?? "").Trim().ToUpperInvariant();
        if (v.StartsWith("MLA-", StringComparison.Ordinal)) v = v[4..];
        return Known.Contains(v) ? v
            : throw new ArgumentException($"Unknown exam version '{version}'. Known versions: {string.Join(", ", Known)} (MLA-C01 until 28 Sep 2026, MLA-C02 from 29 Sep 2026).", argument);
    }

    /// <summary>The questions of one version's exam.</summary>
    public static IEnumerable<Question> For(IEnumerable<Question> pool, string version)
    {
        var v = Parse(version);
        return pool.Where(q => q.Exams.Contains(v, StringComparer.Ordinal));
    }
}
