using System.Text.Json;
using Kit.Runtime;
using Kit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Containers;

/// <summary>
/// The model the container trains and serves: standardised numeric features → an MLP classifier. On disk it is a
/// folder (what SageMaker packs into model.tar.gz): <c>model.json</c> (architecture and feature scaling) and
/// <c>model.kit</c> (a <see cref="Checkpoint"/> of the trainer: weights and optimizer state).
/// </summary>
public sealed class TabularModel
{
    public const string SpecFile = "model.json";
    public const string WeightsFile = "model.kit";
    readonly Lock _forward = new();

    public sealed record Spec(int Features, int Classes, int[] Hidden, float[] Mean, float[] Std);

    TabularModel(Spec spec, Sequential net) => (Description, Net) = (spec, net);

    public Spec Description { get; }
    public Sequential Net { get; }
    public int Features => Description.Features;

    public static TabularModel Create(int[] hidden, int classes, List<float[]> features, int seed)
    {
        int width = features[0].Length;
        var mean = new float[width];
        var std = new float[width];
        for (int j = 0; j < width; j++)
        {
            double m = features.Average(r => r[j]);
            double sd = Math.Sqrt(features.Average(r => (r[j] - m) * (r[j] - m)));
            mean[j] = (float)m;
            std[j] = sd > 1e-12 ? (float)sd : 1f;
        }
        var spec = new Spec(width, classes, hidden, mean, std);
        return new TabularModel(spec, Nets.Mlp(width, hidden, classes, seed: seed));
    }

    /// <summary>The trainer the container uses (also when loading: a checkpoint must be read by the same optimizer type).</summary>
    public Trainer NewTrainer(double learningRate, int batchSize, int seed) =>
        new(Net, optim.Adam(Net.parameters(), lr: learningRate), nn.CrossEntropyLoss()) { BatchSize = batchSize, Seed = seed };

    public Tensor Inputs(List<float[]> rows)
    {
        var flat = new float[rows.Count * Features];
        for (int i = 0; i < rows.Count; i++)
            for (int j = 0; j < Features; j++)
                flat[i * Features + j] = (rows[i][j] - Description.Mean[j]) / Description.Std[j];
        return tensor(flat, [rows.Count, Features]);
    }

    /// <summary>Class probabilities for each row (rows must have <see cref="Features"/> values). Thread-safe.</summary>
    public float[][] PredictProbabilities(List<float[]> rows)
    {
        lock (_forward)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            Net.eval();
            var p = nn.functional.softmax(Net.call(Inputs(rows)), 1).data<float>().ToArray();
            return Enumerable.Range(0, rows.Count).Select(i => p.AsSpan(i * Description.Classes, Description.Classes).ToArray()).ToArray();
        }
    }

    /// <summary>True when every weight and buffer is bit-for-bit the same as <paramref name="other"/>'s.</summary>
    public bool SameWeights(TabularModel other)
    {
        var mine = Net.state_dict();
        var theirs = other.Net.state_dict();
        return mine.Count == theirs.Count && mine.All(kv => theirs.TryGetValue(kv.Key, out var t) && kv.Value.shape.SequenceEqual(t.shape)
            && kv.Value.flatten().data<float>().ToArray().AsSpan().SequenceEqual(t.flatten().data<float>().ToArray()));
    }

    public void Save(string folder, Trainer trainer)
    {
        KitPaths.WriteAtomically(Path.Combine(folder, SpecFile), JsonSerializer.Serialize(Description));
        trainer.SaveCheckpoint(Path.Combine(folder, WeightsFile));
    }

    /// <summary>Loads a model folder; a missing or malformed file, or weights of another architecture, is a <see cref="ContractException"/>.</summary>
    public static TabularModel Load(string folder)
    {
        var specPath = Path.Combine(folder, SpecFile);
        var weights = Path.Combine(folder, WeightsFile);
        foreach (var f in new[] { specPath, weights })
            if (!File.Exists(f)) throw new ContractException($"The model folder {folder} has no {Path.GetFileName(f)} (train first: kit container train writes it).");
        Spec spec;
        try
        {
            spec = JsonSerializer.Deserialize<Spec>(File.ReadAllText(specPath)) ?? throw new JsonException("empty");
            if (spec.Features < 1 || spec.Classes < 2 || spec.Hidden is null || spec.Mean?.Length != spec.Features || spec.Std?.Length != spec.Features)
                throw new JsonException("features, classes, hidden, mean and std do not fit together");
        }
        catch (JsonException e)
        {
            throw new ContractException($"{specPath} is not a Kit model description: {e.Message}", e);
        }
        KitTorch.Setup();
        var model = new TabularModel(spec, Nets.Mlp(spec.Features, spec.Hidden, spec.Classes, seed: 0));
        try
        {
            model.NewTrainer(1e-3, 1, 0).LoadCheckpoint(weights);
        }
        catch (ArgumentException e)
        {
            throw new ContractException($"The model folder {folder} does not fit together: {e.Message}", e);
        }
        return model;
    }
}
