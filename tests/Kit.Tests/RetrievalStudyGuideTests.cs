using Kit.Retrieval;
using Xunit.Abstractions;

namespace Kit.Tests;

/// <summary>The retrieval effects lesson 16 shows on the study guide and its 24 questions (deterministic: no seed is involved).</summary>
[Collection(TorchCollection.Name)]   // kept out of parallel runs with the torch claim tests while a torch failure seen beside them is open
public class RetrievalStudyGuideTests(ITestOutputHelper output)
{
    static readonly Lazy<(List<Chunk> Chunks, Bm25 Bm25, DenseIndex Dense)> Paragraphs = new(() =>
    {
        var chunks = Chunking.ByParagraph(StudyGuide.Text(), minWords: 30);
        var docs = chunks.Select(c => c.Text).ToList();
        return (chunks, new Bm25(docs), new DenseIndex(MiniLmForTests.Model, docs));
    });

    static (double Recall, double Mrr) Score(IRetriever r, string kind, int k = 3)
    {
        var (recall, mrr, _) = StudyGuide.Evaluate(r, StudyGuide.Questions().Where(q => q.Kind == kind), Paragraphs.Value.Chunks, k);
        return (recall, mrr);
    }

    [Fact]
    public void Dense_retrieval_beats_BM25_on_paraphrased_questions()
    {
        var (chunks, bm25, dense) = Paragraphs.Value;
        var (b, d) = (Score(bm25, "paraphrase"), Score(dense, "paraphrase"));
        output.WriteLine($"{chunks.Count} paragraph chunks, paraphrase: BM25 {b}, dense {d}");
        Assert.True(d.Recall > b.Recall + 0.15 && d.Mrr > b.Mrr + 0.1, $"BM25 {b}, dense {d}");
    }

    [Fact]
    public void BM25_beats_dense_retrieval_on_keyword_searches_for_exact_terms()
    {
        var (_, bm25, dense) = Paragraphs.Value;
        var (b, d) = (Score(bm25, "exact"), Score(dense, "exact"));
        output.WriteLine($"exact: BM25 {b}, dense {d}");
        Assert.True(b.Mrr > d.Mrr && b.Recall >= d.Recall, $"BM25 {b}, dense {d}");
    }

    [Fact]
    public void Within_a_fixed_context_budget_chunks_too_small_or_too_large_lower_dense_recall()
    {
        var text = StudyGuide.Text();
        var questions = StudyGuide.Questions();
        double Recall(int size)
        {
            var chunks = Chunking.FixedSize(text, size, overlap: size / 5);
            var dense = new DenseIndex(MiniLmForTests.Model, chunks.Select(c => c.Text).ToList());
            var result = StudyGuide.Evaluate(dense, questions, chunks, Math.Max(1, 120 / size));
            output.WriteLine($"{size} words: {result}");
            return result.RecallAtK;
        }
        double small = Recall(3), middle = Recall(40), large = Recall(400);
        Assert.True(middle > small + 0.1 && middle > large + 0.1, $"3 words {small:F2}, 40 words {middle:F2}, 400 words {large:F2}");
    }

    [Fact]
    public void An_evaluation_with_k_beyond_the_corpus_or_chunks_of_another_index_is_refused_by_name()
    {
        var (chunks, bm25, _) = Paragraphs.Value;
        var questions = StudyGuide.Questions();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StudyGuide.Evaluate(bm25, questions, chunks, chunks.Count + 1));
        Assert.Equal("k", e.ParamName);
        Assert.Equal("chunks", Assert.Throws<ArgumentException>(() => StudyGuide.Evaluate(bm25, questions, chunks.Take(3).ToList(), 1)).ParamName);
        Assert.Equal("questions", Assert.Throws<ArgumentException>(() => StudyGuide.Evaluate(bm25, [], chunks, 1)).ParamName);
    }
}
