using Kit.Embeddings;

namespace Kit.GenAIEvaluation;

/// <summary>What to do with an n-gram order that has no match (without smoothing, one such order makes BLEU 0).</summary>
public enum BleuSmoothing
{
    /// <summary>None: the geometric mean is 0 as soon as one precision is 0 (Papineni et al., 2002).</summary>
    None,
    /// <summary>Add ε = 0.1 to a zero match count (NLTK's method1).</summary>
    Epsilon,
    /// <summary>Add 1 to the matches and the total of every order above unigrams (Lin and Och, 2004; NLTK's method2).</summary>
    AddOne,
    /// <summary>The k-th order with no match gets precision 1 / (2^k · total) (NIST's geometric sequence; NLTK's method3).</summary>
    Exponential,
}

/// <summary>The parts of a BLEU score: the modified n-gram precisions, the brevity penalty and the lengths.</summary>
public sealed record BleuScore(double Score, double[] Precisions, double BrevityPenalty, int CandidateLength, int ReferenceLength)
{
    public override string ToString() =>
        $"BLEU {Score:F3} (p1..p{Precisions.Length} = {string.Join(", ", Precisions.Select(p => p.ToString("F3")))}; BP {BrevityPenalty:F3}, c = {CandidateLength}, r = {ReferenceLength})";
}

/// <summary>
/// BLEU (Papineni et al., 2002): the geometric mean of modified n-gram precisions (each candidate n-gram counted at
/// most as often as it appears in any one reference) times a brevity penalty exp(1 − r/c) when the candidate is
/// shorter than the closest reference length r. Corpus BLEU sums matches and lengths over all sentences first.
/// </summary>
public static class Bleu
{
    /// <summary>Matched and total n-grams of order <paramref name="n"/> for one candidate (clipped by the references).</summary>
    public static (int Matches, int Total) ModifiedPrecision(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int n)
    {
        var counts = Words.NGrams(candidate, n);
        var maxRef = new Dictionary<string, int>();
        foreach (var reference in references)
            foreach (var (gram, c) in Words.NGrams(reference, n))
                maxRef[gram] = Math.Max(maxRef.GetValueOrDefault(gram), c);
        int matches = counts.Sum(kv => Math.Min(kv.Value, maxRef.GetValueOrDefault(kv.Key)));
        return (matches, counts.Values.Sum());
    }

    /// <summary>The reference length closest to <paramref name="candidateLength"/>; on a tie, the shorter.</summary>
    public static int ClosestReferenceLength(int candidateLength, IEnumerable<IReadOnlyList<string>> references) =>
        references.Select(r => r.Count).OrderBy(l => Math.Abs(l - candidateLength)).ThenBy(l => l).First();

    public static double BrevityPenalty(int candidateLength, int referenceLength) =>
        candidateLength > referenceLength ? 1 : candidateLength == 0 ? 0 : Math.Exp(1 - (double)referenceLength / candidateLength);

    public static BleuScore Sentence(string candidate, IEnumerable<string> references, int maxOrder = 4, BleuSmoothing smoothing = BleuSmoothing.None) =>
        Corpus([candidate], [references], maxOrder, smoothing);

    public static BleuScore Corpus(IReadOnlyList<string> candidates, IReadOnlyList<IEnumerable<string>> references, int maxOrder = 4, BleuSmoothing smoothing = BleuSmoothing.None)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        if (candidates.Count == 0) throw new ArgumentException("there are no candidates to score.", nameof(candidates));
        if (references.Count != candidates.Count)
            throw new ArgumentException($"each candidate needs its references: {candidates.Count} candidates, {references.Count} reference sets.", nameof(references));
        if (maxOrder < 1) throw new ArgumentOutOfRangeException(nameof(maxOrder), maxOrder, "BLEU needs at least unigrams.");
        var matches = new double[maxOrder];
        var totals = new double[maxOrder];
        int c = 0, r = 0;
        for (int s = 0; s < candidates.Count; s++)
        {
            var cand = Words.Of(candidates[s] ?? throw new ArgumentException($"candidate {s} is null.", nameof(candidates)));
            var refs = (references[s] ?? throw new ArgumentException($"candidate {s} has no reference set.", nameof(references)))
                .Select(x => (IReadOnlyList<string>)Words.Of(x)).ToList();
            if (refs.Count == 0 || refs.All(x => x.Count == 0))
                throw new ArgumentException($"candidate {s} has no non-empty reference: BLEU compares against at least one.", nameof(references));
            for (int n = 1; n <= maxOrder; n++)
            {
                var (m, t) = ModifiedPrecision(cand, refs, n);
                matches[n - 1] += m;
                totals[n - 1] += Math.Max(t, 1);   // a sentence shorter than n counts 0 matches of 1 (as NLTK does)
            }
            c += cand.Length;
            r += ClosestReferenceLength(cand.Length, refs);
        }
        if (c == 0) throw new ArgumentException("every candidate is empty: BLEU is undefined without candidate words.", nameof(candidates));
        var precisions = Smooth(matches, totals, smoothing);
        double bp = BrevityPenalty(c, r);
        double score = precisions.Any(p => p == 0) ? 0 : bp * Math.Exp(precisions.Average(Math.Log));
        return new BleuScore(score, precisions, bp, c, r);
    }

    static double[] Smooth(double[] matches, double[] totals, BleuSmoothing smoothing)
    {
        var p = new double[matches.Length];
        int k = 1;
        for (int i = 0; i < p.Length; i++)
        {
            double m = matches[i], t = totals[i];
            if (matches[0] == 0) { p[i] = m / t; continue; }     // no word matches at all: no smoothing rescues it
            p[i] = smoothing switch
            {
                BleuSmoothing.Epsilon when m == 0 => 0.1 / t,
                BleuSmoothing.AddOne when i > 0 => (m + 1) / (t + 1),
                BleuSmoothing.Exponential when m == 0 => 1 / (Math.Pow(2, k++) * t),
                _ => m / t,
            };
        }
        return p;
    }
}
