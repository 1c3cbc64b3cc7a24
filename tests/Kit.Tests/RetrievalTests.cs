using Kit.Retrieval;

namespace Kit.Tests;

/// <summary>BM25, recall@k and MRR against formulas worked by hand, and dense retrieval finding a paraphrase.</summary>
public class RetrievalTests
{
    [Fact]
    public void Bm25_scores_a_document_with_the_okapi_formula_worked_by_hand()
    {
        string[] docs = ["the cat sat", "the dog sat on the mat", "a bird"];
        var bm25 = new Bm25(docs, k1: 1.2, b: 0.75);
        // "cat": df 1 of N 3 → idf ln(1 + 2.5/1.5); doc 0 has tf 1, length 3, average length 11/3.
        double idf = Math.Log(1 + 2.5 / 1.5);
        double expected = idf * 1 * 2.2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 3 / (11.0 / 3)));
        Assert.Equal(expected, bm25.Scores("cat")[0], 12);
        Assert.Equal(0, bm25.Scores("cat")[1]);
        Assert.Equal([0, 1], bm25.Search("cat sat", 2));
    }

    [Fact]
    public void Recall_at_k_and_reciprocal_rank_count_the_relevant_documents_in_the_ranking()
    {
        int[] ranked = [4, 2, 7, 1];
        var relevant = new HashSet<int> { 7, 1 };
        Assert.Equal(0, RetrievalMetrics.RecallAtK(ranked, relevant, 2));
        Assert.Equal(0.5, RetrievalMetrics.RecallAtK(ranked, relevant, 3));
        Assert.Equal(1, RetrievalMetrics.RecallAtK(ranked, relevant, 4));
        Assert.Equal(1.0 / 3, RetrievalMetrics.ReciprocalRank(ranked, relevant), 12);
        Assert.Equal(0, RetrievalMetrics.ReciprocalRank(ranked, new HashSet<int> { 9 }));
    }

    [Fact]
    public void Dense_retrieval_finds_a_paraphrase_that_shares_no_words_with_the_query_and_bm25_finds_nothing()
    {
        string[] docs = ["Automobiles need fuel to move.", "The bakery sells fresh bread every morning.", "Stock markets fell sharply today."];
        var dense = new DenseIndex(MiniLmForTests.Model, docs);
        Assert.Equal(0, dense.Search("what do cars run on", 1)[0]);
        Assert.All(new Bm25(docs).Scores("what do cars run on"), s => Assert.Equal(0, s));
        var (recall, mrr) = RetrievalMetrics.Evaluate(dense, [new LabelledQuery("where can I buy a loaf", new HashSet<int> { 1 })], k: 1);
        Assert.Equal(1, recall);
        Assert.Equal(1, mrr);
    }
}
