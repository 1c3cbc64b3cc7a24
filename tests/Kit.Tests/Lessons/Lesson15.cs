#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 15's network, exactly as its cell writes it (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson15
{
    static readonly Lesson15 Cells = new();

    /// <summary>The lesson's MLP for <paramref name="inputs"/> inputs, as a builder of a number of classes (the experiments seed, then build).</summary>
    public static Func<int, nn.Module<Tensor, Tensor>> Mlp(int inputs) => classes => Cells.MLP(inputs, classes);

    // lesson-model: transfer-mlp
    // inputs → [Linear → ReLU] → [Linear → ReLU] → Linear head "out" → class scores.
    // Transfer learning keeps fc1 and fc2 (the body) and replaces "out" (the head).
    Sequential MLP(int inputs, int classes) => nn.Sequential(
        ("fc1", nn.Linear(inputs, 64)),
        ("relu1", nn.ReLU()),
        ("fc2", nn.Linear(64, 64)),
        ("relu2", nn.ReLU()),
        ("out", nn.Linear(64, classes))
    ).to(KitTorch.Device);
    // end lesson-model
}
