using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Kit.Cnn;

public static partial class ConvShapes
{
    /// <summary>
    /// The output size TorchSharp itself produces: runs F.conv2d on an n × n input with a k × k filter and
    /// reads the width of the result. For checking <see cref="OutputSize"/> against the library.
    /// </summary>
    public static int TorchOutputSize(int n, int kernel, int stride = 1, int padding = 0)
    {
        OutputSize(n, kernel, stride, padding); // the same argument checks and messages
        KitTorch.Setup();
        using var scope = NewDisposeScope();
        var output = F.conv2d(zeros(1, 1, n, n), ones(1, 1, kernel, kernel), strides: [stride, stride], padding: [padding, padding]);
        return (int)output.shape[3];
    }

    /// <summary>Trainable numbers in a module (weights and biases of every layer), frozen ones included.</summary>
    public static long ParameterCount(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }

    /// <summary>Weights plus biases of a convolution layer: (k·k·in + 1)·out.</summary>
    public static long ConvParameters(int inChannels, int outChannels, int kernel)
    {
        if (inChannels < 1) throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, "must be at least 1");
        if (outChannels < 1) throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, "must be at least 1");
        if (kernel < 1) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "kernel size must be at least 1");
        return ((long)kernel * kernel * inChannels + 1) * outChannels;
    }
}
