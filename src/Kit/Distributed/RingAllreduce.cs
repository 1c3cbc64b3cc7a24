namespace Kit.Distributed;

/// <summary>One transfer of the ring: in <paramref name="Phase"/> step <paramref name="Step"/>, this rank sent
/// chunk <paramref name="SentChunk"/> to its right neighbour and received chunk <paramref name="ReceivedChunk"/> from its left.</summary>
public sealed record RingTransfer(string Phase, int Step, int SentChunk, int ReceivedChunk);

/// <summary>What one rank did during a ring all-reduce.</summary>
public sealed record RingTrace(IReadOnlyList<RingTransfer> Transfers, long BytesSent);

/// <summary>
/// Ring all-reduce written out for teaching (the algorithm behind Horovod, NCCL and Baidu's ring): the vector is
/// cut into one chunk per rank and the ranks form a ring. In N − 1 scatter-reduce steps each rank passes a chunk to
/// its right neighbour and adds the chunk arriving from its left, so that afterwards each rank owns one fully summed
/// chunk; in N − 1 all-gather steps those summed chunks travel round the ring. Each rank sends 2(N − 1)/N of the
/// vector in total, however many ranks there are: the reason the ring scales.
/// </summary>
public static class RingAllreduce
{
    /// <summary>Sums <paramref name="buffer"/> over all ranks, in place, with only neighbour-to-neighbour messages.</summary>
    public static RingTrace Run(ICommunicator comm, double[] buffer)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(buffer);
        int n = comm.Size, rank = comm.Rank;
        var transfers = new List<RingTransfer>();
        if (n == 1) return new RingTrace(transfers, 0);
        var (starts, lengths) = Chunks(buffer.Length, n);
        int right = (rank + 1) % n, left = (rank - 1 + n) % n;
        var incoming = new double[lengths.Max()];
        var outgoing = new double[lengths.Max()];
        long bytes = 0;

        void Exchange(string phase, int step, int send, int receive, bool add)
        {
            // Chunk lengths differ by one when N does not divide the length: every message is padded to the
            // longest chunk, so sender and receiver agree on the count; the padding is not counted as payload.
            Array.Copy(buffer, starts[send], outgoing, 0, lengths[send]);
            comm.SendRecv(outgoing, 0, right, incoming, 0, left, outgoing.Length, step);
            bytes += lengths[send] * sizeof(double);
            for (int i = 0; i < lengths[receive]; i++)
                buffer[starts[receive] + i] = add ? buffer[starts[receive] + i] + incoming[i] : incoming[i];
            transfers.Add(new RingTransfer(phase, step, send, receive));
        }

        for (int s = 0; s < n - 1; s++)
            Exchange("scatter-reduce", s, Mod(rank - s, n), Mod(rank - s - 1, n), add: true);
        for (int s = 0; s < n - 1; s++)
            Exchange("all-gather", n - 1 + s, Mod(rank - s + 1, n), Mod(rank - s, n), add: false);
        return new RingTrace(transfers, bytes);
    }

    /// <summary>Bytes each rank sends in a ring all-reduce of <paramref name="bytes"/> over <paramref name="ranks"/> ranks: 2(N − 1)/N × bytes.</summary>
    public static double BytesSentPerRank(double bytes, int ranks) => ranks <= 1 ? 0 : 2.0 * (ranks - 1) / ranks * bytes;

    /// <summary>N nearly equal chunks (the first ones one longer when N does not divide the length).</summary>
    public static (int[] Starts, int[] Lengths) Chunks(int length, int n)
    {
        var lengths = Enumerable.Range(0, n).Select(c => length / n + (c < length % n ? 1 : 0)).ToArray();
        var starts = new int[n];
        for (int c = 1; c < n; c++) starts[c] = starts[c - 1] + lengths[c - 1];
        return (starts, lengths);
    }

    static int Mod(int a, int n) => ((a % n) + n) % n;
}
