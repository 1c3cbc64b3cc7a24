using Kit.Embeddings;
using Kit.GenAIEvaluation;
using Kit.Retrieval;

namespace Kit.Tests;

/// <summary>Bad input to the evaluation and retrieval code gets an error that names the argument and what was expected.</summary>
public class GenAIEvaluationInputTests
{
    [Fact]
    public void Bleu_refuses_no_candidates_empty_references_and_only_empty_candidates()
    {
        Assert.Equal("candidates", Assert.Throws<ArgumentException>(() => Bleu.Corpus([], [])).ParamName);
        var e = Assert.Throws<ArgumentException>(() => Bleu.Sentence("a cat", []));
        Assert.Equal("references", e.ParamName);
        Assert.Contains("no non-empty reference", e.Message);
        Assert.Equal("references", Assert.Throws<ArgumentException>(() => Bleu.Sentence("a cat", ["", "  "])).ParamName);
        Assert.Contains("every candidate is empty", Assert.Throws<ArgumentException>(() => Bleu.Sentence("...", ["a cat"])).Message);
        Assert.Equal("references", Assert.Throws<ArgumentException>(() => Bleu.Corpus(["a", "b"], [["a"]])).ParamName);
    }

    [Fact]
    public void Rouge_and_bertscore_refuse_an_empty_candidate_or_reference()
    {
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => Rouge.L("a cat", "")).ParamName);
        Assert.Equal("candidate", Assert.Throws<ArgumentException>(() => Rouge.N("", "a cat", 1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Rouge.N("a", "a", 0)).ParamName);
        var some = new TokenEmbeddings(["a"], [[1f, 0f]]);
        var none = new TokenEmbeddings([], []);
        Assert.Equal("candidate", Assert.Throws<ArgumentException>(() => BertScore.Compute(none, some)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => BertScore.Compute(some, none)).ParamName);
    }

    [Fact]
    public void Kappa_refuses_unequal_lengths_no_items_and_a_single_label()
    {
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Agreement.CohenKappa([1, 2], [1])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Agreement.CohenKappa([], [])).ParamName);
        Assert.Contains("undefined", Assert.Throws<ArgumentException>(() => Agreement.CohenKappa([1, 1], [1, 1])).Message);
        Assert.Contains("item 1", Assert.Throws<ArgumentException>(() => Agreement.FleissKappa([[1, 1], [2, 1]])).Message);
    }

    [Fact]
    public void Retrieval_refuses_an_empty_corpus_and_a_k_larger_than_the_corpus()
    {
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => new Bm25([])).ParamName);
        var bm25 = new Bm25(["a cat", "a dog"]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => bm25.Search("cat", 3));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("corpus size, 2", e.Message);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalMetrics.RecallAtK([0, 1], new HashSet<int> { 1 }, 3)).ParamName);
        Assert.Equal("relevant", Assert.Throws<ArgumentException>(() => RetrievalMetrics.ReciprocalRank([0], new HashSet<int>())).ParamName);
        Assert.Equal("rubric", Assert.Throws<ArgumentException>(() => new RubricJudge([])).ParamName);
    }
}
