using Kit.Runtime;

namespace Kit.CrossValidation;

/// <summary>
/// Stratified k-fold (scikit-learn 1.2's <c>StratifiedKFold</c>): every fold gets about the same share of each
/// class as the whole data set, which matters when one class is rare.
/// </summary>
/// <remarks>
/// The allocation follows scikit-learn 1.2 exactly. The labels are sorted by class (classes in order of first
/// appearance); the sorted list is dealt round-robin into the k folds, which fixes how many rows of each class
/// every fold receives; then each class's rows, in their original order, fill fold 0's share first, fold 1's
/// next, and so on. Per-class counts can therefore be uneven (20 rows with 12/8 classes and k = 5 give class 0
/// counts 3, 3, 2, 2, 2), but each fold's count of a class differs from any other fold's by at most one.
/// With shuffle, each class's fold assignment is shuffled (seeded); the counts stay the same.
/// </remarks>
public sealed class StratifiedKFold : ICrossValidator
{
    public int NSplits { get; }
    public bool Shuffle { get; }
    public int Seed { get; }

    public StratifiedKFold(int nSplits = 5, bool shuffle = false, int seed = 0)
    {
        Checks.NSplits(nSplits);
        NSplits = nSplits;
        Shuffle = shuffle;
        Seed = seed;
    }

    /// <param name="y">the class label of every row (required)</param>
    public IReadOnlyList<Fold> Split(int nSamples, IReadOnlyList<long>? y = null)
    {
        if (y is null) throw new ArgumentNullException(nameof(y), "y (one class label per row) is required: stratification keeps each class's share in every fold.");
        Checks.Samples(nSamples, y);
        Checks.NotMoreSplitsThanSamples(NSplits, nSamples);

        // Encode classes by order of first appearance, as scikit-learn does.
        var code = new Dictionary<long, int>();
        var encoded = new int[nSamples];
        for (int i = 0; i < nSamples; i++)
        {
            if (!code.TryGetValue(y[i], out var c)) code[y[i]] = c = code.Count;
            encoded[i] = c;
        }
        int classes = code.Count;
        var counts = new int[classes];
        foreach (var c in encoded) counts[c]++;
        if (counts.All(n => NSplits > n))
            throw new ArgumentOutOfRangeException("nSplits", NSplits, $"nSplits ({NSplits}) cannot be greater than the number of members in each class (largest class: {counts.Max()}).");
        if (counts.Min() < NSplits)
            KitWarnings.Warn("StratifiedKFold.Split", $"The least populated class in y has only {counts.Min()} members, which is less than nSplits={NSplits}: some test folds get none of it.");

        // allocation[f][c]: rows of class c that fold f tests on — deal the class-sorted labels round-robin.
        var sorted = encoded.OrderBy(c => c).ToArray();
        var allocation = new int[NSplits, classes];
        for (int i = 0; i < nSamples; i++) allocation[i % NSplits, sorted[i]]++;

        var testFold = new int[nSamples];
        var rng = Shuffle ? new Random(Seed) : null;
        for (int c = 0; c < classes; c++)
        {
            var foldsForClass = new List<int>(counts[c]);
            for (int f = 0; f < NSplits; f++)
                for (int r = 0; r < allocation[f, c]; r++) foldsForClass.Add(f);
            if (rng is not null)
                for (int i = foldsForClass.Count - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (foldsForClass[i], foldsForClass[j]) = (foldsForClass[j], foldsForClass[i]);
                }
            int next = 0;
            for (int i = 0; i < nSamples; i++)
                if (encoded[i] == c) testFold[i] = foldsForClass[next++];
        }

        return Enumerable.Range(0, NSplits).Select(f =>
        {
            var test = Enumerable.Range(0, nSamples).Where(i => testFold[i] == f).ToArray();
            return new Fold(f, Checks.Complement(nSamples, test), test);
        }).ToList();
    }

    public override string ToString() => $"StratifiedKFold(nSplits: {NSplits}, shuffle: {(Shuffle ? "true" : "false")}{(Shuffle ? $", seed: {Seed}" : "")})";
}
