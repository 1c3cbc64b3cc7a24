namespace Kit.Quizzes;

/// <summary>
/// Draws an exam from a pool: each topic gets a share of the questions in proportion to its weight (the study guide's
/// emphasis), a case study is drawn whole and its questions stay together, and the same seed draws the same exam
/// with the options shuffled by that seed.
/// </summary>
public static class ExamDraw
{
    /// <summary>The study guide's emphasis: the number of guide rows and exam tips a topic answers for (at least 1).</summary>
    public static IReadOnlyDictionary<string, double> GuideWeights(IEnumerable<QuizTopic> topics) =>
        topics.ToDictionary(t => t.Topic, t => (double)Math.Max(1, t.GuideItems.Count), StringComparer.Ordinal);

    /// <summary>
    /// A version's emphasis. C01: the study guide's (<see cref="GuideWeights"/>). C02: the topics made only of questions on
    /// the skills C02 added share <see cref="ExamVersions.C02AddedShare"/> of the weight (11 of Domain 2's 26 skills), each
    /// by the number of added skills it covers; the study guide's topics share the rest by their guide rows.
    /// </summary>
    public static IReadOnlyDictionary<string, double> VersionWeights(IEnumerable<QuizTopic> topics, string version)
    {
        var list = topics.ToList();
        var guide = GuideWeights(list);
        if (ExamVersions.Parse(version) == ExamVersions.C01) return guide;
        var added = list.Where(t => t.AllQuestions.All(q => q.Exams.SequenceEqual([ExamVersions.C02])))
            .ToDictionary(t => t.Topic, t => (double)t.AllQuestions.Select(q => q.Task!).Where(ExamVersions.IsAddedSkill).Distinct().Count(), StringComparer.Ordinal);
        double addedTotal = added.Values.Sum(), keptTotal = guide.Where(kv => !added.ContainsKey(kv.Key)).Sum(kv => kv.Value);
        if (addedTotal <= 0 || keptTotal <= 0) return guide;
        var share = ExamVersions.C02AddedShare;
        return guide.ToDictionary(kv => kv.Key,
            kv => added.TryGetValue(kv.Key, out var n) ? share * n / addedTotal : (1 - share) * kv.Value / keptTotal, StringComparer.Ordinal);
    }

    /// <param name="weights">Topic → weight; a topic not listed weighs 1. Null: every topic weighs the same.</param>
    public static IReadOnlyList<Question> Draw(IEnumerable<Question> pool, int count, int seed, IReadOnlyDictionary<string, double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rng = new Random(seed);
        var byTopic = Units(pool).GroupBy(u => u[0].Topic).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(_ => rng.Next()).ToList(), StringComparer.Ordinal);
        var quota = Quotas(byTopic.ToDictionary(kv => kv.Key, kv => kv.Value.Sum(u => u.Count)), count,
            t => weights is null ? 1 : weights.GetValueOrDefault(t, 1));

        var chosen = new List<List<Question>>();
        foreach (var (topic, units) in byTopic)
            Take(units, quota[topic], chosen);
        int missing = count - chosen.Sum(u => u.Count);
        if (missing > 0) Take(byTopic.Values.SelectMany(u => u).Where(u => !chosen.Contains(u)).OrderBy(_ => rng.Next()).ToList(), missing, chosen);
        return chosen.OrderBy(_ => rng.Next()).SelectMany(u => u).Select(q => AnswerPipeline.Shown(q, seed)).ToList();
    }

    /// <summary>A stand-alone question, or a case study's questions in bank order.</summary>
    static IEnumerable<List<Question>> Units(IEnumerable<Question> pool) =>
        pool.GroupBy(q => q.CaseStudy?.Id ?? "\u0001" + q.Id).Select(g => g.ToList());

    static void Take(List<List<Question>> units, int room, List<List<Question>> chosen)
    {
        foreach (var u in units)
        {
            if (room <= 0) return;
            if (u.Count > room) continue;
            chosen.Add(u);
            room -= u.Count;
        }
    }

    /// <summary>Largest-remainder shares of <paramref name="count"/>, no topic above what it holds.</summary>
    static Dictionary<string, int> Quotas(Dictionary<string, int> available, int count, Func<string, double> weight)
    {
        var total = available.Keys.Sum(weight);
        var exact = available.Keys.ToDictionary(t => t, t => total <= 0 ? 0 : count * weight(t) / total, StringComparer.Ordinal);
        var quota = exact.ToDictionary(kv => kv.Key, kv => Math.Min(available[kv.Key], (int)Math.Floor(kv.Value)), StringComparer.Ordinal);
        foreach (var t in exact.OrderByDescending(kv => kv.Value - Math.Floor(kv.Value)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key))
        {
            if (quota.Values.Sum() >= count) break;
            if (quota[t] < available[t]) quota[t]++;
        }
        return quota;
    }
}
