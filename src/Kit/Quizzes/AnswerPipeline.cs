using Kit.Progress;

namespace Kit.Quizzes;

/// <summary>Stores a graded answer and says whether it was kept. The host (notebook extension, <c>kit</c>) supplies one.</summary>
public delegate bool AnswerRecorder(Feedback feedback, AnswerSource source);

/// <summary>An answer after the pipeline: its feedback, and whether the host's recorder kept it.</summary>
public sealed record AnswerOutcome(Feedback Feedback, bool Recorded);

/// <summary>
/// The one way an answer travels, whatever it came from (the notebook widget, code, <c>kit quiz</c>, <c>kit quiz answer</c>,
/// the exam): find the question → shuffle its options as they were shown → parse the answer → grade → record.
/// The Kit records nowhere by itself: the host attaches a recorder (<see cref="Shared"/> for answers given in code).
/// </summary>
public sealed class AnswerPipeline(AnswerRecorder? recorder = null)
{
    const int ListIdsUpTo = 20;
    static AnswerPipeline shared = new();

    /// <summary>The pipeline of answers given in code and in the widget; a host replaces it with one that records.</summary>
    public static AnswerPipeline Shared
    {
        get => Volatile.Read(ref shared);
        set => Volatile.Write(ref shared, value ?? new AnswerPipeline());
    }

    /// <param name="pool">The questions in bank order (the quiz's, the bank's, the exam's).</param>
    /// <param name="where">Names the pool in the error for an unknown id, e.g. "the bank".</param>
    /// <param name="seed">The seed the options were shown shuffled with; null: bank order.</param>
    public AnswerOutcome Submit(IReadOnlyList<Question> pool, string where, string id, int? seed, IEnumerable<string> response, AnswerSource source)
    {
        var shown = Shown(Find(pool, where, id), seed);
        var feedback = Grader.Grade(shown, Parse(shown, response));
        return new AnswerOutcome(feedback, recorder?.Invoke(feedback, source) ?? false);
    }

    /// <summary>
    /// A question left unanswered where an answer counted (the exam): graded wrong, with the answer and every explanation,
    /// and recorded as missed so that spaced repetition brings it back soon.
    /// </summary>
    public AnswerOutcome Missed(IReadOnlyList<Question> pool, string where, string id, int? seed, AnswerSource source)
    {
        var shown = Shown(Find(pool, where, id), seed);
        var right = Grader.Grade(shown, shown.Type == QuestionType.Numeric ? [shown.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)] : shown.Answer);
        var feedback = right with
        {
            Correct = false, Response = [], Expected = $"Not answered. {right.Expected}",
            Explanations = right.Explanations.Select(e => e.Replace(" (your choice)", "", StringComparison.Ordinal)).ToList(),
        };
        return new AnswerOutcome(feedback, recorder?.Invoke(feedback, source) ?? false);
    }

    public static Question Find(IReadOnlyList<Question> pool, string where, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(pool);
        return pool.FirstOrDefault(q => string.Equals(q.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(pool.Count <= ListIdsUpTo
                ? $"No question '{id}' in {where}. Valid ids: {string.Join(", ", pool.Select(q => q.Id))}."
                : $"No question '{id}' in {where}. Ids look like '{pool[0].Id}'; topics: {string.Join(", ", pool.Select(q => q.Topic).Distinct().Order(StringComparer.Ordinal))}.",
                nameof(id));
    }

    /// <summary>The question as a student sees it: options shuffled and relabelled with <paramref name="seed"/>, or in bank order.</summary>
    public static Question Shown(Question q, int? seed) => seed is { } s ? Shuffle.Apply(q, s) : q;

    /// <summary>
    /// An answer as the grader takes it. Typed text ("B D", "B,D", "1=B 2=A") splits into keys or pairs; a number stays
    /// whole, and "0,75" reads as 0.75.
    /// </summary>
    public static IReadOnlyList<string> Parse(Question q, IEnumerable<string> response)
    {
        ArgumentNullException.ThrowIfNull(q);
        var parts = (response ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).ToList();
        if (q.Type == QuestionType.Numeric)
            return parts.Select(p => !p.Contains('.') && p.Count(ch => ch == ',') == 1 ? p.Replace(',', '.') : p).ToList();
        return parts.SelectMany(p => p.Split([',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}
