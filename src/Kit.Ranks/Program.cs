using Kit.Distributed;
using Kit.Runtime;

// mpirun -np N dotnet Kit.Ranks.dll <job> <arguments.json> <result folder>: each rank writes rank-<r>.json there.
if (args.Length != 3)
{
    Console.Error.WriteLine($"usage: mpirun -np N dotnet Kit.Ranks.dll <job> <arguments.json> <result folder>; jobs: {string.Join(", ", RankJobs.Names)}");
    return 2;
}
if (!MpiCommunicator.LaunchedByMpirun)
{
    Console.Error.WriteLine("kit-rank: start this program with mpirun (or use Kit.Distributed.Ranks.Run, which does).");
    return 2;
}
using var comm = new MpiCommunicator();
try
{
    var result = RankJobs.Run(args[0], comm, File.ReadAllText(args[1]));
    KitPaths.WriteAtomically(Path.Combine(args[2], $"rank-{comm.Rank}.json"), result);
    if (comm.Rank == 0) KitPaths.WriteAtomically(Path.Combine(args[2], "backend.txt"), comm.Backend);
    return 0;
}
catch (SimulatedCrashException e)
{
    Console.Error.WriteLine($"kit-rank {comm.Rank}: {e.Message}");
    Environment.Exit(3); // gone without MPI_Finalize, as a crashed machine would be
    return 3;
}
catch (Exception e)
{
    Console.Error.WriteLine($"kit-rank {comm.Rank}: {e.GetType().Name}: {e.Message}");
    comm.Abort(1); // stops every other rank instead of leaving them waiting for this one
    return 1;
}
