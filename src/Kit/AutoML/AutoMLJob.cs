using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Kit.AutoML;

/// <summary>The train/test row indices of every fold, for a table of <paramref name="rows"/> rows with target values <paramref name="target"/>.</summary>
public delegate IReadOnlyList<(int[] Train, int[] Test)> FoldSplitter(int rows, double[] target);

/// <summary>
/// An Autopilot-style AutoML job on a table: every candidate (an algorithm after one of its preprocessings) is
/// cross-validated on the same folds, scored by the objective and ranked on a <see cref="Leaderboard"/>. What the
/// job does not do is Autopilot's tuning of each candidate (HPO mode) or stacking them (ensembling mode): each
/// algorithm runs with the hyperparameters it is defined with.
/// </summary>
public sealed class AutoMLJob
{
    public string TargetColumn { get; }
    public Objective Objective { get; }
    public FoldSplitter Folds { get; }
    internal string FoldsCode { get; }

    /// <summary>The problem type; inferred from the target column when not set (<see cref="ProblemTypes.Infer"/>).</summary>
    public ProblemType? ProblemType { get; init; }

    /// <summary>The budget: at most this many candidates are tried, in the order given (Autopilot's MaxCandidates).</summary>
    public int MaxCandidates
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxCandidates), value, "MaxCandidates (the budget) must be at least 1 candidate.");
    } = 250;

    /// <summary>The seed every candidate's fit receives, so a rerun (or the candidate notebook) reproduces its score.</summary>
    public int Seed { get; init; }

    /// <param name="folds">self-contained code (it is copied into the candidate notebook)</param>
    public AutoMLJob(string targetColumn, Objective objective, FoldSplitter folds, [CallerArgumentExpression(nameof(folds))] string foldsCode = "")
    {
        if (string.IsNullOrWhiteSpace(targetColumn)) throw new ArgumentException("targetColumn must name the column to predict.", nameof(targetColumn));
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(folds);
        (TargetColumn, Objective, Folds, FoldsCode) = (targetColumn, objective, folds, foldsCode);
    }

    /// <summary>Runs every candidate, up to the budget. A candidate that throws is recorded as failed and the job goes on.</summary>
    /// <param name="data">self-contained code (it is copied into the candidate notebook)</param>
    public Leaderboard Run(Table data, IReadOnlyList<Algorithm> algorithms, [CallerArgumentExpression(nameof(data))] string dataCode = "")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(algorithms);
        if (data.RowCount == 0) throw new ArgumentException("data has no rows: there is nothing to learn from.", nameof(data));
        if (!data.Columns.Contains(TargetColumn))
            throw new ArgumentException($"targetColumn '{TargetColumn}' is not a column of the data; it has {string.Join(", ", data.Columns.Take(8))}{(data.Columns.Count > 8 ? ", …" : "")}.", "targetColumn");
        if (data.Columns.Count < 2) throw new ArgumentException("data has only the target column: there are no features to learn from.", nameof(data));
        if (algorithms.Count == 0) throw new ArgumentException("algorithms must hold at least one candidate algorithm.", nameof(algorithms));
        var (x, featureCount, y) = data.Split(TargetColumn);
        if (y.Distinct().Count() < 2)
            throw new ArgumentException($"targetColumn '{TargetColumn}' has the same value ({y[0]}) in every row: there is nothing to predict.", "targetColumn");
        var problem = ProblemType ?? ProblemTypes.Infer(y);
        Objective.CheckFits(problem);
        var folds = Folds(data.RowCount, y);

        var candidates = algorithms.SelectMany(a => a.Preprocessings.Select(p => new Candidate(a, p))).Take(MaxCandidates).ToList();
        var results = candidates.Select(c => Evaluate(c, x, featureCount, y, folds)).ToList();
        return new Leaderboard(this, problem, folds, results, dataCode);
    }

    CandidateResult Evaluate(Candidate candidate, float[] x, int featureCount, double[] y, IReadOnlyList<(int[] Train, int[] Test)> folds)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var scores = folds.Select(fold => ScoreFold(candidate, x, featureCount, y, fold, Objective, Seed)).ToArray();
            if (scores.Any(double.IsNaN)) throw new InvalidOperationException($"the objective {Objective.Name} is NaN on a fold (the model's outputs are not numbers).");
            return new CandidateResult(candidate, scores, clock.Elapsed, null);
        }
        catch (Exception e)
        {
            return new CandidateResult(candidate, [], clock.Elapsed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>One fold: fit the preprocessing and the algorithm on the training rows, score the held-out rows.</summary>
    public static double ScoreFold(Candidate candidate, float[] x, int featureCount, double[] y, (int[] Train, int[] Test) fold, Objective objective, int seed)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(objective);
        var (trainX, trainY) = Rows(x, featureCount, y, fold.Train);
        var (testX, testY) = Rows(x, featureCount, y, fold.Test);
        var preprocess = candidate.Preprocessing.Fit(trainX, featureCount);
        var train = new TrainingSet(preprocess(trainX), featureCount, trainY, candidate.Algorithm.Hyperparameters, seed);
        var model = candidate.Algorithm.Fit(train);
        return objective.Score(new Predictions(testY, model(preprocess(testX))));
    }

    static (float[] X, double[] Y) Rows(float[] x, int featureCount, double[] y, int[] rows)
    {
        var xs = new float[rows.Length * featureCount];
        for (int k = 0; k < rows.Length; k++) Array.Copy(x, rows[k] * featureCount, xs, k * featureCount, featureCount);
        return (xs, rows.Select(r => y[r]).ToArray());
    }
}
