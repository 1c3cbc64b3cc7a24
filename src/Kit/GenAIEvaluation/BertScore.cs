using Kit.Embeddings;

namespace Kit.GenAIEvaluation;

/// <summary>
/// BERTScore (Zhang et al., 2020) without idf weights or baseline rescaling: every candidate token is matched to its
/// most similar reference token by cosine of contextual embeddings (precision = mean of those maxima), every reference
/// token to its most similar candidate token (recall), and F1 combines them.
/// </summary>
public static class BertScore
{
    public static Prf Compute(TokenEmbeddings candidate, TokenEmbeddings reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count == 0) throw new ArgumentException("the reference has no tokens: BERTScore needs something to match against.", nameof(reference));
        if (candidate.Count == 0) throw new ArgumentException("the candidate has no tokens: there is nothing to score.", nameof(candidate));
        var sim = new double[candidate.Count, reference.Count];
        for (int i = 0; i < candidate.Count; i++)
            for (int j = 0; j < reference.Count; j++)
                sim[i, j] = Vectors.Cosine(candidate.Vectors[i], reference.Vectors[j]);
        double precision = Enumerable.Range(0, candidate.Count).Average(i => Enumerable.Range(0, reference.Count).Max(j => sim[i, j]));
        double recall = Enumerable.Range(0, reference.Count).Average(j => Enumerable.Range(0, candidate.Count).Max(i => sim[i, j]));
        return Prf.Of(precision, recall);
    }

    public static Prf Compute(MiniLm model, string candidate, string reference)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Compute(model.Tokens(candidate ?? throw new ArgumentNullException(nameof(candidate))), model.Tokens(reference ?? throw new ArgumentNullException(nameof(reference))));
    }
}
