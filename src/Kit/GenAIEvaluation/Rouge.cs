using Kit.Embeddings;

namespace Kit.GenAIEvaluation;

/// <summary>Precision (share of the candidate that overlaps), recall (share of the reference covered) and their F1.</summary>
public readonly record struct Prf(double Precision, double Recall, double F1)
{
    public static Prf Of(double precision, double recall) =>
        new(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));

    public override string ToString() => $"P {Precision:F3}  R {Recall:F3}  F1 {F1:F3}";
}

/// <summary>
/// ROUGE (Lin, 2004) against one reference. ROUGE-N counts overlapping n-grams (clipped); ROUGE-L uses the longest
/// common subsequence, which rewards words in the same order without requiring them to be adjacent.
/// </summary>
public static class Rouge
{
    public static Prf N(string candidate, string reference, int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "ROUGE-N needs n ≥ 1.");
        var (cand, refs) = Tokens(candidate, reference);
        var c = Words.NGrams(cand, n);
        var r = Words.NGrams(refs, n);
        int overlap = c.Sum(kv => Math.Min(kv.Value, r.GetValueOrDefault(kv.Key)));
        int cTotal = c.Values.Sum(), rTotal = r.Values.Sum();
        return Prf.Of(cTotal == 0 ? 0 : (double)overlap / cTotal, rTotal == 0 ? 0 : (double)overlap / rTotal);
    }

    public static Prf L(string candidate, string reference)
    {
        var (cand, refs) = Tokens(candidate, reference);
        int lcs = LongestCommonSubsequence(cand, refs);
        return Prf.Of((double)lcs / cand.Length, (double)lcs / refs.Length);
    }

    public static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var row = new int[b.Count + 1];
        for (int i = 1; i <= a.Count; i++)
        {
            int diagonal = 0;
            for (int j = 1; j <= b.Count; j++)
            {
                int above = row[j];
                row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }
        return row[b.Count];
    }

    static (string[] Candidate, string[] Reference) Tokens(string candidate, string reference)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(reference);
        var c = Words.Of(candidate);
        var r = Words.Of(reference);
        if (r.Length == 0) throw new ArgumentException("the reference is empty: ROUGE measures how much of it the candidate covers.", nameof(reference));
        if (c.Length == 0) throw new ArgumentException("the candidate is empty: there is nothing to score.", nameof(candidate));
        return (c, r);
    }
}
