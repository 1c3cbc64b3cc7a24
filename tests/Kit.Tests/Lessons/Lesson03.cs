#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Rnn;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 03's training set-up, exactly as its cell writes it (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson03
{
    static readonly Lesson03 Cells = new();

    public static Trainer Fit(nn.Module<Tensor, Tensor> model, SequenceSet data, int epochs, int seed) => Cells.Train(model, data, epochs, seed);

    // lesson-model: rnn-train
    // The Trainer runs lesson 01's loop in shuffled mini-batches. This lesson's settings: Adam, batches of 32, and
    // gradients clipped to a total norm of 1 (a recurrent network's gradient can explode through time; clipping caps each step).
    Trainer Train(nn.Module<Tensor, Tensor> model, SequenceSet data, int epochs, int seed = 0)
    {
        Func<Tensor, Tensor, Tensor> loss = data.Y.dtype == ScalarType.Int64
            ? (o, t) => nn.functional.cross_entropy(o.flatten(0, -2), t.flatten())   // class labels, per sequence or per step
            : (o, t) => nn.functional.mse_loss(o, t);                                // numbers: a forecast
        var trainer = new Trainer(model, optim.Adam(model.parameters(), lr: 0.01), loss) { BatchSize = 32, Seed = seed };
        trainer.Callbacks.Add(new ClipGradNorm(1.0));
        trainer.Fit(data.X, data.Y, epochs);
        return trainer;
    }
    // end lesson-model
}
