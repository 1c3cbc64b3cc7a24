using System.IO.Compression;

namespace Kit.Data;

/// <summary>
/// The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", Alpaydin and Kaynak 1998, CC BY 4.0;
/// the copy in scikit-learn's <c>load_digits</c>): 1,797 grey images of the digits 0–9, each 64 pixels of 0–16.
/// Embedded in Kit.dll, so it loads offline and from the NuGet package. See data/digits/README.md.
/// </summary>
public static class Digits
{
    public const int Count = 1797;
    public const int Side = 8;
    public const int Pixels = Side * Side;
    public const string Citation = "Alpaydin, E. and Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine Learning Repository, https://doi.org/10.24432/C50P49 (CC BY 4.0)";

    static readonly Lazy<(float[] Pixels, long[] Labels)> Raw = new(Read);

    /// <summary>All 1,797 images as a data set with 64 features (row by row, top-left first).</summary>
    /// <param name="scaled">pixels divided by 16, into [0, 1] (true, what networks like), or the raw counts 0–16</param>
    public static ToyDataset Load(bool scaled = true)
    {
        var (pixels, labels) = Raw.Value;
        var features = scaled ? pixels.Select(p => p / 16f).ToArray() : (float[])pixels.Clone();
        return new ToyDataset("8×8 digits", features, (long[])labels.Clone(), Pixels);
    }

    /// <summary>Image <paramref name="index"/> of <paramref name="data"/> as rows of pixels, top row first (z for a heatmap; flip the y axis when drawing).</summary>
    public static double[][] Image(ToyDataset data, int index)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != Pixels) throw new ArgumentException($"data must have {Pixels} features (8×8 pixels), not {data.FeatureCount}.", nameof(data));
        if (index < 0 || index >= data.Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be between 0 and {data.Count - 1}.");
        return Enumerable.Range(0, Side)
            .Select(r => Enumerable.Range(0, Side).Select(c => (double)data.Features[index * Pixels + r * Side + c]).ToArray())
            .ToArray();
    }

    static (float[], long[]) Read()
    {
        using var resource = typeof(Digits).Assembly.GetManifestResourceStream("Kit.Data.digits.csv.gz")
            ?? throw new InvalidOperationException("The digits data (resource Kit.Data.digits.csv.gz) is missing from Kit.dll.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var header = reader.ReadLine();
        if (header is null || !header.EndsWith(",label", StringComparison.Ordinal))
            throw new InvalidDataException("digits.csv.gz: the first line must be the header p0,…,p63,label.");
        var pixels = new float[Count * Pixels];
        var labels = new long[Count];
        int row = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0) continue;
            if (row >= Count) throw new InvalidDataException($"digits.csv.gz has more than {Count} rows.");
            var parts = line.Split(',');
            if (parts.Length != Pixels + 1) throw new InvalidDataException($"digits.csv.gz row {row + 1} has {parts.Length} values, not {Pixels + 1}.");
            for (int i = 0; i < Pixels; i++) pixels[row * Pixels + i] = int.Parse(parts[i]);
            labels[row] = int.Parse(parts[Pixels]);
            row++;
        }
        if (row != Count) throw new InvalidDataException($"digits.csv.gz has {row} rows, not {Count}.");
        return (pixels, labels);
    }
}
