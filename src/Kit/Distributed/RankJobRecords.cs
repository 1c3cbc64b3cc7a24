namespace Kit.Distributed;

// What the rank jobs of RankJobs take and return; they travel as JSON between the launcher and the ranks.

/// <summary>A data-parallel run: an MLP on a moons batch, trained with SGD. <paramref name="FailRank"/> dies at
/// <paramref name="FailAtStep"/> (to show what happens to the others); <paramref name="LastRankHidden"/> gives the
/// last rank a different model (to show the shape check).</summary>
public sealed record DataParallelArgs(int Seed = 0, int Steps = 3, int Batch = 256, int[]? Hidden = null, double LearningRate = 0.1,
    int Warmup = 0, int FailRank = -1, int FailAtStep = -1, int[]? LastRankHidden = null)
{
    public int[] HiddenLayers => Hidden ?? [32, 32];
}

public sealed record DataParallelResult(int Rank, string Backend, long Parameters, float[] Weights, double[] Losses,
    double SecondsPerStep, double ComputeSecondsPerStep, double CommunicationSecondsPerStep);

public sealed record RingArgs(int Length = 1000, int Seed = 0);

public sealed record RingResult(int Rank, double MaxDifferenceFromMpi, bool BitIdentical, long BytesSent, RingTransfer[] Transfers);

/// <summary>A GPipe step for each micro-batch count, <paramref name="Repeats"/> times each (a busy machine now and then stalls a hand-off).</summary>
public sealed record PipelineArgs(int[] MicroBatches, int MicroBatchRows = 16, int Width = 32, double MinOpMillis = 20, int Seed = 0, int Repeats = 1);

public sealed record PipelineResult(int Rank, StageEvent[][] Runs);

public sealed record AllreduceSweepArgs(int[] Floats, int Repeats = 20);

/// <summary>Per message size, the median and the fastest of the repeats; the fastest is the least disturbed by other work on the machine.</summary>
public sealed record AllreduceSweepResult(int Rank, double[] MedianSeconds, double[] FastestSeconds);

/// <summary>A rank that dies on purpose, standing in for a crashed machine.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
