using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Data;

/// <summary>
/// A sequence task: inputs X [n, T, features] (float32) and targets Y, on <see cref="KitTorch.Device"/>.
/// Deconstructs as <c>var (X, y) = Sequences.Parity(…)</c>. The caller owns both tensors.
/// </summary>
public sealed record SequenceData(string Name, Tensor X, Tensor Y, string Description)
{
    public long Count => X.shape[0];
    public long Length => X.shape[1];
    public long Features => X.shape[2];
    public void Deconstruct(out Tensor x, out Tensor y) { x = X; y = Y; }
    public override string ToString() => $"{Name}: X [{string.Join(", ", X.shape)}], y [{string.Join(", ", Y.shape)}] {Y.dtype} — {Description}";
}

/// <summary>
/// Seeded toy tasks for recurrent networks, each probing one ability: memory over a gap, counting over the whole
/// sequence, picking out marked values, and using context from both sides. The values come from
/// <see cref="System.Random"/> (pure C#), so a seed gives the same data on every machine and device.
/// </summary>
public static class Sequences
{
    /// <summary>
    /// "Remember the first token": a random token out of <paramref name="vocab"/>, then <paramref name="gap"/> random
    /// distractor tokens; the label is the first token. X [n, gap+1, vocab] one-hot, y int64 [n].
    /// A plain RNN forgets it as the gap grows (vanishing gradients); LSTM/GRU keep it much longer. Chance = 1/vocab.
    /// </summary>
    public static SequenceData RememberFirst(int n, int gap, int vocab = 4, int seed = 0)
    {
        CheckCount(n);
        if (gap < 0 || gap > 10_000) throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must be between 0 and 10000 steps.");
        if (vocab < 2 || vocab > 1000) throw new ArgumentOutOfRangeException(nameof(vocab), vocab, "vocab must be between 2 and 1000 tokens.");
        int t = gap + 1;
        var rng = new Random(seed);
        var x = new float[n * t * vocab];
        var y = new long[n];
        for (int i = 0; i < n; i++)
            for (int s = 0; s < t; s++)
            {
                int token = rng.Next(vocab);
                x[(i * t + s) * vocab + token] = 1f;
                if (s == 0) y[i] = token;
            }
        return new SequenceData($"remember the first token (gap {gap})", Tensor(x, n, t, vocab), Labels(y, n),
            $"label = the first of {t} one-hot tokens ({vocab} kinds); chance accuracy {1.0 / vocab:P0}");
    }

    /// <summary>
    /// Parity: <paramref name="length"/> random bits, label 1 if the number of ones is odd. X [n, length, 1], y int64 [n].
    /// Every bit matters until the end, so no shortcut exists; chance = 50%.
    /// </summary>
    public static SequenceData Parity(int n, int length, int seed = 0)
    {
        CheckCount(n);
        CheckLength(length, 1);
        var rng = new Random(seed);
        var x = new float[n * length];
        var y = new long[n];
        for (int i = 0; i < n; i++)
        {
            int ones = 0;
            for (int s = 0; s < length; s++)
            {
                int bit = rng.Next(2);
                x[i * length + s] = bit;
                ones += bit;
            }
            y[i] = ones % 2;
        }
        return new SequenceData($"parity of {length} bits", Tensor(x, n, length, 1), Labels(y, n), "label = 1 if the count of ones is odd; chance accuracy 50%");
    }

    /// <summary>
    /// The adding problem: feature 0 is a random value in [0, 1), feature 1 marks exactly two steps (one in each half);
    /// the target is the sum of the two marked values. X [n, length, 2], y float32 [n, 1] (regression; always
    /// predicting 1 gives a mean squared error of about 0.167).
    /// </summary>
    public static SequenceData AddingProblem(int n, int length, int seed = 0)
    {
        CheckCount(n);
        CheckLength(length, 2);
        var rng = new Random(seed);
        var x = new float[n * length * 2];
        var y = new float[n];
        int half = length / 2;
        for (int i = 0; i < n; i++)
        {
            for (int s = 0; s < length; s++) x[(i * length + s) * 2] = (float)rng.NextDouble();
            int a = rng.Next(half), b = half + rng.Next(length - half);
            x[(i * length + a) * 2 + 1] = 1f;
            x[(i * length + b) * 2 + 1] = 1f;
            y[i] = x[(i * length + a) * 2] + x[(i * length + b) * 2];
        }
        return new SequenceData($"adding problem, length {length}", Tensor(x, n, length, 2),
            tensor(y, [n, 1], ScalarType.Float32, KitTorch.Device), "target = sum of the two marked values");
    }

    /// <summary>
    /// Windowed sum with future context: random bits; the target at each step is the sum of the bits from
    /// <paramref name="past"/> steps before to <paramref name="future"/> steps after it (clipped at the ends).
    /// X [n, length, 1], y float32 [n, length, 1]. With <paramref name="future"/> &gt; 0 a left-to-right RNN cannot know
    /// the answer when it must give it; a bidirectional RNN can.
    /// </summary>
    public static SequenceData ContextSum(int n, int length, int past = 1, int future = 1, int seed = 0)
    {
        CheckCount(n);
        CheckLength(length, 1);
        if (past < 0 || past >= length) throw new ArgumentOutOfRangeException(nameof(past), past, $"past must be between 0 and length − 1 ({length - 1}).");
        if (future < 0 || future >= length) throw new ArgumentOutOfRangeException(nameof(future), future, $"future must be between 0 and length − 1 ({length - 1}).");
        var rng = new Random(seed);
        var x = new float[n * length];
        var y = new float[n * length];
        for (int i = 0; i < n; i++)
        {
            for (int s = 0; s < length; s++) x[i * length + s] = rng.Next(2);
            for (int s = 0; s < length; s++)
            {
                float sum = 0;
                for (int k = Math.Max(0, s - past); k <= Math.Min(length - 1, s + future); k++) sum += x[i * length + k];
                y[i * length + s] = sum;
            }
        }
        return new SequenceData($"sum over [t−{past}, t+{future}]", Tensor(x, n, length, 1),
            tensor(y, [n, length, 1], ScalarType.Float32, KitTorch.Device), $"target at each step = sum of the bits from {past} before to {future} after it");
    }

    static Tensor Tensor(float[] x, int n, int t, int f) => tensor(x, [n, t, f], ScalarType.Float32, KitTorch.Device);
    static Tensor Labels(long[] y, int n) => tensor(y, [n], ScalarType.Int64, KitTorch.Device);

    static void CheckCount(int n)
    {
        if (n < 1 || n > 1_000_000) throw new ArgumentOutOfRangeException(nameof(n), n, "n (sequences) must be between 1 and 1000000.");
    }

    static void CheckLength(int length, int min)
    {
        if (length < min || length > 10_000) throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be between {min} and 10000 steps.");
    }
}
