using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Regularization;

/// <summary>Looks at the weights a regulariser shaped.</summary>
public static class WeightStats
{
    /// <summary>Every weight (parameters with ≥ 2 dimensions), flattened, on the CPU.</summary>
    public static double[] Values(nn.Module model)
    {
        using var _ = no_grad();
        return Penalties.Weights(model).SelectMany(w => w.detach().cpu().to(ScalarType.Float64).data<double>().ToArray()).ToArray();
    }

    /// <summary>How many weights are zero: |w| ≤ <paramref name="tolerance"/> (0 = exactly zero).</summary>
    public static int CountZeros(nn.Module model, double tolerance = 0)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be ≥ 0.");
        return Values(model).Count(v => Math.Abs(v) <= tolerance);
    }

    /// <summary>Σ|w| and Σw² over the weights: the quantities L1 and L2 penalise.</summary>
    public static (double L1Norm, double SquaredL2) Norms(nn.Module model)
    {
        var v = Values(model);
        return (v.Sum(Math.Abs), v.Sum(x => x * x));
    }
}
