using Kit.Embeddings;
using Kit.GenAIEvaluation;
using Kit.Retrieval;

namespace Kit.Tests;

/// <summary>The effects lesson 17 shows, run on the shipped labelled set (and over seeds where anything is drawn).</summary>
public class GenAIEvaluationClaimTests
{
    static readonly IReadOnlyList<LabelledItem> Items = LabelledAnswers.Load();
    static readonly Lazy<Dictionary<string, Dictionary<string, double>>> Scores = new(ComputeScores);

    static Dictionary<string, Dictionary<string, double>> ComputeScores()
    {
        var model = MiniLmForTests.Model;
        var all = new Dictionary<string, Dictionary<string, double>> { ["BLEU"] = [], ["ROUGE-L"] = [], ["BERTScore"] = [], ["cosine"] = [] };
        foreach (var item in Items)
        {
            var reference = model.Sentences([item.Reference])[0];
            foreach (var c in item.Candidates)
            {
                all["BLEU"][c.Id] = Bleu.Sentence(c.Text, [item.Reference], smoothing: BleuSmoothing.Epsilon).Score;
                all["ROUGE-L"][c.Id] = Rouge.L(c.Text, item.Reference).F1;
                all["BERTScore"][c.Id] = BertScore.Compute(model, c.Text, item.Reference).F1;
                all["cosine"][c.Id] = Vectors.Cosine(model.Sentences([c.Text])[0], reference);
            }
        }
        return all;
    }

    static int Questions(string metric, string better, string worse) =>
        Items.Count(i => Scores.Value[metric][i.Candidates.Single(c => c.Kind == better).Id] > Scores.Value[metric][i.Candidates.Single(c => c.Kind == worse).Id]);

    [Theory]
    [InlineData("BLEU")]
    [InlineData("ROUGE-L")]
    [InlineData("BERTScore")]
    [InlineData("cosine")]
    public void Every_metric_ranks_the_fluent_wrong_near_copy_above_the_right_paraphrase_in_nine_questions_of_ten(string metric)
    {
        // People graded every near-copy 1–2 and every paraphrase 4–5; the metrics reward shared words or shared topic.
        Assert.All(Items, i => Assert.True(i.Candidates.Single(c => c.Kind == "paraphrase").RaterA > i.Candidates.Single(c => c.Kind == "near-copy-wrong").RaterA));
        Assert.True(Questions(metric, "near-copy-wrong", "paraphrase") >= 9, $"{metric}: {Questions(metric, "near-copy-wrong", "paraphrase")} of 10");
    }

    [Theory]
    [InlineData("BLEU")]
    [InlineData("ROUGE-L")]
    [InlineData("BERTScore")]
    [InlineData("cosine")]
    public void Every_metric_agrees_with_people_that_a_paraphrase_beats_an_off_topic_answer_in_most_questions(string metric)
    {
        Assert.True(Questions(metric, "paraphrase", "off-topic") >= 8, $"{metric}: {Questions(metric, "paraphrase", "off-topic")} of 10");
    }

    [Fact]
    public void Over_all_candidates_no_metric_ranks_with_people_and_the_embedding_metrics_prefer_short_partial_answers_to_paraphrases()
    {
        foreach (var metric in Scores.Value.Keys)
            Assert.True(MetricAgreement.Spearman(Items, Scores.Value[metric]) < 0.05, $"{metric}: Spearman {MetricAgreement.Spearman(Items, Scores.Value[metric]):F2}");
        Assert.True(Questions("BERTScore", "partial", "paraphrase") >= 6, $"BERTScore: {Questions("BERTScore", "partial", "paraphrase")} of 10");
        Assert.True(Questions("cosine", "partial", "paraphrase") >= 6, $"cosine: {Questions("cosine", "partial", "paraphrase")} of 10");
    }

    [Fact]
    public void Unsmoothed_bleu_gives_zero_to_every_correct_paraphrase_and_embedding_metrics_do_not()
    {
        var paraphrases = Items.Select(i => i.Candidates.Single(c => c.Kind == "paraphrase")).ToList();
        Assert.All(paraphrases, c => Assert.Equal(0, Bleu.Sentence(c.Text, [Items.Single(i => i.Candidates.Contains(c)).Reference]).Score));
        Assert.All(paraphrases, c => Assert.InRange(Scores.Value["BERTScore"][c.Id], 0.25, 1));
    }

