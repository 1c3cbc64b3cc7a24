using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Cnn;

/// <summary>
/// Looking inside a CNN built as nn.Sequential (convolutions first, the dense head as the last layer) (the transfer-learning set-up is
/// <see cref="Kit.Training.Heads"/>): the lesson's cell defines the network, these read and re-use it.
/// </summary>
public static class ConvNet
{
    /// <summary>
    /// What the first <paramref name="layers"/> layers make of one image, one 2-D map per channel (e.g. 2 = after
    /// conv1 and its ReLU): the feature maps a forward hook would capture.
    /// </summary>
    public static IReadOnlyList<double[,]> FeatureMaps(Sequential model, Tensor image, int layers = 2)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(image);
        var children = Layers(model);
        int spatial = children.TakeWhile(c => c is not Flatten).Count();
        if (layers < 1 || layers > spatial) throw new ArgumentOutOfRangeException(nameof(layers), layers, $"layers must be between 1 and {spatial} (before the flatten).");
        if (image.dim() == 3) image = image.unsqueeze(0);
        if (image.dim() != 4 || image.shape[0] != 1) throw new ArgumentException($"image must be [channels, h, w] or [1, channels, h, w], not [{string.Join(", ", image.shape)}].", nameof(image));
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var h = image;
        foreach (var layer in children.Take(layers)) h = layer.call(h);
        return ToGrids(h[0]);
    }

    /// <summary>The learned filters of the first convolution (its first input channel), one grid per output channel.</summary>
    public static IReadOnlyList<double[,]> FirstLayerFilters(Sequential model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var conv = model.children().OfType<Conv2d>().FirstOrDefault() ?? throw new ArgumentException("model has no Conv2d layer.", nameof(model));
        using var scope = NewDisposeScope();
        return ToGrids(conv.weight!.detach()[.., 0]);
    }

    static List<nn.Module<Tensor, Tensor>> Layers(Sequential model) => model.children().Cast<nn.Module<Tensor, Tensor>>().ToList();

    /// <summary>[channels, rows, cols] → one grid per channel.</summary>
    static IReadOnlyList<double[,]> ToGrids(Tensor t)
    {
        var cpu = t.detach().cpu().to(ScalarType.Float64);
        int c = (int)cpu.shape[0], r = (int)cpu.shape[1], k = (int)cpu.shape[2];
        var data = cpu.data<double>().ToArray();
        var grids = new List<double[,]>();
        for (int ch = 0; ch < c; ch++)
        {
            var g = new double[r, k];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < k; j++) g[i, j] = data[(ch * r + i) * k + j];
            grids.Add(g);
        }
        return grids;
    }
}
