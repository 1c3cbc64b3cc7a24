namespace Kit.Cnn;

/// <summary>Output sizes and parameter counts, as students compute them on the exam.</summary>
public static partial class ConvShapes
{
    /// <summary>⌊(n + 2p − k) / s⌋ + 1 along one spatial dimension.</summary>
    public static int OutputSize(int n, int kernel, int stride = 1, int padding = 0)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "input size must be at least 1");
        if (kernel < 1) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "kernel size must be at least 1");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be at least 1");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), padding, "padding must be non-negative");
        if (n + 2 * padding < kernel) throw new ArgumentException($"kernel {kernel} is larger than the padded input {n + 2 * padding}", nameof(kernel));
        return (n + 2 * padding - kernel) / stride + 1;
    }

    /// <summary>Weights plus biases of a fully connected layer.</summary>
    public static long DenseParameters(long inputs, long outputs)
    {
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "must be at least 1");
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "must be at least 1");
        return inputs * outputs + outputs;
    }
}
