namespace Kit.Quizzes;

/// <summary>The shape of an exam simulation: how many questions in how much time, and the pass mark.</summary>
public sealed record ExamForm(string Name, int Questions, TimeSpan Time)
{
    /// <summary>The exam's pass mark, 720 of a scaled 1000.</summary>
    public const double PassMark = 0.72;

    /// <summary>The real exam's length; its pace is 2 minutes a question.</summary>
    public const int ExamQuestions = 65;

    /// <summary>Domain 2's share of a version's exam at its pace: MLA-C02 24 % of 65 → 16 questions in 32 minutes; MLA-C01 26 % → 17 in 34.</summary>
    public static ExamForm Domain2BlockFor(string version)
    {
        int n = (int)Math.Round(ExamQuestions * ExamVersions.Domain2Share(version));
        return new($"MLA-{ExamVersions.Parse(version)} Domain 2 block", n, TimeSpan.FromMinutes(2 * n));
    }

    /// <summary>The Domain 2 block of the current exam, MLA-C02.</summary>
    public static readonly ExamForm Domain2Block = Domain2BlockFor(ExamVersions.Default);

    /// <summary>As long as the real exam: 65 questions in 130 minutes.</summary>
    public static readonly ExamForm LongPractice = new("Long practice", ExamQuestions, TimeSpan.FromMinutes(2 * ExamQuestions));
}
