namespace Kit.Quizzes;

/// <summary>A topic's questions, shown as a widget in notebooks and answerable from C#.</summary>
public sealed class Quiz
{
    public QuizTopic Topic { get; }
    public IReadOnlyList<Question> Questions { get; }

    Quiz(QuizTopic topic, IReadOnlyList<Question> questions) { Topic = topic; Questions = questions; }

    /// <summary><c>Quiz.For("neural-network-basics")</c>: every question of a topic.</summary>
    public static Quiz For(string topic)
    {
        var t = QuizBank.Topic(topic);
        return new Quiz(t, t.Questions);
    }

    /// <summary>A quiz from any topic, e.g. one parsed with <see cref="QuizBank.Parse"/>.</summary>
    public static Quiz From(QuizTopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new Quiz(topic, topic.Questions);
    }

    /// <summary>A single question, to embed inline after a concept.</summary>
    public static Quiz Question(string topic, string id)
    {
        var t = QuizBank.Topic(topic);
        return new Quiz(t, [Find(t, id)]);
    }

    /// <summary>Grades an answer and explains every chosen option: <c>quiz.Answer("nn-03", "B")</c>.</summary>
    public Feedback Answer(string id, params string[] choices)
    {
        var q = Find(Topic, id);
        if (choices is null || choices.Length == 0)
            throw new ArgumentException($"Give at least one option key for {id} ({string.Join(", ", q.Options.Select(o => o.Key))}).", nameof(choices));
        foreach (var c in choices)
            if (q.OptionFor(c) is null)
                throw new ArgumentException($"'{c}' is not an option of {id}; its options are {string.Join(", ", q.Options.Select(o => o.Key))}.", nameof(choices));
        var chosen = choices.Select(c => q.OptionFor(c)!.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool correct = chosen.SetEquals(q.Answer);
        return new Feedback(q, correct, chosen.ToList());
    }

    public string ToHtml() => QuizHtml.Render(this);

    public override string ToString() => $"Quiz '{Topic.Title}': {Questions.Count} question(s). Answer in code with quiz.Answer(\"{Questions[0].Id}\", \"A\").";

    static Question Find(QuizTopic topic, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return topic.Questions.FirstOrDefault(q => string.Equals(q.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No question '{id}' in topic '{topic.Topic}'. Valid ids: {string.Join(", ", topic.Questions.Select(q => q.Id))}.", nameof(id));
    }
}

public sealed record Feedback(Question Question, bool Correct, IReadOnlyList<string> Chosen)
{
    public override string ToString()
    {
        var lines = new List<string> { $"{Question.Id}: {(Correct ? "Correct." : $"Not quite. The answer is {string.Join(", ", Question.Answer)}.")}" };
        foreach (var o in Question.Options)
        {
            bool isChosen = Chosen.Contains(o.Key, StringComparer.OrdinalIgnoreCase), isAnswer = Question.Answer.Contains(o.Key, StringComparer.OrdinalIgnoreCase);
            if (isChosen || isAnswer)
                lines.Add($"  {o.Key}{(isChosen ? " (your choice)" : "")}{(isAnswer ? " ✓" : " ✗")}: {o.Explanation}");
        }
        if (Question.Tip is not null) lines.Add($"  Exam tip: {Question.Tip}");
        return string.Join(Environment.NewLine, lines);
    }
}
