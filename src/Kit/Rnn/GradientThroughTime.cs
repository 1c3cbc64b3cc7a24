using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Rnn;

/// <summary>
/// How much gradient of the loss reaches each time step. The loss is taken after the last step; backpropagation
/// through time carries its gradient back one step at a time, multiplying by the recurrent Jacobian at every step.
/// We read the gradient of the loss with respect to the input at each step, ‖∂L/∂xₜ‖, which is that step's
/// ∂L/∂hₜ passed through the input weights: if it is tiny, what happened at step t cannot change the answer.
/// </summary>
public static class GradientThroughTime
{
    /// <param name="model">a network that answers once per sequence, after the last step: logits [batch, classes]</param>
    /// <returns>‖∂L/∂xₜ‖ (L2 norm over the batch and the features) for t = 0 … steps − 1</returns>
    public static double[] InputGradientNorms(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.dim() != 3) throw new ArgumentException($"x must be [batch, steps, features], not {x.dim()}-D.", nameof(x));
        model.zero_grad();
        double[] norms;
        using (var scope = NewDisposeScope())
        {
            var input = x.detach().clone().requires_grad_(true);
            var logits = model.call(input);
            if (logits.dim() != 2) throw new ArgumentException($"model must answer once per sequence ([batch, classes]), not with shape [{string.Join(", ", logits.shape)}].", nameof(model));
            nn.functional.cross_entropy(logits, y).backward();
            var perStep = input.grad!.pow(2).sum([0, 2]).sqrt().cpu().to(ScalarType.Float64);
            norms = perStep.data<double>().ToArray();
        }
        model.zero_grad();
        return norms;
    }

    /// <summary>Mean gradient norm of the first <paramref name="steps"/> steps divided by that of the last ones: ≪ 1 means it vanished.</summary>
    public static double EarlyToLateRatio(IReadOnlyList<double> norms, int steps = 3)
    {
        ArgumentNullException.ThrowIfNull(norms);
        if (steps < 1 || 2 * steps > norms.Count) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be between 1 and half the sequence ({norms.Count / 2}).");
        double late = norms.Skip(norms.Count - steps).Average();
        if (late == 0) throw new ArgumentException("the gradient at the last steps is 0, so no ratio exists.", nameof(norms));
        return norms.Take(steps).Average() / late;
    }
}
