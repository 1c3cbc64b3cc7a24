namespace Kit.Retrieval;

/// <summary>
/// Two-stage retrieval: a cheap first stage picks <see cref="Candidates"/> documents, a more careful scorer reorders
/// only those. On AWS the second stage is a rerank model (Bedrock's rerank API); here it is any scorer of the corpus.
/// </summary>
public sealed class Reranked : IRetriever
{
    readonly IRetriever first;
    readonly Func<string, double[]> rescore;

    /// <param name="first">the first stage</param>
    /// <param name="rescore">the second stage: one score per document of the same corpus, higher is better</param>
    /// <param name="candidates">how many first-stage results the second stage reorders</param>
    public Reranked(IRetriever first, Func<string, double[]> rescore, int candidates)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(rescore);
        if (candidates < 1 || candidates > first.Count)
            throw new ArgumentOutOfRangeException(nameof(candidates), candidates, $"candidates must be between 1 and the corpus size, {first.Count}.");
        (this.first, this.rescore, Candidates) = (first, rescore, candidates);
    }

    public int Candidates { get; }
    public int Count => first.Count;

    public IReadOnlyList<int> Search(string query, int k)
    {
        RetrieverChecks.Search(query, k, Count);
        var pool = first.Search(query, Math.Max(k, Candidates));
        var scores = rescore(query);
        if (scores.Length != Count) throw new InvalidOperationException($"the second stage scored {scores.Length} documents, the corpus has {Count}.");
        return pool.Select((d, rank) => (d, rank)).OrderByDescending(p => scores[p.d]).ThenBy(p => p.rank).Take(k).Select(p => p.d).ToList();
    }
}

/// <summary>Reciprocal rank fusion: a document scores Σ 1/(c + rank) over the retrievers (c = 60, Cormack et al. 2009).</summary>
public sealed class Fused : IRetriever
{
    readonly IRetriever[] retrievers;
    readonly int c;

    public Fused(IReadOnlyList<IRetriever> retrievers, int c = 60)
    {
        ArgumentNullException.ThrowIfNull(retrievers);
        if (retrievers.Count == 0) throw new ArgumentException("fuse at least one retriever.", nameof(retrievers));
        if (retrievers.Any(r => r.Count != retrievers[0].Count)) throw new ArgumentException("the retrievers index corpora of different sizes.", nameof(retrievers));
        if (c < 0) throw new ArgumentOutOfRangeException(nameof(c), c, "c must be ≥ 0.");
        (this.retrievers, this.c) = ([.. retrievers], c);
    }

    public int Count => retrievers[0].Count;

    public IReadOnlyList<int> Search(string query, int k)
    {
        RetrieverChecks.Search(query, k, Count);
        var scores = new double[Count];
        foreach (var r in retrievers)
        {
            var ranked = r.Search(query, Count);
            for (int i = 0; i < ranked.Count; i++) scores[ranked[i]] += 1.0 / (c + i + 1);
        }
        return RetrieverChecks.Top(scores, k);
    }
}
