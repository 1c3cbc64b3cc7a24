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
        var relevant = Enumerable.Range(0, chunks.Count).Where(i => 2 * chunks[i].Overlap(EvidenceStart, EvidenceEnd) >= Evidence.Length).ToHashSet();
        if (relevant.Count == 0) throw new ArgumentException($"no chunk holds half of the evidence of \"{Question}\" (are the chunks from the study guide?).", nameof(chunks));
        return relevant;
    }
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

    static string Read(string name)
    {
        string resource = $"Kit.Retrieval.{name}";
        using var stream = typeof(StudyGuide).Assembly.GetManifestResourceStream(resource)
            ?? throw new FileNotFoundException($"The resource {resource} (from data/rag-study-guide/{name}) is not embedded in Kit.dll.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
