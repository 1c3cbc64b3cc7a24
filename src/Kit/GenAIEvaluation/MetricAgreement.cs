namespace Kit.GenAIEvaluation;

/// <summary>How often a metric orders two candidates of one question the way the human grades do, for one kind of pair.</summary>
public sealed record PairAgreement(string Pair, int Agree, int Total)
{
    public double Rate => Total == 0 ? double.NaN : (double)Agree / Total;
    public override string ToString() => $"{Pair}: {Agree}/{Total}";
}

/// <summary>Compares a metric's ordering of candidates with rater A's grades, pair by pair within each question.</summary>
public static class MetricAgreement
{
    /// <summary>
    /// For every pair of candidates of the same question that rater A graded differently, whether the metric puts the
    /// better-graded one higher; grouped by the pair's kinds ("paraphrase vs near-copy-wrong", …). A metric tie counts as a miss.
    /// </summary>
    public static List<PairAgreement> ByPairKind(IReadOnlyList<LabelledItem> items, IReadOnlyDictionary<string, double> scores)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(scores);
        var tally = new SortedDictionary<string, (int Agree, int Total)>(StringComparer.Ordinal);
        foreach (var item in items)
            foreach (var better in item.Candidates)
                foreach (var worse in item.Candidates.Where(w => w.RaterA < better.RaterA))
                {
                    if (!scores.TryGetValue(better.Id, out double b) || !scores.TryGetValue(worse.Id, out double w))
                        throw new ArgumentException($"no score for candidate {(scores.ContainsKey(better.Id) ? worse.Id : better.Id)}.", nameof(scores));
                    string key = $"{better.Kind} > {worse.Kind}";
                    var (agree, total) = tally.GetValueOrDefault(key);
                    tally[key] = (agree + (b > w ? 1 : 0), total + 1);
                }
        return tally.Select(kv => new PairAgreement(kv.Key, kv.Value.Agree, kv.Value.Total)).ToList();
    }

    /// <summary>Spearman correlation of the metric with rater A's grades over all candidates.</summary>
    public static double Spearman(IReadOnlyList<LabelledItem> items, IReadOnlyDictionary<string, double> scores)
    {
        var candidates = items.SelectMany(i => i.Candidates).ToList();
        return Ranking.Spearman(candidates.Select(c => scores[c.Id]).ToList(), candidates.Select(c => (double)c.RaterA).ToList());
    }
}
