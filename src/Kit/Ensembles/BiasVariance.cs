using Kit.Data;

namespace Kit.Ensembles;

/// <param name="BiasSquared">mean over test points of (average predicted P(class 1) − label)²: the error a model keeps however much data it sees (label noise included)</param>
/// <param name="Variance">mean over test points of the variance of P(class 1) across the training sets: how much the model changes with its data</param>
/// <param name="TestError">mean share of misclassified test points</param>
public sealed record BiasVarianceResult(string Model, double BiasSquared, double Variance, double TestError);

/// <summary>
/// The bias–variance picture, measured: train the same kind of model on several training sets drawn from one
/// distribution, predict one fixed test set, and split the squared error of P(class 1) into bias² + variance.
/// </summary>
public static class BiasVariance
{
    /// <param name="model">a fresh, unfitted model for repeat r (give it seed r when it is randomised)</param>
    /// <param name="trainingSet">training set number r (e.g. new moons with seed r)</param>
    /// <param name="repeats">training sets, at least 2</param>
    public static BiasVarianceResult Measure(string name, Func<int, IClassifier> model, Func<int, ToyDataset> trainingSet, ToyDataset test, int repeats = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingSet);
        ArgumentNullException.ThrowIfNull(test);
        if (repeats < 2) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "repeats must be at least 2 (a variance needs two fits).");
        var predictions = Enumerable.Range(0, repeats).Select(r => model(r).Fit(trainingSet(r)).ProbabilityOfOne(test.Features)).ToArray();
        double bias = 0, variance = 0, errors = 0;
        for (int i = 0; i < test.Count; i++)
        {
            double mean = predictions.Average(p => p[i]);
            bias += (mean - test.Labels[i]) * (mean - test.Labels[i]);
            variance += predictions.Average(p => (p[i] - mean) * (p[i] - mean));
            errors += predictions.Count(p => (p[i] > 0.5 ? 1 : 0) != test.Labels[i]) / (double)repeats;
        }
        return new BiasVarianceResult(name, bias / test.Count, variance / test.Count, errors / test.Count);
    }

    /// <summary>Bootstrap resample number <paramref name="seed"/> of <paramref name="data"/>: n rows drawn with replacement.</summary>
    public static ToyDataset Bootstrap(ToyDataset data, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rng = new Random(seed);
        return DataSplit.Subset(data, Enumerable.Range(0, data.Count).Select(_ => rng.Next(data.Count)).ToArray(), data.Name + " (bootstrap)");
    }
}
