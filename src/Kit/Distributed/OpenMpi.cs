using System.Runtime.InteropServices;

namespace Kit.Distributed;

/// <summary>
/// Open MPI's C library, loaded at run time with no binding package: function pointers from
/// <c>libmpi.so.40</c>. Open MPI's handles (MPI_COMM_WORLD, MPI_FLOAT, MPI_SUM, …) are the addresses of
/// exported globals such as <c>ompi_mpi_comm_world</c>; MPICH uses integer handles instead, so this is Open MPI only.
/// </summary>
public static unsafe class OpenMpi
{
    /// <summary>The one command that installs Open MPI on Debian and Ubuntu.</summary>
    public const string InstallCommand = "sudo apt-get install openmpi-bin libopenmpi-dev";

    const string LibraryName = "libmpi.so.40";
    static readonly Lock Gate = new();
    static IntPtr _library;

    /// <summary>Whether libmpi can be loaded here, and if not, why (with the install command).</summary>
    public static (bool Available, string Reason) Probe()
    {
        if (!OperatingSystem.IsLinux()) return (false, "the Kit's MPI binding is for Open MPI on Linux");
        if (!NativeLibrary.TryLoad(LibraryName, out var handle))
            return (false, $"Open MPI is not installed ({LibraryName} not found). Install it with: {InstallCommand}");
        NativeLibrary.Free(handle);
        return (true, "Open MPI found");
    }

    internal static IntPtr Library
    {
        get
        {
            lock (Gate)
            {
                if (_library != IntPtr.Zero) return _library;
                var (available, reason) = Probe();
                if (!available) throw new DllNotFoundException(reason);
                _library = NativeLibrary.Load(LibraryName);
                return _library;
            }
        }
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IntPtr> Exports = new();

    static IntPtr Export(string name) => Exports.GetOrAdd(name, n => NativeLibrary.GetExport(Library, n));

    // Handles: addresses of Open MPI's predefined objects.
    internal static IntPtr CommWorld => Export("ompi_mpi_comm_world");
    internal static IntPtr Float => Export("ompi_mpi_float");
    internal static IntPtr Double => Export("ompi_mpi_double");
    internal static IntPtr Sum => Export("ompi_mpi_op_sum");
    internal static readonly IntPtr InPlace = 1;        // MPI_IN_PLACE is ((void*)1) in Open MPI's mpi.h
    internal static readonly IntPtr StatusIgnore = 0;   // MPI_STATUS_IGNORE is ((MPI_Status*)0)

    internal static int Init() => ((delegate* unmanaged<IntPtr, IntPtr, int>)Export("MPI_Init"))(0, 0);
    internal static int Finalize() => ((delegate* unmanaged<int>)Export("MPI_Finalize"))();
    internal static int Abort(int code) => ((delegate* unmanaged<IntPtr, int, int>)Export("MPI_Abort"))(CommWorld, code);

    internal static int Initialized()
    {
        int flag;
        Check(((delegate* unmanaged<int*, int>)Export("MPI_Initialized"))(&flag), "MPI_Initialized");
        return flag;
    }

    internal static int CommRank()
    {
        int rank;
        Check(((delegate* unmanaged<IntPtr, int*, int>)Export("MPI_Comm_rank"))(CommWorld, &rank), "MPI_Comm_rank");
        return rank;
    }

    internal static int CommSize()
    {
        int size;
        Check(((delegate* unmanaged<IntPtr, int*, int>)Export("MPI_Comm_size"))(CommWorld, &size), "MPI_Comm_size");
        return size;
    }

    internal static void Allreduce(void* buffer, int count, IntPtr type) =>
        Check(((delegate* unmanaged<IntPtr, void*, int, IntPtr, IntPtr, IntPtr, int>)Export("MPI_Allreduce"))(InPlace, buffer, count, type, Sum, CommWorld), "MPI_Allreduce");

    internal static void Bcast(void* buffer, int count, IntPtr type, int root) =>
        Check(((delegate* unmanaged<void*, int, IntPtr, int, IntPtr, int>)Export("MPI_Bcast"))(buffer, count, type, root, CommWorld), "MPI_Bcast");

    internal static void Send(void* buffer, int count, IntPtr type, int dest, int tag) =>
        Check(((delegate* unmanaged<void*, int, IntPtr, int, int, IntPtr, int>)Export("MPI_Send"))(buffer, count, type, dest, tag, CommWorld), "MPI_Send");

    internal static void Recv(void* buffer, int count, IntPtr type, int source, int tag) =>
        Check(((delegate* unmanaged<void*, int, IntPtr, int, int, IntPtr, IntPtr, int>)Export("MPI_Recv"))(buffer, count, type, source, tag, CommWorld, StatusIgnore), "MPI_Recv");

    internal static bool Iprobe(int source, int tag)
    {
        int flag;
        Check(((delegate* unmanaged<int, int, IntPtr, int*, IntPtr, int>)Export("MPI_Iprobe"))(source, tag, CommWorld, &flag, StatusIgnore), "MPI_Iprobe");
        return flag != 0;
    }

    internal static void SendRecv(void* send, int dest, void* receive, int source, int count, IntPtr type, int tag) =>
        Check(((delegate* unmanaged<void*, int, IntPtr, int, int, void*, int, IntPtr, int, int, IntPtr, IntPtr, int>)Export("MPI_Sendrecv"))(
            send, count, type, dest, tag, receive, count, type, source, tag, CommWorld, StatusIgnore), "MPI_Sendrecv");

    /// <summary>MPI_Ibarrier: starts a barrier and returns its request at once.</summary>
    internal static IntPtr Ibarrier()
    {
        IntPtr request;
        Check(((delegate* unmanaged<IntPtr, IntPtr*, int>)Export("MPI_Ibarrier"))(CommWorld, &request), "MPI_Ibarrier");
        return request;
    }

    /// <summary>MPI_Test: whether the request has completed (it also drives MPI's progress).</summary>
    internal static bool Test(ref IntPtr request)
    {
        int flag;
        fixed (IntPtr* r = &request)
            Check(((delegate* unmanaged<IntPtr*, int*, IntPtr, int>)Export("MPI_Test"))(r, &flag, StatusIgnore), "MPI_Test");
        return flag != 0;
    }

    internal static void Barrier() =>
        Check(((delegate* unmanaged<IntPtr, int>)Export("MPI_Barrier"))(CommWorld), "MPI_Barrier");

    /// <summary>Open MPI's version string, e.g. "Open MPI v4.1.4, …".</summary>
    public static string LibraryVersion()
    {
        var text = stackalloc byte[256];
        int length;
        Check(((delegate* unmanaged<byte*, int*, int>)Export("MPI_Get_library_version"))(text, &length), "MPI_Get_library_version");
        return System.Text.Encoding.ASCII.GetString(text, length).Split(',')[0].Trim();
    }

    // With the default error handler (MPI_ERRORS_ARE_FATAL) a failing call aborts the job before it returns;
    // this only fires if someone changed the handler.
    static void Check(int code, string call)
    {
        if (code != 0) throw new InvalidOperationException($"{call} failed with MPI error code {code}.");
    }
}
