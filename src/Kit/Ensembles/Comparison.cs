using System.Diagnostics;
using Kit.Data;

namespace Kit.Ensembles;

public sealed record ComparisonRow(string Model, string Data, double Accuracy, double FitMilliseconds);

/// <summary>Fits several models on one split and reports test accuracy and fit time (one run: a lesson's rough guide, not a benchmark).</summary>
public static class Comparison
{
    public static IReadOnlyList<ComparisonRow> Run(ToyDataset train, ToyDataset test, params (string Name, Func<IClassifier> Make)[] models)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        if (models.Length == 0) throw new ArgumentException("models must name at least one model.", nameof(models));
        return models.Select(m =>
        {
            var model = m.Make();
            var clock = Stopwatch.StartNew();
            model.Fit(train);
            double ms = clock.Elapsed.TotalMilliseconds;
            return new ComparisonRow(m.Name, train.Name.Replace(" (train)", ""), Math.Round(model.Accuracy(test), 4), Math.Round(ms, 1));
        }).ToList();
    }
}
