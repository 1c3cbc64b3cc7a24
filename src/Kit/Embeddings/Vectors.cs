namespace Kit.Embeddings;

/// <summary>The vector arithmetic that embedding users share: cosine similarity and normalisation.</summary>
public static class Vectors
{
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException($"the vectors differ in length ({a.Count} and {b.Count}).", nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Count; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        if (na == 0 || nb == 0) throw new ArgumentException("cosine similarity is undefined for a zero vector.", na == 0 ? nameof(a) : nameof(b));
        return dot / Math.Sqrt(na * nb);
    }

    public static float[] Normalise(float[] v)
    {
        double norm = Math.Sqrt(v.Sum(x => (double)x * x));
        if (norm == 0) throw new ArgumentException("a zero vector has no direction.", nameof(v));
        return v.Select(x => (float)(x / norm)).ToArray();
    }
}
