namespace Kit.CrossValidation;

/// <summary>
/// Walk-forward validation (scikit-learn's <c>TimeSeriesSplit</c>): rows are in time order, every test block
/// comes after its training rows, and the training window grows fold by fold (or slides, with
/// <see cref="MaxTrainSize"/>). The model never sees the future it is scored on.
/// </summary>
/// <remarks>
/// As in scikit-learn: the k test blocks of <c>testSize</c> rows (default n / (k + 1)) end at the last row;
/// fold i trains on the rows before its test block minus <see cref="Gap"/> rows, keeping only the last
/// <see cref="MaxTrainSize"/> of them when set.
/// </remarks>
public sealed class TimeSeriesSplit : ICrossValidator
{
    public int NSplits { get; }
    public int? MaxTrainSize { get; }
    public int? TestSize { get; }
    /// <summary>Rows dropped between the end of training and the start of the test block (to stop lag features leaking).</summary>
    public int Gap { get; }

    /// <param name="nSplits">number of folds, at least 2</param>
    /// <param name="maxTrainSize">keep at most this many of the latest training rows (a sliding window); null for all</param>
    /// <param name="testSize">rows per test block; null for nSamples / (nSplits + 1)</param>
    /// <param name="gap">rows left out between training and test, 0 or more</param>
    public TimeSeriesSplit(int nSplits = 5, int? maxTrainSize = null, int? testSize = null, int gap = 0)
    {
        Checks.NSplits(nSplits);
        if (maxTrainSize is < 1) throw new ArgumentOutOfRangeException(nameof(maxTrainSize), maxTrainSize, "maxTrainSize must be at least 1 (or null for no limit).");
        if (testSize is < 1) throw new ArgumentOutOfRangeException(nameof(testSize), testSize, "testSize must be at least 1 (or null for nSamples / (nSplits + 1)).");
        if (gap < 0) throw new ArgumentOutOfRangeException(nameof(gap), gap, "gap must be 0 or more rows.");
        NSplits = nSplits;
        MaxTrainSize = maxTrainSize;
        TestSize = testSize;
        Gap = gap;
    }

    public IReadOnlyList<Fold> Split(int nSamples, IReadOnlyList<long>? y = null)
    {
        Checks.Samples(nSamples, y);
        int nFolds = NSplits + 1;
        if (nFolds > nSamples)
            throw new ArgumentOutOfRangeException("nSplits", NSplits, $"nSplits + 1 ({nFolds}) cannot be greater than the number of samples ({nSamples}).");
        int testSize = TestSize ?? nSamples / nFolds;
        if ((long)nSamples - Gap - (long)testSize * NSplits <= 0)
            throw new ArgumentOutOfRangeException("gap", Gap,
                $"gap ({Gap}) plus {NSplits} test blocks of {testSize} rows leave no training rows out of {nSamples}: lower gap, testSize or nSplits.");

        var folds = new List<Fold>(NSplits);
        for (int k = 0; k < NSplits; k++)
        {
            int testStart = nSamples - NSplits * testSize + k * testSize;
            int trainEnd = testStart - Gap;
            int trainStart = MaxTrainSize is int m && m < trainEnd ? trainEnd - m : 0;
            var train = Enumerable.Range(trainStart, trainEnd - trainStart).ToArray();
            var test = Enumerable.Range(testStart, testSize).ToArray();
            folds.Add(new Fold(k, train, test));
        }
        return folds;
    }

    public override string ToString() =>
        $"TimeSeriesSplit(nSplits: {NSplits}, maxTrainSize: {MaxTrainSize?.ToString() ?? "none"}, testSize: {TestSize?.ToString() ?? "auto"}, gap: {Gap})";
}
