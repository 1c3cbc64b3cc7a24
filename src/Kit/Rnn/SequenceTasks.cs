using Kit.Runtime;
using static TorchSharp.torch;

namespace Kit.Rnn;

/// <summary>A sequence data set: inputs [n, steps, features] and targets, on <see cref="KitTorch.Device"/>.</summary>
public sealed record SequenceSet(Tensor X, Tensor Y, string Description)
{
    public long Count => X.shape[0];
    public long Steps => X.shape[1];
    public override string ToString() => $"{Description}: X [{string.Join(", ", X.shape)}], Y [{string.Join(", ", Y.shape)}]";
}

/// <summary>Small synthetic sequence tasks, each built to need one kind of memory.</summary>
public static class SequenceTasks
{
    /// <summary>
    /// Long-range memory: the first token is one of <paramref name="classes"/> signal tokens and is the label;
    /// it is followed by <paramref name="gap"/> random distractor tokens (from a separate set of
    /// <paramref name="distractors"/>). To answer after the last step, the network must carry the first token
    /// through the whole gap. Tokens are one-hot, so X is [n, gap + 1, classes + distractors]; Y is int64 [n].
    /// <paramref name="noise"/> adds Gaussian noise of that standard deviation to every input value: the network
    /// can then no longer simply ignore the distractors, and memory has to be actively protected.
    /// </summary>
    public static SequenceSet Memory(int n, int gap, int classes = 4, int distractors = 4, int seed = 0, double noise = 0)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n (sequences) must be at least 1.");
        if (gap < 0 || gap > 1000) throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must be between 0 and 1000 steps.");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        if (distractors < 1) throw new ArgumentOutOfRangeException(nameof(distractors), distractors, "distractors must be at least 1.");
        if (!(noise >= 0 && noise <= 10)) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be between 0 and 10.");
        var rng = new Random(seed);
        int steps = gap + 1, vocab = classes + distractors;
        var x = new float[n * steps * vocab];
        var y = new long[n];
        for (int i = 0; i < n; i++)
        {
            int label = rng.Next(classes);
            y[i] = label;
            x[(i * steps) * vocab + label] = 1;
            for (int t = 1; t < steps; t++) x[(i * steps + t) * vocab + classes + rng.Next(distractors)] = 1;
            if (noise > 0)
                for (int k = 0; k < steps * vocab; k++)
                    x[i * steps * vocab + k] += (float)(noise * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }
        return Make(x, [n, steps, vocab], tensor(y), $"memory task, gap {gap}{(noise > 0 ? $", noise {noise}" : "")}");
    }

    /// <summary>
    /// Tagging that needs the future: the label of step t is the token at step t + 1 (the last step has no
    /// next token; its label is −100 and is not scored). A network that reads only forwards cannot know it
    /// and guesses (about 1/<paramref name="vocab"/>); a bidirectional one can. X is one-hot [n, steps, vocab], Y int64 [n, steps].
    /// </summary>
    public static SequenceSet NextToken(int n, int steps, int vocab = 4, int seed = 0)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n (sequences) must be at least 1.");
        if (steps < 2 || steps > 1000) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be between 2 and 1000.");
        if (vocab < 2) throw new ArgumentOutOfRangeException(nameof(vocab), vocab, "vocab must be at least 2.");
        var rng = new Random(seed);
        var x = new float[n * steps * vocab];
        var y = new long[n * steps];
        for (int i = 0; i < n; i++)
        {
            var tokens = Enumerable.Range(0, steps).Select(_ => rng.Next(vocab)).ToArray();
            for (int t = 0; t < steps; t++)
            {
                x[(i * steps + t) * vocab + tokens[t]] = 1;
                y[i * steps + t] = t + 1 < steps ? tokens[t + 1] : -100;
            }
        }
        return Make(x, [n, steps, vocab], tensor(y, [n, steps]), "next-token tagging");
    }

    /// <summary>A noisy sine wave: sin(2π·t / period) + Gaussian noise with standard deviation <paramref name="noise"/>, t = 0 … length − 1.</summary>
    public static double[] NoisySine(int length, double period = 25, double noise = 0.1, int seed = 0)
    {
        if (length < 2) throw new ArgumentOutOfRangeException(nameof(length), length, "length must be at least 2.");
        if (!(period > 1)) throw new ArgumentOutOfRangeException(nameof(period), period, "period must be greater than 1 step.");
        if (!(noise >= 0)) throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be 0 or more.");
        var rng = new Random(seed);
        return Enumerable.Range(0, length).Select(t =>
        {
            double gauss = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            return Math.Sin(2 * Math.PI * t / period) + noise * gauss;
        }).ToArray();
    }

    /// <summary>
    /// Sliding windows for next-step forecasting: X[i] = series[i … i + window − 1] as [window, 1], Y[i] = series[i + window].
    /// </summary>
    public static SequenceSet Windows(IReadOnlyList<double> series, int window)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "window must be at least 1.");
        if (series.Count <= window) throw new ArgumentException($"series must be longer than the window ({window}), not {series.Count} values.", nameof(series));
        int n = series.Count - window;
        var x = new float[n * window];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < window; t++) x[i * window + t] = (float)series[i + t];
            y[i] = (float)series[i + window];
        }
        return Make(x, [n, window, 1], tensor(y, [n, 1]), $"next-step windows of {window}");
    }

    static SequenceSet Make(float[] x, long[] shape, Tensor y, string description)
    {
        var device = KitTorch.Device;
        return new SequenceSet(tensor(x, shape).to(device), y.to(device), description);
    }
}
