namespace Kit.Accelerators;

/// <summary>A matrix product's sizes: a is m×k, b is k×n.</summary>
public readonly record struct MatMulShape(int M, int K, int N)
{
    /// <summary>One multiply and one add per term of each output element.</summary>
    public double Flops => 2.0 * M * K * N;

    public override string ToString() => $"{M}x{K} · {K}x{N}";

    /// <summary>Checks both arrays against the sizes; the message names the argument and what was expected.</summary>
    public static MatMulShape Of(float[] a, float[] b, int m, int k, int n)
    {
        if (m <= 0 || k <= 0 || n <= 0) throw new ArgumentException($"matrix sizes must be positive, not m={m}, k={k}, n={n}", nameof(m));
        if (a.Length != m * k) throw new ArgumentException($"a must hold m×k = {m}×{k} = {m * k} values, not {a.Length}", nameof(a));
        if (b.Length != k * n) throw new ArgumentException($"b must hold k×n = {k}×{n} = {k * n} values, not {b.Length}", nameof(b));
        return new MatMulShape(m, k, n);
    }
}

/// <summary>A valid, stride-1 convolution of one image [cin, h, w] by weights [cout, cin, kh, kw].</summary>
public readonly record struct ConvShape(int InChannels, int Height, int Width, int OutChannels, int KernelHeight, int KernelWidth)
{
    public int OutHeight => Height - KernelHeight + 1;
    public int OutWidth => Width - KernelWidth + 1;
    public int OutputLength => OutChannels * OutHeight * OutWidth;

    public override string ToString() => $"[{InChannels},{Height},{Width}] * [{OutChannels},{InChannels},{KernelHeight},{KernelWidth}]";

    /// <summary>One multiply and one add per weight, per output element.</summary>
    public double Flops => 2.0 * OutputLength * InChannels * KernelHeight * KernelWidth;

    public static ConvShape Of(float[] input, float[] weight, int inChannels, int height, int width, int outChannels, int kernelSize)
    {
        if (inChannels <= 0 || height <= 0 || width <= 0 || outChannels <= 0 || kernelSize <= 0)
            throw new ArgumentException($"sizes must be positive, not cin={inChannels}, h={height}, w={width}, cout={outChannels}, k={kernelSize}", nameof(inChannels));
        if (kernelSize > height || kernelSize > width)
            throw new ArgumentException($"the {kernelSize}×{kernelSize} kernel must fit inside the {height}×{width} image", nameof(kernelSize));
        var s = new ConvShape(inChannels, height, width, outChannels, kernelSize, kernelSize);
        if (input.Length != inChannels * height * width)
            throw new ArgumentException($"input must hold cin×h×w = {inChannels}×{height}×{width} = {inChannels * height * width} values, not {input.Length}", nameof(input));
        if (weight.Length != outChannels * inChannels * kernelSize * kernelSize)
            throw new ArgumentException($"weight must hold cout×cin×k×k = {outChannels}×{inChannels}×{kernelSize}×{kernelSize} = {outChannels * inChannels * kernelSize * kernelSize} values, not {weight.Length}", nameof(weight));
        return s;
    }
}
