using ILGPU;

namespace Kit.Accelerators;

/// <summary>
/// The two kernels the "why accelerators" section times: each GPU thread computes one output element, the plainest way to
/// write them (no tiling, no shared memory), so the gap to the peak is the lesson's point, not hidden by a tuned library.
/// Arrays are row-major and flat; ILGPU compiles these methods to PTX for CUDA, or runs them on its CPU accelerator.
/// </summary>
static class Kernels
{
    /// <summary>c[m×n] = a[m×k] · b[k×n]; the index is (row, column) of c.</summary>
    public static void MatMul(Index2D at, ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, int k, int n)
    {
        int row = at.X, col = at.Y;
        float sum = 0f;
        for (int i = 0; i < k; i++) sum += a[row * k + i] * b[i * n + col];
        c[row * n + col] = sum;
    }

    /// <summary>
    /// Valid 2-D cross-correlation (what torch's conv2d computes), stride 1, one image: input [cin, h, w], weight
    /// [cout, cin, kh, kw], output [cout, h-kh+1, w-kw+1]. The index is (output channel, output row, output column).
    /// </summary>
    public static void Conv2d(Index3D at, ArrayView<float> input, ArrayView<float> weight, ArrayView<float> output,
        ConvShape s)
    {
        int o = at.X, y = at.Y, x = at.Z;
        float sum = 0f;
        for (int c = 0; c < s.InChannels; c++)
            for (int i = 0; i < s.KernelHeight; i++)
                for (int j = 0; j < s.KernelWidth; j++)
                    sum += input[(c * s.Height + y + i) * s.Width + x + j]
                         * weight[((o * s.InChannels + c) * s.KernelHeight + i) * s.KernelWidth + j];
        output[(o * s.OutHeight + y) * s.OutWidth + x] = sum;
    }
}
