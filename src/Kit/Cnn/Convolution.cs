namespace Kit.Cnn;

/// <summary>
/// A convolution layer computed by hand, in plain C#: the filter slides over the (zero-padded) image and
/// each output pixel is the sum of the element-wise products under it. Deep-learning libraries call this
/// "convolution", but like them it does not flip the filter: mathematically it is a cross-correlation.
/// </summary>
public static class Convolution
{
    /// <summary>Output[i, j] = Σₐ Σ_b padded[i·s + a, j·s + b] · kernel[a, b].</summary>
    /// <param name="image">input, [rows, cols], at least 1 × 1</param>
    /// <param name="kernel">filter, [k_rows, k_cols], no larger than the padded image</param>
    /// <param name="stride">step of the filter, at least 1</param>
    /// <param name="padding">rings of zeros added around the image, 0 or more</param>
    public static double[,] CrossCorrelate(double[,] image, double[,] kernel, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(kernel);
        if (image.Length == 0) throw new ArgumentException("image must have at least one row and one column.", nameof(image));
        if (kernel.Length == 0) throw new ArgumentException("kernel must have at least one row and one column.", nameof(kernel));
        int rows = ConvShapes.OutputSize(image.GetLength(0), kernel.GetLength(0), stride, padding);
        int cols = ConvShapes.OutputSize(image.GetLength(1), kernel.GetLength(1), stride, padding);
        var output = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                double sum = 0;
                for (int a = 0; a < kernel.GetLength(0); a++)
                    for (int b = 0; b < kernel.GetLength(1); b++)
                        sum += Padded(image, i * stride + a - padding, j * stride + b - padding) * kernel[a, b];
                output[i, j] = sum;
            }
        return output;
    }

    /// <summary>The image value, or 0 outside it (zero padding).</summary>
    static double Padded(double[,] image, int r, int c) =>
        r < 0 || c < 0 || r >= image.GetLength(0) || c >= image.GetLength(1) ? 0 : image[r, c];

    /// <summary>Rows of a 2-D array, as charts take them (row 0 first).</summary>
    public static double[][] ToRows(this double[,] grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Enumerable.Range(0, grid.GetLength(0))
            .Select(r => Enumerable.Range(0, grid.GetLength(1)).Select(c => grid[r, c]).ToArray())
            .ToArray();
    }

    /// <summary>A 2-D array from rows of equal length.</summary>
    public static double[,] FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0 || rows[0].Count == 0) throw new ArgumentException("rows must hold at least one non-empty row.", nameof(rows));
        var grid = new double[rows.Count, rows[0].Count];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != rows[0].Count)
                throw new ArgumentException($"every row must have {rows[0].Count} values; row {r} has {rows[r].Count}.", nameof(rows));
            for (int c = 0; c < rows[r].Count; c++) grid[r, c] = rows[r][c];
        }
        return grid;
    }
}
