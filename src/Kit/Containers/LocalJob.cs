using System.Text.Json;
using Kit.Data;
using Kit.Runtime;

namespace Kit.Containers;

/// <summary>
/// Lays out an <c>/opt/ml</c> tree in a local folder the way SageMaker does before it starts a training container:
/// the three config files and the CSV channels (label first, no header). For tests, notebooks and local runs.
/// </summary>
public static class LocalJob
{
    public static OptMl Create(string root, IReadOnlyDictionary<string, string> hyperparameters, ToyDataset train, ToyDataset? validation = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        var ml = new OptMl(Path.GetFullPath(root));
        WriteConfig(ml, hyperparameters, validation is null ? ["train"] : ["train", "validation"]);
        WriteChannel(ml, "train", train);
        if (validation is not null) WriteChannel(ml, "validation", validation);
        return ml;
    }

    /// <summary>The three config files: hyperparameters (strings), the channels (CSV, File mode), one host.</summary>
    public static void WriteConfig(OptMl ml, IReadOnlyDictionary<string, string> hyperparameters, params string[] channels)
    {
        KitPaths.WriteAtomically(ml.Hyperparameters, JsonSerializer.Serialize(hyperparameters));
        KitPaths.WriteAtomically(ml.InputDataConfig, JsonSerializer.Serialize(channels.ToDictionary(c => c, _ =>
            new { ContentType = "text/csv", TrainingInputMode = "File", S3DistributionType = "FullyReplicated" })));
        KitPaths.WriteAtomically(ml.ResourceConfig, JsonSerializer.Serialize(new { current_host = "algo-1", hosts = new[] { "algo-1" }, network_interface_name = "eth0" }));
    }

    public static void WriteChannel(OptMl ml, string name, ToyDataset data) =>
        KitPaths.WriteAtomically(Path.Combine(ml.Channel(name), $"{name}.csv"), string.Concat(Enumerable.Range(0, data.Count).Select(i =>
            CsvRows.Format([data.Labels[i], .. data.Features.AsSpan(i * data.FeatureCount, data.FeatureCount).ToArray()]) + "\n")));
}
