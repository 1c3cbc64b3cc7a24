using Kit.Data;

namespace Kit.TransferVsIncremental;

/// <summary>
/// A family of classification tasks that share hidden features, the way image tasks share edges and shapes.
/// Every input is <see cref="Inputs"/> standard-normal numbers, but only <see cref="HiddenFeatures"/> directions of that
/// space matter: a task's label is whichever of its class directions the input's projection onto those hidden
/// features points along most. A network that has learned one task of the family has found the hidden directions;
/// a network starting from scratch must find them among all the inputs, from its few examples.
/// </summary>
public sealed class TaskFamily
{
    readonly double[][] _basis;   // HiddenFeatures orthonormal vectors of length Inputs

    /// <param name="inputs">numbers per example, at least 2 and more than <paramref name="hiddenFeatures"/></param>
    /// <param name="hiddenFeatures">directions that every task of the family depends on, at least 1</param>
    /// <param name="seed">picks the hidden directions</param>
    public TaskFamily(int inputs = 32, int hiddenFeatures = 3, int seed = 0)
    {
        if (inputs < 2) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs must be at least 2.");
        if (hiddenFeatures < 1 || hiddenFeatures >= inputs)
            throw new ArgumentOutOfRangeException(nameof(hiddenFeatures), hiddenFeatures, $"hiddenFeatures must be between 1 and inputs − 1 ({inputs - 1}).");
        Inputs = inputs;
        HiddenFeatures = hiddenFeatures;
        Seed = seed;
        _basis = Orthonormal(hiddenFeatures, inputs, new Random(seed));
    }

    public int Inputs { get; }
    public int HiddenFeatures { get; }
    public int Seed { get; }

    /// <summary>A task of this family with its own <paramref name="classes"/> class directions (picked by <paramref name="seed"/>).</summary>
    public RelatedTask Task(int classes, int seed)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        var rng = new Random(seed);
        var directions = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, HiddenFeatures).Select(_ => Gaussian(rng)).ToArray()).ToArray();
        return new RelatedTask(this, directions, seed);
    }

    /// <summary>The hidden features of one input: its projections onto the family's directions.</summary>
    internal double[] Project(ReadOnlySpan<float> x)
    {
        var z = new double[HiddenFeatures];
        for (int k = 0; k < HiddenFeatures; k++)
            for (int i = 0; i < Inputs; i++) z[k] += _basis[k][i] * x[i];
        return z;
    }

    internal static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    static double[][] Orthonormal(int count, int length, Random rng)
    {
        var vectors = new double[count][];
        for (int k = 0; k < count; k++)
        {
            var v = Enumerable.Range(0, length).Select(_ => Gaussian(rng)).ToArray();
            for (int j = 0; j < k; j++)   // Gram–Schmidt against the ones already chosen
            {
                double dot = v.Zip(vectors[j]).Sum(p => p.First * p.Second);
                for (int i = 0; i < length; i++) v[i] -= dot * vectors[j][i];
            }
            double norm = Math.Sqrt(v.Sum(a => a * a));
            vectors[k] = v.Select(a => a / norm).ToArray();
        }
        return vectors;
    }

    public override string ToString() => $"task family: {Inputs} inputs, {HiddenFeatures} hidden features (seed {Seed})";
}

/// <summary>One task of a <see cref="TaskFamily"/>: label = argmax over classes of (class direction · hidden features).</summary>
public sealed class RelatedTask
{
    readonly double[][] _directions;

    internal RelatedTask(TaskFamily family, double[][] directions, int seed)
    {
        Family = family;
        _directions = directions;
        Seed = seed;
    }

    public TaskFamily Family { get; }
    public int Classes => _directions.Length;
    public int Seed { get; }

    /// <summary><paramref name="count"/> labelled examples; the same <paramref name="seed"/> gives the same examples.</summary>
    public ToyDataset Sample(int count, int seed)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        int d = Family.Inputs;
        var rng = new Random(seed);
        var features = new float[count * d];
        var labels = new long[count];
        for (int n = 0; n < count; n++)
        {
            var x = features.AsSpan(n * d, d);
            for (int i = 0; i < d; i++) x[i] = (float)TaskFamily.Gaussian(rng);
            var z = Family.Project(x);
            labels[n] = Enumerable.Range(0, Classes).MaxBy(c => _directions[c].Zip(z).Sum(p => p.First * p.Second));
        }
        return new ToyDataset($"related task {Seed} ({Classes} classes)", features, labels, d);
    }
}
