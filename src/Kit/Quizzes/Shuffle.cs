namespace Kit.Quizzes;

/// <summary>
/// Seeded option shuffling: options are permuted and relabelled A, B, C… in their new order, and the answer
/// follows, so the letters a student sees are the letters the grader expects. The same seed gives the same
/// order in every process (the hash is stable, unlike string.GetHashCode).
/// </summary>
public static class Shuffle
{
    public static Question Apply(Question q, int seed)
    {
        if (q.Type == QuestionType.Numeric || q.Options.Count < 2) return q;
        var rng = new Random(seed ^ StableHash(q.Id));
        var order = Enumerable.Range(0, q.Options.Count).OrderBy(_ => rng.Next()).ToList();
        if (q.Type == QuestionType.Ordering && order.Select(i => q.Options[i].Key).SequenceEqual(q.Answer, StringComparer.OrdinalIgnoreCase))
            order = [.. order.Skip(1), order[0]]; // never show an ordering question already solved
        var relabel = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var options = order.Select((src, i) =>
        {
            var o = q.Options[src];
            var label = Label(i);
            relabel[o.Key] = label;
            return o with { Key = label };
        }).ToList();
        var answer = q.Type == QuestionType.Matching
            ? q.Answer.Select(a => { var p = a.Split('=', 2); return $"{p[0]}={relabel[p[1].Trim()]}"; }).ToList()
            : q.Answer.Select(a => relabel[a.Trim()]).ToList();
        if (q.Type is QuestionType.Single or QuestionType.Multiple) answer.Sort(StringComparer.Ordinal);
        return q with { Options = options, Answer = answer };
    }

    static string Label(int i) => i < 26 ? ((char)('A' + i)).ToString() : $"A{i}";

    /// <summary>FNV-1a: the same in every run.</summary>
    public static int StableHash(string s)
    {
        unchecked
        {
            uint h = 2166136261;
            foreach (char c in s) { h ^= c; h *= 16777619; }
            return (int)h;
        }
    }
}
