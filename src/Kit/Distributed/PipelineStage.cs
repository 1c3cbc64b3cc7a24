using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Distributed;

/// <summary>One operation of one stage: a forward ("F") or backward ("B") pass of a micro-batch, in seconds on the host's monotonic clock.</summary>
public sealed record StageEvent(int Stage, int MicroBatch, string Kind, double Start, double End);

/// <summary>
/// Pipeline parallelism on the GPipe schedule: the network is cut into consecutive stages, one per rank; each
/// batch is cut into micro-batches. Stage k runs the forward pass of every micro-batch as soon as its activations
/// arrive from stage k − 1 (MPI_Send/MPI_Recv), then the backward passes in reverse, sending each input gradient
/// back to stage k − 1. Stages idle while the pipeline fills and drains: the bubble, (p − 1)/(m + p − 1) of the time
/// for p stages and m micro-batches when every operation takes equally long.
/// </summary>
public sealed class PipelineStage(ICommunicator comm, nn.Module<Tensor, Tensor> layers, int inputWidth, int outputWidth)
{
    const int GradientTag = 1 << 20;

    /// <summary>Theory: the fraction of stage time spent idle in a GPipe step.</summary>
    public static double BubbleFraction(int stages, int microBatches)
    {
        if (stages < 1) throw new ArgumentOutOfRangeException(nameof(stages), stages, "at least one stage.");
        if (microBatches < 1) throw new ArgumentOutOfRangeException(nameof(microBatches), microBatches, "at least one micro-batch.");
        return (stages - 1.0) / (microBatches + stages - 1.0);
    }

    /// <summary>
    /// One GPipe training step. Stage 0 needs <paramref name="x"/>, the last stage <paramref name="y"/> (others may pass
    /// null). Each operation lasts at least <paramref name="minOpSeconds"/> (0 for none): a stand-in for an accelerator
    /// kernel of fixed length, which makes the schedule visible on a small model. Returns this stage's events.
    /// </summary>
    public List<StageEvent> Step(Tensor? x, Tensor? y, int microBatches, int microBatchRows, double minOpSeconds = 0)
    {
        int stage = comm.Rank, last = comm.Size - 1;
        if (microBatches < 1) throw new ArgumentOutOfRangeException(nameof(microBatches), microBatches, "at least one micro-batch.");
        if (stage == 0 && (x is null || x.shape[0] != (long)microBatches * microBatchRows))
            throw new ArgumentException($"stage 0 needs x with {microBatches} × {microBatchRows} rows.", nameof(x));
        if (stage == last && (y is null || y.shape[0] != (long)microBatches * microBatchRows))
            throw new ArgumentException($"the last stage needs y with {microBatches} × {microBatchRows} rows.", nameof(y));
        var events = new List<StageEvent>();
        var inputs = new Tensor[microBatches];
        var outputs = new Tensor[microBatches];
        using var scope = NewDisposeScope();
        layers.zero_grad();

        for (int i = 0; i < microBatches; i++)
        {
            var inbound = stage == 0 ? null : Receive(stage - 1, i, microBatchRows * inputWidth);
            double start = Now();
            inputs[i] = (stage == 0 ? x!.narrow(0, (long)i * microBatchRows, microBatchRows) : torch.tensor(inbound!).reshape(microBatchRows, inputWidth))
                .detach().requires_grad_(stage > 0);
            outputs[i] = layers.forward(inputs[i]);
            if (stage == last)
                outputs[i] = nn.functional.cross_entropy(outputs[i], y!.narrow(0, (long)i * microBatchRows, microBatchRows)) / microBatches;
            Pad(start, minOpSeconds);
            events.Add(new StageEvent(stage, i, "F", start, Now()));
            if (stage < last) comm.Send(outputs[i].detach().data<float>().ToArray(), 0, microBatchRows * outputWidth, stage + 1, i);
        }
        for (int i = microBatches - 1; i >= 0; i--)
        {
            var inbound = stage == last ? null : Receive(stage + 1, GradientTag + i, microBatchRows * outputWidth);
            double start = Now();
            if (stage == last) outputs[i].backward();
            else outputs[i].backward([torch.tensor(inbound!).reshape(microBatchRows, outputWidth)]);
            Pad(start, minOpSeconds);
            events.Add(new StageEvent(stage, i, "B", start, Now()));
            if (stage > 0) comm.Send(inputs[i].grad!.data<float>().ToArray(), 0, microBatchRows * inputWidth, stage - 1, GradientTag + i);
        }
        return events;
    }

    float[] Receive(int source, int tag, int count)
    {
        var buffer = new float[count];
        comm.Recv(buffer, 0, count, source, tag);
        return buffer;
    }

    /// <summary>Seconds on the monotonic clock, which all processes of one host share.</summary>
    public static double Now() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    static void Pad(double start, double minSeconds)
    {
        double left = minSeconds - (Now() - start);
        if (left > 0) Thread.Sleep(TimeSpan.FromSeconds(left));
    }
}
