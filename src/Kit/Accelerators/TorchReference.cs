using System.Diagnostics;
using Kit.Runtime;
using TorchSharp;

namespace Kit.Accelerators;

/// <summary>TorchSharp on the CPU as the independent reference for <see cref="KernelDevice"/>'s results and speed.</summary>
public static class TorchReference
{
    public static float[] MatMul(float[] a, float[] b, int m, int k, int n)
    {
        MatMulShape.Of(a, b, m, k, n);
        KitTorch.Setup();
        using var ta = torch.tensor(a, [m, k]);
        using var tb = torch.tensor(b, [k, n]);
        using var c = torch.matmul(ta, tb);
        return c.data<float>().ToArray();
    }

    public static float[] Conv2d(float[] input, float[] weight, int inChannels, int height, int width, int outChannels, int kernelSize)
    {
        ConvShape.Of(input, weight, inChannels, height, width, outChannels, kernelSize);
        KitTorch.Setup();
        using var x = torch.tensor(input, [1, inChannels, height, width]);
        using var w = torch.tensor(weight, [outChannels, inChannels, kernelSize, kernelSize]);
        using var y = torch.nn.functional.conv2d(x, w);
        return y.data<float>().ToArray();
    }

    /// <summary>TorchSharp's CPU matmul speed at the Kit's thread count: one untimed product, then the mean of the rest.</summary>
    public static double MatMulFlops(MatMulShape s, int repeats = 3)
    {
        KitTorch.Setup();
        using var a = torch.zeros(s.M, s.K);
        using var b = torch.zeros(s.K, s.N);
        torch.matmul(a, b).Dispose();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < repeats; i++) torch.matmul(a, b).Dispose();
        return s.Flops * repeats / clock.Elapsed.TotalSeconds;
    }

    /// <summary>How <see cref="MatMulFlops"/> is labelled in reports.</summary>
    public static string Peer => $"TorchSharp {KitTorch.TorchSharpVersion} (libtorch {KitTorch.LibTorchVersion}) CPU matmul, {KitTorch.Setup().Threads} thread(s)";
}
