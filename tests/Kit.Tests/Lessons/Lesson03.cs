#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Rnn;
using Kit.Runtime;
using Kit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 03's training set-up, exactly as its cell writes it (compared by <see cref="LessonCellTests"/>).</summary>
sealed class Lesson03
{
    static readonly Lesson03 Cells = new();

    public static Trainer Fit(nn.Module<Tensor, Tensor> model, SequenceSet data, int epochs, int seed) => Cells.Train(model, data, epochs, seed);

    /// <summary>Seeds torch, then builds the lesson's network on the Kit's device.</summary>
    public static SequenceModel Model(CellKind cell, int inputs, int hidden, int outputs, int seed, bool bidirectional = false, Readout readout = Readout.LastStep) =>
        Nets.Seeded(seed, () => new SequenceModel(cell, inputs, hidden, outputs, bidirectional, readout)).to(KitTorch.Device);

    // lesson-model: rnn
    // A recurrent layer (nn.RNN with tanh, nn.LSTM or nn.GRU; input [batch, steps, features]) with a Linear layer on top.
    // Readout.LastStep answers once per sequence, from the state after the last step; Readout.EveryStep at every step.
    // A bidirectional layer also reads the sequence backwards, and the Linear layer sees both directions' states.
    public class SequenceModel : nn.Module<Tensor, Tensor>
    {
        readonly nn.Module recurrent;
        readonly Linear head;
        readonly int hidden;
        readonly bool bidirectional;
        readonly Readout readout;

        public SequenceModel(CellKind cell, int inputs, int hidden, int outputs, bool bidirectional = false, Readout readout = Readout.LastStep)
            : base($"{cell}Model")
        {
            recurrent = RecurrentLayer.Create(cell, inputs, hidden, bidirectional);   // nn.RNN / nn.LSTM / nn.GRU, batch first
            head = nn.Linear(bidirectional ? 2 * hidden : hidden, outputs);
            (this.hidden, this.bidirectional, this.readout) = (hidden, bidirectional, readout);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var states = RecurrentLayer.States(recurrent, x);     // [batch, steps, hidden × directions]
            if (readout == Readout.EveryStep) return head.call(states);
            long last = states.shape[1] - 1;
            if (!bidirectional) return head.call(states[.., last, ..]);
            var forwards = states[.., last, ..hidden];            // forward direction, after the last step
            var backwards = states[.., 0, hidden..];              // backward direction, after reading back to the first step
            return head.call(cat([forwards, backwards], 1));
        }
    }
    // end lesson-model

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
