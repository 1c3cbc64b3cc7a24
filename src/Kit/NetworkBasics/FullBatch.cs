using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Kit.NetworkBasics;

public enum OptimizerKind { Adam, SGD }

/// <summary>
/// A deliberately small training loop for the lessons: full batch (every example in each step),
/// one optimizer step per epoch. Models with one output are trained as binary classifiers
/// (sigmoid + binary cross-entropy on the logit), models with more outputs as multi-class
/// classifiers (softmax + cross-entropy). Each step runs in its own dispose scope, so memory stays flat.
/// </summary>
public static class FullBatch
{
    /// <param name="x">features, float32 [n, features], on the model's device</param>
    /// <param name="y">class labels, int64 [n]</param>
    /// <param name="epochs">optimizer steps (full-batch), at least 1</param>
    /// <param name="lr">learning rate, greater than 0</param>
    public static FitResult Fit(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int epochs = 300, double lr = 0.01,
        OptimizerKind optimizer = OptimizerKind.Adam)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckData(x, y);
        if (epochs < 1 || epochs > 100_000) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be between 1 and 100000.");
        if (!double.IsFinite(lr) || lr <= 0) throw new ArgumentOutOfRangeException(nameof(lr), lr, "lr (learning rate) must be a finite number greater than 0.");

        using var opt = optimizer switch
        {
            OptimizerKind.Adam => (optim.Optimizer)optim.Adam(model.parameters(), lr: lr),
            OptimizerKind.SGD => optim.SGD(model.parameters(), learningRate: lr),
            _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer, "optimizer must be Adam or SGD."),
        };
        model.train();
        var losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var loss = Loss(model.call(x), y);
            loss.backward();
            opt.step();
            losses[epoch] = loss.item<float>();
        }
        model.eval();
        return new FitResult(losses, Accuracy(model, x, y));
    }

    /// <summary>The loss <see cref="Fit"/> minimises: binary cross-entropy on a single logit, cross-entropy otherwise.</summary>
    public static Tensor Loss(Tensor logits, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(y);
        if (logits.dim() != 2) throw new ArgumentException($"logits must be 2-D [n, outputs], not {logits.dim()}-D.", nameof(logits));
        return logits.shape[1] == 1
            ? F.binary_cross_entropy_with_logits(logits.squeeze(1), y.to(logits.dtype))
            : F.cross_entropy(logits, y);
    }

    /// <summary>Predicted class per example: logit &gt; 0 (σ &gt; 0.5) for one output, argmax otherwise.</summary>
    public static Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2) throw new ArgumentException($"x must be 2-D [examples, features], not {x.dim()}-D.", nameof(x));
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var logits = model.call(x);
        var predicted = logits.shape[1] == 1 ? (logits.squeeze(1) > 0).to(ScalarType.Int64) : logits.argmax(1);
        return predicted.MoveToOuterDisposeScope();
    }

    /// <summary>Fraction of examples whose predicted class equals the label, in [0, 1].</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckData(x, y);
        using var scope = NewDisposeScope();
        return Predict(model, x).eq(y).to(ScalarType.Float64).mean().item<double>();
    }

    internal static void CheckData(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() != 2) throw new ArgumentException($"x must be 2-D [examples, features], not {x.dim()}-D.", nameof(x));
        if (y.dim() != 1) throw new ArgumentException($"y must be 1-D [examples] of class labels, not {y.dim()}-D.", nameof(y));
        if (y.shape[0] != x.shape[0]) throw new ArgumentException($"y must have one label per row of x ({x.shape[0]}), not {y.shape[0]}.", nameof(y));
        if (y.dtype != ScalarType.Int64) throw new ArgumentException($"y must hold int64 class labels, not {y.dtype}.", nameof(y));
    }
}

/// <summary>Loss after each epoch and the final accuracy on the training data.</summary>
public sealed record FitResult(double[] Losses, double TrainAccuracy)
{
    public double FinalLoss => Losses[^1];
    public override string ToString() => $"{Losses.Length} epochs: loss {Losses[0]:F4} → {FinalLoss:F4}, training accuracy {TrainAccuracy:P1}";
}
