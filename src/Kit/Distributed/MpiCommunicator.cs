namespace Kit.Distributed;

/// <summary>
/// A rank of an MPI job: this process, started by <c>mpirun</c>. Initializes MPI on creation and
/// finalizes it on <see cref="Dispose"/>; one per process.
/// </summary>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    bool _finalized;

    public MpiCommunicator()
    {
        if (OpenMpi.Initialized() == 0) OpenMpi.Init();
        Rank = OpenMpi.CommRank();
        Size = OpenMpi.CommSize();
        Backend = $"{OpenMpi.LibraryVersion()}, processes";
    }

    /// <summary>True in a process that mpirun started (Open MPI sets OMPI_COMM_WORLD_SIZE).</summary>
    public static bool LaunchedByMpirun => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null;

    public int Rank { get; }
    public int Size { get; }
    public string Backend { get; }

    public void AllreduceSum(float[] buffer) { fixed (float* p = buffer) OpenMpi.Allreduce(p, buffer.Length, OpenMpi.Float); }
    public void AllreduceSum(double[] buffer) { fixed (double* p = buffer) OpenMpi.Allreduce(p, buffer.Length, OpenMpi.Double); }
    public void Broadcast(float[] buffer, int root) { fixed (float* p = buffer) OpenMpi.Bcast(p, buffer.Length, OpenMpi.Float, root); }

    public void Send(float[] buffer, int offset, int count, int dest, int tag)
    {
        Segment.Check(buffer.Length, offset, count);
        fixed (float* p = buffer) OpenMpi.Send(p + offset, count, OpenMpi.Float, dest, tag);
    }

    public void Recv(float[] buffer, int offset, int count, int source, int tag)
    {
        Segment.Check(buffer.Length, offset, count);
        // Wait asleep, not inside MPI_Recv: Open MPI waits by polling, and on a busy machine a polling rank gets the
        // core late, long after the message arrived (pipeline hand-offs took tens of ms); a sleeping one is woken first.
        while (!OpenMpi.Iprobe(source, tag)) usleep(50);
        fixed (float* p = buffer) OpenMpi.Recv(p + offset, count, OpenMpi.Float, source, tag);
    }

    public void SendRecv(double[] send, int sendOffset, int dest, double[] receive, int receiveOffset, int source, int count, int tag)
    {
        Segment.Check(send.Length, sendOffset, count);
        Segment.Check(receive.Length, receiveOffset, count);
        fixed (double* s = send) fixed (double* r = receive)
            OpenMpi.SendRecv(s + sendOffset, dest, r + receiveOffset, source, count, OpenMpi.Double, tag);
    }

    /// <summary>A barrier that waits asleep (MPI_Ibarrier, then MPI_Test between short sleeps): a rank that waits for a
    /// slower one does not take the core from it, which on a busy machine MPI_Barrier's polling does.</summary>
    public void Barrier()
    {
        var request = OpenMpi.Ibarrier();
        // Sleeps that double from 50 µs to 1 ms: short waits stay short, long ones do not wake the core every 50 µs.
        for (uint pause = 50; !OpenMpi.Test(ref request); pause = Math.Min(2 * pause, 1000)) usleep(pause);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "usleep")]
    static extern int usleep(uint microseconds);

    /// <summary>Ends the whole job with an error code: mpirun then stops every other rank.</summary>
    public void Abort(int code) => OpenMpi.Abort(code);

    public void Dispose()
    {
        if (_finalized) return;
        _finalized = true;
        OpenMpi.Finalize();
    }
}

static class Segment
{
    public static void Check(int length, int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"segment [{offset}, {offset + count}) lies outside a buffer of {length} elements.");
    }
}
