using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Distributed;

/// <summary>
/// Data parallelism (what PyTorch's DistributedDataParallel and SageMaker's data-parallel library do): every rank
/// holds a full replica of the model and takes its own shard of every batch; after the backward pass the gradients
/// are summed over ranks with an all-reduce and divided by the world size, so every replica takes the same optimizer
/// step, the one a single process would take on the whole batch.
/// </summary>
public sealed class DataParallel
{
    readonly ICommunicator _comm;
    readonly nn.Module<Tensor, Tensor> _model;
    readonly IReadOnlyList<Tensor> _parameters;

    /// <summary>Checks that every rank has the same model shape, then copies rank 0's initial weights to every
    /// replica (as DistributedDataParallel does when it wraps a model).</summary>
    public DataParallel(ICommunicator comm, nn.Module<Tensor, Tensor> model)
    {
        _comm = comm ?? throw new ArgumentNullException(nameof(comm));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _parameters = [.. model.parameters().Where(p => p.requires_grad)];
        ParameterCount = _parameters.Sum(p => p.numel());
        CheckSameShapeOnEveryRank();
        var weights = Flatten(_parameters);
        comm.Broadcast(weights, root: 0);
        Unflatten(weights, _parameters, grad: false);
    }

    /// <summary>This rank's replica.</summary>
    public nn.Module<Tensor, Tensor> Model => _model;

    public long ParameterCount { get; }

    /// <summary>Seconds spent in forward + backward, and in the gradient all-reduce, summed over steps.</summary>
    public double ComputeSeconds { get; private set; }
    public double CommunicationSeconds { get; private set; }

    /// <summary>This rank's rows of a global batch: rows [rank·B/N, (rank + 1)·B/N).</summary>
    public Tensor Shard(Tensor batch)
    {
        long rows = batch.shape[0];
        if (rows % _comm.Size != 0)
            throw new ArgumentException($"the global batch has {rows} rows, which the world size {_comm.Size} does not divide: " +
                                        $"use a batch that is a multiple of {_comm.Size} so that every rank gets an equal shard.", nameof(batch));
        long shard = rows / _comm.Size;
        return batch.narrow(0, _comm.Rank * shard, shard);
    }

    /// <summary>One data-parallel step on a global batch; returns the global mean loss (the same on every rank).</summary>
    public double Step(Tensor x, Tensor y, optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor> loss)
    {
        using var scope = NewDisposeScope();
        var start = Stopwatch.GetTimestamp();
        optimizer.zero_grad();
        var local = loss(_model.forward(Shard(x)), Shard(y));
        local.backward();
        var computed = Stopwatch.GetTimestamp();

        _comm.Barrier(); // wait for the slowest rank here (asleep), so that the all-reduce runs with every rank present
        // One message for all gradients (DDP's buckets): the loss rides along in the last slot.
        var packed = new float[ParameterCount + 1];
        Flatten(_parameters.Select(p => p.grad!)).CopyTo(packed, 0);
        packed[^1] = local.item<float>();
        _comm.AllreduceSum(packed);
        var mean = torch.tensor(packed) / _comm.Size;
        Unflatten(mean, _parameters, grad: true);
        CommunicationSeconds += Stopwatch.GetElapsedTime(computed).TotalSeconds;
        ComputeSeconds += Stopwatch.GetElapsedTime(start, computed).TotalSeconds;

        optimizer.step();
        return mean[-1].item<float>();
    }

    /// <summary>The parameters as one vector (rank order of <c>model.parameters()</c>).</summary>
    public static float[] Flatten(IEnumerable<Tensor> tensors)
    {
        using var scope = NewDisposeScope();
        var list = tensors.ToList();
        if (list.Count == 0) return [];
        return torch.cat([.. list.Select(t => t.detach().cpu().flatten())]).data<float>().ToArray();
    }

    static void Unflatten(float[] values, IReadOnlyList<Tensor> parameters, bool grad)
    {
        using var scope = NewDisposeScope();
        Unflatten(torch.tensor(values), parameters, grad);
    }

    /// <summary>Copies consecutive segments of a flat vector into the parameters (or their gradients).</summary>
    static void Unflatten(Tensor flat, IReadOnlyList<Tensor> parameters, bool grad)
    {
        using var _ = no_grad();
        long offset = 0;
        foreach (var p in parameters)
        {
            (grad ? p.grad! : p).copy_(flat.narrow(0, offset, p.numel()).view(p.shape));
            offset += p.numel();
        }
    }

    void CheckSameShapeOnEveryRank()
    {
        // Slot 2r holds rank r's parameter count, slot 2r + 1 a fingerprint of its tensor shapes.
        var shapes = string.Join(";", _parameters.Select(p => string.Join("x", p.shape)));
        var table = new double[2 * _comm.Size];
        table[2 * _comm.Rank] = ParameterCount;
        table[2 * _comm.Rank + 1] = (uint)shapes.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        _comm.AllreduceSum(table);
        for (int r = 1; r < _comm.Size; r++)
            if (table[2 * r] != table[0] || table[2 * r + 1] != table[1])
                throw new InvalidOperationException(
                    $"the replicas differ: rank 0's model has {table[0]:N0} parameters, rank {r}'s {table[2 * r]:N0}" +
                    (table[2 * r] == table[0] ? " in differently shaped tensors" : "") +
                    ". Data parallelism needs the same model on every rank.");
    }
}
