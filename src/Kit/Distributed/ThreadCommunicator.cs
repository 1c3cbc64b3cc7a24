using System.Collections.Concurrent;

namespace Kit.Distributed;

/// <summary>
/// The ranks of a job as threads of one process, with MPI's semantics: the fallback where Open MPI is not
/// installed, so lessons still run. Create the ranks with <see cref="CreateGroup"/>. When one rank fails,
/// <see cref="Fail"/> makes every other rank's next (or current) wait throw instead of hanging; a wait that
/// lasts longer than the group's timeout throws <see cref="TimeoutException"/>.
/// </summary>
public sealed class ThreadCommunicator : ICommunicator
{
    readonly Group _group;

    ThreadCommunicator(Group group, int rank) { _group = group; Rank = rank; }

    /// <summary>One communicator per rank, sharing mailboxes and a barrier.</summary>
    public static ThreadCommunicator[] CreateGroup(int size, TimeSpan timeout)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "the world size must be at least 1.");
        var group = new Group(size, timeout);
        return [.. Enumerable.Range(0, size).Select(r => new ThreadCommunicator(group, r))];
    }

    public int Rank { get; }
    public int Size => _group.Size;
    public string Backend => "threads in one process";

    /// <summary>Marks the job failed: every rank's pending and future wait throws with this reason.</summary>
    public void Fail(string reason) => _group.Fail(reason);

    public void AllreduceSum(float[] buffer) => Allreduce(buffer, (a, b) => a + b);
    public void AllreduceSum(double[] buffer) => Allreduce(buffer, (a, b) => a + b);

    void Allreduce<T>(T[] buffer, Func<T, T, T> add)
    {
        _group.Slots[Rank] = buffer.Clone();
        Barrier();
        var slots = _group.Slots;
        for (int r = 0; r < Size; r++)
            if (((T[])slots[r]!).Length != buffer.Length)
                throw new InvalidOperationException($"AllreduceSum: rank {r} sent {((T[])slots[r]!).Length} elements, rank {Rank} {buffer.Length}; every rank must send the same count.");
        var first = (T[])slots[0]!;
        for (int i = 0; i < buffer.Length; i++)
        {
            T sum = first[i];
            for (int r = 1; r < Size; r++) sum = add(sum, ((T[])slots[r]!)[i]); // rank order, like MPI's reduction on one host
            buffer[i] = sum;
        }
        Barrier(); // nobody overwrites a slot before everyone has read it
    }

    public void Broadcast(float[] buffer, int root)
    {
        if (Rank == root) _group.Slots[root] = buffer.Clone();
        Barrier();
        ((float[])_group.Slots[root]!).CopyTo(buffer, 0);
        Barrier();
    }

    public void Send(float[] buffer, int offset, int count, int dest, int tag)
    {
        Segment.Check(buffer.Length, offset, count);
        _group.Mailbox(Rank, dest, tag).Add(buffer[offset..(offset + count)]);
    }

    public void Recv(float[] buffer, int offset, int count, int source, int tag)
    {
        Segment.Check(buffer.Length, offset, count);
        var message = (float[])_group.Take(Rank, source, tag, "Recv");
        if (message.Length != count)
            throw new InvalidOperationException($"Recv: rank {source} sent {message.Length} elements, rank {Rank} expected {count}.");
        message.CopyTo(buffer, offset);
    }

    public void SendRecv(double[] send, int sendOffset, int dest, double[] receive, int receiveOffset, int source, int count, int tag)
    {
        Segment.Check(send.Length, sendOffset, count);
        Segment.Check(receive.Length, receiveOffset, count);
        _group.Mailbox(Rank, dest, tag).Add(send[sendOffset..(sendOffset + count)]);
        ((double[])_group.Take(Rank, source, tag, "SendRecv")).CopyTo(receive, receiveOffset);
    }

    public void Barrier() => _group.Wait(Rank);

    public void Dispose() { }

    sealed class Group(int size, TimeSpan timeout)
    {
        readonly ConcurrentDictionary<(int From, int To, int Tag), BlockingCollection<Array>> _mailboxes = new();
        readonly CancellationTokenSource _failed = new();
        readonly Barrier _barrier = new(size);
        string? _failure;

        public int Size { get; } = size;
        public object?[] Slots { get; } = new object?[size];

        public BlockingCollection<Array> Mailbox(int from, int to, int tag)
        {
            if (to < 0 || to >= Size) throw new ArgumentOutOfRangeException(nameof(to), to, $"ranks are 0 … {Size - 1}.");
            return _mailboxes.GetOrAdd((from, to, tag), _ => []);
        }

        public void Fail(string reason)
        {
            Interlocked.CompareExchange(ref _failure, reason, null);
            _failed.Cancel();
        }

        public Array Take(int rank, int source, int tag, string call)
        {
            try
            {
                if (Mailbox(source, rank, tag).TryTake(out var message, (int)timeout.TotalMilliseconds, _failed.Token)) return message;
            }
            catch (OperationCanceledException) { throw Stopped(rank); }
            throw new TimeoutException($"rank {rank} waited {timeout.TotalSeconds:F0} s in {call} for rank {source} (tag {tag}): that rank is stuck or gone.");
        }

        public void Wait(int rank)
        {
            try
            {
                if (_barrier.SignalAndWait(timeout, _failed.Token)) return;
            }
            catch (OperationCanceledException) { throw Stopped(rank); }
            throw new TimeoutException($"rank {rank} waited {timeout.TotalSeconds:F0} s at a collective for the other ranks: one of them is stuck or gone.");
        }

        Exception Stopped(int rank) => new RankFailedException($"rank {rank} stopped because another rank failed: {_failure}");
    }
}

/// <summary>A rank stopped because another rank of its job failed.</summary>
public sealed class RankFailedException(string message) : Exception(message);
