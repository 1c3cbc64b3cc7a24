#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 02's two networks, exactly as its cell writes them (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson02
{
    static readonly Lesson02 Cells = new();

    public static Sequential Cnn(int classes, int seed)
    {
        KitTorch.Seed(seed);
        return Cells.CNN(classes);
    }

    /// <summary>The lesson's CNN builder, unseeded, for experiments that seed it themselves (transfer learning).</summary>
    public static Func<int, Sequential> CnnBuilder => classes => Cells.CNN(classes);

    public static Sequential Mlp(int hidden, int seed)
    {
        KitTorch.Seed(seed);
        return Cells.MLP(hidden);
    }

    // lesson-model: cnn
    // [Conv 3×3 + ReLU] → [MaxPool 2] → [Conv 3×3 + ReLU] → [MaxPool 2] → [Flatten] → [Linear] → class scores
    Sequential CNN(int classes = 10, int channels = 8) => nn.Sequential(
        ("conv1", nn.Conv2d(1, channels, 3, padding: 1)),             // 8 × 8 → 8 × 8
        ("relu1", nn.ReLU()),
        ("pool1", nn.MaxPool2d(2)),                                   // → 4 × 4
        ("conv2", nn.Conv2d(channels, 2 * channels, 3, padding: 1)),  // → 4 × 4
        ("relu2", nn.ReLU()),
        ("pool2", nn.MaxPool2d(2)),                                   // → 2 × 2
        ("flatten", nn.Flatten()),                                    // → 2·channels · 2 · 2 values
        ("head", nn.Linear(2 * channels * 2 * 2, classes))
    ).to(KitTorch.Device);

    // The fully connected baseline: flatten the 64 pixels, one hidden ReLU layer, then the class scores.
    Sequential MLP(int hidden = 64, int classes = 10) => nn.Sequential(
        ("flatten", nn.Flatten()),
        ("fc1", nn.Linear(64, hidden)),
        ("relu1", nn.ReLU()),
        ("out", nn.Linear(hidden, classes))
    ).to(KitTorch.Device);
    // end lesson-model
}
