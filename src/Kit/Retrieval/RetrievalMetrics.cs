namespace Kit.Retrieval;

/// <summary>A query and the indices of the documents that answer it.</summary>
public sealed record LabelledQuery(string Query, IReadOnlySet<int> Relevant);

/// <summary>Recall@k (share of the relevant documents in the top k) and reciprocal rank (1 / rank of the first relevant one).</summary>
public static class RetrievalMetrics
{
    public static double RecallAtK(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant, int k)
    {
        Check(ranked, relevant);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        if (k > ranked.Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k is larger than the {ranked.Count} ranked results.");
        return ranked.Take(k).Count(relevant.Contains) / (double)relevant.Count;
    }

    public static double ReciprocalRank(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant)
    {
        Check(ranked, relevant);
        for (int i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>Mean recall@k and mean reciprocal rank (MRR, over the top <paramref name="depth"/>) of a retriever over labelled queries.</summary>
    public static (double RecallAtK, double Mrr) Evaluate(IRetriever retriever, IReadOnlyList<LabelledQuery> queries, int k, int depth = 10)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Count == 0) throw new ArgumentException("there are no labelled queries.", nameof(queries));
        if (k < 1 || k > retriever.Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the corpus size, {retriever.Count}.");
        depth = Math.Min(Math.Max(depth, k), retriever.Count);
        double recall = 0, rr = 0;
        foreach (var q in queries)
        {
            var ranked = retriever.Search(q.Query, depth);
            recall += RecallAtK(ranked, q.Relevant, k);
            rr += ReciprocalRank(ranked, q.Relevant);
        }
        return (recall / queries.Count, rr / queries.Count);
    }

    static void Check(IReadOnlyList<int> ranked, IReadOnlySet<int> relevant)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        if (relevant.Count == 0) throw new ArgumentException("the query has no relevant documents: recall is undefined.", nameof(relevant));
    }
}
