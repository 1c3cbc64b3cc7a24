namespace Kit.Progress;

/// <summary>Where an answer came from.</summary>
public enum AnswerSource { Code, Terminal, Widget, Exam }

/// <summary>One graded answer as stored in the progress database. <see cref="AnsweredAt"/> is UTC.</summary>
public sealed record AnswerRecord(
    string QuestionId, string Topic, bool Correct, string Response, AnswerSource Source, DateTimeOffset AnsweredAt, string SessionId);

/// <summary>A question of the bank as progress sees it: its id and topic (the study layer above knows the rest).</summary>
public readonly record struct QuestionRef(string Id, string Topic);

/// <summary>
/// The Leitner system: every question sits in a box from 1 to 5. A right answer moves it up one box (at most 5),
/// a wrong answer sends it back to box 1. A question in box n is due again 1, 2, 4, 8 or 16 days after it was
/// last answered. A question never answered is in box 1 and due now.
/// </summary>
public static class Leitner
{
    public const int FirstBox = 1;
    public const int LastBox = 5;

    /// <summary>How long after its last answer a question in <paramref name="box"/> is due: 2^(box-1) days.</summary>
    public static TimeSpan Interval(int box) => TimeSpan.FromDays(1 << (Math.Clamp(box, FirstBox, LastBox) - 1));

    public static int Next(int box, bool correct) => correct ? Math.Min(LastBox, box + 1) : FirstBox;

    /// <summary>Replays answers in time order and returns each question's state, keyed by question id (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, QuestionState> Replay(IEnumerable<AnswerRecord> answers)
    {
        var states = new Dictionary<string, QuestionState>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in answers.OrderBy(a => a.AnsweredAt))
        {
            states.TryGetValue(a.QuestionId, out var s);
            var box = Next(s?.Box ?? FirstBox, a.Correct);
            states[a.QuestionId] = new QuestionState(a.QuestionId, a.Topic, box,
                (s?.Answered ?? 0) + 1, (s?.CorrectAnswers ?? 0) + (a.Correct ? 1 : 0), a.AnsweredAt, a.Correct);
        }
        return states;
    }
}

/// <summary>A question's place in the Leitner system after all its answers.</summary>
public sealed record QuestionState(string QuestionId, string Topic, int Box, int Answered, int CorrectAnswers, DateTimeOffset LastAnswered, bool LastCorrect)
{
    public DateTimeOffset Due => LastAnswered + Leitner.Interval(Box);
    public bool IsDue(DateTimeOffset now) => now >= Due;
}
