namespace Kit.Distributed;

/// <summary>
/// The few collective and point-to-point operations distributed training needs, named as in MPI.
/// <see cref="MpiCommunicator"/> runs them on Open MPI between processes; <see cref="ThreadCommunicator"/>
/// runs the same operations between threads of one process (the fallback where MPI is not installed).
/// </summary>
public interface ICommunicator : IDisposable
{
    /// <summary>This rank's number, 0 … <see cref="Size"/> − 1.</summary>
    int Rank { get; }

    /// <summary>The world size: how many ranks take part.</summary>
    int Size { get; }

    /// <summary>"Open MPI 4.1.4, processes" or "threads in one process".</summary>
    string Backend { get; }

    /// <summary>MPI_Allreduce with MPI_SUM, in place: afterwards every rank holds the element-wise sum over ranks.</summary>
    void AllreduceSum(float[] buffer);

    /// <inheritdoc cref="AllreduceSum(float[])"/>
    void AllreduceSum(double[] buffer);

    /// <summary>MPI_Bcast: every rank ends with root's values.</summary>
    void Broadcast(float[] buffer, int root);

    /// <summary>MPI_Send of a segment to rank <paramref name="dest"/>.</summary>
    void Send(float[] buffer, int offset, int count, int dest, int tag);

    /// <summary>MPI_Recv of a segment from rank <paramref name="source"/>.</summary>
    void Recv(float[] buffer, int offset, int count, int source, int tag);

    /// <summary>MPI_Sendrecv: sends to one rank while receiving from another, so that a ring cannot deadlock.</summary>
    void SendRecv(double[] send, int sendOffset, int dest, double[] receive, int receiveOffset, int source, int count, int tag);

    /// <summary>MPI_Barrier: returns once every rank has entered it.</summary>
    void Barrier();
}
