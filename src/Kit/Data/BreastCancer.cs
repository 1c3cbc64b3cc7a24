using System.Globalization;
using System.IO.Compression;

namespace Kit.Data;

/// <summary>
/// UCI "Breast Cancer Wisconsin (Diagnostic)" (Wolberg, Mangasarian, Street and Street 1995, CC BY 4.0; the copy in
/// scikit-learn's <c>load_breast_cancer</c>): 569 tumours, 30 measurements of the cell nuclei each, label
/// 0 = malignant (212), 1 = benign (357). Embedded in Kit.dll. See data/breast-cancer/README.md.
/// </summary>
public static class BreastCancer
{
    public const int Count = 569;
    public const int Features = 30;
    public const string Citation = "Wolberg, W., Mangasarian, O., Street, N. and Street, W. (1995). Breast Cancer Wisconsin (Diagnostic). UCI Machine Learning Repository, https://doi.org/10.24432/C5DW2B (CC BY 4.0)";

    static readonly Lazy<(string[] Names, float[] Values, long[] Labels)> Raw = new(Read);

    /// <summary>The 30 feature names, e.g. <c>mean_radius</c>, in column order.</summary>
    public static IReadOnlyList<string> FeatureNames => Raw.Value.Names;

    /// <summary>All 569 rows (features as stored: no scaling, which trees do not need).</summary>
    public static ToyDataset Load()
    {
        var (_, values, labels) = Raw.Value;
        return new ToyDataset("breast cancer", (float[])values.Clone(), (long[])labels.Clone(), Features);
    }

    static (string[], float[], long[]) Read()
    {
        using var resource = typeof(BreastCancer).Assembly.GetManifestResourceStream("Kit.Data.breast_cancer.csv.gz")
            ?? throw new InvalidOperationException("The breast cancer data (resource Kit.Data.breast_cancer.csv.gz) is missing from Kit.dll.");
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        var header = reader.ReadLine()?.Split(',');
        if (header is null || header.Length != Features + 1 || header[^1] != "label")
            throw new InvalidDataException($"breast_cancer.csv.gz: the first line must name {Features} features and then label.");
        var values = new float[Count * Features];
        var labels = new long[Count];
        int row = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine(), row++)
        {
            if (row >= Count) throw new InvalidDataException($"breast_cancer.csv.gz has more than {Count} rows.");
            var cells = line.Split(',');
            if (cells.Length != Features + 1) throw new InvalidDataException($"breast_cancer.csv.gz row {row + 1} has {cells.Length} values, not {Features + 1}.");
            for (int f = 0; f < Features; f++) values[row * Features + f] = float.Parse(cells[f], CultureInfo.InvariantCulture);
            labels[row] = long.Parse(cells[^1], CultureInfo.InvariantCulture);
        }
        if (row != Count) throw new InvalidDataException($"breast_cancer.csv.gz has {row} rows, not {Count}.");
        return (header[..^1], values, labels);
    }
}
