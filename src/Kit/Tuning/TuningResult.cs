using System.Globalization;
using System.Text;

namespace Kit.Tuning;

/// <summary>A finished (or resumed) tuning job: every training job in the order it was started, and the best one.</summary>
public sealed class TuningResult
{
    internal TuningResult(string jobName, TuningStrategy strategy, Objective objective, SearchSpace space, IReadOnlyList<TrialRecord> trials, int replayed)
    {
        (JobName, Strategy, Objective, Space, Trials, Replayed) = (jobName, strategy, objective, space, trials, replayed);
    }

    public string JobName { get; }
    public TuningStrategy Strategy { get; }
    public Objective Objective { get; }
    public SearchSpace Space { get; }
    public IReadOnlyList<TrialRecord> Trials { get; }

    /// <summary>Trials read back from the store instead of trained (a resumed job).</summary>
    public int Replayed { get; }

    public IEnumerable<TrialRecord> Completed => Trials.Where(t => t.Status == TrialStatus.Completed);
    public int Failed => Trials.Count(t => t.Status == TrialStatus.Failed);

    /// <summary>Epochs trained over all trials: the job's compute.</summary>
    public int TotalEpochs => Trials.Sum(t => t.Epochs);

    public TrialRecord Best => Completed.Aggregate((TrialRecord?)null, (best, t) =>
        best is null || Objective.IsBetter(t.ObjectiveValue!.Value, best.ObjectiveValue!.Value) ? t : best)
        ?? throw new InvalidOperationException($"tuning job '{JobName}' has no completed trial ({Failed} failed).");

    /// <summary>The best objective value after each trial (NaN before the first completed one).</summary>
    public double[] BestSoFar()
    {
        var curve = new double[Trials.Count];
        double best = double.NaN;
        for (int i = 0; i < Trials.Count; i++)
        {
            if (Trials[i].ObjectiveValue is double v && (double.IsNaN(best) || Objective.IsBetter(v, best))) best = v;
            curve[i] = best;
        }
        return curve;
    }

    /// <summary>Trials run until the best so far came within <paramref name="fraction"/> of <paramref name="best"/>; null if it never did.</summary>
    public int? TrialsToReach(double best, double fraction = 0.01)
    {
        var curve = BestSoFar();
        for (int i = 0; i < curve.Length; i++)
            if (!double.IsNaN(curve[i]) && Objective.IsWithin(curve[i], best, fraction)) return i + 1;
        return null;
    }

    /// <summary>Epochs trained (over all trials, in order) until the best so far reached <paramref name="target"/>; null if it never did.</summary>
    public int? EpochsToReach(double target)
    {
        int spent = 0;
        foreach (var t in Trials)
        {
            spent += t.Epochs;
            if (t.ObjectiveValue is double v && (v == target || Objective.IsBetter(v, target))) return spent;
        }
        return null;
    }

    /// <summary>The trials as a text table (hyperparameters, objective, epochs, and a mark at each new best).</summary>
    public string ToTable(int? first = null)
    {
        var text = new StringBuilder();
        var names = Space.Ranges.Select(r => r.Name).ToList();
        text.AppendLine($"{"trial",-8}" + string.Concat(names.Select(n => $"{n,14}")) + $"{Objective.MetricName,22}{"epochs",8}");
        double best = double.NaN;
        foreach (var t in Trials.Take(first ?? Trials.Count))
        {
            text.Append($"{t.Key,-8}").Append(string.Concat(names.Select(n => $"{t.Hyperparameters.Text(n),14}")));
            if (t.ObjectiveValue is double v)
            {
                bool improved = double.IsNaN(best) || Objective.IsBetter(v, best);
                if (improved) best = v;
                text.Append($"{v.ToString("F4", CultureInfo.InvariantCulture),22}{t.Epochs,8}").AppendLine(improved ? "   ← new best" : "");
            }
            else text.Append($"{"failed",22}{t.Epochs,8}").AppendLine($"   {t.Error}");
        }
        return text.ToString();
    }

    public override string ToString() => Completed.Any()
        ? $"{JobName} ({Strategy}): {Trials.Count} trials ({Failed} failed), {TotalEpochs} epochs; best {Best}"
        : $"{JobName} ({Strategy}): {Trials.Count} trials, all failed";
}
