using System.Diagnostics;
using System.Text.Json;
using Kit.Data;
using Kit.Runtime;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Distributed;

/// <summary>
/// The jobs a rank can run, by name: the same code runs in a process started by mpirun (src/Kit.Ranks) and in a
/// thread of the fallback. Arguments and results travel as JSON.
/// </summary>
public static class RankJobs
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    static readonly Lock SeedGate = new();

    public static IReadOnlyList<string> Names { get; } = ["data-parallel", "ring", "pipeline", "allreduce-sweep"];

    public static string Run(string job, ICommunicator comm, string argumentsJson) => job switch
    {
        "data-parallel" => Serialize(DataParallelRank(comm, Deserialize<DataParallelArgs>(argumentsJson))),
        "ring" => Serialize(RingRank(comm, Deserialize<RingArgs>(argumentsJson))),
        "pipeline" => Serialize(PipelineRank(comm, Deserialize<PipelineArgs>(argumentsJson))),
        "allreduce-sweep" => Serialize(AllreduceSweepRank(comm, Deserialize<AllreduceSweepArgs>(argumentsJson))),
        _ => throw new ArgumentException($"unknown rank job '{job}'; known: {string.Join(", ", Names)}.", nameof(job)),
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new ArgumentException($"no {typeof(T).Name} in: {json}", nameof(json));

    /// <summary>The moons batch every rank (and the single-process reference) draws for a seed.</summary>
    public static (Tensor X, Tensor Y) Batch(int rows, int seed)
    {
        var data = ToyData.MakeMoons(rows, noise: 0.2, seed: seed);
        return (torch.tensor(data.Features).reshape(rows, data.FeatureCount), torch.tensor(data.Labels));
    }

    /// <summary>The model of the data-parallel lesson, built under a lock: seeding is global to the process, and thread ranks build at once.</summary>
    public static nn.Module<Tensor, Tensor> Model(int[] hidden, int seed)
    {
        lock (SeedGate) return Nets.Mlp(2, hidden, 2, seed: seed);
    }

    /// <summary>What one process does with the whole batch: the reference a data-parallel run must equal.</summary>
    public static (float[] Weights, double[] Losses) SingleProcess(DataParallelArgs args)
    {
        var model = Model(args.HiddenLayers, args.Seed);
        var (x, y) = Batch(args.Batch, args.Seed);
        var optimizer = optim.SGD(model.parameters(), learningRate: args.LearningRate);
        var losses = new double[args.Steps];
        for (int s = 0; s < args.Steps; s++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            optimizer.step();
            losses[s] = loss.item<float>();
        }
        return (DataParallel.Flatten(model.parameters()), losses);
    }

    static DataParallelResult DataParallelRank(ICommunicator comm, DataParallelArgs args)
    {
        KitTorch.Setup();
        var hidden = comm.Rank == comm.Size - 1 && args.LastRankHidden is { } other ? other : args.HiddenLayers;
        var dp = new DataParallel(comm, Model(hidden, args.Seed + comm.Rank)); // different seeds: the broadcast makes the replicas equal
        var (x, y) = Batch(args.Batch, args.Seed);
        var optimizer = optim.SGD(dp.Model.parameters(), learningRate: args.LearningRate);
        var losses = new double[args.Steps];
        for (int s = 0; s < args.Warmup; s++) dp.Step(x, y, optimizer, (o, t) => nn.functional.cross_entropy(o, t));
        double compute = dp.ComputeSeconds, communication = dp.CommunicationSeconds;
        var clock = Stopwatch.StartNew();
        for (int s = 0; s < args.Steps; s++)
        {
            if (comm.Rank == args.FailRank && s == args.FailAtStep)
                throw new SimulatedCrashException($"rank {comm.Rank} crashed at step {s} (simulated)");
            losses[s] = dp.Step(x, y, optimizer, (o, t) => nn.functional.cross_entropy(o, t));
        }
        double perStep = clock.Elapsed.TotalSeconds / Math.Max(1, args.Steps);
        return new DataParallelResult(comm.Rank, comm.Backend, dp.ParameterCount, DataParallel.Flatten(dp.Model.parameters()), losses, perStep,
            (dp.ComputeSeconds - compute) / Math.Max(1, args.Steps), (dp.CommunicationSeconds - communication) / Math.Max(1, args.Steps));
    }

    static RingResult RingRank(ICommunicator comm, RingArgs args)
    {
        var random = new Random(args.Seed * 1000 + comm.Rank);
        var mine = Enumerable.Range(0, args.Length).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var ring = (double[])mine.Clone();
        var trace = RingAllreduce.Run(comm, ring);
        var mpi = (double[])mine.Clone();
        comm.AllreduceSum(mpi);
        double max = ring.Zip(mpi).Select(p => Math.Abs(p.First - p.Second)).DefaultIfEmpty(0).Max();
        return new RingResult(comm.Rank, max, ring.AsSpan().SequenceEqual(mpi), trace.BytesSent, [.. trace.Transfers]);
    }

    static PipelineResult PipelineRank(ICommunicator comm, PipelineArgs args)
    {
        KitTorch.Setup();
        int last = comm.Size - 1;
        int inputs = comm.Rank == 0 ? 2 : args.Width;
        nn.Module<Tensor, Tensor> layers;
        lock (SeedGate)
        {
            KitTorch.Seed(args.Seed + comm.Rank);
            layers = comm.Rank == last
                ? nn.Sequential(nn.Linear(inputs, args.Width), nn.ReLU(), nn.Linear(args.Width, 2))
                : nn.Sequential(nn.Linear(inputs, args.Width), nn.ReLU());
        }
        var stage = new PipelineStage(comm, layers, inputs, comm.Rank == last ? 2 : args.Width);
        var runs = new List<StageEvent[]>();
        var (warmX, warmY) = Batch(args.MicroBatchRows, args.Seed);
        stage.Step(warmX, warmY, 1, args.MicroBatchRows); // first calls are slow (JIT, allocations): not part of the timeline
        foreach (int m in args.MicroBatches.SelectMany(m => Enumerable.Repeat(m, args.Repeats)))
        {
            var (x, y) = Batch(m * args.MicroBatchRows, args.Seed);
            comm.Barrier();
            runs.Add([.. stage.Step(x, y, m, args.MicroBatchRows, args.MinOpMillis / 1000)]);
        }
        return new PipelineResult(comm.Rank, [.. runs]);
    }

    static AllreduceSweepResult AllreduceSweepRank(ICommunicator comm, AllreduceSweepArgs args)
    {
        var medians = new double[args.Floats.Length];
        var fastest = new double[args.Floats.Length];
        var warmUp = new float[1024];
        var sync = new float[1];
        for (int i = 0; i < 200; i++) comm.AllreduceSum(warmUp); // the first calls after start-up wait for the slower rank
        for (int i = 0; i < args.Floats.Length; i++)
        {
            var buffer = new float[args.Floats[i]];
            var times = new double[args.Repeats];
            comm.AllreduceSum(buffer); // first use of this size: buffers
            for (int r = 0; r < args.Repeats; r++)
            {
                comm.Barrier();
                comm.AllreduceSum(sync); // the barrier lets ranks go asleep-then-awake; this lets them start together
                var clock = Stopwatch.StartNew();
                comm.AllreduceSum(buffer);
                times[r] = clock.Elapsed.TotalSeconds;
            }
            Array.Sort(times);
            medians[i] = times[times.Length / 2];
            fastest[i] = times[0];
        }
        return new AllreduceSweepResult(comm.Rank, medians, fastest);
    }
}
