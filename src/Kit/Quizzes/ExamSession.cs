namespace Kit.Quizzes;

/// <summary>
/// One sitting of an exam simulation, as on the real exam: answer in any order, skip, go back, flag questions for review,
/// and submit when done or when the time is up. Nothing is graded before <see cref="Submit"/>. The clock is read only by
/// <see cref="Left"/>, so a host decides how often time is checked.
/// </summary>
public sealed class ExamSession
{
    readonly IReadOnlyList<string>?[] answers;
    readonly bool[] flagged;
    readonly TimeProvider clock;

    /// <param name="questions">The questions as shown (options already shuffled with <paramref name="seed"/>).</param>
    public ExamSession(IReadOnlyList<Question> questions, TimeSpan limit, int seed, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        if (questions.Count == 0) throw new ArgumentException("An exam needs at least one question.", nameof(questions));
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Questions = questions;
        Seed = seed;
        Limit = limit;
        answers = new IReadOnlyList<string>?[questions.Count];
        flagged = new bool[questions.Count];
        Deadline = clock.GetUtcNow() + limit;
    }

    public IReadOnlyList<Question> Questions { get; }
    public int Seed { get; }
    public TimeSpan Limit { get; }
    public DateTimeOffset Deadline { get; }
    /// <summary>The question on screen (0-based).</summary>
    public int Current { get; private set; }
    public Question CurrentQuestion => Questions[Current];

    /// <summary>Time left, never negative (reads the clock).</summary>
    public TimeSpan Left()
    {
        var left = Deadline - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public IReadOnlyList<string>? AnswerOf(int index) => answers[index];
    public bool IsFlagged(int index) => flagged[index];
    public IEnumerable<int> Unanswered => Enumerable.Range(0, Questions.Count).Where(i => answers[i] is null);
    public IEnumerable<int> Flagged => Enumerable.Range(0, Questions.Count).Where(i => flagged[i]);

    /// <summary>Keeps an answer to the current question (replacing an earlier one). A response of the wrong shape is refused with the grader's message.</summary>
    public void Answer(IEnumerable<string> response)
    {
        var parsed = AnswerPipeline.Parse(CurrentQuestion, response);
        Grader.Grade(CurrentQuestion, parsed); // the shape check only: the verdict stays hidden until Submit
        answers[Current] = parsed;
    }

    public void ToggleFlag() => flagged[Current] = !flagged[Current];

    /// <summary>Moves to the next question; false on the last one.</summary>
    public bool Next()
    {
        if (Current == Questions.Count - 1) return false;
        Current++;
        return true;
    }

    /// <summary>Moves to the previous question; false on the first one.</summary>
    public bool Back()
    {
        if (Current == 0) return false;
        Current--;
        return true;
    }

    public void GoTo(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Questions.Count);
        Current = index;
    }

    /// <summary>
    /// Grades the sitting through <paramref name="pipeline"/> (which records what it grades). An unanswered question counts
    /// as wrong, as on the exam, and is recorded as missed so that spaced repetition brings it back.
    /// </summary>
    /// <param name="bank">The pool the pipeline finds questions in (in bank order).</param>
    public ExamResult Submit(AnswerPipeline pipeline, IReadOnlyList<Question> bank)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var outcomes = Questions.Select((q, i) => answers[i] is { } a
            ? pipeline.Submit(bank, "the bank", q.Id, Seed, a, Progress.AnswerSource.Exam).Feedback
            : pipeline.Missed(bank, "the bank", q.Id, Seed, Progress.AnswerSource.Exam).Feedback).ToList();
        return new ExamResult(Questions, outcomes, answers.Select(a => a is not null).ToList());
    }
}

/// <summary>A graded sitting: the verdict per question, the score per topic and what to practise next.</summary>
public sealed record ExamResult(IReadOnlyList<Question> Questions, IReadOnlyList<Feedback> Feedback, IReadOnlyList<bool> Answered)
{
    public int Right => Feedback.Count(f => f.Correct);
    public double Fraction => (double)Right / Questions.Count;
    /// <summary>The share right on a 0–1000 scale (the real exam scales per form; this is a rough guide).</summary>
    public int Scaled => (int)Math.Round(1000 * Fraction);
    public bool Passed => Fraction >= ExamForm.PassMark;

    public IReadOnlyList<TopicScore> ByTopic =>
        Questions.Select((q, i) => (q.Topic, Feedback[i].Correct)).GroupBy(x => x.Topic)
            .Select(g => new TopicScore(g.Key, g.Count(x => x.Correct), g.Count()))
            .OrderBy(t => t.Topic, StringComparer.Ordinal).ToList();

    /// <summary>Wrong or unanswered questions, in exam order, with their feedback (every explanation).</summary>
    public IReadOnlyList<Feedback> Missed => Feedback.Where(f => !f.Correct).ToList();

    /// <summary>Topics scored below the pass mark, weakest first (ties: more questions missed first).</summary>
    public IReadOnlyList<TopicScore> Weakest =>
        ByTopic.Where(t => t.Fraction < ExamForm.PassMark)
            .OrderBy(t => t.Fraction).ThenByDescending(t => t.Asked - t.Right).ThenBy(t => t.Topic, StringComparer.Ordinal).ToList();
}

public sealed record TopicScore(string Topic, int Right, int Asked)
{
    public double Fraction => Asked == 0 ? 0 : (double)Right / Asked;
}
