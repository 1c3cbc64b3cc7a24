using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Data;

/// <summary>
/// Small, seeded, two-dimensional data sets for the lessons. Each generator is pure C#
/// (no torch call) so the same seed gives the same points on every machine and device.
/// </summary>
public static partial class ToyData
{
    /// <summary>
    /// Two interleaving half circles, the classic "not linearly separable" toy problem
    /// (the same shape as scikit-learn's make_moons). Class 0 is the upper moon centred at (0, 0),
    /// class 1 the lower moon centred at (1, 0.5). Points are shuffled.
    /// </summary>
    /// <param name="n">number of points, at least 2; the classes get n/2 each (the upper moon one fewer when n is odd)</param>
    /// <param name="noise">standard deviation of the Gaussian noise added to each coordinate, 0 or more</param>
    /// <param name="seed">the same seed always gives the same points</param>
    public static ToyDataset MakeMoons(int n = 500, double noise = 0.1, int seed = 0)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 2 (one point per moon).");
        if (double.IsNaN(noise) || double.IsInfinity(noise) || noise < 0)
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be a finite number ≥ 0 (a standard deviation).");

        int upper = n / 2, lower = n - upper;
        var xs = new float[n * 2];
        var labels = new long[n];
        var rng = new Random(seed);

        for (int i = 0; i < upper; i++)
        {
            double t = upper == 1 ? 0 : Math.PI * i / (upper - 1);
            xs[2 * i] = (float)(Math.Cos(t) + noise * Gaussian(rng));
            xs[2 * i + 1] = (float)(Math.Sin(t) + noise * Gaussian(rng));
            labels[i] = 0;
        }
        for (int i = 0; i < lower; i++)
        {
            double t = lower == 1 ? 0 : Math.PI * i / (lower - 1);
            int k = upper + i;
            xs[2 * k] = (float)(1 - Math.Cos(t) + noise * Gaussian(rng));
            xs[2 * k + 1] = (float)(0.5 - Math.Sin(t) + noise * Gaussian(rng));
            labels[k] = 1;
        }

        // Fisher–Yates shuffle of whole rows, so that a prefix is not all one class.
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (xs[2 * i], xs[2 * j]) = (xs[2 * j], xs[2 * i]);
            (xs[2 * i + 1], xs[2 * j + 1]) = (xs[2 * j + 1], xs[2 * i + 1]);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
        return new ToyDataset("two moons", xs, labels, 2);
    }

    /// <summary>A standard normal sample (Box–Muller), from <paramref name="rng"/> only.</summary>
    static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

/// <summary>
/// Points and their class labels, stored row by row (<see cref="Features"/> is n × <see cref="FeatureCount"/>).
/// </summary>
public sealed class ToyDataset
{
    public string Name { get; }
    public float[] Features { get; }
    public long[] Labels { get; }
    public int FeatureCount { get; }
    public int Count => Labels.Length;

    public ToyDataset(string name, float[] features, long[] labels, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (featureCount < 1) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "featureCount must be at least 1.");
        if (features.Length != labels.Length * featureCount)
            throw new ArgumentException($"features must hold labels.Length × featureCount = {labels.Length * featureCount} values, not {features.Length}.", nameof(features));
        Name = name;
        Features = features;
        Labels = labels;
        FeatureCount = featureCount;
    }

    /// <summary>One feature of every point, e.g. <c>Column(0)</c> for the x axis of a scatter plot.</summary>
    public double[] Column(int feature)
    {
        if (feature < 0 || feature >= FeatureCount)
            throw new ArgumentOutOfRangeException(nameof(feature), feature, $"feature must be between 0 and {FeatureCount - 1}.");
        var col = new double[Count];
        for (int i = 0; i < Count; i++) col[i] = Features[i * FeatureCount + feature];
        return col;
    }

    /// <summary>The labels as doubles, handy as marker colours.</summary>
    public double[] LabelsAsDouble() => Labels.Select(l => (double)l).ToArray();

    /// <summary>How many points carry each label, by label.</summary>
    public IReadOnlyDictionary<long, int> ClassCounts() =>
        Labels.GroupBy(l => l).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// X as a float32 tensor [n, features] and y as an int64 tensor [n], on <paramref name="device"/>
    /// (default: <see cref="KitTorch.Device"/>). The caller owns (and disposes) both.
    /// </summary>
    public (Tensor X, Tensor Y) ToTensors(Device? device = null)
    {
        device ??= KitTorch.Device;
        var x = tensor(Features, [Count, FeatureCount], ScalarType.Float32, device);
        var y = tensor(Labels, [Count], ScalarType.Int64, device);
        return (x, y);
    }

    public override string ToString() => $"{Name}: {Count} points, {FeatureCount} features, classes {string.Join(", ", ClassCounts().Select(kv => $"{kv.Key}: {kv.Value}"))}";
}
