using Kit.Distributed;

namespace Kit.Tests;

/// <summary>
/// Tests that need Open MPI skip where it is missing, except with KIT_REQUIRE_MPI=1 (CI installs it): then they fail,
/// so that the real path cannot silently go untested.
/// </summary>
static class MpiForTests
{
    public static void Require()
    {
        var (available, reason) = Ranks.MpiStatus();
        if (available) return;
        if (Environment.GetEnvironmentVariable("KIT_REQUIRE_MPI") == "1") Assert.Fail($"KIT_REQUIRE_MPI=1 but {reason}");
        Skip.If(true, reason);
    }

    /// <summary>Claims that hold on both backends run on each: Open MPI processes and the thread fallback.</summary>
    public static TheoryData<RankBackend> Backends => [RankBackend.Mpi, RankBackend.Threads];

    public static void RequireFor(RankBackend backend)
    {
        if (backend == RankBackend.Mpi) Require();
    }

    public static RankRun<T> Run<T>(string job, object arguments, int ranks, RankBackend backend) =>
        Ranks.Run<T>(job, arguments, ranks, backend, TimeSpan.FromSeconds(60));
}
