using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Kit.Cnn;

/// <summary>
/// The CNN and RNN lessons' training in one call: Adam and the Kit's <see cref="Trainer"/> (seeded shuffled
/// mini-batches, one optimizer step per batch, each in its own dispose scope).
/// Labels of type int64 train a classifier with cross-entropy (logits [n, classes] or, for one label per
/// time step, [n, steps, classes]; label −100 is ignored, as in PyTorch); float labels train a regressor with MSE.
/// Parameters with requires_grad = false (frozen layers) are left out of the optimizer.
/// </summary>
public static class MiniBatch
{
    public const long IgnoreIndex = -100;

    /// <returns>the mean training loss of each epoch</returns>
    public static double[] Fit(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int epochs, int batchSize = 64,
        double lr = 0.01, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        Check(x, y);
        if (epochs < 1 || epochs > 10_000) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be between 1 and 10000.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1.");
        if (!double.IsFinite(lr) || lr <= 0) throw new ArgumentOutOfRangeException(nameof(lr), lr, "lr (learning rate) must be a finite number greater than 0.");
        var trainable = model.parameters().Where(p => p.requires_grad).ToList();
        if (trainable.Count == 0) throw new ArgumentException("model has no trainable parameters (all are frozen).", nameof(model));

        using var opt = optim.Adam(trainable, lr: lr);
        var trainer = new Trainer(model, opt, Loss) { BatchSize = batchSize, Seed = seed, Metric = null };
        return trainer.Fit(x, y, epochs).TrainLoss;
    }

    /// <summary>Cross-entropy for int64 labels (3-D logits are flattened over the time steps), MSE otherwise.</summary>
    public static Tensor Loss(Tensor output, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(y);
        if (y.dtype != ScalarType.Int64) return F.mse_loss(output, y);
        if (output.dim() == 3) return F.cross_entropy(output.reshape(-1, output.shape[2]), y.reshape(-1), ignore_index: IgnoreIndex);
        return F.cross_entropy(output, y, ignore_index: IgnoreIndex);
    }

    /// <summary>The model's output for every example, computed in batches without gradients, on the CPU.</summary>
    public static Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor x, int batchSize = 512)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        model.eval();
        using var _ = no_grad();
        var parts = new List<Tensor>();
        for (long start = 0; start < x.shape[0]; start += batchSize)
            parts.Add(model.call(x.narrow(0, start, Math.Min(batchSize, x.shape[0] - start))).cpu());
        var all = cat(parts, 0);
        foreach (var p in parts) p.Dispose();
        return all;
    }

    /// <summary>Fraction of labels (ignoring −100) that equal the arg-max of the logits, in [0, 1].</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        Check(x, y);
        if (y.dtype != ScalarType.Int64) throw new ArgumentException($"y must hold int64 class labels for an accuracy, not {y.dtype}.", nameof(y));
        using var scope = NewDisposeScope();
        var predicted = Predict(model, x).argmax(-1);
        var labels = y.cpu();
        var scored = labels.ne(IgnoreIndex);
        return (predicted.eq(labels) & scored).sum().item<long>() / (double)scored.sum().item<long>();
    }

    static void Check(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() < 2) throw new ArgumentException($"x must have an example dimension first and at least one more, not {x.dim()}-D.", nameof(x));
        if (y.dim() < 1 || y.shape[0] != x.shape[0])
            throw new ArgumentException($"y must have one entry per example of x ({x.shape[0]}), not shape [{string.Join(", ", y.shape)}].", nameof(y));
    }
}
