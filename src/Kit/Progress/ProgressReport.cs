namespace Kit.Progress;

/// <summary>
/// A topic's mastery. <see cref="Mastery"/> is the Leitner progress over the topic's questions in the bank:
/// each question counts (box − 1) / 4 once answered (box 1 = 0, box 5 = 1) and 0 while never answered, averaged
/// over all the topic's questions. So one right answer to every question is 25%, and 100% needs four right
/// answers in a row to each, which the spacing of the boxes spreads over weeks.
/// </summary>
public sealed record TopicMastery(
    string Topic, int Questions, int Seen, int Answered, int Correct, DateTimeOffset? LastSeen, int Due, double Mastery)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>Mastery per topic, each question's Leitner box, and what to revisit, computed from the stored answers.</summary>
public sealed class ProgressReport
{
    readonly Dictionary<string, int> bankOrder;
    readonly Dictionary<string, string> topicOf;

    public DateTimeOffset Now { get; }
    public IReadOnlyList<AnswerRecord> Answers { get; }
    /// <summary>Every answered question's state, by question id.</summary>
    public IReadOnlyDictionary<string, QuestionState> States { get; }
    /// <summary>Every topic of the bank (and any topic only the answers know), by name.</summary>
    public IReadOnlyList<TopicMastery> Topics { get; }
    /// <summary>Answered bank questions due now: lowest box first, then the longest overdue.</summary>
    public IReadOnlyList<QuestionState> DueQuestions { get; }
    /// <summary>Topics not yet mastered, lowest mastery first (then lowest accuracy, then least recently seen).</summary>
    public IReadOnlyList<TopicMastery> WeakestTopics { get; }

    /// <param name="bank">Every question of the bank, in bank order.</param>
    public ProgressReport(IEnumerable<AnswerRecord> answers, IEnumerable<QuestionRef> bank, DateTimeOffset now)
    {
        Now = now;
        Answers = answers.OrderBy(a => a.AnsweredAt).ToList();
        States = Leitner.Replay(Answers);
        var questions = bank.ToList();
        bankOrder = new(StringComparer.OrdinalIgnoreCase);
        topicOf = new(StringComparer.OrdinalIgnoreCase);
        foreach (var q in questions)
            if (bankOrder.TryAdd(q.Id, bankOrder.Count)) topicOf[q.Id] = q.Topic;

        var byTopic = questions.GroupBy(q => q.Topic).ToDictionary(g => g.Key, g => g.ToList());
        var topicNames = byTopic.Keys.Concat(Answers.Select(a => a.Topic)).Distinct().Order(StringComparer.Ordinal);
        Topics = topicNames.Select(t =>
        {
            var qs = byTopic.GetValueOrDefault(t) ?? [];
            var answered = Answers.Where(a => a.Topic == t).ToList();
            var states = qs.Select(q => States.GetValueOrDefault(q.Id)).ToList();
            double mastery = qs.Count == 0 ? 0 : states.Sum(s => s is null ? 0 : (s.Box - 1) / 4.0) / qs.Count;
            return new TopicMastery(t, qs.Count, states.Count(s => s is not null), answered.Count, answered.Count(a => a.Correct),
                answered.Count == 0 ? null : answered.Max(a => a.AnsweredAt), states.Count(s => s is not null && s.IsDue(now)), mastery);
        }).ToList();

        DueQuestions = States.Values
            .Where(s => bankOrder.ContainsKey(s.QuestionId) && s.IsDue(now))
            .OrderBy(s => s.Box).ThenBy(s => s.Due).ThenBy(s => bankOrder[s.QuestionId])
            .ToList();
        WeakestTopics = Topics.Where(t => t.Questions > 0 && t.Mastery < 1)
            .OrderBy(t => t.Mastery).ThenBy(t => t.Answered == 0 ? 0 : 1).ThenBy(t => t.Accuracy)
            .ThenBy(t => t.LastSeen ?? DateTimeOffset.MinValue).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
    }

    public QuestionState? StateOf(string questionId) => States.GetValueOrDefault(questionId);

    public TopicMastery? TopicOf(string topic) => Topics.FirstOrDefault(t => t.Topic == topic);

    /// <summary>
    /// The order to practise <paramref name="pool"/> in, weakest and most due first: due questions (lowest box,
    /// then longest overdue), then questions never answered (weakest topic first), then the rest by due date.
    /// <paramref name="idOf"/> gives each item's question id.
    /// </summary>
    public IReadOnlyList<T> PracticeOrder<T>(IEnumerable<T> pool, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(idOf);
        var mastery = Topics.ToDictionary(t => t.Topic, t => t.Mastery);
        return pool
            .Select((q, i) => (Q: q, I: i, Id: idOf(q), S: StateOf(idOf(q))))
            .OrderBy(x => x.S is null ? 1 : x.S.IsDue(Now) ? 0 : 2)
            .ThenBy(x => x.S is { } s && s.IsDue(Now) ? s.Box : 0)
            .ThenBy(x => x.S?.Due ?? DateTimeOffset.MinValue)
            .ThenBy(x => topicOf.TryGetValue(x.Id, out var t) ? mastery.GetValueOrDefault(t) : 0)
            .ThenBy(x => x.I)
            .Select(x => x.Q)
            .ToList();
    }
}
