using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Regularization;

/// <summary>
/// L1 regularisation done the way lasso solvers do it: after every optimizer step, each weight is moved towards 0
/// by η·λ (η = learning rate), and set to exactly 0 if that would cross 0 ("soft thresholding", the proximal step
/// of λ·Σ|w|). Plain gradient descent on |w| only jitters around 0; this step lands on it, so the zeros are real.
/// Use with plain SGD.
/// </summary>
public sealed class ProximalL1 : Callback
{
    IReadOnlyList<TorchSharp.Modules.Parameter>? _weights;

    public ProximalL1(double lambda)
    {
        if (!double.IsFinite(lambda) || lambda <= 0) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "lambda (the L1 strength) must be a finite number > 0.");
        Lambda = lambda;
    }

    public double Lambda { get; }

    public override void OnTrainBegin(Trainer trainer) => _weights = Penalties.Weights(trainer.Model);

    public override void OnBatchEnd(Trainer trainer)
    {
        double threshold = trainer.LearningRate * Lambda;
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var w in _weights!)
            w.copy_(w.sign() * (w.abs() - threshold).clamp_min(0));
    }

    /// <summary>The soft-threshold operator on one number: sign(w)·max(|w| − t, 0).</summary>
    public static double SoftThreshold(double w, double t) => Math.Sign(w) * Math.Max(Math.Abs(w) - t, 0);
}
