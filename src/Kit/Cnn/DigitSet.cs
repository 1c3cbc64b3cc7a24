using Kit.Data;
using Kit.Runtime;
using static TorchSharp.torch;

namespace Kit.Cnn;

/// <summary>
/// 8 × 8 grey-level images of handwritten digits (pixel values 0–16) with their labels 0–9, as plain arrays,
/// and the tensors the CNN lesson trains on.
/// </summary>
public sealed class DigitSet
{
    public DigitSet(IReadOnlyList<double[]> images, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Count != labels.Count) throw new ArgumentException($"labels must have one entry per image ({images.Count}), not {labels.Count}.", nameof(labels));
        for (int i = 0; i < images.Count; i++)
            if (images[i] is null || images[i].Length != 64) throw new ArgumentException($"image {i} must hold 64 pixels (8 × 8).", nameof(images));
        foreach (var l in labels)
            if (l < 0 || l > 9) throw new ArgumentException($"labels must be digits 0–9, found {l}.", nameof(labels));
        Images = images;
        Labels = labels;
    }

    public IReadOnlyList<double[]> Images { get; }
    public IReadOnlyList<int> Labels { get; }
    public int Count => Labels.Count;

    /// <summary>The 1,797 digits of <see cref="Digits"/> (embedded in the Kit), raw pixel values 0–16.</summary>
    public static DigitSet Load() => From(Digits.Load(scaled: false));

    /// <summary>The image at <paramref name="index"/> as an 8 × 8 grid (row 0 at the top).</summary>
    public double[,] Image(int index)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be between 0 and {Count - 1}.");
        var grid = new double[8, 8];
        for (int p = 0; p < 64; p++) grid[p / 8, p % 8] = Images[index][p];
        return grid;
    }

    /// <summary>
    /// Every image moved <paramref name="dx"/> pixels right and <paramref name="dy"/> pixels down (negative: left, up);
    /// pixels moved in from outside are 0 (background). The same digits, just not centred where training saw them.
    /// </summary>
    public DigitSet Shifted(int dx, int dy)
    {
        if (Math.Abs(dx) > 4) throw new ArgumentOutOfRangeException(nameof(dx), dx, "dx must be between −4 and 4 pixels.");
        if (Math.Abs(dy) > 4) throw new ArgumentOutOfRangeException(nameof(dy), dy, "dy must be between −4 and 4 pixels.");
        var moved = Images.Select(img =>
        {
            var m = new double[64];
            for (int r = 0; r < 8; r++)
                for (int c = 0; c < 8; c++)
                {
                    int sr = r - dy, sc = c - dx;
                    if (sr >= 0 && sr < 8 && sc >= 0 && sc < 8) m[r * 8 + c] = img[sr * 8 + sc];
                }
            return m;
        }).ToList();
        return new DigitSet(moved, Labels);
    }

    /// <summary>Only the examples whose label is one of <paramref name="classes"/>.</summary>
    public DigitSet OnlyClasses(params int[] classes) => From(ClassSubsets.Only(ToDataset(), classes));

    /// <summary>The first <paramref name="perClass"/> examples of every digit present, in their original order.</summary>
    public DigitSet TakePerClass(int perClass) => From(ClassSubsets.PerClass(ToDataset(), perClass, seed: null));

    /// <summary>The same digits as the foundation's dataset type (raw pixel values 0–16).</summary>
    public ToyDataset ToDataset() =>
        new("digits", [.. Images.SelectMany(img => img.Select(p => (float)p))], [.. Labels.Select(l => (long)l)], 64);

    /// <summary>Digits held as the foundation's dataset type (64 raw pixel values per example).</summary>
    public static DigitSet From(ToyDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 64) throw new ArgumentException($"data must hold 8 × 8 images (64 features), not {data.FeatureCount}.", nameof(data));
        var images = Enumerable.Range(0, data.Count).Select(i => data.Features.AsSpan(i * 64, 64).ToArray().Select(p => (double)p).ToArray()).ToList();
        return new DigitSet(images, [.. data.Labels.Select(l => (int)l)]);
    }

    /// <summary>A seeded shuffle, then the first <paramref name="trainFraction"/> for training and the rest for testing.</summary>
    public (DigitSet Train, DigitSet Test) Split(double trainFraction = 0.7, int seed = 0)
    {
        if (!(trainFraction > 0 && trainFraction < 1)) throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "trainFraction must be between 0 and 1 (exclusive).");
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        int cut = (int)Math.Round(Count * trainFraction);
        DigitSet Pick(IEnumerable<int> idx) { var l = idx.ToList(); return new DigitSet(l.Select(i => Images[i]).ToList(), l.Select(i => Labels[i]).ToList()); }
        return (Pick(order[..cut]), Pick(order[cut..]));
    }

    /// <summary>
    /// Images as float32 [n, 1, 8, 8] scaled to [0, 1] and labels as int64 [n], on <see cref="KitTorch.Device"/>.
    /// <paramref name="relabel"/> maps each digit to a class index (e.g. 5–9 → 0–4 for a new head).
    /// </summary>
    public (Tensor X, Tensor Y) ToTensors(Func<int, int>? relabel = null)
    {
        var pixels = new float[Count * 64];
        for (int i = 0; i < Count; i++)
            for (int p = 0; p < 64; p++) pixels[i * 64 + p] = (float)(Images[i][p] / 16.0);
        var labels = Labels.Select(l => (long)(relabel?.Invoke(l) ?? l)).ToArray();
        var device = KitTorch.Device;
        return (tensor(pixels, [Count, 1, 8, 8]).to(device), tensor(labels).to(device));
    }

    public override string ToString() =>
        $"{Count} digit images (8 × 8), per class: {string.Join(", ", Labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"))}";
}
