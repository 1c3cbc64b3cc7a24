using System.Globalization;
using System.Text;
using Kit.Charts;

namespace Kit.AutoML;

/// <summary>One candidate's outcome: its score on every fold (empty when it failed) and why it failed.</summary>
public sealed record CandidateResult(Candidate Candidate, double[] FoldScores, TimeSpan Elapsed, string? Failure)
{
    public bool Failed => Failure is not null;

    /// <summary>The objective averaged over the folds (NaN when the candidate failed).</summary>
    public double Score => Failed ? double.NaN : FoldScores.Average();

    /// <summary>The spread of the fold scores (population standard deviation).</summary>
    public double Spread => Failed ? double.NaN : Math.Sqrt(FoldScores.Average(s => (s - Score) * (s - Score)));
}

/// <summary>The candidates ranked by the objective, best first, failed candidates last; and the best candidate.</summary>
public sealed class Leaderboard
{
    public AutoMLJob Job { get; }
    public ProblemType ProblemType { get; }
    public int FoldCount => Folds.Count;

    /// <summary>The train/test rows of every fold, the same for every candidate.</summary>
    public IReadOnlyList<(int[] Train, int[] Test)> Folds { get; }
    public IReadOnlyList<CandidateResult> Ranked { get; }
    internal string DataCode { get; }

    internal Leaderboard(AutoMLJob job, ProblemType problemType, IReadOnlyList<(int[] Train, int[] Test)> folds, IReadOnlyList<CandidateResult> results, string dataCode)
    {
        (Job, ProblemType, Folds, DataCode) = (job, problemType, folds, dataCode);
        var objective = job.Objective;
        var completed = results.Where(r => !r.Failed);
        // A stable sort: candidates with equal scores keep the order they were tried in.
        Ranked = [.. (objective.Maximize ? completed.OrderByDescending(r => r.Score) : completed.OrderBy(r => r.Score)), .. results.Where(r => r.Failed)];
    }

    public Objective Objective => Job.Objective;

    /// <summary>The top candidate (Autopilot's best candidate).</summary>
    public CandidateResult Best => Ranked.FirstOrDefault(r => !r.Failed)
        ?? throw new InvalidOperationException($"every candidate failed; the first failure: {Ranked[0].Failure}");

    public override string ToString()
    {
        var text = new StringBuilder();
        int width = Ranked.Max(r => r.Candidate.Name.Length) + 2;
        text.AppendLine(CultureInfo.InvariantCulture, $"{"rank",-5}{"candidate".PadRight(width)}{Objective.Name + $" ({FoldCount}-fold mean)",22}{"± spread",10}{"seconds",9}");
        foreach (var (r, i) in Ranked.Select((r, i) => (r, i)))
            text.AppendLine(r.Failed
                ? $"{"-",-5}{r.Candidate.Name.PadRight(width)}  failed: {r.Failure}"
                : string.Create(CultureInfo.InvariantCulture, $"{i + 1,-5}{r.Candidate.Name.PadRight(width)}{r.Score,22:F4}{r.Spread,10:F4}{r.Elapsed.TotalSeconds,9:F2}"));
        return text.ToString();
    }

    /// <summary>A horizontal bar per completed candidate, best on top, with the fold spread as an error bar.</summary>
    public Figure Chart()
    {
        var done = Ranked.Where(r => !r.Failed).Reverse().ToList();
        return new Figure()
            .AddTrace(new
            {
                type = "bar", orientation = "h", x = done.Select(r => r.Score), y = done.Select(r => r.Candidate.Name.Replace(" (", "<br>(")),   // name, then hyperparameters, on two lines
                error_x = new { type = "data", array = done.Select(r => r.Spread), visible = true },
            })
            .WithTitle($"Leaderboard: {Objective.Name}, mean of {FoldCount} folds ({(Objective.Maximize ? "higher" : "lower")} is better)")
            .WithAxisTitles(Objective.Name, "")
            .WithLayout(new { margin = new { l = 300 }, yaxis = new { automargin = true } })
            .WithSize(120 + 48 * done.Count);
    }
}
