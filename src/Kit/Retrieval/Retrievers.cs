using Kit.Embeddings;

namespace Kit.Retrieval;

/// <summary>Something that ranks the documents of a fixed corpus for a query.</summary>
public interface IRetriever
{
    int Count { get; }

    /// <summary>The indices of the <paramref name="k"/> best documents, best first.</summary>
    IReadOnlyList<int> Search(string query, int k);
}

static class RetrieverChecks
{
    public static void Documents(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0) throw new ArgumentException("the corpus is empty: there is nothing to retrieve.", nameof(documents));
        for (int i = 0; i < documents.Count; i++)
            if (documents[i] is null) throw new ArgumentException($"document {i} is null.", nameof(documents));
    }

    public static void Search(string query, int k, int count)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (k < 1 || k > count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the corpus size, {count}.");
    }

    /// <summary>The top k indices by score, ties to the earlier document.</summary>
    public static IReadOnlyList<int> Top(double[] scores, int k) =>
        Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToList();
}

/// <summary>
/// Okapi BM25: a document scores, for each query word, idf × tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avglen)), with
/// idf = ln(1 + (N − df + 0.5)/(df + 0.5)). Exact words only: strong on names and codes, blind to paraphrase.
/// </summary>
public sealed class Bm25 : IRetriever
{
    readonly List<Dictionary<string, int>> termCounts;
    readonly int[] lengths;
    readonly Dictionary<string, int> documentFrequency = [];
    readonly double averageLength;

    public Bm25(IReadOnlyList<string> documents, double k1 = 1.2, double b = 0.75)
    {
        RetrieverChecks.Documents(documents);
        if (k1 < 0) throw new ArgumentOutOfRangeException(nameof(k1), k1, "k1 must be ≥ 0.");
        if (b < 0 || b > 1) throw new ArgumentOutOfRangeException(nameof(b), b, "b must be in [0, 1].");
        (K1, B) = (k1, b);
        termCounts = documents.Select(d => Words.NGrams(Words.Of(d), 1)).ToList();
        lengths = termCounts.Select(c => c.Values.Sum()).ToArray();
        averageLength = Math.Max(lengths.Average(), 1e-9);
        foreach (var counts in termCounts)
            foreach (var term in counts.Keys) documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
    }

    public double K1 { get; }
    public double B { get; }
    public int Count => lengths.Length;

    public double Idf(string term)
    {
        int df = documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + (Count - df + 0.5) / (df + 0.5));
    }

    public double[] Scores(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scores = new double[Count];
        foreach (var term in Words.Of(query))
        {
            double idf = Idf(term);
            for (int d = 0; d < Count; d++)
            {
                int tf = termCounts[d].GetValueOrDefault(term);
                if (tf > 0) scores[d] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d] / averageLength));
            }
        }
        return scores;
    }

    public IReadOnlyList<int> Search(string query, int k)
    {
        RetrieverChecks.Search(query, k, Count);
        return RetrieverChecks.Top(Scores(query), k);
    }
}

/// <summary>Dense retrieval: documents and query as MiniLM sentence vectors, ranked by cosine similarity.</summary>
public sealed class DenseIndex : IRetriever
{
    readonly MiniLm model;
    readonly float[][] vectors;

    public DenseIndex(MiniLm model, IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        RetrieverChecks.Documents(documents);
        this.model = model;
        vectors = model.Sentences(documents);
    }

    public int Count => vectors.Length;

    public double[] Scores(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = model.Sentences([query])[0];
        return vectors.Select(v => Vectors.Cosine(q, v)).ToArray();
    }

    public IReadOnlyList<int> Search(string query, int k)
    {
        RetrieverChecks.Search(query, k, Count);
        return RetrieverChecks.Top(Scores(query), k);
    }
}
