#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 04's network, exactly as its cell writes it (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson04
{
    static readonly Lesson04 Cells = new();

    /// <summary>A builder of the lesson's MLP with these hidden widths, for the runs that seed and then build.</summary>
    public static Func<nn.Module<Tensor, Tensor>> Mlp(params int[] hidden) => () => Cells.DigitsMLP(hidden);

    // lesson-model: digits-mlp
    // 64 pixels → [Linear → ReLU] per hidden layer → Linear → 10 class scores.
    Sequential DigitsMLP(params int[] hidden)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int inputs = 64;
        for (int i = 0; i < hidden.Length; i++)
        {
            layers.Add(($"fc{i + 1}", nn.Linear(inputs, hidden[i])));
            layers.Add(($"relu{i + 1}", nn.ReLU()));
            inputs = hidden[i];
        }
        layers.Add(("out", nn.Linear(inputs, 10)));
        return nn.Sequential(layers).to(KitTorch.Device);
    }
    // end lesson-model
}
