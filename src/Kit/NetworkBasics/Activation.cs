using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Kit.NetworkBasics;

/// <summary>The element-wise activations of the study guide's table (softmax works on a whole vector: see <see cref="Activations.Softmax"/>).</summary>
public enum Activation
{
    /// <summary>No activation: the layer stays linear (used to show why non-linearity matters).</summary>
    None,
    /// <summary>σ(x) = 1 / (1 + e⁻ˣ), range (0, 1).</summary>
    Sigmoid,
    /// <summary>tanh(x), range (−1, 1), zero-centred.</summary>
    Tanh,
    /// <summary>max(0, x), range [0, ∞).</summary>
    ReLU,
    /// <summary>max(0.01·x, x), range (−∞, ∞).</summary>
    LeakyReLU,
}

/// <summary>
/// Activation functions and their derivatives. The derivatives come from autograd, exactly as
/// backpropagation sees them, so lessons can compare them with the formulas on paper.
/// </summary>
public static class Activations
{
    /// <summary>PyTorch's default negative slope for leaky ReLU, the 0.01 of the study guide.</summary>
    public const double LeakySlope = 0.01;

    /// <summary>Applies <paramref name="activation"/> element-wise (F.sigmoid, F.tanh, F.relu, F.leaky_relu).</summary>
    public static Tensor Apply(Activation activation, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return activation switch
        {
            Activation.None => x.alias(),
            Activation.Sigmoid => F.sigmoid(x),
            Activation.Tanh => F.tanh(x),
            Activation.ReLU => F.relu(x),
            Activation.LeakyReLU => F.leaky_relu(x, LeakySlope),
            _ => throw Unknown(activation),
        };
    }

    /// <summary>f(x) and f′(x) at each point, f′ from autograd (backward of ∑f(xᵢ), so each xᵢ gets its own slope).</summary>
    public static ActivationCurve Curve(Activation activation, IEnumerable<double> xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        var points = xs.ToArray();
        if (points.Length == 0) throw new ArgumentException("xs must contain at least one point.", nameof(xs));
        using var scope = NewDisposeScope();
        var x = tensor(points, ScalarType.Float64).requires_grad_(true);
        var y = Apply(activation, x);
        y.sum().backward();
        return new ActivationCurve(activation, points, y.detach().data<double>().ToArray(), x.grad!.data<double>().ToArray());
    }

    /// <summary>f and f′ on <paramref name="points"/> evenly spaced points from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ActivationCurve Curve(Activation activation, double from = -5, double to = 5, int points = 201)
    {
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "points must be at least 2.");
        if (!double.IsFinite(from)) throw new ArgumentOutOfRangeException(nameof(from), from, "from must be a finite number.");
        if (!double.IsFinite(to) || to <= from) throw new ArgumentOutOfRangeException(nameof(to), to, $"to must be a finite number greater than from ({from}).");
        return Curve(activation, Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)));
    }

    /// <summary>softmax(s)ᵢ = e^sᵢ / ∑ⱼ e^sⱼ: scores (logits) to probabilities that sum to 1.</summary>
    public static double[] Softmax(IEnumerable<double> scores)
    {
        var s = CheckScores(scores);
        using var scope = NewDisposeScope();
        return F.softmax(tensor(s, ScalarType.Float64), 0).data<double>().ToArray();
    }

    /// <summary>
    /// The softmax's derivative is a matrix: J[i][j] = ∂pᵢ/∂sⱼ, one autograd backward pass per output.
    /// On paper J[i][j] = pᵢ(δᵢⱼ − pⱼ).
    /// </summary>
    public static double[][] SoftmaxJacobian(IEnumerable<double> scores)
    {
        var s = CheckScores(scores);
        var rows = new double[s.Length][];
        for (int i = 0; i < s.Length; i++)
        {
            using var scope = NewDisposeScope();
            var x = tensor(s, ScalarType.Float64).requires_grad_(true);
            F.softmax(x, 0)[i].backward();
            rows[i] = x.grad!.data<double>().ToArray();
        }
        return rows;
    }

    static double[] CheckScores(IEnumerable<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var s = scores.ToArray();
        if (s.Length == 0) throw new ArgumentException("scores must contain at least one value.", nameof(scores));
        if (s.Any(v => !double.IsFinite(v))) throw new ArgumentException("scores must all be finite numbers.", nameof(scores));
        return s;
    }

    internal static ArgumentOutOfRangeException Unknown(Activation a) =>
        new("activation", a, $"activation must be one of {string.Join(", ", Enum.GetNames<Activation>())}.");
}

/// <summary>An activation sampled at points X: values Y = f(X) and slopes DyDx = f′(X) (from autograd).</summary>
public sealed record ActivationCurve(Activation Activation, double[] X, double[] Y, double[] DyDx)
{
    public override string ToString() => $"{Activation}: {X.Length} points, f from {Y.Min():G3} to {Y.Max():G3}, f′ from {DyDx.Min():G3} to {DyDx.Max():G3}";
}
