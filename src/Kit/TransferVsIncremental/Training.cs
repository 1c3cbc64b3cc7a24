using Kit.Data;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.TransferVsIncremental;

/// <summary>How every run of this lesson trains and scores a network: Adam, cross-entropy, seeded shuffled mini-batches.</summary>
public sealed record TrainingSettings(int Epochs, double Lr = 1e-3, int BatchSize = 16)
{
    public void Check(string argument)
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(argument, Epochs, $"{argument}.Epochs must be at least 1.");
        if (!(Lr > 0 && double.IsFinite(Lr))) throw new ArgumentOutOfRangeException(argument, Lr, $"{argument}.Lr must be a finite number above 0.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(argument, BatchSize, $"{argument}.BatchSize must be at least 1.");
    }
}

/// <summary>Training, scoring and seeded building, as every run of the lesson does them.</summary>
public static class Runs
{
    /// <summary>Trains <paramref name="net"/> further on <paramref name="data"/> with a new optimizer (as a new training job
    /// starting from a saved model does); returns the optimizer steps taken.</summary>
    public static long Train(nn.Module<Tensor, Tensor> net, ToyDataset data, TrainingSettings settings, int seed)
    {
        using var scope = NewDisposeScope();
        var trainer = new Trainer(net, optim.Adam(net.parameters(), lr: settings.Lr), (o, t) => nn.functional.cross_entropy(o, t))
        {
            BatchSize = settings.BatchSize, Seed = seed,
        };
        var (x, y) = data.ToTensors();
        trainer.Fit(x, y, settings.Epochs);
        return trainer.Step;
    }

    /// <summary>Share of <paramref name="data"/> the network classifies correctly.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> net, ToyDataset data)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        net.eval();
        var (x, y) = data.ToTensors();
        return Metric.Accuracy.Compute(net.call(x), y).item<float>();
    }

    /// <summary>The network for <paramref name="classes"/> classes, built after seeding (<see cref="Nets.Seeded"/>): the same seed gives the same initial weights.</summary>
    internal static nn.Module<Tensor, Tensor> Build(Func<int, nn.Module<Tensor, Tensor>> model, int classes, int seed) =>
        Nets.Seeded(seed, () => model(classes));

    /// <summary>The checks every run makes on its network builder, data and settings, naming the caller's arguments.</summary>
    internal static void Check(Func<int, nn.Module<Tensor, Tensor>> model, ToyDataset train, ToyDataset test, TrainingSettings settings,
        string trainName, string testName, string settingsName = "settings")
    {
        ArgumentNullException.ThrowIfNull(model, nameof(model));
        ArgumentNullException.ThrowIfNull(train, trainName);
        ArgumentNullException.ThrowIfNull(test, testName);
        ArgumentNullException.ThrowIfNull(settings, settingsName);
        settings.Check(settingsName);
        if (test.FeatureCount != train.FeatureCount)
            throw new ArgumentException($"{testName} has {test.FeatureCount} features, {trainName} {train.FeatureCount}.", testName);
    }

    internal static int ClassCount(ToyDataset data) => (int)data.Labels.Max() + 1;
}
