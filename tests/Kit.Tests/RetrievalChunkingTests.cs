using Kit.Retrieval;

namespace Kit.Tests;

/// <summary>Chunking, reranking and fusion on cases worked by hand, and their input checks.</summary>
public class RetrievalChunkingTests
{
    sealed class Fixed(int[] order) : IRetriever
    {
        public int Count => order.Length;
        public IReadOnlyList<int> Search(string query, int k) => order.Take(k).ToList();
    }

    [Fact]
    public void Fixed_size_windows_step_by_size_minus_overlap_and_keep_their_place_in_the_text()
    {
        var chunks = Chunking.FixedSize("a b c d e f g", size: 3, overlap: 1);
        Assert.Equal(["a b c", "c d e", "e f g"], chunks.Select(c => c.Text));
        Assert.Equal([0, 4, 8], chunks.Select(c => c.Start));
        Assert.Equal(["a b c", "d"], Chunking.FixedSize("a b  c\nd", 3).Select(c => c.Text.Replace("  ", " ").Replace('\n', ' ')));
    }

    [Fact]
    public void Paragraph_chunks_merge_a_short_heading_into_the_paragraph_it_heads()
    {
        const string text = "Title\n\nfirst paragraph of five words\n\n\nsecond one here\n";
        var chunks = Chunking.ByParagraph(text, minWords: 3);
        Assert.Equal(["Title\n\nfirst paragraph of five words", "second one here"], chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.Equal(c.Text, text[c.Start..c.End]));
    }

    [Fact]
    public void A_chunk_is_relevant_when_it_holds_at_least_half_of_the_evidence()
    {
        var q = new GuideQuestion("exact", "q", "0123456789", EvidenceStart: 10);   // evidence at [10, 20)
        var chunks = new List<Chunk> { new("x", 0, 15), new("y", 14, 30), new("z", 30, 40) };
        Assert.Equal([0, 1], q.RelevantIn(chunks).Order());   // 5 and 6 of 10 characters
        Assert.Throws<ArgumentException>(() => q.RelevantIn([new Chunk("z", 30, 40)]));
    }

    [Fact]
    public void Reranking_reorders_only_the_first_stage_candidates()
    {
        var first = new Fixed([3, 2, 1, 0]);
        var reranked = new Reranked(first, _ => [9, 0, 5, 1], candidates: 2);   // doc 0 scores best but is not a candidate
        Assert.Equal([2, 3], reranked.Search("q", 2));
        Assert.Equal([2, 3, 1], reranked.Search("q", 3));   // k above the candidates: the first stage returns k
        Assert.Equal("candidates", Assert.Throws<ArgumentOutOfRangeException>(() => new Reranked(first, _ => [], 5)).ParamName);
    }

    [Fact]
    public void Reciprocal_rank_fusion_sums_one_over_c_plus_rank()
    {
        // c = 0: doc 0 scores 1/1 + 1/3, doc 1 1/2 + 1/2, doc 2 1/3 + 1/1: docs 0 and 2 tie above doc 1, the tie to the earlier document.
        var fused = new Fused([new Fixed([0, 1, 2]), new Fixed([2, 1, 0])], c: 0);
        Assert.Equal([0, 2, 1], fused.Search("q", 3));
        Assert.Equal([1, 0, 2], new Fused([new Fixed([1, 0, 2]), new Fixed([1, 2, 0])], c: 0).Search("q", 3));
    }

    [Fact]
    public void Empty_documents_a_bad_overlap_and_a_k_beyond_the_corpus_are_named()
    {
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => Chunking.FixedSize(" \n ", 10)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentException>(() => Chunking.ByParagraph("")).ParamName);
        Assert.Equal("overlap", Assert.Throws<ArgumentOutOfRangeException>(() => Chunking.FixedSize("a b", 2, 2)).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Chunking.FixedSize("a b", 0)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Fused([new Fixed([0, 1])]).Search("q", 3));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("corpus size, 2", e.Message);
        Assert.Equal("documents", Assert.Throws<ArgumentException>(() => new Bm25([])).ParamName);
    }

    [Fact]
    public void The_shipped_questions_are_half_paraphrase_half_exact_and_each_is_answered_by_a_paragraph_chunk()
    {
        var questions = StudyGuide.Questions();
        Assert.Equal(24, questions.Count);
        Assert.Equal(12, questions.Count(q => q.Kind == "paraphrase"));
        Assert.Equal(12, questions.Count(q => q.Kind == "exact"));
        var paragraphs = Chunking.ByParagraph(StudyGuide.Text());
        Assert.All(questions, q => Assert.NotEmpty(q.RelevantIn(paragraphs)));
        Assert.Equal(File.ReadAllText(Path.Combine(Lessons.Repo.Root, "data", "rag-study-guide", "study-guide.txt")), StudyGuide.Text());
    }
}
