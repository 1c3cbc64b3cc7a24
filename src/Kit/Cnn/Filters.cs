namespace Kit.Cnn;

/// <summary>
/// Classic hand-made 3 × 3 filters. A CNN learns its own, but its first layer often ends up with filters
/// that look much like these edge detectors.
/// </summary>
public static class Filters
{
    /// <summary>Sobel, left-to-right change: responds to vertical edges (dark → bright gives a positive value).</summary>
    public static double[,] SobelX => new double[,] { { -1, 0, 1 }, { -2, 0, 2 }, { -1, 0, 1 } };

    /// <summary>Sobel, top-to-bottom change: responds to horizontal edges.</summary>
    public static double[,] SobelY => new double[,] { { -1, -2, -1 }, { 0, 0, 0 }, { 1, 2, 1 } };

    /// <summary>Prewitt, left-to-right change: like Sobel without the extra weight on the centre row.</summary>
    public static double[,] PrewittX => new double[,] { { -1, 0, 1 }, { -1, 0, 1 }, { -1, 0, 1 } };

    /// <summary>Prewitt, top-to-bottom change.</summary>
    public static double[,] PrewittY => new double[,] { { -1, -1, -1 }, { 0, 0, 0 }, { 1, 1, 1 } };

    /// <summary>The filters by name, in the order lessons show them.</summary>
    public static IReadOnlyList<(string Name, double[,] Kernel)> EdgeFilters =>
        [("Sobel x (vertical edges)", SobelX), ("Sobel y (horizontal edges)", SobelY), ("Prewitt x", PrewittX), ("Prewitt y", PrewittY)];

    /// <summary>
    /// A small test picture, <paramref name="size"/> × <paramref name="size"/>: a bright square on the left
    /// and a bright diagonal bar on the right, on a dark background (values 0 and 1).
    /// </summary>
    public static double[,] TestImage(int size = 16)
    {
        if (size < 8 || size > 80) throw new ArgumentOutOfRangeException(nameof(size), size, "size must be between 8 and 80 pixels.");
        var image = new double[size, size];
        int q = size / 4;
        for (int r = q; r < size - q; r++)
            for (int c = q / 2; c < size / 2 - q / 4; c++) image[r, c] = 1;
        for (int r = q / 2; r < size - q / 2; r++)
        {
            int c = size / 2 + (r - q / 2) * (size / 2 - 2) / (size - q);
            for (int w = 0; w < 2 && c + w < size; w++) image[r, c + w] = 1;
        }
        return image;
    }
}
