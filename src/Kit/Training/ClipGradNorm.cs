using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// Gradient clipping (PyTorch's <c>nn.utils.clip_grad_norm_</c>) after every backward pass: when the norm of all
/// gradients together exceeds <see cref="MaxNorm"/>, they are scaled down to it. One bad batch then cannot throw the
/// weights far away, which keeps recurrent networks (whose gradients can explode through time) trainable.
/// </summary>
public sealed class ClipGradNorm : Callback
{
    /// <param name="maxNorm">the largest total gradient norm allowed, greater than 0</param>
    public ClipGradNorm(double maxNorm)
    {
        if (!double.IsFinite(maxNorm) || maxNorm <= 0) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "maxNorm must be a finite number greater than 0.");
        MaxNorm = maxNorm;
    }

    public double MaxNorm { get; }

    public override void OnAfterBackward(Trainer trainer) =>
        nn.utils.clip_grad_norm_(trainer.Model.parameters().Where(p => p.requires_grad), MaxNorm);
}
