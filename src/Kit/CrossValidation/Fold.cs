namespace Kit.CrossValidation;

/// <summary>
/// One train/test split (<see cref="Index"/> counts from 0, printed and drawn from 1): row indices into the data set, each array ascending. Rows in neither array are
/// left out of this fold (the gap of a <see cref="TimeSeriesSplit"/>, or the rows before a capped training window).
/// </summary>
public sealed record Fold(int Index, int[] Train, int[] Test)
{
    public override string ToString() => $"fold {Index + 1}: train {Describe(Train)}, test {Describe(Test)}";

    static string Describe(int[] rows) => rows.Length switch
    {
        0 => "none",
        _ when rows[^1] - rows[0] == rows.Length - 1 => $"{rows.Length} rows ({rows[0]}–{rows[^1]})",
        _ => $"{rows.Length} rows",
    };
}

/// <summary>What every splitter does: turn a number of rows (and, for stratification, their labels) into folds.</summary>
public interface ICrossValidator
{
    /// <summary>How many folds <see cref="Split"/> yields.</summary>
    int NSplits { get; }

    /// <summary>
    /// The folds for <paramref name="nSamples"/> rows. <paramref name="y"/> (one label per row) is needed by
    /// <see cref="StratifiedKFold"/> and ignored by the others (but checked for length when given).
    /// </summary>
    IReadOnlyList<Fold> Split(int nSamples, IReadOnlyList<long>? y = null);
}

static class Checks
{
    public static void NSplits(int nSplits)
    {
        if (nSplits < 2)
            throw new ArgumentOutOfRangeException(nameof(nSplits), nSplits, "nSplits must be at least 2: one fold would leave nothing to test on (or nothing to train on).");
    }

    public static void Samples(int nSamples, IReadOnlyList<long>? y)
    {
        if (nSamples < 1) throw new ArgumentOutOfRangeException(nameof(nSamples), nSamples, "nSamples must be at least 1: there is no data to split.");
        if (y is not null && y.Count != nSamples)
            throw new ArgumentException($"y must have one label per sample ({nSamples}), not {y.Count}.", nameof(y));
    }

    public static void NotMoreSplitsThanSamples(int nSplits, int nSamples)
    {
        if (nSplits > nSamples)
            throw new ArgumentOutOfRangeException(nameof(nSplits), nSplits, $"nSplits ({nSplits}) cannot be greater than the number of samples ({nSamples}).");
    }

    /// <summary>The rows not in <paramref name="test"/>, ascending.</summary>
    public static int[] Complement(int nSamples, int[] test)
    {
        var inTest = new bool[nSamples];
        foreach (var i in test) inTest[i] = true;
        return Enumerable.Range(0, nSamples).Where(i => !inTest[i]).ToArray();
    }

    /// <summary>A seeded Fisher–Yates shuffle of 0..n−1 (the Kit's own; numpy's stream cannot be reproduced here).</summary>
    public static int[] Permutation(int n, int seed)
    {
        var rng = new Random(seed);
        var order = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
