using System.Diagnostics;
using Kit.Distributed;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public sealed class DistributedInputTests
{
    [SkippableTheory]
    [MemberData(nameof(MpiForTests.Backends), MemberType = typeof(MpiForTests))]
    public void A_world_size_that_does_not_divide_the_batch_is_refused_naming_both(RankBackend backend)
    {
        AssertRefused(backend, new DataParallelArgs(Batch: 255), "255 rows", "world size 2");
    }

    [SkippableTheory]
    [MemberData(nameof(MpiForTests.Backends), MemberType = typeof(MpiForTests))]
    public void Ranks_with_different_model_shapes_are_refused_naming_the_rank(RankBackend backend)
    {
        AssertRefused(backend, new DataParallelArgs(LastRankHidden: [32, 16]), "rank 1's", "same model on every rank");
    }

    static void AssertRefused(RankBackend backend, DataParallelArgs args, params string[] expected)
    {
        MpiForTests.RequireFor(backend);
        var e = Assert.Throws<RankFailedException>(() => MpiForTests.Run<DataParallelResult>("data-parallel", args, 2, backend));
        foreach (var text in expected) Assert.Contains(text, e.Message);
    }

    [SkippableTheory]
    [MemberData(nameof(MpiForTests.Backends), MemberType = typeof(MpiForTests))]
    public void A_rank_that_dies_mid_step_stops_the_others_with_a_clear_error_within_the_timeout(RankBackend backend)
    {
        MpiForTests.RequireFor(backend);
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<RankFailedException>(() =>
            MpiForTests.Run<DataParallelResult>("data-parallel", new DataParallelArgs(Steps: 5, FailRank: 1, FailAtStep: 2), 2, backend));
        Assert.Contains("rank 1 crashed at step 2", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the job took {clock.Elapsed.TotalSeconds:F1} s to stop");
    }

    [Fact]
    public void A_thread_rank_waiting_for_a_silent_rank_times_out_naming_it()
    {
        var comms = ThreadCommunicator.CreateGroup(2, TimeSpan.FromMilliseconds(200));
        var e = Assert.Throws<TimeoutException>(() => comms[0].Recv(new float[4], 0, 4, source: 1, tag: 0));
        Assert.Contains("for rank 1", e.Message);
        Assert.Throws<TimeoutException>(() => comms[0].Barrier());
    }

    [Fact]
    public void Without_MPI_a_job_runs_its_ranks_as_threads_and_says_how_to_install_it()
    {
        var empty = Directory.CreateTempSubdirectory("kit-no-mpi-").FullName;
        Ranks.MpirunSearchPath = empty;
        try
        {
            var (available, reason) = Ranks.MpiStatus();
            Assert.False(available);
            Assert.Contains(OpenMpi.InstallCommand, reason);
            var run = Ranks.Run<RingResult>("ring", new RingArgs(10), 2);
            Assert.Equal("threads in one process", run.Backend);
            Assert.Contains(OpenMpi.InstallCommand, run.Note);
            var e = Assert.Throws<InvalidOperationException>(() => Ranks.Run<RingResult>("ring", new RingArgs(10), 2, RankBackend.Mpi));
            Assert.Contains(OpenMpi.InstallCommand, e.Message);
        }
        finally
        {
            Ranks.MpirunSearchPath = null;
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void An_unknown_job_and_a_non_positive_world_size_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ranks.Run<RingResult>("ring", new RingArgs(), 0, RankBackend.Threads));
        var e = Assert.Throws<RankFailedException>(() => Ranks.Run<RingResult>("nope", new RingArgs(), 1, RankBackend.Threads));
        Assert.Contains("unknown rank job 'nope'", e.Message);
    }
}
