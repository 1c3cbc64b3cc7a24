using Kit.Data;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.TransferVsIncremental;

/// <summary>Test accuracy on the target task of a fine-tuned pre-trained network and of the same network trained from scratch.</summary>
public sealed record TransferResult(int TargetExamples, double FineTuned, double Scratch)
{
    /// <summary>Fine-tuned minus scratch accuracy: above 0 the source helped, below 0 it hurt (negative transfer).</summary>
    public double Gain => FineTuned - Scratch;

    public override string ToString() =>
        $"{TargetExamples} target examples: fine-tuned {FineTuned:P1}, from scratch {Scratch:P1} (gain {Gain * 100:+0.0;−0.0} points)";
}

/// <summary>
/// Transfer learning: pre-train a network on a source task, copy every layer but its head into a fresh network for
/// the target task (the new head keeps its random weights), and fine-tune all of it on the target's few examples.
/// The comparison trains the same fresh network, from the same random weights, on the same examples.
/// </summary>
public static class Transfer
{
    /// <summary>A network for <paramref name="source"/>'s classes (labels 0…C−1), trained on all of it.</summary>
    /// <param name="model">builds the lesson's network for a number of classes; its last layer is the head</param>
    public static nn.Module<Tensor, Tensor> Pretrain(Func<int, nn.Module<Tensor, Tensor>> model, ToyDataset source, TrainingSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check(nameof(settings));
        var net = Runs.Build(model, Runs.ClassCount(source), seed);
        Runs.Train(net, source, settings, seed);
        return net;
    }

    /// <summary>Fine-tunes a copy of <paramref name="pretrained"/> (new head) and trains a scratch network on the same examples.</summary>
    /// <param name="head">the name of the output layer that is replaced, "out" in the lesson's network</param>
    public static TransferResult FineTuneVsScratch(nn.Module<Tensor, Tensor> pretrained, Func<int, nn.Module<Tensor, Tensor>> model,
        ToyDataset targetTrain, ToyDataset targetTest, TrainingSettings settings, int seed, string head = "out")
    {
        ArgumentNullException.ThrowIfNull(pretrained);
        Runs.Check(model, targetTrain, targetTest, settings, nameof(targetTrain), nameof(targetTest));
        int classes = Runs.ClassCount(targetTrain);
        var fineTuned = Runs.Build(model, classes, seed + 1);
        Heads.CopyAllBut(head, pretrained, fineTuned);
        Runs.Train(fineTuned, targetTrain, settings, seed);
        var scratch = Runs.Build(model, classes, seed + 1);   // the same random head and body the fine-tuned copy started from
        Runs.Train(scratch, targetTrain, settings, seed);
        return new TransferResult(targetTrain.Count, Runs.Accuracy(fineTuned, targetTest), Runs.Accuracy(scratch, targetTest));
    }
}
