using Kit.Data;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.TransferVsIncremental;

/// <summary>After one update: test accuracy and the optimizer steps spent so far, updating incrementally and retraining from scratch.</summary>
public sealed record UpdateStep(int Update, int ExamplesSeen, double Incremental, double Retrained, long IncrementalSteps, long RetrainSteps)
{
    public override string ToString() =>
        $"update {Update} ({ExamplesSeen} examples seen): incremental {Incremental:P1} ({IncrementalSteps} steps so far), retrained {Retrained:P1} ({RetrainSteps} steps so far)";
}

/// <summary>After one update of a model trained on old classes with batches of new classes only: accuracy on each, with and without rehearsal.</summary>
public sealed record ForgettingStep(int Update, double Old, double New, double OldRehearsed, double NewRehearsed)
{
    public override string ToString() =>
        $"update {Update}: old classes {Old:P0} (with rehearsal {OldRehearsed:P0}), new classes {New:P0} (with rehearsal {NewRehearsed:P0})";
}

/// <summary>
/// Incremental learning: the same task, new data arriving in batches. Each update starts from the previous model and
/// trains on the new batch only, with a new optimizer, as a SageMaker training job does when the previous
/// model.tar.gz is passed in as an input channel.
/// </summary>
public static class Incremental
{
    /// <summary>
    /// Splits <paramref name="train"/> into <paramref name="batches"/> batches (seeded). Update 0 trains a fresh network on
    /// batch 0; update k continues from the previous network on batch k alone. For comparison, update k also retrains a fresh
    /// network (same initial weights) on batches 0…k together, for the same number of epochs.
    /// </summary>
    public static IReadOnlyList<UpdateStep> SameTask(Func<int, nn.Module<Tensor, Tensor>> model, ToyDataset train, ToyDataset test,
        int batches, TrainingSettings settings, int seed)
    {
        Runs.Check(model, train, test, settings, nameof(train), nameof(test));
        if (batches < 2 || batches > train.Count)
            throw new ArgumentOutOfRangeException(nameof(batches), batches, $"batches must be between 2 and the {train.Count} training examples.");
        int classes = Runs.ClassCount(train);
        var order = Shuffled(train, seed);
        int size = train.Count / batches;
        var net = Runs.Build(model, classes, seed);
        var steps = new List<UpdateStep>();
        long incrementalSteps = 0, retrainSteps = 0;
        for (int k = 0; k < batches; k++)
        {
            var batch = DataSplit.Subset(order, Enumerable.Range(k * size, size).ToArray());
            incrementalSteps += Runs.Train(net, batch, settings, seed + k);
            var seen = DataSplit.Subset(order, Enumerable.Range(0, (k + 1) * size).ToArray());
            var retrained = Runs.Build(model, classes, seed);
            retrainSteps += Runs.Train(retrained, seen, settings, seed + k);
            steps.Add(new UpdateStep(k, seen.Count, Runs.Accuracy(net, test), Runs.Accuracy(retrained, test), incrementalSteps, retrainSteps));
        }
        return steps;
    }

    /// <summary>
    /// Trains a network on <paramref name="oldClasses"/> of <paramref name="train"/> (all the classes are outputs from the
    /// start), then applies <paramref name="updates"/> incremental updates, each on <paramref name="perUpdate"/> new examples
    /// of the other classes only. A second copy gets the same updates with <paramref name="rehearsal"/> old examples (a fixed
    /// replay buffer) mixed into every batch. Accuracy on the old and new classes of <paramref name="test"/> after each update;
    /// update 0 is the model before any new data.
    /// </summary>
    public static IReadOnlyList<ForgettingStep> Forgetting(Func<int, nn.Module<Tensor, Tensor>> model, ToyDataset train, ToyDataset test,
        int[] oldClasses, int updates, int perUpdate, int rehearsal, TrainingSettings initial, TrainingSettings update, int seed)
    {
        Runs.Check(model, train, test, update, nameof(train), nameof(test), nameof(update));
        ArgumentNullException.ThrowIfNull(initial);
        initial.Check(nameof(initial));
        ArgumentNullException.ThrowIfNull(oldClasses);
        int classes = Runs.ClassCount(train);
        var newClasses = Enumerable.Range(0, classes).Except(oldClasses).ToArray();
        if (oldClasses.Length == 0 || newClasses.Length == 0 || oldClasses.Any(c => c < 0 || c >= classes))
            throw new ArgumentException($"oldClasses must be some, not all, of the classes 0–{classes - 1}.", nameof(oldClasses));
        var (oldTrain, newTrain) = (ClassSubsets.Only(train, oldClasses), Shuffled(ClassSubsets.Only(train, newClasses), seed));
        if (updates < 1) throw new ArgumentOutOfRangeException(nameof(updates), updates, "updates must be at least 1.");
        if (perUpdate < 1 || updates * perUpdate > newTrain.Count)
            throw new ArgumentOutOfRangeException(nameof(perUpdate), perUpdate, $"updates × perUpdate must be at most the {newTrain.Count} new-class training examples, with perUpdate at least 1.");
        if (rehearsal < 1 || rehearsal > oldTrain.Count)
            throw new ArgumentOutOfRangeException(nameof(rehearsal), rehearsal, $"rehearsal (old examples replayed) must be between 1 and {oldTrain.Count}.");
        var (oldTest, newTest) = (ClassSubsets.Only(test, oldClasses), ClassSubsets.Only(test, newClasses));
        var buffer = DataSplit.Take(oldTrain, rehearsal, seed);

        var plain = Runs.Build(model, classes, seed);
        Runs.Train(plain, oldTrain, initial, seed);
        var rehearsed = Runs.Build(model, classes, seed);
        Heads.CopyAll(plain, rehearsed);
        var steps = new List<ForgettingStep> { Step(0, plain, rehearsed, oldTest, newTest) };
        for (int k = 1; k <= updates; k++)
        {
            var batch = DataSplit.Subset(newTrain, Enumerable.Range((k - 1) * perUpdate, perUpdate).ToArray());
            Runs.Train(plain, batch, update, seed + k);
            Runs.Train(rehearsed, Concat(batch, buffer), update, seed + k);
            steps.Add(Step(k, plain, rehearsed, oldTest, newTest));
        }
        return steps;
    }

    static ForgettingStep Step(int k, nn.Module<Tensor, Tensor> plain, nn.Module<Tensor, Tensor> rehearsed, ToyDataset oldTest, ToyDataset newTest) =>
        new(k, Runs.Accuracy(plain, oldTest), Runs.Accuracy(plain, newTest), Runs.Accuracy(rehearsed, oldTest), Runs.Accuracy(rehearsed, newTest));

    static ToyDataset Shuffled(ToyDataset data, int seed) => DataSplit.Take(data, data.Count, seed);

    static ToyDataset Concat(ToyDataset a, ToyDataset b) =>
        new($"{a.Name} + {b.Name}", [.. a.Features, .. b.Features], [.. a.Labels, .. b.Labels], a.FeatureCount);
}
