using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Rnn;

/// <summary>The recurrent layer inside a <see cref="SequenceModel"/>: PyTorch's nn.RNN (tanh), nn.LSTM or nn.GRU.</summary>
public enum CellKind { RNN, LSTM, GRU }

/// <summary>Where the model reads its answer from.</summary>
public enum Readout
{
    /// <summary>One output per sequence, from the hidden state after the last step (sequence classification, forecasting).</summary>
    LastStep,
    /// <summary>One output per time step (tagging each element of the sequence).</summary>
    EveryStep,
}

/// <summary>
/// A recurrent network with a dense layer on top. Input is batch-first, [batch, steps, features].
/// With <see cref="Readout.LastStep"/> the output is [batch, outputs]; with <see cref="Readout.EveryStep"/>
/// [batch, steps, outputs]. A bidirectional layer runs a second RNN from the end backwards and the dense layer
/// sees both directions' states (for LastStep: the forward state after the last step and the backward state
/// after reading back to the first step).
/// </summary>
public sealed class SequenceModel : nn.Module<Tensor, Tensor>
{
    readonly nn.Module recurrent;
    readonly Linear head;
    public CellKind Cell { get; }
    public Readout Readout { get; }
    public bool Bidirectional { get; }
    public int Hidden { get; }

    SequenceModel(CellKind cell, int inputs, int hidden, int outputs, bool bidirectional, Readout readout) : base($"{cell}Model")
    {
        Cell = cell;
        Readout = readout;
        Bidirectional = bidirectional;
        Hidden = hidden;
        recurrent = cell switch
        {
            CellKind.RNN => nn.RNN(inputs, hidden, batchFirst: true, bidirectional: bidirectional),
            CellKind.LSTM => nn.LSTM(inputs, hidden, batchFirst: true, bidirectional: bidirectional),
            _ => nn.GRU(inputs, hidden, batchFirst: true, bidirectional: bidirectional),
        };
        head = nn.Linear(bidirectional ? 2 * hidden : hidden, outputs);
        RegisterComponents();
        if (cell != CellKind.RNN) SetGateBias(1, KeepGateBias); // LSTM: forget gate; GRU: update gate (both second in PyTorch's order)
    }

    /// <summary>
    /// The starting bias of the gate that keeps memory (the LSTM's forget gate, the GRU's update gate): 3, so the gate
    /// starts at σ(3) ≈ 0.95 and a cell keeps about 0.95³⁰ ≈ 20 % of its memory across 30 steps. PyTorch starts every
    /// bias near 0 (σ ≈ 0.5: 0.5³⁰ ≈ 10⁻⁹ after 30 steps) and Keras at 1 (σ ≈ 0.73: 0.73³⁰ ≈ 10⁻⁴); with those, the
    /// gated cells in lesson 03's memory task stayed at chance at some seeds, because no gradient from the first token
    /// survived the gap. A bias set for the time scale the task needs is the "chrono" idea of Tallec and Ollivier (2018).
    /// PyTorch orders the LSTM's bias vectors by gate as input, forget, cell, output (forget slice [H, 2H)) and the GRU's
    /// as reset, update, new (h' = (1 − z)·n + z·h, update slice [H, 2H)).
    /// </summary>
    public const double KeepGateBias = 3.0;

    void SetGateBias(int gate, double value)
    {
        using var _ = no_grad();
        foreach (var (name, p) in recurrent.named_parameters())
        {
            if (name.StartsWith("bias_ih")) p[(gate * Hidden)..((gate + 1) * Hidden)].fill_(value);
            else if (name.StartsWith("bias_hh")) p[(gate * Hidden)..((gate + 1) * Hidden)].fill_(0);
        }
    }

    /// <param name="inputs">features per time step, at least 1</param>
    /// <param name="hidden">size of the hidden state, at least 1</param>
    /// <param name="outputs">classes (or 1 for a forecast), at least 1</param>
    public static SequenceModel Build(CellKind cell, int inputs, int hidden, int outputs, bool bidirectional = false,
        Readout readout = Readout.LastStep, int? seed = null)
    {
        if (!Enum.IsDefined(cell)) throw new ArgumentOutOfRangeException(nameof(cell), cell, "cell must be RNN, LSTM or GRU.");
        if (!Enum.IsDefined(readout)) throw new ArgumentOutOfRangeException(nameof(readout), readout, "readout must be LastStep or EveryStep.");
        if (inputs < 1) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "inputs (features per step) must be at least 1.");
        if (hidden < 1 || hidden > 1024) throw new ArgumentOutOfRangeException(nameof(hidden), hidden, "hidden must be between 1 and 1024.");
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "outputs must be at least 1.");
        if (seed is int s) KitTorch.Seed(s); else KitTorch.Setup();
        var model = new SequenceModel(cell, inputs, hidden, outputs, bidirectional, readout);
        model.to(KitTorch.Device);
        return model;
    }

    /// <summary>The recurrent layer's output at every step, [batch, steps, hidden × directions].</summary>
    public Tensor States(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 3) throw new ArgumentException($"x must be [batch, steps, features], not {x.dim()}-D.", nameof(x));
        switch (recurrent)
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
            default: throw new InvalidOperationException("unknown recurrent layer");
        }
    }

    public override Tensor forward(Tensor x)
    {
        var states = States(x);
        if (Readout == Readout.EveryStep) return head.call(states);
        long last = states.shape[1] - 1;
        var summary = Bidirectional
            ? cat([states[.., last, ..(int)Hidden], states[.., 0, (int)Hidden..]], 1)
            : states[.., last, ..];
        return head.call(summary);
    }

    public override string ToString() => $"{(Bidirectional ? "bidirectional " : "")}{Cell}, hidden {Hidden}, {Readout}";
}
