namespace Kit.Cnn;

public enum PoolKind { Max, Average }

/// <summary>Pooling by hand: a window slides over the input (no weights) and keeps its maximum or its mean.</summary>
public static class Pooling
{
    /// <param name="input">feature map, [rows, cols]</param>
    /// <param name="size">window size (size × size), at least 1 and no larger than the input</param>
    /// <param name="stride">step of the window; defaults to <paramref name="size"/> (windows that do not overlap)</param>
    public static double[,] Pool(double[,] input, PoolKind kind, int size = 2, int? stride = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0) throw new ArgumentException("input must have at least one row and one column.", nameof(input));
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be Max or Average.");
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "size (the pooling window) must be at least 1.");
        int s = stride ?? size;
        int rows = ConvShapes.OutputSize(input.GetLength(0), size, s);
        int cols = ConvShapes.OutputSize(input.GetLength(1), size, s);
        var output = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                double max = double.NegativeInfinity, sum = 0;
                for (int a = 0; a < size; a++)
                    for (int b = 0; b < size; b++)
                    {
                        double v = input[i * s + a, j * s + b];
                        max = Math.Max(max, v);
                        sum += v;
                    }
                output[i, j] = kind == PoolKind.Max ? max : sum / (size * size);
            }
        return output;
    }

    public static double[,] Max(double[,] input, int size = 2, int? stride = null) => Pool(input, PoolKind.Max, size, stride);

    public static double[,] Average(double[,] input, int size = 2, int? stride = null) => Pool(input, PoolKind.Average, size, stride);
}
