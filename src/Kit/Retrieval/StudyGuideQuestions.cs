using System.Text.Json;

namespace Kit.Retrieval;

/// <summary>A question about the study guide, its kind (paraphrase or exact) and the passage that answers it.</summary>
public sealed record GuideQuestion(string Kind, string Question, string Evidence, int EvidenceStart)
{
    public int EvidenceEnd => EvidenceStart + Evidence.Length;

    /// <summary>The chunks that hold at least half of the evidence: relevance that does not depend on how the text was cut.</summary>
    public IReadOnlySet<int> RelevantIn(IReadOnlyList<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var relevant = HoldingHalf(chunks);
        if (relevant.Count == 0) throw new ArgumentException($"no chunk holds half of the evidence of \"{Question}\" (are the chunks from the study guide?).", nameof(chunks));
        return relevant;
    }

    internal HashSet<int> HoldingHalf(IReadOnlyList<Chunk> chunks) =>
        Enumerable.Range(0, chunks.Count).Where(i => 2 * chunks[i].Overlap(EvidenceStart, EvidenceEnd) >= Evidence.Length).ToHashSet();
}

/// <summary>
/// The study guide this Kit teaches (data/rag-study-guide/study-guide.txt) and a set of questions about it written
/// for the Kit (questions.json, CC0), as a RAG retrieval benchmark: half paraphrase the guide, half name a rare term.
/// </summary>
public static class StudyGuide
{
    public static string Text() => Read("study-guide.txt");

    public static IReadOnlyList<GuideQuestion> Questions()
    {
        var text = Text();
        using var doc = JsonDocument.Parse(Read("questions.json"));
        var result = new List<GuideQuestion>();
        foreach (var q in doc.RootElement.GetProperty("questions").EnumerateArray())
        {
            string evidence = q.GetProperty("evidence").GetString()!;
            int at = text.IndexOf(evidence, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(evidence, at + 1, StringComparison.Ordinal) >= 0)
                throw new InvalidDataException($"questions.json: the evidence \"{evidence}\" must occur exactly once in the study guide.");
            result.Add(new GuideQuestion(q.GetProperty("kind").GetString()!, q.GetProperty("question").GetString()!, evidence, at));
        }
        return result;
    }

    /// <summary>The questions labelled against <paramref name="chunks"/>, for <see cref="RetrievalMetrics.Evaluate"/>.</summary>
    public static List<LabelledQuery> Labelled(IEnumerable<GuideQuestion> questions, IReadOnlyList<Chunk> chunks) =>
        questions.Select(q => new LabelledQuery(q.Question, q.RelevantIn(chunks))).ToList();

    /// <summary>
    /// Mean recall@k and MRR of <paramref name="retriever"/> (built over <paramref name="chunks"/>) on the questions. A question
    /// whose evidence no chunk holds half of (the chunks are smaller than the answer) counts as missed: no single chunk answers it.
    /// </summary>
    public static (double RecallAtK, double Mrr, int Unanswerable) Evaluate(IRetriever retriever, IEnumerable<GuideQuestion> questions, IReadOnlyList<Chunk> chunks, int k)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count != retriever.Count) throw new ArgumentException($"the retriever indexes {retriever.Count} chunks, not these {chunks.Count}.", nameof(chunks));
        if (k < 1 || k > retriever.Count) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the corpus size, {retriever.Count}.");
        var list = questions.ToList();
        if (list.Count == 0) throw new ArgumentException("there are no questions.", nameof(questions));
        double recall = 0, rr = 0;
        int unanswerable = 0;
        foreach (var q in list)
        {
            var relevant = q.HoldingHalf(chunks);
            if (relevant.Count == 0) { unanswerable++; continue; }
            var ranked = retriever.Search(q.Question, Math.Min(Math.Max(k, 10), retriever.Count));
            recall += RetrievalMetrics.RecallAtK(ranked, relevant, k);
            rr += RetrievalMetrics.ReciprocalRank(ranked, relevant);
        }
        return (recall / list.Count, rr / list.Count, unanswerable);
    }

    static string Read(string name)
    {
        string resource = $"Kit.Retrieval.{name}";
        using var stream = typeof(StudyGuide).Assembly.GetManifestResourceStream(resource)
            ?? throw new FileNotFoundException($"The resource {resource} (from data/rag-study-guide/{name}) is not embedded in Kit.dll.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
