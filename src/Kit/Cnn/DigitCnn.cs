using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Cnn;

/// <summary>
/// A small CNN for 8 × 8 digits, in the layout of the study guide:
/// [Conv 3×3 + ReLU] → [MaxPool 2] → [Conv 3×3 + ReLU] → [MaxPool 2] → [Flatten] → [Dense] → class scores.
/// <see cref="Features"/> holds every layer up to the flatten (the part transfer learning reuses);
/// <see cref="Head"/> is the dense classifier on top.
/// </summary>
public sealed class DigitCnn : nn.Module<Tensor, Tensor>
{
    public readonly Sequential Features;
    public readonly Linear Head;

    DigitCnn(Sequential features, Linear head) : base(nameof(DigitCnn))
    {
        Features = features;
        Head = head;
        RegisterComponents();
    }

    /// <param name="classes">outputs of the head, at least 2</param>
    /// <param name="channels">filters in the first convolution (the second has twice as many), at least 1</param>
    public static DigitCnn Build(int classes = 10, int channels = 8, int? seed = null)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        if (channels < 1 || channels > 64) throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be between 1 and 64.");
        if (seed is int s) KitTorch.Seed(s); else KitTorch.Setup();
        var features = nn.Sequential(
            ("conv1", nn.Conv2d(1, channels, 3, padding: 1)),       // 8×8 → 8×8
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),                             // → 4×4
            ("conv2", nn.Conv2d(channels, 2 * channels, 3, padding: 1)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),                             // → 2×2
            ("flatten", nn.Flatten()));
        var model = new DigitCnn(features, nn.Linear(2 * channels * 2 * 2, classes));
        model.to(KitTorch.Device);
        return model;
    }

    /// <summary>
    /// A model that shares this one's convolutional layers (the same objects, not copies) under a fresh dense
    /// head with <paramref name="classes"/> outputs: the set-up of transfer learning.
    /// </summary>
    public DigitCnn WithNewHead(int classes, int? seed = null)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        if (seed is int s) KitTorch.Seed(s);
        var model = new DigitCnn(Features, nn.Linear(Head.in_features, classes));
        model.to(KitTorch.Device);
        return model;
    }

    /// <summary>Stops training of the convolutional layers: requires_grad = false on all their parameters.</summary>
    public void FreezeFeatures()
    {
        foreach (var p in Features.parameters()) p.requires_grad = false;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != 1 || x.shape[2] != 8 || x.shape[3] != 8)
            throw new ArgumentException($"x must be [n, 1, 8, 8], not [{string.Join(", ", x.shape)}].", nameof(x));
        return Head.call(Features.call(x));
    }

    /// <summary>
    /// What the first <paramref name="layers"/> layers of <see cref="Features"/> make of one image: one 2-D map
    /// per channel (e.g. 2 = after conv1 and its ReLU).
    /// </summary>
    public IReadOnlyList<double[,]> FeatureMaps(Tensor image, int layers = 2)
    {
        ArgumentNullException.ThrowIfNull(image);
        var children = Features.children().Cast<nn.Module<Tensor, Tensor>>().ToList();
        if (layers < 1 || layers >= children.Count) throw new ArgumentOutOfRangeException(nameof(layers), layers, $"layers must be between 1 and {children.Count - 1} (before the flatten).");
        if (image.dim() == 3) image = image.unsqueeze(0);
        if (image.dim() != 4 || image.shape[0] != 1) throw new ArgumentException($"image must be [1, 8, 8] or [1, 1, 8, 8], not [{string.Join(", ", image.shape)}].", nameof(image));
        eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var h = image;
        foreach (var layer in children.Take(layers)) h = layer.call(h);
        return ToGrids(h[0]);
    }

    /// <summary>The learned 3 × 3 filters of the first convolution, one grid per output channel.</summary>
    public IReadOnlyList<double[,]> FirstLayerFilters()
    {
        using var scope = NewDisposeScope();
        var conv = (Conv2d)Features.children().First();
        return ToGrids(conv.weight!.detach()[.., 0]);
    }

    /// <summary>[channels, rows, cols] → one grid per channel.</summary>
    internal static IReadOnlyList<double[,]> ToGrids(Tensor t)
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

/// <summary>The fully connected baseline: flatten the 64 pixels, one hidden ReLU layer, then the class scores.</summary>
public static class DigitMlp
{
    public static Sequential Build(int hidden = 64, int classes = 10, int? seed = null)
    {
        if (hidden < 1) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "hidden must be at least 1.");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        if (seed is int s) KitTorch.Seed(s); else KitTorch.Setup();
        var model = nn.Sequential(
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(64, hidden)),
            ("relu1", nn.ReLU()),
            ("out", nn.Linear(hidden, classes)));
        model.to(KitTorch.Device);
        return model;
    }
}
