#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 05's network, exactly as its cell writes it (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson05
{
    static readonly Lesson05 Cells = new();

    /// <summary>A builder of the lesson's network, for the runs that seed and then build.</summary>
    public static Func<Sequential> Mlp(int[] hidden, double dropout = 0, bool batchNorm = false) => () => Cells.DigitsMLP(hidden, dropout, batchNorm);

    // lesson-model: regularized-mlp
    // Lesson 04's digits MLP with the two layers this lesson adds: BatchNorm1d after each hidden Linear, Dropout after each ReLU.
    // No hidden layer at all gives one Linear layer 64 → 10: multinomial logistic regression.
    Sequential DigitsMLP(int[] hidden, double dropout = 0, bool batchNorm = false)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        int inputs = 64;
        for (int i = 0; i < hidden.Length; i++)
        {
            layers.Add(($"fc{i + 1}", nn.Linear(inputs, hidden[i])));
            if (batchNorm) layers.Add(($"bn{i + 1}", nn.BatchNorm1d(hidden[i])));
            layers.Add(($"relu{i + 1}", nn.ReLU()));
            if (dropout > 0) layers.Add(($"drop{i + 1}", nn.Dropout(dropout)));
            inputs = hidden[i];
        }
        layers.Add(("out", nn.Linear(inputs, 10)));
        return nn.Sequential(layers).to(KitTorch.Device);
    }
    // end lesson-model
}
