using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// Mini-batches over a pair of tensors (PyTorch's <c>DataLoader(TensorDataset(x, y), batch_size, shuffle)</c>):
/// rows of <c>x</c> and <c>y</c> are taken together, in a fresh order every epoch when shuffling.
/// The order comes from <see cref="System.Random"/> seeded with (seed, epoch), so it is the same on every
/// machine and device and does not touch torch's random generator.
/// </summary>
public sealed class DataLoader
{
    readonly Tensor _x, _y;

    /// <param name="x">inputs, first dimension = examples (at least one)</param>
    /// <param name="y">targets, one per row of <paramref name="x"/></param>
    /// <param name="batchSize">examples per batch, at least 1; the last batch may be smaller</param>
    /// <param name="shuffle">a new random order each epoch (true) or the stored order (false)</param>
    /// <param name="seed">the order for epoch e depends only on (seed, e)</param>
    public DataLoader(Tensor x, Tensor y, int batchSize, bool shuffle = true, int seed = 0)
    {
        TrainerChecks.Pair(x, y, nameof(x), nameof(y));
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        _x = x;
        _y = y;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
    }

    public int BatchSize { get; }
    public bool Shuffle { get; }
    public int Seed { get; }
    public long Count => _x.shape[0];

    /// <summary>Batches per epoch: ⌈examples / batch size⌉, i.e. the weight updates of one epoch.</summary>
    public int BatchesPerEpoch => (int)((Count + BatchSize - 1) / BatchSize);

    /// <summary>
    /// The batches of one epoch (1-based), as (x, y) slices on the tensors' device. Each pair is new and
    /// belongs to the caller's dispose scope (create them inside <c>torch.NewDisposeScope()</c>).
    /// </summary>
    public IEnumerable<(Tensor X, Tensor Y)> Batches(int epoch = 1)
    {
        long n = Count;
        if (!Shuffle)
        {
            for (long start = 0; start < n; start += BatchSize)
            {
                long len = Math.Min(BatchSize, n - start);
                yield return (_x.narrow(0, start, len), _y.narrow(0, start, len));
            }
            yield break;
        }
        var order = Permutation((int)n, Seed, epoch);
        for (int start = 0; start < n; start += BatchSize)
        {
            int len = (int)Math.Min(BatchSize, n - start);
            var idx = tensor(order.AsSpan(start, len).ToArray(), dtype: ScalarType.Int64, device: _x.device);
            var yIdx = _y.device == _x.device ? idx : idx.to(_y.device);
            yield return (_x.index_select(0, idx), _y.index_select(0, yIdx));
        }
    }

    /// <summary>The shuffled order of epoch <paramref name="epoch"/>: a Fisher–Yates permutation of 0..n−1.</summary>
    public static long[] Permutation(int n, int seed, int epoch)
    {
        var rng = new Random(EpochSeed(seed, epoch));
        var order = new long[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>One seed per (seed, epoch), spread out so that neighbouring epochs do not share streams.</summary>
    internal static int EpochSeed(int seed, int epoch) => unchecked((int)((uint)seed * 2654435761u ^ (uint)epoch * 40503u + 0x9E3779B9u));
}
