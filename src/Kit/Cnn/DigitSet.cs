using System.IO.Compression;
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

    /// <summary>
    /// The 1,797 digits: data/digits/digits.csv.gz of this repository (searched from the current folder upwards),
    /// else the copy inside Debian's scikit-learn package.
    /// </summary>
    public static DigitSet Load()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "digits", "digits.csv.gz");
            if (File.Exists(candidate)) return LoadCsv(candidate);
        }
        const string debian = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz";
        if (File.Exists(debian)) return LoadCsv(debian);
        throw new FileNotFoundException("data/digits/digits.csv.gz was not found in this folder or any folder above it.");
    }

    /// <summary>Reads scikit-learn's digits file: one image a line, 64 pixel values then the label (.csv or .csv.gz).</summary>
    public static DigitSet LoadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"digits file not found: {path}", path);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var images = new List<double[]>();
        var labels = new List<int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || char.IsLetter(line[0])) continue; // blank line or header (p0,…,p63,label)
            var values = line.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (values.Length != 65) throw new FormatException($"{path}: line {labels.Count + 1} has {values.Length} values, expected 65 (64 pixels and the label).");
            images.Add(values[..64]);
            labels.Add((int)values[64]);
        }
        return new DigitSet(images, labels);
    }

    /// <summary>The image at <paramref name="index"/> as an 8 × 8 grid (row 0 at the top).</summary>
    public double[,] Image(int index)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be between 0 and {Count - 1}.");
        var grid = new double[8, 8];
        for (int p = 0; p < 64; p++) grid[p / 8, p % 8] = Images[index][p];
        return grid;
    }

    /// <summary>Only the examples whose label is one of <paramref name="classes"/>.</summary>
    public DigitSet OnlyClasses(params int[] classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Length == 0) throw new ArgumentException("classes must name at least one digit.", nameof(classes));
        var keep = Enumerable.Range(0, Count).Where(i => classes.Contains(Labels[i])).ToList();
        return new DigitSet(keep.Select(i => Images[i]).ToList(), keep.Select(i => Labels[i]).ToList());
    }

    /// <summary>The first <paramref name="perClass"/> examples of every digit present, in their original order.</summary>
    public DigitSet TakePerClass(int perClass)
    {
        if (perClass < 1) throw new ArgumentOutOfRangeException(nameof(perClass), perClass, "perClass must be at least 1.");
        var seen = new Dictionary<int, int>();
        var keep = new List<int>();
        for (int i = 0; i < Count; i++)
        {
            seen.TryGetValue(Labels[i], out var k);
            if (k < perClass) keep.Add(i);
            seen[Labels[i]] = k + 1;
        }
        return new DigitSet(keep.Select(i => Images[i]).ToList(), keep.Select(i => Labels[i]).ToList());
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
