using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// A quality measure computed from the model's outputs and the targets of a batch (or a whole validation set):
/// a scalar tensor, so that it stays on the device. The trainer averages it over batches weighted by batch size.
/// </summary>
/// <param name="Name">shown in logs and charts, e.g. "accuracy"</param>
/// <param name="Compute">(output, target) → scalar tensor</param>
/// <param name="HigherIsBetter">true for accuracy, false for error-like metrics (early stopping uses it)</param>
public sealed record Metric(string Name, Func<Tensor, Tensor, Tensor> Compute, bool HigherIsBetter = true)
{
    /// <summary>
    /// Fraction of correct class predictions: argmax over the last dimension for outputs [n, C] or [n, steps, C] with
    /// C ≥ 2, and "logit &gt; 0" for a single output [n] or [n, 1] (binary classification on logits). Labels of −100
    /// (PyTorch's ignore_index, e.g. a step with no answer) are left out, as the cross-entropy loss leaves them out.
    /// </summary>
    public static Metric Accuracy { get; } = new("accuracy", AccuracyOf);

    /// <summary>The label PyTorch's cross-entropy ignores by default, and <see cref="Accuracy"/> too.</summary>
    public const long IgnoreIndex = -100;

    static Tensor AccuracyOf(Tensor output, Tensor target)
    {
        Tensor predicted = output.dim() >= 2 && output.shape[^1] > 1
            ? output.argmax(-1).reshape(-1)
            : (output.reshape(-1) > 0).to(ScalarType.Int64);
        var labels = target.is_floating_point() ? target.reshape(-1).round().to(ScalarType.Int64) : target.reshape(-1);
        if (labels.shape[0] != predicted.shape[0])
            throw new ArgumentException($"accuracy needs one class label per prediction: output {TrainerChecks.Shape(output)}, target {TrainerChecks.Shape(target)}.", nameof(target));
        var scored = labels.ne(IgnoreIndex);
        return (predicted.eq(labels) & scored).sum().to(ScalarType.Float32) / scored.sum().clamp_min(1).to(ScalarType.Float32);
    }
}
