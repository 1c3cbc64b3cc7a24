namespace Kit.CrossValidation;

/// <summary>
/// Runs a cross-validation: for every fold of a splitter, fit on the training rows and score on the test rows
/// (like scikit-learn's <c>cross_val_score</c>, with the model given as a delegate).
/// </summary>
public static class CrossValidate
{
    /// <param name="splitter">KFold, StratifiedKFold, TimeSeriesSplit or LeaveOneOut</param>
    /// <param name="nSamples">rows in the data set</param>
    /// <param name="fitAndScore">trains a fresh model on the fold's training rows and returns its score on the fold's test rows</param>
    /// <param name="y">class labels, required by StratifiedKFold</param>
    public static CvResult Run(ICrossValidator splitter, int nSamples, Func<Fold, double> fitAndScore, IReadOnlyList<long>? y = null)
    {
        ArgumentNullException.ThrowIfNull(splitter);
        ArgumentNullException.ThrowIfNull(fitAndScore);
        var folds = splitter.Split(nSamples, y);
        var scores = new double[folds.Count];
        for (int i = 0; i < folds.Count; i++)
        {
            scores[i] = fitAndScore(folds[i]);
            if (double.IsNaN(scores[i])) throw new InvalidOperationException($"fitAndScore returned NaN for {folds[i]}.");
        }
        return new CvResult(splitter.ToString() ?? splitter.GetType().Name, scores);
    }

    /// <summary>The same with separate fit and score steps: <paramref name="fit"/> gets the training rows and returns a model, <paramref name="score"/> scores it on the test rows.</summary>
    public static CvResult Run<TModel>(ICrossValidator splitter, int nSamples, Func<int[], TModel> fit, Func<TModel, int[], double> score, IReadOnlyList<long>? y = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(score);
        return Run(splitter, nSamples, fold => score(fit(fold.Train), fold.Test), y);
    }
}

/// <summary>One score per fold, with their mean and (population, as numpy's default) standard deviation.</summary>
public sealed record CvResult(string Splitter, double[] Scores)
{
    public double Mean => Scores.Average();
    public double Std => Math.Sqrt(Scores.Select(s => (s - Mean) * (s - Mean)).Average());
    public override string ToString() => $"{Splitter}: {Scores.Length} folds, mean {Mean:F4} ± {Std:F4}";
}
