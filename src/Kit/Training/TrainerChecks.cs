using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>Argument checks shared by the trainer and the data loader, with messages that name shapes.</summary>
internal static class TrainerChecks
{
    public static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

    public static void Pair(Tensor? x, Tensor? y, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        if (x.dim() < 1) throw new ArgumentException($"{xName} must have a first dimension of examples, but it is a scalar.", xName);
        if (x.shape[0] == 0) throw new ArgumentException($"{xName} is empty (shape {Shape(x)}): the data set needs at least one example.", xName);
        if (y.dim() < 1 || y.shape[0] != x.shape[0])
            throw new ArgumentException($"{yName} must have one target per example of {xName}: {xName} has shape {Shape(x)} ({x.shape[0]} examples), {yName} has shape {Shape(y)}.", yName);
    }

    /// <summary>Validation examples must look like training examples (same shape after the first dimension).</summary>
    public static void SameExampleShape(Tensor x, Tensor xVal, string xValName)
    {
        if (!x.shape.Skip(1).SequenceEqual(xVal.shape.Skip(1)))
            throw new ArgumentException($"{xValName} examples must have the same shape as the training examples: x has shape {Shape(x)}, {xValName} has shape {Shape(xVal)}.", xValName);
    }
}