    [Fact]
    public void The_embedding_metrics_separate_a_partial_answer_from_an_off_topic_one_more_often_than_the_n_gram_metrics()
    {
        int ngram = Math.Max(Questions("BLEU", "partial", "off-topic"), Questions("ROUGE-L", "partial", "off-topic"));
        int dense = Math.Min(Questions("BERTScore", "partial", "off-topic"), Questions("cosine", "partial", "off-topic"));
        Assert.True(dense > ngram, $"embedding metrics {dense} of 10, n-gram metrics {ngram} of 10");
    }

    static RubricJudge Judge(double bonus) => new(EmbeddingRubric.For(MiniLmForTests.Model), bonus);

    [Fact]
    public void A_judge_that_favours_the_first_slot_changes_its_verdict_when_the_answers_swap_and_an_unbiased_one_never_does()
    {
        Seeds.Every(seed =>
        {
            var pairs = PositionBias.Pairs(Items, seed).Take(40).ToList();   // a random sample of 40 of the 60 pairs, each in a random order
            var biased = PositionBias.Check(Judge(0.1), pairs);
            var fair = PositionBias.Check(Judge(0), pairs);
            Assert.True(biased.FlipRate >= 0.1, $"biased judge flipped {biased.FlipRate:P0}");
            Assert.True(biased.FirstSlotWinRate >= 0.55, $"biased judge's first slot won {biased.FirstSlotWinRate:P0}");
            Assert.Equal(0, fair.Flipped);
            Assert.Equal(0.5, fair.FirstSlotWinRate, 12);
        });
    }

    [Fact]
    public void The_judges_agreement_with_people_is_computed_by_kappa_and_falls_short_of_the_two_raters_agreement()
    {
        var judge = Judge(0);
        var candidates = Items.SelectMany(i => i.Candidates.Select(c => (Item: i, Candidate: c))).ToList();
        var judged = candidates.Select(x => LabelledAnswers.Category(judge.Grade(new JudgeInput(x.Item.Question, x.Item.Reference, x.Candidate.Text)))).ToList();
        var a = candidates.Select(x => LabelledAnswers.Category(x.Candidate.RaterA)).ToList();
        var b = candidates.Select(x => LabelledAnswers.Category(x.Candidate.RaterB)).ToList();
        double humans = Agreement.CohenKappa(a, b), judgeVsA = Agreement.CohenKappa(judged, a);
        Assert.True(humans > 0.6, $"raters' kappa {humans:F2}");
        Assert.True(judgeVsA < humans - 0.2, $"judge {judgeVsA:F2}, raters {humans:F2}");
    }

    [Fact]
    public void Labelling_more_items_narrows_the_spread_of_the_estimated_kappa_around_the_true_one()
    {
        Seeds.Every(seed =>
        {
            var few = HumanEvaluation.Spread(20, copy: 0.6, categories: 3, trials: 200, seed);
            var many = HumanEvaluation.Spread(400, copy: 0.6, categories: 3, trials: 200, seed);
            Assert.True(many.Width < few.Width / 3, $"20 items: {few}; 400 items: {many}");
            Assert.InRange(many.Median, 0.55, 0.65);
            Assert.Equal(0.6, HumanEvaluation.TrueKappa(0.6, 3), 12);
        });
    }

    [Fact]
    public void A_stale_index_loses_retrieval_accuracy_as_the_documents_drift_while_replacing_old_versions_keeps_it()
    {
        Seeds.Every(seed =>
        {
            var weeks = DocumentDrift.Simulate(weeks: 12, changeRate: 0.05, seed);
            var last = weeks[^1];
            Assert.Equal(1, weeks[0].Stale);
            Assert.True(last.Stale < 0.8 && last.KeepOld < 0.8, last.ToString());
            Assert.True(last.KeepOldTop3 >= 0.95 && last.Replace >= 0.95, last.ToString());
            Assert.True(weeks.Zip(weeks.Skip(1)).All(p => p.Second.Stale <= p.First.Stale), "a stale index never recovers");
        });
    }
}
