using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Losses;

/// <summary>
/// The study guide's loss functions, written out from their formulas with tensor operations so that
/// autograd differentiates them and a training loop can use them like PyTorch's own
/// (<c>loss = Loss.HuberLoss(model.call(x), y); loss.backward();</c>). Each one mirrors a PyTorch
/// function (named in its summary) in arguments, reduction and edge cases, and the tests check values
/// and gradients against PyTorch 1.13.
/// </summary>
/// <remarks>
/// <paramref name="reduction"/> everywhere: <c>Mean</c> (the default, as in PyTorch) averages the
/// per-example losses, <c>Sum</c> adds them, <c>None</c> returns one loss per element.
/// </remarks>
public static class Loss
{
    /// <summary>PyTorch clamps each log term of binary cross-entropy at −100, so p = 0 or 1 gives a finite loss.</summary>
    public const double LogClamp = -100;

    /// <summary>
    /// Binary cross-entropy on probabilities (<c>F.binary_cross_entropy</c>):
    /// −[t·log p + (1 − t)·log(1 − p)], each log clamped at −100. The input must already be a probability
    /// (after a sigmoid); prefer <see cref="BinaryCrossEntropyWithLogits"/>, which is exact for any logit.
    /// </summary>
    /// <param name="input">predicted probabilities p in [0, 1]</param>
    /// <param name="target">labels t in [0, 1] (usually 0 or 1), same shape as input</param>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        CheckPair(input, target);
        using (no_grad())
        using (var check = NewDisposeScope())
            if ((input < 0).any().item<bool>() || (input > 1).any().item<bool>())
                throw new ArgumentOutOfRangeException(nameof(input), "input must hold probabilities in [0, 1]; for raw scores use BinaryCrossEntropyWithLogits.");
        using var scope = NewDisposeScope();
        Tensor value;
        using (no_grad())
            value = -(target * log(input).clamp_min(LogClamp) + (1 - target) * log(1 - input).clamp_min(LogClamp));
        // The slope of that formula is (p − t) / (p(1 − p)); autograd would give ∞·0 = NaN at p = 0 or 1.
        // PyTorch's hand-written backward divides by max(p(1 − p), 1e-12) instead. We attach the same slope:
        // the term input·slope − (input·slope).detach() is exactly 0 but has gradient `slope` w.r.t. the input.
        var slope = ((input.detach() - target) / (input.detach() * (1 - input.detach())).clamp_min(1e-12)).detach();
        var withSlope = value + (input * slope - (input * slope).detach());
        return Reduce(withSlope, reduction).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Binary cross-entropy on logits (<c>F.binary_cross_entropy_with_logits</c>): the sigmoid and the
    /// log-loss in one numerically stable formula, (1 − t)·x + log(1 + e^(−x)) computed as
    /// (1 − t)·x + max(−x, 0) + log(e^(−max(−x,0)) + e^(−x − max(−x,0))).
    /// </summary>
    /// <param name="input">logits x (any real number)</param>
    /// <param name="target">labels t in [0, 1], same shape as input</param>
    /// <param name="posWeight">optional weight of the positive term (t·log σ(x)), broadcast over the last dimension;
    /// more than 1 raises recall on a rare positive class</param>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean, Tensor? posWeight = null)
    {
        CheckPair(input, target);
        using var scope = NewDisposeScope();
        var maxVal = (-input).clamp_min(0);
        Tensor loss;
        if (posWeight is null)
            loss = (1 - target) * input + maxVal + log(exp(-maxVal) + exp(-input - maxVal));
        else
        {
            var logWeight = (posWeight - 1) * target + 1;
            loss = (1 - target) * input + logWeight * (log(exp(-maxVal) + exp(-input - maxVal)) + maxVal);
        }
        return Reduce(loss, reduction).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Categorical cross-entropy from logits and class indices (<c>F.cross_entropy</c>): per example
    /// −log softmax(x)[y] = log Σⱼ e^xⱼ − x[y]. With class weights w the mean is Σ w[yᵢ]·lossᵢ / Σ w[yᵢ], as in PyTorch.
    /// </summary>
    /// <param name="input">logits [n, classes]</param>
    /// <param name="target">class indices [n], int64 in [0, classes)</param>
    /// <param name="weight">optional weight per class [classes]</param>
    public static Tensor CrossEntropy(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean, Tensor? weight = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (input.dim() != 2) throw new ArgumentException($"input must be 2-D logits [examples, classes], not {input.dim()}-D.", nameof(input));
        if (target.dim() != 1) throw new ArgumentException($"target must be 1-D class indices [examples], not {target.dim()}-D.", nameof(target));
        if (target.shape[0] != input.shape[0]) throw new ArgumentException($"target must have one class index per row of input ({input.shape[0]}), not {target.shape[0]}.", nameof(target));
        if (target.dtype != ScalarType.Int64) throw new ArgumentException($"target must hold int64 class indices, not {target.dtype}.", nameof(target));
        if (input.shape[0] == 0) throw new ArgumentException("input must not be empty: a loss needs at least one example.", nameof(input));
        long classes = input.shape[1];
        if (classes < 1) throw new ArgumentException("input must have at least one class column.", nameof(input));
        {
            long lo = target.min().item<long>(), hi = target.max().item<long>();
            if (lo < 0 || hi >= classes) throw new ArgumentOutOfRangeException(nameof(target), $"target holds class {(lo < 0 ? lo : hi)}, but input has {classes} classes (0 to {classes - 1}).");
        }
        if (weight is not null && (weight.dim() != 1 || weight.shape[0] != classes))
            throw new ArgumentException($"weight must be 1-D with one weight per class ({classes}).", nameof(weight));

        using var scope = NewDisposeScope();
        // −log softmax(x)[y] = log Σⱼ e^(xⱼ − m) − (x[y] − m) with m = max x: no overflow, and no precision lost to a large m.
        var shifted = input - input.amax([1], keepdim: true).detach();
        var loss = shifted.exp().sum(1).log() - shifted.gather(1, target.unsqueeze(1)).squeeze(1);
        Tensor result;
        if (weight is null) result = Reduce(loss, reduction);
        else
        {
            var w = weight.to(input.dtype).index_select(0, target);
            var weighted = w * loss;
            result = reduction switch
            {
                nn.Reduction.Mean => weighted.sum() / w.sum(),
                _ => Reduce(weighted, reduction),
            };
        }
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Mean squared error (<c>F.mse_loss</c>): (x − y)². Large errors dominate.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        CheckPair(input, target);
        using var scope = NewDisposeScope();
        var d = input - target;
        return Reduce(d * d, reduction).MoveToOuterDisposeScope();
    }

    /// <summary>Mean absolute error (<c>F.l1_loss</c>, "MAE"): |x − y|. Every error pulls with the same force, so outliers matter less.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        CheckPair(input, target);
        using var scope = NewDisposeScope();
        return Reduce((input - target).abs(), reduction).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Huber loss (<c>F.huber_loss</c>): ½d² while |d| &lt; δ (like MSE), δ·(|d| − ½δ) beyond (like MAE, slope ±δ).
    /// </summary>
    /// <param name="delta">where the quadratic part hands over to the linear part, greater than 0</param>
    public static Tensor HuberLoss(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean, double delta = 1.0)
    {
        CheckPair(input, target);
        if (!(delta > 0) || double.IsInfinity(delta)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be a finite number greater than 0.");
        using var scope = NewDisposeScope();
        var d = (input - target).abs();
        var loss = where(d < delta, 0.5 * d * d, delta * (d - 0.5 * delta));
        return Reduce(loss, reduction).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Binary focal loss on logits (torchvision's <c>sigmoid_focal_loss</c>, from the RetinaNet paper):
    /// BCE(x, t)·(1 − p_t)^γ, times α_t = α·t + (1 − α)(1 − t) when α ≥ 0, where p_t is the predicted probability
    /// of the true label. Well-classified examples (p_t near 1) are down-weighted, so training focuses on the hard ones.
    /// γ = 0 and α &lt; 0 give plain binary cross-entropy.
    /// </summary>
    /// <param name="gamma">focusing parameter γ ≥ 0 (2 in the paper)</param>
    /// <param name="alpha">weight of the positive class in [0, 1], or a negative number for no weighting (torchvision's default is 0.25)</param>
    /// <remarks>torchvision's default reduction is "none"; here it is Mean, like every other loss in this class.</remarks>
    public static Tensor SigmoidFocalLoss(Tensor input, Tensor target, double alpha = 0.25, double gamma = 2.0, nn.Reduction reduction = nn.Reduction.Mean)
    {
        CheckPair(input, target);
        if (!(gamma >= 0) || double.IsInfinity(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be a finite number ≥ 0.");
        if (double.IsNaN(alpha) || alpha > 1) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in [0, 1], or negative to switch class weighting off.");
        using var scope = NewDisposeScope();
        var p = torch.sigmoid(input);
        var ce = BinaryCrossEntropyWithLogits(input, target, nn.Reduction.None);
        var pT = p * target + (1 - p) * (1 - target);
        var loss = ce * (1 - pT).pow(gamma);
        if (alpha >= 0) loss = (alpha * target + (1 - alpha) * (1 - target)) * loss;
        return Reduce(loss, reduction).MoveToOuterDisposeScope();
    }

    static Tensor Reduce(Tensor loss, nn.Reduction reduction) => reduction switch
    {
        nn.Reduction.Mean => loss.mean(),
        nn.Reduction.Sum => loss.sum(),
        nn.Reduction.None => loss.alias(),
        _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Mean, Sum or None."),
    };

    static void CheckPair(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!input.shape.SequenceEqual(target.shape))
            throw new ArgumentException($"target must have the same shape as input ([{string.Join(", ", input.shape)}]), not [{string.Join(", ", target.shape)}].", nameof(target));
        if (input.numel() == 0) throw new ArgumentException("input must not be empty: a loss needs at least one prediction.", nameof(input));
        if (!input.is_floating_point()) throw new ArgumentException($"input must be a floating-point tensor, not {input.dtype}.", nameof(input));
        if (!target.is_floating_point()) throw new ArgumentException($"target must be a floating-point tensor (0/1 labels as float), not {target.dtype}.", nameof(target));
    }
}
