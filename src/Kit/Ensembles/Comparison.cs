using System.Diagnostics;
using Kit.Data;
using Microsoft.Data.Analysis;

namespace Kit.Ensembles;

public sealed record ComparisonRow(string Model, string Data, double Accuracy, double FitMilliseconds);

/// <summary>
/// Fits several models on the same seeded train/test splits of one data set and reports the mean test accuracy and
/// fit time (one run on a shared machine: a lesson's rough guide, not a benchmark).
/// </summary>
public static class Comparison
{
    /// <param name="splits">stratified 70/30 splits with seeds 0, 1, …; averaging a few steadies the accuracy of small test sets</param>
    public static IReadOnlyList<ComparisonRow> Run(ToyDataset data, int splits, params (string Name, Func<IClassifier> Make)[] models)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (splits < 1) throw new ArgumentOutOfRangeException(nameof(splits), splits, "splits must be at least 1.");
        if (models.Length == 0) throw new ArgumentException("models must name at least one model.", nameof(models));
        var sets = Enumerable.Range(0, splits).Select(seed => DataSplit.TrainValidation(data, 0.3, seed)).ToList();
        return models.Select(m =>
        {
            double accuracy = 0, ms = 0;
            foreach (var (train, test) in sets)
            {
                var model = m.Make();
                var clock = Stopwatch.StartNew();
                model.Fit(train);
                ms += clock.Elapsed.TotalMilliseconds;
                accuracy += model.Accuracy(test);
            }
            return new ComparisonRow(m.Name, data.Name, Math.Round(accuracy / splits, 4), Math.Round(ms / splits, 1));
        }).ToList();
    }

    /// <summary>The rows as a DataFrame, which notebooks draw as a table.</summary>
    public static DataFrame AsDataFrame(IEnumerable<ComparisonRow> rows)
    {
        var list = rows?.ToList() ?? throw new ArgumentNullException(nameof(rows));
        return new DataFrame(
            new StringDataFrameColumn("data", list.Select(r => r.Data)),
            new StringDataFrameColumn("model", list.Select(r => r.Model)),
            new PrimitiveDataFrameColumn<double>("mean test accuracy", list.Select(r => r.Accuracy)),
            new PrimitiveDataFrameColumn<double>("mean fit ms", list.Select(r => r.FitMilliseconds)));
    }
}
