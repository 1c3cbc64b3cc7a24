namespace Kit.Containers;

/// <summary>The estimator settings that make a training job a Managed Spot Training job.</summary>
/// <param name="MaxRunSeconds">max_run: the limit on training time</param>
/// <param name="MaxWaitSeconds">max_wait: the limit on training plus waiting for Spot capacity (≥ max_run)</param>
/// <param name="CheckpointS3Uri">checkpoint_s3_uri: synced with /opt/ml/checkpoints, restored before a restart</param>
public sealed record SpotSettings(bool UseSpotInstances, int MaxRunSeconds, int? MaxWaitSeconds, string? CheckpointS3Uri)
{
    /// <summary>What is wrong with these settings, each as a sentence; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxRunSeconds <= 0) problems.Add("max_run must be > 0 seconds.");
        if (!UseSpotInstances)
        {
            if (MaxWaitSeconds is not null) problems.Add("max_wait is only allowed with use_spot_instances=True.");
            return problems;
        }
        if (MaxWaitSeconds is not int wait) problems.Add("use_spot_instances=True needs max_wait.");
        else if (wait < MaxRunSeconds) problems.Add($"max_wait ({wait} s) must be ≥ max_run ({MaxRunSeconds} s): it counts training time plus waiting.");
        if (string.IsNullOrWhiteSpace(CheckpointS3Uri))
            problems.Add("no checkpoint_s3_uri: after an interruption the job restarts from epoch 0 (allowed, but it loses all work).");
        else if (!CheckpointS3Uri.StartsWith("s3://", StringComparison.Ordinal))
            problems.Add($"checkpoint_s3_uri must be an s3:// URI, not '{CheckpointS3Uri}'.");
        return problems;
    }
}

/// <summary>An interruption: Spot capacity reclaimed after <paramref name="AtWorkHours"/> of completed training work,
/// then <paramref name="WaitHours"/> without capacity.</summary>
public sealed record Interruption(double AtWorkHours, double WaitHours);

/// <summary>How a Spot job went: hours billed (training time only), wall-clock hours, hours of work redone, and the status.</summary>
public sealed record SpotRun(double BilledHours, double WallHours, double RedoneHours, string Status);

public static class SpotTraining
{
    /// <summary>
    /// Plays a job of <paramref name="workHours"/> through its interruptions. With checkpoints every
    /// <paramref name="checkpointEveryHours"/> a restart loses the work since the last one (0 = a checkpoint at the
    /// interruption itself, as a SIGTERM handler saves one; null = no checkpoints, a restart begins at zero).
    /// You pay for training time (redone work included), not for waiting; when training plus waiting passes
    /// max_wait the job fails with MaxWaitTimeExceeded.
    /// </summary>
    public static SpotRun Simulate(double workHours, IEnumerable<Interruption> interruptions, double maxWaitHours, double? checkpointEveryHours)
    {
        if (!(workHours > 0)) throw new ArgumentOutOfRangeException(nameof(workHours), workHours, "workHours must be > 0.");
        if (checkpointEveryHours < 0) throw new ArgumentOutOfRangeException(nameof(checkpointEveryHours), checkpointEveryHours, "checkpointEveryHours must be ≥ 0 or null.");
        double done = 0, billed = 0, wall = 0, redone = 0;
        foreach (var cut in interruptions.OrderBy(i => i.AtWorkHours))
        {
            if (cut.AtWorkHours >= workHours) break;
            double ran = Math.Max(0, cut.AtWorkHours - done);
            billed += ran;
            wall += ran + cut.WaitHours;
            double kept = checkpointEveryHours switch
            {
                null => 0,
                0 => cut.AtWorkHours,
                double every => Math.Floor(cut.AtWorkHours / every) * every,
            };
            redone += cut.AtWorkHours - kept;
            done = kept;
            if (wall > maxWaitHours) return new SpotRun(billed, maxWaitHours, redone, "Failed: MaxWaitTimeExceeded");
        }
        billed += workHours - done;
        wall += workHours - done;
        return wall > maxWaitHours
            ? new SpotRun(billed - (wall - maxWaitHours), maxWaitHours, redone, "Failed: MaxWaitTimeExceeded")
            : new SpotRun(billed, wall, redone, "Completed");
    }
}
