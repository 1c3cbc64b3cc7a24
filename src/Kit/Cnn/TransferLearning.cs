using Kit.Runtime;
using Kit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Cnn;

/// <summary>What the transfer-learning experiment measured, on the target classes' test images.</summary>
public sealed record TransferResult(
    int[] SourceClasses, int[] TargetClasses, int TargetTrainExamples,
    double SourceTestAccuracy, double TransferTestAccuracy, double ScratchTestAccuracy, double RandomFeaturesTestAccuracy,
    long TransferTrainableParameters, long ScratchTrainableParameters, bool FrozenLayersUnchanged)
{
    public override string ToString() =>
        $"pre-trained on {string.Join(",", SourceClasses)} (test accuracy {SourceTestAccuracy:P1}); " +
        $"{TargetTrainExamples} training images of {string.Join(",", TargetClasses)}: transfer {TransferTestAccuracy:P1} ({TransferTrainableParameters} trained parameters), " +
        $"from scratch {ScratchTestAccuracy:P1} ({ScratchTrainableParameters}), frozen random filters {RandomFeaturesTestAccuracy:P1}; " +
        $"frozen layers unchanged: {FrozenLayersUnchanged}";
}

/// <summary>
/// Transfer learning on digits: train a CNN on some classes (the "pre-trained" network), freeze its
/// convolutional layers, put a new dense head on top and fine-tune only that head on a few images of the other
/// classes. The same small training set also trains an identical CNN from random weights, for comparison.
/// </summary>
public static class TransferLearning
{
    /// <param name="cnn">builds a fresh CNN with the given number of classes (the lesson's own), its Linear head last</param>
    public static TransferResult Run(DigitSet train, DigitSet test, Func<int, Sequential> cnn, int[] sourceClasses, int[] targetClasses,
        int targetPerClass, int pretrainEpochs = 15, int fineTuneEpochs = 60, int seed = 0, double fineTuneLr = 0.01)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(cnn);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(sourceClasses);
        ArgumentNullException.ThrowIfNull(targetClasses);
        if (sourceClasses.Length < 2 || targetClasses.Length < 2) throw new ArgumentException("source and target must each have at least two classes.", nameof(sourceClasses));
        if (sourceClasses.Intersect(targetClasses).Any()) throw new ArgumentException("source and target classes must not overlap.", nameof(targetClasses));

        var (source, target) = (Relabel(sourceClasses), Relabel(targetClasses));
        var (xs, ys) = train.OnlyClasses(sourceClasses).ToTensors(source);
        var (xsTest, ysTest) = test.OnlyClasses(sourceClasses).ToTensors(source);
        var small = train.OnlyClasses(targetClasses).TakePerClass(targetPerClass);
        var (xt, yt) = small.ToTensors(target);
        var (xtTest, ytTest) = test.OnlyClasses(targetClasses).ToTensors(target);

        KitTorch.Seed(seed);
        var pretrained = cnn(sourceClasses.Length);
        double sourceAcc = Accuracy(Fit(pretrained, xs, ys, pretrainEpochs, batchSize: 32, lr: 0.01, seed), xsTest, ysTest);

        KitTorch.Seed(seed + 1);
        var transfer = Heads.WithNewHead(pretrained, targetClasses.Length);
        Heads.FreezeAllButHead(transfer);
        var before = Snapshot(transfer);
        var transferTrainer = Fit(transfer, xt, yt, fineTuneEpochs, batchSize: 16, lr: fineTuneLr, seed);
        var after = Snapshot(transfer);
        bool unchanged = after.Take(after.Count - 2).Zip(before).All(p => p.First.SequenceEqual(p.Second));   // all but the head's weight and bias

        KitTorch.Seed(seed + 1);
        var scratch = cnn(targetClasses.Length);
        var scratchTrainer = Fit(scratch, xt, yt, fineTuneEpochs, batchSize: 16, lr: 0.01, seed);

        // Control: the same frozen architecture and head training, but with filters nobody trained.
        KitTorch.Seed(seed + 1);
        var random = cnn(targetClasses.Length);
        Heads.FreezeAllButHead(random);
        var randomTrainer = Fit(random, xt, yt, fineTuneEpochs, batchSize: 16, lr: fineTuneLr, seed);

        return new TransferResult(sourceClasses, targetClasses, small.Count, sourceAcc,
            Accuracy(transferTrainer, xtTest, ytTest), Accuracy(scratchTrainer, xtTest, ytTest), Accuracy(randomTrainer, xtTest, ytTest),
            Trainable(transfer), Trainable(scratch), unchanged);
    }

    /// <summary>Adam on the parameters that are not frozen, cross-entropy, seeded shuffled mini-batches.</summary>
    static Trainer Fit(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int epochs, int batchSize, double lr, int seed)
    {
        var trainer = new Trainer(model, optim.Adam(model.parameters().Where(p => p.requires_grad), lr: lr), nn.CrossEntropyLoss())
        {
            BatchSize = batchSize, Seed = seed,
        };
        trainer.Fit(x, y, epochs);
        return trainer;
    }

    static double Accuracy(Trainer trainer, Tensor x, Tensor y) => trainer.Evaluate(x, y).Metric!.Value;

    /// <summary>Parameters the optimizer updates (requires_grad = true).</summary>
    static long Trainable(nn.Module module) => module.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>Digit → class index in the order given (e.g. [5,6,7,8,9] maps 7 to 2).</summary>
    static Func<int, int> Relabel(int[] classes) => d =>
    {
        int i = Array.IndexOf(classes, d);
        return i >= 0 ? i : throw new ArgumentException($"digit {d} is not one of {string.Join(", ", classes)}.", nameof(classes));
    };

    /// <summary>Copies of every parameter's values, to compare before and after training.</summary>
    static List<float[]> Snapshot(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Select(p => p.detach().cpu().data<float>().ToArray()).ToList();
    }
}
