using System.Diagnostics;

namespace Kit.Tuning;

/// <summary>A training job the strategy has decided on: its store key, hyperparameters, epochs and seed.</summary>
sealed record PlannedTrial(string Key, Hyperparameters Hyperparameters, int Epochs, int Seed, int? Bracket = null, int? Config = null, int? Rung = null);

/// <summary>Runs batches of planned trials in parallel, records failures, and replays trials the store already holds.</summary>
sealed class TrialRunner(HyperparameterTuner tuner, Func<TrialContext, IReadOnlyDictionary<string, double>> train, TuningStore? store, CancellationToken cancellation)
{
    readonly List<TrialRecord> _trials = [];
    int _replayed;

    public IReadOnlyList<TrialRecord> Trials => _trials;
    public int Replayed => _replayed;
    public CancellationToken Cancellation => cancellation;

    public void Batch(IReadOnlyList<PlannedTrial> batch)
    {
        var results = new TrialRecord[batch.Count];
        int first = _trials.Count;
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = tuner.MaxParallelJobs, CancellationToken = cancellation },
            i => results[i] = Run(first + i, batch[i]));
        _trials.AddRange(results);
    }

    TrialRecord Run(int index, PlannedTrial p)
    {
        if (store?.Find(p.Key, tuner.Space) is { } stored)
        {
            if (stored.Hyperparameters.ToJson() != p.Hyperparameters.ToJson())
                throw new InvalidOperationException($"the store's trial {p.Key} ran {stored.Hyperparameters}, but this job now proposes {p.Hyperparameters}: the store belongs to another job definition.");
            Interlocked.Increment(ref _replayed);
            return stored;
        }
        cancellation.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, double> metrics = new Dictionary<string, double>();
        string? error = null;
        try
        {
            metrics = train(new TrialContext(p.Key, p.Hyperparameters, p.Epochs, p.Seed, cancellation))
                ?? throw new InvalidOperationException("the training job returned no metrics.");
            string name = tuner.Objective.MetricName;
            if (!metrics.TryGetValue(name, out double value)) error = $"the training job did not report the objective metric '{name}'.";
            else if (!double.IsFinite(value)) error = $"the objective metric '{name}' was {value} (training diverged).";
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { throw; }
        catch (Exception e) { error = $"{e.GetType().Name}: {e.Message}"; }
        var record = new TrialRecord(index, p.Key, p.Hyperparameters, error is null ? TrialStatus.Completed : TrialStatus.Failed,
            error is null ? metrics[tuner.Objective.MetricName] : null,
            metrics.Where(m => double.IsFinite(m.Value)).ToDictionary(), p.Epochs, clock.Elapsed.TotalSeconds, error, p.Bracket, p.Config, p.Rung);
        store?.Save(record);
        return record;
    }
}

/// <summary>Per-trial seeds from the job's seed and the trial's key: FNV-1a (stable across processes, unlike
/// string.GetHashCode), then SplitMix64's finaliser, because keys differing in one character would otherwise give
/// nearby seeds, and System.Random's first draws from nearby seeds are correlated.</summary>
static class Seeds
{
    public static int Of(int seed, string key)
    {
        ulong h = 14695981039346656037;
        foreach (char c in $"{seed}/{key}") h = (h ^ c) * 1099511628211;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EB;
        h ^= h >> 31;
        return (int)(h & 0x7FFFFFFF);
    }
}
