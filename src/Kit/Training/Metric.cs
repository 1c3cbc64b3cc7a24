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
    /// Fraction of correct class predictions: argmax over classes for outputs [n, C] with C ≥ 2, and
    /// "logit &gt; 0" for a single output [n] or [n, 1] (binary classification on logits).
    /// </summary>
    public static Metric Accuracy { get; } = new("accuracy", AccuracyOf);

    /// <summary>Mean absolute error, for regression targets of the output's shape.</summary>
    public static Metric MeanAbsoluteError { get; } = new("MAE", (o, t) => (o - t).abs().mean(), HigherIsBetter: false);

    static Tensor AccuracyOf(Tensor output, Tensor target)
    {
        Tensor predicted = output.dim() == 2 && output.shape[1] > 1
            ? output.argmax(1)
            : (output.reshape(-1) > 0).to(ScalarType.Int64);
        var labels = target.is_floating_point() ? target.reshape(-1).round().to(ScalarType.Int64) : target.reshape(-1);
        if (labels.shape[0] != predicted.shape[0])
            throw new ArgumentException($"accuracy needs one class label per example: output {TrainerChecks.Shape(output)}, target {TrainerChecks.Shape(target)}.", nameof(target));
        return predicted.eq(labels).to(ScalarType.Float32).mean();
    }
}
