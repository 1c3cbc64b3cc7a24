namespace Kit.CrossValidation;

/// <summary>
/// K-fold cross-validation (scikit-learn's <c>KFold</c>): the rows are cut into k consecutive blocks (the first
/// n mod k blocks one row larger); each block is the test set once, the other blocks train.
/// With <paramref name="shuffle"/> the rows are shuffled (seeded) before cutting.
/// </summary>
public sealed class KFold : ICrossValidator
{
    public int NSplits { get; }
    public bool Shuffle { get; }
    public int Seed { get; }

    /// <param name="nSplits">k, at least 2 (5 or 10 are usual)</param>
    /// <param name="shuffle">shuffle the rows before cutting them into blocks</param>
    /// <param name="seed">the shuffle's seed (ignored without shuffle)</param>
    public KFold(int nSplits = 5, bool shuffle = false, int seed = 0)
    {
        Checks.NSplits(nSplits);
        NSplits = nSplits;
        Shuffle = shuffle;
        Seed = seed;
    }

    public IReadOnlyList<Fold> Split(int nSamples, IReadOnlyList<long>? y = null)
    {
        Checks.Samples(nSamples, y);
        Checks.NotMoreSplitsThanSamples(NSplits, nSamples);
        var order = Shuffle ? Checks.Permutation(nSamples, Seed) : Enumerable.Range(0, nSamples).ToArray();
        var folds = new List<Fold>(NSplits);
        int start = 0;
        for (int k = 0; k < NSplits; k++)
        {
            int size = nSamples / NSplits + (k < nSamples % NSplits ? 1 : 0);
            var test = order[start..(start + size)];
            Array.Sort(test);
            folds.Add(new Fold(k, Checks.Complement(nSamples, test), test));
            start += size;
        }
        return folds;
    }

    public override string ToString() => $"KFold(nSplits: {NSplits}, shuffle: {(Shuffle ? "true" : "false")}{(Shuffle ? $", seed: {Seed}" : "")})";
}

/// <summary>Leave-one-out (scikit-learn's <c>LeaveOneOut</c>): n folds, each testing on a single row and training on the other n − 1.</summary>
public sealed class LeaveOneOut : ICrossValidator
{
    int _lastN;

    /// <summary>The number of rows of the last split (LOOCV makes one fold per row); 0 before any split.</summary>
    public int NSplits => _lastN;

    public IReadOnlyList<Fold> Split(int nSamples, IReadOnlyList<long>? y = null)
    {
        Checks.Samples(nSamples, y);
        if (nSamples < 2) throw new ArgumentOutOfRangeException(nameof(nSamples), nSamples, "nSamples must be at least 2 for leave-one-out: one row leaves nothing to train on.");
        _lastN = nSamples;
        return Enumerable.Range(0, nSamples).Select(i => new Fold(i, Checks.Complement(nSamples, [i]), [i])).ToList();
    }

    public override string ToString() => "LeaveOneOut()";
}
