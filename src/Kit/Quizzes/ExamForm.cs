namespace Kit.Quizzes;

/// <summary>The shape of an exam simulation: how many questions in how much time, and the pass mark.</summary>
public sealed record ExamForm(string Name, int Questions, TimeSpan Time)
{
    /// <summary>The exam's pass mark, 720 of a scaled 1000.</summary>
    public const double PassMark = 0.72;

    /// <summary>Domain 2's share of the exam: about a quarter of 65 questions, at the exam's pace of 2 minutes a question.</summary>
    public static readonly ExamForm Domain2Block = new("Domain 2 block", 17, TimeSpan.FromMinutes(34));

    /// <summary>As long as the real exam: 65 questions in 130 minutes.</summary>
    public static readonly ExamForm LongPractice = new("Long practice", 65, TimeSpan.FromMinutes(130));
}
