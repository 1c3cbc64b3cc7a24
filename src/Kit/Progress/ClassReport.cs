namespace Kit.Progress;

/// <summary>One student's answers, as read from their progress file.</summary>
public sealed record StudentAnswers(string Name, IReadOnlyList<AnswerRecord> Answers);

/// <summary>How a question went across the class: who answered it, who got it wrong at least once, and how often.</summary>
public sealed record QuestionMisses(string QuestionId, string Topic, int StudentsAnswered, int StudentsMissed, int Answers, int WrongAnswers)
{
    public double WrongRate => Answers == 0 ? 0 : (double)WrongAnswers / Answers;
}

/// <summary>
/// Where one student stands on spaced repetition: questions due now, those overdue by more than the report's grace
/// period (<see cref="ClassReport.BehindAfter"/>), and their overall mastery (the Leitner measure over the whole bank).
/// </summary>
public sealed record StudentStanding(string Name, int Answers, DateTimeOffset? LastAnswer, int Due, int Overdue, double Mastery)
{
    /// <summary>Behind: at least one question has waited for its review longer than the grace period.</summary>
    public bool Behind => Overdue > 0;
}

/// <summary>
/// An instructor's view of a class: each student's <see cref="ProgressReport"/> against the same bank and clock, then
/// mastery per topic across the class, the questions most missed and who is behind on their reviews.
/// </summary>
public sealed class ClassReport
{
    public DateTimeOffset Now { get; }
    public TimeSpan BehindAfter { get; }
    public IReadOnlyList<string> StudentNames { get; }
    public IReadOnlyList<ProgressReport> Reports { get; }
    /// <summary>Every topic of the bank, in the order of the students' reports.</summary>
    public IReadOnlyList<string> Topics { get; }
    /// <summary>Mastery (0–1) of student <c>s</c> in topic <c>t</c>: <c>Mastery[s][t]</c>.</summary>
    public IReadOnlyList<double[]> Mastery { get; }
    /// <summary>Each topic's mastery averaged over the students (every student counts, those with no answers as 0).</summary>
    public IReadOnlyList<double> ClassMastery { get; }
    /// <summary>Questions someone got wrong: most students missing them first, then most wrong answers, then bank order.</summary>
    public IReadOnlyList<QuestionMisses> MostMissed { get; }
    /// <summary>One row per student: most overdue first, then most due, then by name.</summary>
    public IReadOnlyList<StudentStanding> Standings { get; }

    /// <param name="bank">Every question of the bank, in bank order.</param>
    /// <param name="behindAfter">How long a due question may wait before its student counts as behind (default 3 days).</param>
    public ClassReport(IEnumerable<StudentAnswers> students, IEnumerable<QuestionRef> bank, DateTimeOffset now, TimeSpan? behindAfter = null)
    {
        ArgumentNullException.ThrowIfNull(students);
        ArgumentNullException.ThrowIfNull(bank);
        BehindAfter = behindAfter ?? TimeSpan.FromDays(3);
        if (BehindAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(behindAfter), behindAfter, "behindAfter must not be negative");
        Now = now;
        var refs = bank.ToList();
        var list = students.ToList();
        StudentNames = list.Select(s => s.Name).ToList();
        Reports = list.Select(s => new ProgressReport(s.Answers, refs, now)).ToList();
        Topics = refs.Select(q => q.Topic).Distinct().Order(StringComparer.Ordinal).ToList();
        Mastery = Reports.Select(r => Topics.Select(t => r.TopicOf(t)?.Mastery ?? 0).ToArray()).ToList();
        ClassMastery = Topics.Select((_, t) => Mastery.Count == 0 ? 0 : Mastery.Average(m => m[t])).ToList();

        var order = refs.Select((q, i) => (q.Id, i)).DistinctBy(x => x.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(x => x.Id, x => x.i, StringComparer.OrdinalIgnoreCase);
        MostMissed = list.SelectMany(s => s.Answers.Select(a => (Student: s.Name, Answer: a)))
            .Where(x => order.ContainsKey(x.Answer.QuestionId))
            .GroupBy(x => x.Answer.QuestionId, StringComparer.OrdinalIgnoreCase)
            .Select(g => new QuestionMisses(g.Key, g.First().Answer.Topic,
                g.Select(x => x.Student).Distinct().Count(),
                g.Where(x => !x.Answer.Correct).Select(x => x.Student).Distinct().Count(),
                g.Count(), g.Count(x => !x.Answer.Correct)))
            .Where(m => m.WrongAnswers > 0)
            .OrderByDescending(m => m.StudentsMissed).ThenByDescending(m => m.WrongAnswers).ThenBy(m => order[m.QuestionId])
            .ToList();

        var questions = refs.Count;
        Standings = list.Select((s, i) =>
        {
            var r = Reports[i];
            var overall = questions == 0 ? 0 : r.Topics.Sum(t => t.Mastery * t.Questions) / questions;
            return new StudentStanding(s.Name, r.Answers.Count, r.Answers.Count == 0 ? null : r.Answers[^1].AnsweredAt,
                r.DueQuestions.Count, r.DueQuestions.Count(q => now - q.Due > BehindAfter), overall);
        })
            .OrderByDescending(s => s.Overdue).ThenByDescending(s => s.Due).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }
}
