using Kit.Embeddings;
using Kit.GenAIEvaluation;

namespace Kit.Tests;

/// <summary>The metrics on the examples their papers work by hand, and agreement statistics on textbook tables.</summary>
public class GenAIEvaluationPaperTests
{
    static IReadOnlyList<string> W(string s) => Words.Of(s);

    // Papineni, Roukos, Ward and Zhu (2002), "BLEU: a method for automatic evaluation of machine translation", section 2.1.
    static readonly IReadOnlyList<IReadOnlyList<string>> PaperReferences =
    [
        W("It is a guide to action that ensures that the military will forever heed Party commands."),
        W("It is the guiding principle which guarantees the military forces always being under the command of the Party."),
        W("It is the practical guide for the army always to heed the directions of the party."),
    ];
    const string Candidate1 = "It is a guide to action which ensures that the military always obeys the commands of the party.";
    const string Candidate2 = "It is to insure the troops forever hearing the activity guidebook that party direct.";

    [Fact]
    public void Modified_unigram_and_bigram_precisions_are_the_papers_17_of_18_8_of_14_10_of_17_and_1_of_13()
    {
        Assert.Equal((17, 18), Bleu.ModifiedPrecision(W(Candidate1), PaperReferences, 1));
        Assert.Equal((8, 14), Bleu.ModifiedPrecision(W(Candidate2), PaperReferences, 1));
        Assert.Equal((10, 17), Bleu.ModifiedPrecision(W(Candidate1), PaperReferences, 2));
        Assert.Equal((1, 13), Bleu.ModifiedPrecision(W(Candidate2), PaperReferences, 2));
    }

    [Fact]
    public void Clipping_gives_the_papers_2_of_7_for_a_candidate_that_repeats_the()
    {
        IReadOnlyList<IReadOnlyList<string>> refs = [W("The cat is on the mat."), W("There is a cat on the mat.")];
        Assert.Equal((2, 7), Bleu.ModifiedPrecision(W("the the the the the the the"), refs, 1));
    }

    [Fact]
    public void The_brevity_penalty_is_exp_of_one_minus_r_over_c_below_the_closest_reference_length_and_one_above()
    {
        Assert.Equal(Math.Exp(1 - 16.0 / 12), Bleu.BrevityPenalty(12, 16), 12);
        Assert.Equal(1, Bleu.BrevityPenalty(18, 16));
        // The references have 16, 18 and 16 words: candidate 1 (18) has r = 18, candidate 2 (14) r = 16, and 17 ties, so the shorter.
        Assert.Equal(18, Bleu.ClosestReferenceLength(18, PaperReferences));
        Assert.Equal(16, Bleu.ClosestReferenceLength(14, PaperReferences));
        Assert.Equal(16, Bleu.ClosestReferenceLength(17, PaperReferences));
    }

    [Fact]
    public void Sentence_bleu_without_smoothing_is_the_geometric_mean_of_the_four_precisions_times_the_penalty()
    {
        var s = Bleu.Sentence(Candidate1, PaperReferences.Select(r => string.Join(' ', r)));
        double expected = Math.Exp((Math.Log(17.0 / 18) + Math.Log(10.0 / 17) + Math.Log(s.Precisions[2]) + Math.Log(s.Precisions[3])) / 4);
        Assert.Equal(expected * s.BrevityPenalty, s.Score, 12);
        Assert.Equal(1, s.BrevityPenalty);
    }

    // Lin (2004), "ROUGE: A package for automatic evaluation of summaries", section 3.1: S1 is the reference.
    const string S1 = "police killed the gunman", S2 = "police kill the gunman", S3 = "the gunman kill police";

    [Fact]
    public void Rouge_l_prefers_s2_to_s3_with_the_papers_three_quarters_and_one_half_while_rouge_2_cannot_tell_them_apart()
    {
        Assert.Equal(0.75, Rouge.L(S2, S1).F1, 12);
        Assert.Equal(0.5, Rouge.L(S3, S1).F1, 12);
        Assert.Equal(Rouge.N(S2, S1, 2).F1, Rouge.N(S3, S1, 2).F1, 12);
        Assert.Equal(1.0 / 3, Rouge.N(S2, S1, 2).Recall, 12);   // one of the reference's three bigrams: "the gunman"
    }

    [Fact]
    public void Rouge_1_clips_repeated_words_like_bleu()
    {
        var r = Rouge.N("the the the", "the cat sat", 1);
        Assert.Equal(1.0 / 3, r.Precision, 12);
        Assert.Equal(1.0 / 3, r.Recall, 12);
        Assert.Equal(3, Rouge.LongestCommonSubsequence(W("a b c d"), W("a x c d")));
    }

    [Fact]
    public void Cohens_kappa_on_a_two_by_two_table_worked_by_hand_is_0_4()
    {
        // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15. p_o = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.4.
        var a = Enumerable.Repeat(1, 25).Concat(Enumerable.Repeat(0, 25)).ToArray();
        var b = Enumerable.Repeat(1, 20).Concat(Enumerable.Repeat(0, 5)).Concat(Enumerable.Repeat(1, 10)).Concat(Enumerable.Repeat(0, 15)).ToArray();
        Assert.Equal(0.4, Agreement.CohenKappa(a, b), 12);
        Assert.Equal(0.7, Agreement.PercentAgreement(a, b), 12);
    }

    [Fact]
    public void Fleiss_kappa_on_the_classic_fourteen_rater_table_is_0_210()
    {
        // 10 subjects, 14 raters, 5 categories (the worked example in Fleiss's method's standard presentation).
        int[][] table =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        // By hand: P̄ = 0.378, p_j = 0.143, 0.200, 0.279, 0.150, 0.229 → P̄e = 0.213; κ = (0.378 − 0.213) / (1 − 0.213) = 0.210.
        Assert.Equal(0.210, Agreement.FleissKappa(table), 3);
    }

    [Fact]
    public void Fleiss_kappa_of_two_raters_is_close_to_cohens_and_spearman_handles_ties_with_mean_ranks()
    {
        int[] a = [0, 1, 2, 2, 1, 0, 2, 1], b = [0, 1, 2, 1, 1, 0, 2, 2];
        var counts = a.Zip(b, (x, y) => Enumerable.Range(0, 3).Select(k => (x == k ? 1 : 0) + (y == k ? 1 : 0)).ToArray()).ToArray();
        Assert.InRange(Agreement.FleissKappa(counts) - Agreement.CohenKappa(a, b), -0.05, 0.05);
        Assert.Equal([1.5, 1.5, 3, 4], Ranking.Ranks([1.0, 1.0, 2.0, 5.0]));
        Assert.Equal(1, Ranking.Spearman([1.0, 2.0, 3.0], [10.0, 20.0, 300.0]), 12);
    }
}
