namespace Kit.Data;

/// <summary>Seeded splits and subsets of a <see cref="ToyDataset"/>.</summary>
public static class DataSplit
{
    /// <summary>
    /// Splits into a training and a validation set. Stratified: each class is shuffled and split in the same proportion,
    /// so both parts keep the class balance. The same seed gives the same split.
    /// </summary>
    /// <param name="validationFraction">share of each class that goes to validation, strictly between 0 and 1</param>
    public static (ToyDataset Train, ToyDataset Validation) TrainValidation(ToyDataset data, double validationFraction = 0.2, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "validationFraction must be between 0 and 1 (exclusive).");
        var rng = new Random(seed);
        var train = new List<int>();
        var val = new List<int>();
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data.Labels[i]).OrderBy(g => g.Key))
        {
            var idx = group.ToArray();
            Shuffle(idx, rng);
            int nVal = (int)Math.Round(idx.Length * validationFraction);
            val.AddRange(idx.Take(nVal));
            train.AddRange(idx.Skip(nVal));
        }
        var t = train.ToArray();
        var v = val.ToArray();
        Shuffle(t, rng);
        Shuffle(v, rng);
        return (Subset(data, t, data.Name + " (train)"), Subset(data, v, data.Name + " (validation)"));
    }

    /// <summary>The first <paramref name="count"/> examples (after a seeded shuffle when <paramref name="seed"/> is given).</summary>
    public static ToyDataset Take(ToyDataset data, int count, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (count < 1 || count > data.Count) throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 1 and {data.Count}.");
        var idx = Enumerable.Range(0, data.Count).ToArray();
        if (seed is int s) Shuffle(idx, new Random(s));
        return Subset(data, idx[..count], data.Name);
    }

    /// <summary>The examples at <paramref name="indices"/>, in that order.</summary>
    public static ToyDataset Subset(ToyDataset data, int[] indices, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length == 0) throw new ArgumentException("indices must select at least one example.", nameof(indices));
        int f = data.FeatureCount;
        var features = new float[indices.Length * f];
        var labels = new long[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            if (i < 0 || i >= data.Count) throw new ArgumentOutOfRangeException(nameof(indices), i, $"every index must be between 0 and {data.Count - 1}.");
            Array.Copy(data.Features, i * f, features, k * f, f);
            labels[k] = data.Labels[i];
        }
        return new ToyDataset(name ?? data.Name, features, labels, f);
    }

    static void Shuffle(int[] a, Random rng)
    {
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
