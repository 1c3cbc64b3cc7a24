using Kit.Embeddings;

namespace Kit.GenAIEvaluation;

/// <summary>
/// The rubric of the lesson's judge, computed with MiniLM sentence vectors: "agrees with the reference" (weight 3,
/// cosine of answer and reference) and "addresses the question" (weight 1, cosine of answer and question). Vectors are
/// cached, so judging the same answer twice (both orders of a pair) costs one embedding.
/// </summary>
public static class EmbeddingRubric
{
    public static IReadOnlyList<Criterion> For(MiniLm model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var cache = new Dictionary<string, float[]>();
        float[] Vector(string text)
        {
            lock (cache)
            {
                if (!cache.TryGetValue(text, out var v)) cache[text] = v = model.Sentences([text])[0];
                return v;
            }
        }
        return
        [
            new Criterion("agrees with the reference", 3, x => Vectors.Cosine(Vector(x.Answer), Vector(x.Reference))),
            new Criterion("addresses the question", 1, x => Vectors.Cosine(Vector(x.Answer), Vector(x.Question))),
        ];
    }
}
