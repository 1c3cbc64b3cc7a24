using Kit.Distributed;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public sealed class DistributedClaimTests
{
    [SkippableTheory]
    [MemberData(nameof(MpiForTests.Backends), MemberType = typeof(MpiForTests))]
    public void A_data_parallel_step_over_two_ranks_equals_the_single_process_large_batch_step(RankBackend backend)
    {
        MpiForTests.RequireFor(backend);
        for (int seed = 0; seed < 5; seed++)
        {
            var args = new DataParallelArgs(Seed: seed, Steps: 3, Batch: 256);
            var run = MpiForTests.Run<DataParallelResult>("data-parallel", args, 2, backend);
            var (weights, losses) = RankJobs.SingleProcess(args);
            foreach (var rank in run.Results)
            {
                Assert.Equal(weights.Length, rank.Weights.Length);
                double worst = weights.Zip(rank.Weights).Max(p => Math.Abs(p.First - p.Second));
                Assert.True(worst < 1e-5, $"seed {seed}, rank {rank.Rank}: weights differ from one process on the whole batch by {worst:E2}");
                for (int s = 0; s < losses.Length; s++) Assert.Equal(losses[s], rank.Losses[s], 5);
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(MpiForTests.Backends), MemberType = typeof(MpiForTests))]
    public void The_ring_allreduce_equals_MPI_Allreduce(RankBackend backend)
    {
        MpiForTests.RequireFor(backend);
        foreach (var (ranks, length) in new[] { (2, 1000), (3, 1001), (3, 7) })
            for (int seed = 0; seed < 5; seed++)
            {
                var run = MpiForTests.Run<RingResult>("ring", new RingArgs(length, seed), ranks, backend);
                Assert.All(run.Results, r => Assert.True(r.MaxDifferenceFromMpi <= 1e-12,
                    $"{ranks} ranks, {length} values, seed {seed}: rank {r.Rank} differs from the library's all-reduce by {r.MaxDifferenceFromMpi:E2}"));
                Assert.All(run.Results, r => Assert.Equal(2 * (ranks - 1), r.Transfers.Length)); // N − 1 scatter-reduce and N − 1 all-gather steps
            }
    }

    [Fact]
    public void Communication_per_step_grows_with_parameter_count_as_the_ring_model_predicts()
    {
        foreach (int ranks in new[] { 2, 3, 4 })
            foreach (int parameters in new[] { 1_218, 4_482, 17_154 }) // the lesson's MLPs 2-32-32-2, 2-64-64-2, 2-128-128-2
            {
                int length = parameters - parameters % ranks; // a multiple of N: no padding, so the count is exact
                var run = MpiForTests.Run<RingResult>("ring", new RingArgs(length), ranks, RankBackend.Threads);
                Assert.All(run.Results, r => Assert.Equal(RingAllreduce.BytesSentPerRank(length * 8.0, ranks), r.BytesSent));
            }
        var model = new CostModel(LatencySeconds: 1e-5, BytesPerSecond: 1e9);
        Assert.True(model.RingAllreduceSeconds(4e6, 8) < model.ParameterServerSeconds(4e6, 8), "a ring beats one parameter server at 8 workers");
        var bandwidthOnly = model with { LatencySeconds = 0 };
        Assert.Equal(8.0, bandwidthOnly.ParameterServerSeconds(4e6, 64) / bandwidthOnly.ParameterServerSeconds(4e6, 8), 12); // one server: linear in N
        Assert.Equal(2 * 63 / 64.0 / (2 * 7 / 8.0), bandwidthOnly.RingAllreduceSeconds(4e6, 64) / bandwidthOnly.RingAllreduceSeconds(4e6, 8), 12);
    }

    [Fact]
    public void The_cost_model_fit_recovers_latency_and_bandwidth_from_times_it_generated()
    {
        var truth = new CostModel(LatencySeconds: 5e-6, BytesPerSecond: 5e9);
        double[] bytes = [4e3, 6.4e4, 1e6, 4e6];
        foreach (int ranks in new[] { 2, 4 })
        {
            var fit = CostModel.Fit(bytes, [.. bytes.Select(b => truth.RingAllreduceSeconds(b, ranks))], ranks);
            Assert.Equal(1, fit.LatencySeconds / truth.LatencySeconds, 9);
            Assert.Equal(1, fit.BytesPerSecond / truth.BytesPerSecond, 9);
        }
        Assert.Throws<ArgumentException>(() => CostModel.Fit([1e3, 1e6], [2e-3, 1e-3], 2));
    }

    [SkippableFact]
    public void Measured_all_reduce_time_grows_with_the_message_and_fits_the_latency_bandwidth_model()
    {
        MpiForTests.Require();
        int[] floats = [1 << 10, 1 << 14, 1 << 18, 1 << 20];
        var run = MpiForTests.Run<AllreduceSweepResult>("allreduce-sweep", new AllreduceSweepArgs(floats), 2, RankBackend.Mpi);
        var seconds = run.Results[0].FastestSeconds;
        Assert.True(seconds[^1] > seconds[0] * 4, $"1 Mi floats took {seconds[^1] * 1e3:F3} ms, 1 Ki floats {seconds[0] * 1e3:F3} ms");
        var fit = CostModel.Fit([.. floats.Select(f => f * 4.0)], seconds, 2);
        Assert.True(fit.BytesPerSecond > 1e8, $"fitted bandwidth {fit}");
        double predicted = fit.RingAllreduceSeconds(floats[^1] * 4.0, 2);
        Assert.InRange(predicted / seconds[^1], 0.5, 2.0);
    }

    static readonly PipelineArgs Pipeline = new([1, 2, 4, 8], MinOpMillis: 40, Repeats: 5);

    [SkippableTheory]
    [MemberData(nameof(MpiForTests.Backends), MemberType = typeof(MpiForTests))]
    public void The_pipeline_bubble_shrinks_as_micro_batches_grow_and_the_schedule_is_within_10_percent_of_theory(RankBackend backend)
    {
        MpiForTests.RequireFor(backend);
        // The schedule's bubble: the measured operations replayed without hand-off delays (what GPipe's formula
        // describes), from the least disturbed of 5 runs per m.
        var run = MpiForTests.Run<PipelineResult>("pipeline", Pipeline, 2, backend);
        var timelines = PipelineTimeline.LeastDisturbed(run.Results, Pipeline, by: t => t.ScheduleBubble);
        foreach (var t in timelines)
            Assert.True(Math.Abs(t.ScheduleBubble - t.TheoreticalBubble) <= 0.1 * t.TheoreticalBubble,
                $"m = {t.MicroBatches}: schedule bubble {t.ScheduleBubble:F3}, theory {t.TheoreticalBubble:F3}");
        var wall = PipelineTimeline.LeastDisturbed(run.Results, Pipeline);
        Assert.True(wall.Zip(wall.Skip(1)).All(p => p.Second.Bubble < p.First.Bubble),
            $"the wall-clock bubble shrinks with every doubling of m: {string.Join(", ", wall.Select(t => $"{t.Bubble:F3}"))}");
    }
}
