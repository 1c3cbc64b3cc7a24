using Kit.Data;

namespace Kit.Ensembles;

/// <param name="Bias">share of test points whose main prediction (the class most of the fits predict) is wrong: the error a kind of
/// model keeps whatever sample it trains on (label noise lands here too)</param>
/// <param name="Variance">mean share of fits whose prediction differs from the main prediction: how much the model changes with its data</param>
/// <param name="ProbabilityVariance">mean over test points of the variance of P(class 1) across the fits</param>
/// <param name="TestError">mean share of misclassified test points</param>
public sealed record BiasVarianceResult(string Model, double Bias, double Variance, double ProbabilityVariance, double TestError);

/// <summary>
/// The bias–variance picture, measured: train the same kind of model on several training sets drawn from one
/// distribution, predict one fixed test set, and split the 0–1 loss into bias and variance (Domingos 2000, two classes).
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
        double bias = 0, variance = 0, spread = 0, errors = 0;
        for (int i = 0; i < test.Count; i++)
        {
            var classes = predictions.Select(p => p[i] > 0.5 ? 1 : 0).ToArray();
            int main = classes.Count(c => c == 1) * 2 > repeats ? 1 : 0;
            if (main != test.Labels[i]) bias++;
            variance += classes.Count(c => c != main) / (double)repeats;
            errors += classes.Count(c => c != test.Labels[i]) / (double)repeats;
            double mean = predictions.Average(p => p[i]);
            spread += predictions.Average(p => (p[i] - mean) * (p[i] - mean));
        }
        int n = test.Count;
        return new BiasVarianceResult(name, bias / n, variance / n, spread / n, errors / n);
    }

    /// <summary>Bootstrap resample number <paramref name="seed"/> of <paramref name="data"/>: n rows drawn with replacement.</summary>
    public static ToyDataset Bootstrap(ToyDataset data, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rng = new Random(seed);
        return DataSplit.Subset(data, Enumerable.Range(0, data.Count).Select(_ => rng.Next(data.Count)).ToArray(), data.Name + " (bootstrap)");
    }
}
