using System.Runtime.ExceptionServices;

namespace Kit.Tuning;

/// <summary>
/// Automatic model tuning as SageMaker AMT runs it: a search space, an objective metric and direction, a strategy,
/// max jobs and max parallel jobs, a seed, optional warm start. Each trial is a real training job, the delegate
/// given to <see cref="Fit"/>; trials of a batch run in parallel. A trial that throws (or reports a NaN objective) is
/// recorded as failed and tuning goes on. With <see cref="StorePath"/> every finished trial is written to SQLite as it
/// finishes, and running the same job again replays them instead of training: a killed job resumes where it stopped.
/// <code>
/// var tuner = new HyperparameterTuner(space, new Objective("validation:accuracy", ObjectiveType.Maximize), ["validation:accuracy", "validation:loss"])
///     { Strategy = TuningStrategy.Bayesian, MaxJobs = 20, MaxParallelJobs = 2, Seed = 0, MaxEpochs = 10 };
/// TuningResult result = tuner.Fit(trial => Train(trial.Hyperparameters, trial.Epochs, trial.Seed));
/// </code>
/// </summary>
public sealed class HyperparameterTuner
{
    int _maxJobs = 20, _maxParallelJobs = 1, _minEpochs = 1, _maxEpochs = 1;

    /// <param name="space">the hyperparameter ranges</param>
    /// <param name="objective">the metric to optimise and its direction; it must be one of <paramref name="metricDefinitions"/></param>
    /// <param name="metricDefinitions">the metrics the training jobs report (AMT's MetricDefinitions)</param>
    public HyperparameterTuner(SearchSpace space, Objective objective, IReadOnlyCollection<string> metricDefinitions)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(metricDefinitions);
        if (!metricDefinitions.Contains(objective.MetricName))
            throw new ArgumentException($"the objective metric '{objective.MetricName}' is not one of the metric definitions ({string.Join(", ", metricDefinitions)}); AMT can only optimise a metric the training job emits.", nameof(objective));
        (Space, Objective, MetricDefinitions) = (space, objective, metricDefinitions);
    }

    public SearchSpace Space { get; }
    public Objective Objective { get; }
    public IReadOnlyCollection<string> MetricDefinitions { get; }
    public TuningStrategy Strategy { get; set; } = TuningStrategy.Bayesian;
    public int Seed { get; set; }
    public string JobName { get; set; } = "tuning-job";

    /// <summary>Training jobs to run (configurations, for Hyperband). Grid search ignores it: the grid's size sets the number.</summary>
    public int MaxJobs { get => _maxJobs; set => _maxJobs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxJobs), value, "MaxJobs must be at least 1."); }

    /// <summary>Training jobs running at once (a batch); 1 makes each proposal see every earlier result.</summary>
    public int MaxParallelJobs { get => _maxParallelJobs; set => _maxParallelJobs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxParallelJobs), value, "MaxParallelJobs must be at least 1."); }

    /// <summary>Epochs each training job gets (Hyperband's maximum resource).</summary>
    public int MaxEpochs { get => _maxEpochs; set => _maxEpochs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxEpochs), value, "MaxEpochs must be at least 1."); }

    /// <summary>Hyperband's minimum resource: the epochs of its cheapest rung.</summary>
    public int MinEpochs { get => _minEpochs; set => _minEpochs = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinEpochs), value, "MinEpochs must be at least 1."); }

    /// <summary>Bayesian search: random trials before the surrogate model takes over (none when a warm start brings points).</summary>
    public int InitialRandomTrials { get; set; } = 3;

    /// <summary>SQLite file for the trials (null: kept in memory only).</summary>
    public string? StorePath { get; set; }

    public WarmStart? WarmStart { get; set; }

    /// <param name="train">one training job: trains with the context's hyperparameters for its epochs and returns the
    /// metrics it measured (the objective among them)</param>
    /// <param name="cancellation">stops starting new trials (trials already running finish and are stored)</param>
    public TuningResult Fit(Func<TrialContext, IReadOnlyDictionary<string, double>> train, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        Validate();
        using var store = StorePath is null ? null : new TuningStore(StorePath, JobName, Signature());
        var run = new TrialRunner(this, train, store, cancellation);
        try
        {
            if (Strategy == TuningStrategy.Hyperband) RunHyperband(run);
            else RunSequence(run);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return new TuningResult(JobName, Strategy, Objective, Space, run.Trials, run.Replayed);
    }

    void Validate()
    {
        if (Strategy == TuningStrategy.Grid && Space.Ranges.FirstOrDefault(r => r is not CategoricalParameter) is { } numeric)
            throw new ArgumentException(SearchSpace.GridNeedsCategorical(numeric), nameof(Strategy));
        if (Strategy == TuningStrategy.Hyperband && MaxEpochs <= MinEpochs)
            throw new ArgumentException($"Hyperband needs MaxEpochs ({MaxEpochs}) greater than MinEpochs ({MinEpochs}): it grows the epochs between rungs.", nameof(MaxEpochs));
        if (WarmStart is { } w)
        {
            if (Strategy != TuningStrategy.Bayesian)
                throw new ArgumentException($"warm start feeds the Bayesian model; {Strategy} search would ignore its parents. Use TuningStrategy.Bayesian.", nameof(WarmStart));
            if (w.Parents.Length is 0 or > WarmStart.MaxParents)
                throw new ArgumentException($"a warm start takes 1 to {WarmStart.MaxParents} parent jobs, not {w.Parents.Length}.", nameof(WarmStart));
            foreach (var p in w.Parents)
            {
                var missing = Space.Ranges.Select(r => r.Name).Except(p.Space.Ranges.Select(r => r.Name)).ToList();
                if (missing.Count > 0) throw new ArgumentException($"parent job '{p.JobName}' did not tune {string.Join(", ", missing)}; a parent must cover this job's hyperparameters.", nameof(WarmStart));
                if (p.Objective.MetricName != Objective.MetricName)
                    throw new ArgumentException($"parent job '{p.JobName}' optimised '{p.Objective.MetricName}', this job '{Objective.MetricName}'; warm start needs the same objective metric.", nameof(WarmStart));
            }
        }
    }

    string Signature() => $"{Strategy}; {Space}; {Objective}; seed {Seed}; parallel {MaxParallelJobs}; epochs {MinEpochs}-{MaxEpochs}; initial {InitialRandomTrials}"
        + (WarmStart is { } w ? $"; warm {w.Type} from {string.Join(",", w.Parents.Select(p => $"{p.JobName}:{p.Trials.Count}"))}" : "");

    void RunSequence(TrialRunner run)
    {
        var grid = Strategy == TuningStrategy.Grid ? Space.Grid().ToList() : null;
        int total = grid?.Count ?? MaxJobs;
        for (int start = 0; start < total; start += MaxParallelJobs)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            int count = Math.Min(MaxParallelJobs, total - start);
            var keys = Enumerable.Range(start, count).Select(i => $"t{i}").ToList();
            List<Hyperparameters> proposals = Strategy switch
            {
                TuningStrategy.Grid => grid!.GetRange(start, count),
                TuningStrategy.Bayesian when WarmStart is not null || run.Trials.Count(t => t.Status == TrialStatus.Completed) >= Math.Max(InitialRandomTrials, 1)
                    => BayesianSearch.Propose(Space, [.. WarmStartPrior(run.Trials), .. Observations(run.Trials)], count, new Random(Seeds.Of(Seed, keys[0]))),
                _ => [.. keys.Select(k => Space.Sample(new Random(Seeds.Of(Seed, k))))],
            };
            run.Batch([.. keys.Select((k, i) => new PlannedTrial(k, proposals[i], MaxEpochs, Seeds.Of(Seed, k)))]);
        }
    }

    void RunHyperband(TrialRunner run)
    {
        var plan = HyperbandPlan.Brackets(MinEpochs, MaxEpochs);
        int configsUsed = 0;
        for (int b = 0; configsUsed < MaxJobs; b++)
        {
            var bracket = plan[b % plan.Count];
            int n = Math.Min(bracket.Rungs[0].Configurations, MaxJobs - configsUsed);
            configsUsed += n;
            var survivors = Enumerable.Range(0, n).ToList();
            for (int r = 0; r < bracket.Rungs.Count && survivors.Count > 0; r++)
            {
                run.Cancellation.ThrowIfCancellationRequested();
                if (r > 0) survivors = Promote(run, b, r - 1, survivors, Math.Min(bracket.Rungs[r].Configurations, Math.Max(1, survivors.Count / 3)));
                int epochs = bracket.Rungs[r].Epochs;
                var planned = survivors.Select(c => (c, key: $"b{b}c{c}")).Select(p => new PlannedTrial($"{p.key}r{r}",
                    Space.Sample(new Random(Seeds.Of(Seed, p.key))), epochs, Seeds.Of(Seed, p.key), b, p.c, r)).ToList();
                foreach (var chunk in planned.Chunk(MaxParallelJobs)) run.Batch([.. chunk]);
            }
        }
    }

    /// <summary>The best <paramref name="keep"/> configurations of a rung, by objective (failed ones last).</summary>
    List<int> Promote(TrialRunner run, int bracket, int rung, List<int> configs, int keep) =>
        [.. run.Trials.Where(t => t.Bracket == bracket && t.Rung == rung && t.Status == TrialStatus.Completed)
            .OrderByDescending(t => Objective.Type == ObjectiveType.Maximize ? t.ObjectiveValue!.Value : -t.ObjectiveValue!.Value)
            .ThenBy(t => t.Config).Select(t => t.Config!.Value).Take(keep)];

    IEnumerable<Observation> Observations(IEnumerable<TrialRecord> trials) =>
        trials.Where(t => t.Status == TrialStatus.Completed)
            .Select(t => new Observation(Space.Encode(t.Hyperparameters), Higher(t.ObjectiveValue!.Value), 1e-4, Counts: true));

    double Higher(double value) => Objective.Type == ObjectiveType.Maximize ? value : -value;

    /// <summary>
    /// The parents' completed trials as observations. Identical data and algorithm: the same objective, taken as is.
    /// Transfer learning: a related objective, so only its shape is kept: each parent is standardised on its own,
    /// then put on this job's mean and spread once it has two results; trusted less (noise 0.1), never a "best".
    /// </summary>
    List<Observation> WarmStartPrior(IEnumerable<TrialRecord> own)
    {
        if (WarmStart is not { } w) return [];
        var ownY = own.Where(t => t.Status == TrialStatus.Completed).Select(t => Higher(t.ObjectiveValue!.Value)).ToList();
        var prior = new List<Observation>();
        foreach (var parent in w.Parents)
        {
            var points = parent.Completed.Select(t => (X: Clamp(Space.Encode(t.Hyperparameters)), Y: Higher(t.ObjectiveValue!.Value))).ToList();
            if (w.Type == WarmStartType.IdenticalDataAndAlgorithm)
            {
                prior.AddRange(points.Select(p => new Observation(p.X, p.Y, 1e-4, Counts: true)));
                continue;
            }
            var (mean, sd) = MeanSd(points.Select(p => p.Y).ToList());
            var (ownMean, ownSd) = ownY.Count >= 2 ? MeanSd(ownY) : (0, 1);
            prior.AddRange(points.Select(p => new Observation(p.X, ownMean + ownSd * (p.Y - mean) / sd, 0.1, Counts: false)));
        }
        return prior;
    }

    static (double Mean, double Sd) MeanSd(List<double> values)
    {
        double mean = values.Average(), sd = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        return (mean, sd > 1e-12 ? sd : 1);
    }

    static double[] Clamp(double[] x) => [.. x.Select(v => Math.Clamp(v, 0, 1))];
}
