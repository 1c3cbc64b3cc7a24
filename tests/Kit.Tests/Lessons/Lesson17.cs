#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Embeddings;
using Kit.GenAIEvaluation;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 17's metric cells, exactly as the notebook writes them (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson17
{
    static readonly Lesson17 Cells = new();

    public static double Bleu(string candidate, string[] references) => Cells.SentenceBleu(candidate, references);
    public static (double P, double R, double F1) RougeLOf(string candidate, string reference) => Cells.RougeL(candidate, reference);
    public static (double P, double R, double F1) BertScore(TokenEmbeddings candidate, TokenEmbeddings reference) => Cells.BertScoreOf(candidate, reference);

    // lesson-model: bleu
    // BLEU for one candidate against its references: clipped n-gram precisions p1..p4, their geometric mean, times a brevity penalty.
    double SentenceBleu(string candidate, string[] references, int maxN = 4)
    {
        var cand = Words.Of(candidate);
        var refs = references.Select(Words.Of).ToList();
        double logSum = 0;
        for (int n = 1; n <= maxN; n++)
        {
            var counts = Words.NGrams(cand, n);
            // Clip: an n-gram counts at most as often as it appears in any single reference.
            int matched = counts.Sum(g => refs.Max(r => Math.Min(g.Value, Words.NGrams(r, n).GetValueOrDefault(g.Key))));
            int total = Math.Max(counts.Values.Sum(), 1);
            if (matched == 0) return 0;   // one order without a match makes the geometric mean 0 (no smoothing)
            logSum += Math.Log((double)matched / total) / maxN;
        }
        int c = cand.Length;
        int r = refs.Select(x => x.Length).OrderBy(l => Math.Abs(l - c)).ThenBy(l => l).First();   // closest reference length
        double bp = c > r ? 1 : Math.Exp(1 - (double)r / c);
        return bp * Math.Exp(logSum);
    }
    // end lesson-model

    // lesson-model: rouge-l
    // ROUGE-L: the longest common subsequence (LCS) of candidate and reference words, as precision, recall and F1.
    (double P, double R, double F1) RougeL(string candidate, string reference)
    {
        var a = Words.Of(candidate);
        var b = Words.Of(reference);
        var lcs = new int[a.Length + 1, b.Length + 1];   // lcs[i, j]: LCS of the first i candidate and first j reference words
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                lcs[i, j] = a[i - 1] == b[j - 1] ? lcs[i - 1, j - 1] + 1 : Math.Max(lcs[i - 1, j], lcs[i, j - 1]);
        double p = (double)lcs[a.Length, b.Length] / a.Length, r = (double)lcs[a.Length, b.Length] / b.Length;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
    // end lesson-model

    // lesson-model: bertscore
    // BERTScore: match every token to its most similar token on the other side (cosine of contextual vectors).
    (double P, double R, double F1) BertScoreOf(TokenEmbeddings candidate, TokenEmbeddings reference)
    {
        double Sim(int i, int j) => Vectors.Cosine(candidate.Vectors[i], reference.Vectors[j]);
        double p = Enumerable.Range(0, candidate.Count).Average(i => Enumerable.Range(0, reference.Count).Max(j => Sim(i, j)));
        double r = Enumerable.Range(0, reference.Count).Average(j => Enumerable.Range(0, candidate.Count).Max(i => Sim(i, j)));
        return (p, r, 2 * p * r / (p + r));
    }
    // end lesson-model
}
