using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Rnn;

/// <summary>The recurrent layer of lesson 03's network: PyTorch's nn.RNN (tanh), nn.LSTM or nn.GRU.</summary>
public enum CellKind { RNN, LSTM, GRU }

/// <summary>Where lesson 03's network reads its answer from.</summary>
public enum Readout
{
    /// <summary>One output per sequence, from the hidden state after the last step (sequence classification, forecasting).</summary>
    LastStep,
    /// <summary>One output per time step (tagging each element of the sequence).</summary>
    EveryStep,
}

/// <summary>
/// Makes and runs the recurrent layer inside lesson 03's network (which the lesson defines in its own cell): the
/// layer with its keep-gate bias set, and its outputs at every step, working around a TorchSharp LSTM bug.
/// </summary>
public static class RecurrentLayer
{
    /// <summary>
    /// The starting bias of the gate that keeps memory (the LSTM's forget gate, the GRU's update gate): 3, so the gate
    /// starts at σ(3) ≈ 0.95 and a cell keeps about 0.95³⁰ ≈ 20 % of its memory across 30 steps. PyTorch starts every
    /// bias near 0 (σ ≈ 0.5: 0.5³⁰ ≈ 10⁻⁹ after 30 steps) and Keras at 1 (σ ≈ 0.73: 0.73³⁰ ≈ 10⁻⁴); with those, the
    /// gated cells in lesson 03's memory task stayed at chance at some seeds, because no gradient from the first token
    /// survived the gap. A bias set for the time scale the task needs is the "chrono" idea of Tallec and Ollivier (2018).
    /// </summary>
    public const double KeepGateBias = 3.0;

    /// <summary>nn.RNN, nn.LSTM or nn.GRU, batch first; the gated cells start with their keep gate at <see cref="KeepGateBias"/>.</summary>
    /// <param name="inputs">features per time step, at least 1</param>
    /// <param name="hidden">size of the hidden state, between 1 and 1024</param>
    public static nn.Module Create(CellKind cell, int inputs, int hidden, bool bidirectional = false)
    {
        if (!Enum.IsDefined(cell)) throw new ArgumentOutOfRangeException(nameof(cell), cell, "cell must be RNN, LSTM or GRU.");
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs (features per step) must be at least 1.");
        if (hidden < 1 || hidden > 1024) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "hidden must be between 1 and 1024.");
        nn.Module layer = cell switch
        {
            CellKind.RNN => nn.RNN(inputs, hidden, batchFirst: true, bidirectional: bidirectional),
            CellKind.LSTM => nn.LSTM(inputs, hidden, batchFirst: true, bidirectional: bidirectional),
            _ => nn.GRU(inputs, hidden, batchFirst: true, bidirectional: bidirectional),
        };
        // PyTorch orders the LSTM's bias vectors by gate as input, forget, cell, output, and the GRU's as reset, update,
        // new (h' = (1 − z)·n + z·h): the keep gate is the second slice, [H, 2H), in both.
        if (cell != CellKind.RNN)
            using (no_grad())
                foreach (var (name, p) in layer.named_parameters())
                {
                    if (name.StartsWith("bias_ih")) p[hidden..(2 * hidden)].fill_(KeepGateBias);
                    else if (name.StartsWith("bias_hh")) p[hidden..(2 * hidden)].fill_(0);
                }
        return layer;
    }

    /// <summary>The layer's output at every step, [batch, steps, hidden × directions].</summary>
    public static Tensor States(nn.Module layer, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 3) throw new ArgumentException($"x must be [batch, steps, features], not {x.dim()}-D.", nameof(x));
        switch (layer)
        {
            case LSTM lstm:
            {
                // TorchSharp 0.107 (libtorch 2.10, CPU): nn.LSTM computes wrong outputs when autograd is off
                // (no_grad), while the autograd path agrees with the LSTM equations computed by hand. So the LSTM
                // always runs with autograd on, and the result is detached again when the caller had it off.
                bool gradWasOn = is_grad_enabled();
                using var grad = enable_grad();
                var (o, h, c) = lstm.call(x);
                h.Dispose();
                c.Dispose();
                return gradWasOn ? o : o.detach();
            }
            case GRU gru: { var (o, h) = gru.call(x); h.Dispose(); return o; }
            case RNN rnn: { var (o, h) = rnn.call(x); h.Dispose(); return o; }
            default: throw new ArgumentException($"layer must be nn.RNN, nn.LSTM or nn.GRU, not {layer.GetType().Name}.", nameof(layer));
        }
    }
}
