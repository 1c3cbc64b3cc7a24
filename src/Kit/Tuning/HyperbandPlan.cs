namespace Kit.Tuning;

/// <summary>One rung of a successive-halving bracket: how many configurations train for how many epochs.</summary>
public sealed record Rung(int Configurations, int Epochs);

/// <summary>A bracket: start many configurations on a small budget, keep the best 1/η at each rung, η× the epochs.</summary>
public sealed record Bracket(int Index, IReadOnlyList<Rung> Rungs)
{
    /// <summary>Epochs this bracket trains (each rung retrains its survivors from scratch for that rung's epochs).</summary>
    public int Epochs => Rungs.Sum(r => r.Configurations * r.Epochs);

    public override string ToString() => $"bracket {Index}: " + string.Join(" → ", Rungs.Select(r => $"{r.Configurations}×{r.Epochs}"));
}

/// <summary>
/// Hyperband's schedule (Li et al., 2018): brackets s = s_max…0 with s_max = ⌊log_η(max/min)⌋. Bracket s starts
/// n = ⌈(s_max+1)/(s+1)·η^s⌉ configurations on max·η^−s epochs, so the aggressive brackets try many configurations
/// cheaply and the last one is plain random search at full budget, a hedge when early scores mislead.
/// </summary>
public static class HyperbandPlan
{
    /// <param name="minEpochs">the smallest resource a configuration gets, at least 1</param>
    /// <param name="maxEpochs">the full resource, more than minEpochs</param>
    /// <param name="eta">the halving rate: keep 1/η per rung (AMT and the paper use 3)</param>
    public static IReadOnlyList<Bracket> Brackets(int minEpochs, int maxEpochs, int eta = 3)
    {
        if (minEpochs < 1) throw new ArgumentOutOfRangeException(nameof(minEpochs), minEpochs, "minEpochs (the smallest resource) must be at least 1.");
        if (maxEpochs <= minEpochs) throw new ArgumentOutOfRangeException(nameof(maxEpochs), maxEpochs, $"maxEpochs must exceed minEpochs ({minEpochs}).");
        if (eta < 2) throw new ArgumentOutOfRangeException(nameof(eta), eta, "eta (the halving rate) must be at least 2.");
        int sMax = (int)Math.Floor(Math.Log((double)maxEpochs / minEpochs) / Math.Log(eta) + 1e-9);
        var brackets = new List<Bracket>();
        for (int s = sMax; s >= 0; s--)
        {
            int n = (int)Math.Ceiling((sMax + 1.0) / (s + 1) * Math.Pow(eta, s));
            var rungs = new List<Rung>();
            for (int i = 0; i <= s; i++)
            {
                int count = Math.Max(1, (int)Math.Floor(n * Math.Pow(eta, -i)));
                int epochs = (int)Math.Clamp(Math.Round(maxEpochs * Math.Pow(eta, i - s)), minEpochs, maxEpochs);
                rungs.Add(new Rung(count, epochs));
            }
            brackets.Add(new Bracket(brackets.Count, rungs));
        }
        return brackets;
    }
}
