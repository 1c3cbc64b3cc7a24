namespace Kit.GenAIEvaluation;

/// <summary>The spread of a kappa estimate from a sample of items: the 5th and 95th percentiles over repeated samples.</summary>
public sealed record KappaSpread(int Items, double Low, double Median, double High)
{
    public double Width => High - Low;
    public override string ToString() => $"{Items,4} items: kappa {Median:F2} (90% of samples between {Low:F2} and {High:F2})";
}

/// <summary>
/// Designing a human evaluation: how many items two raters must label before their kappa is known well enough.
/// Two simulated raters label items into <paramref name="categories"/> classes; rater B copies rater A's label with
/// probability <paramref name="copy"/> and otherwise picks any class at random, so the true kappa is known.
/// </summary>
public static class HumanEvaluation
{
    public static KappaSpread Spread(int items, double copy, int categories, int trials, int seed)
    {
        if (items < 2) throw new ArgumentOutOfRangeException(nameof(items), items, "label at least two items.");
        if (!(copy >= 0 && copy <= 1)) throw new ArgumentOutOfRangeException(nameof(copy), copy, "a probability in [0, 1].");
        if (categories < 2) throw new ArgumentOutOfRangeException(nameof(categories), categories, "at least two categories.");
        if (trials < 10) throw new ArgumentOutOfRangeException(nameof(trials), trials, "use at least 10 trials for percentiles.");
        var rng = new Random(seed);
        var kappas = new List<double>();
        while (kappas.Count < trials)
        {
            var a = new int[items];
            var b = new int[items];
            for (int i = 0; i < items; i++)
            {
                a[i] = rng.Next(categories);
                b[i] = rng.NextDouble() < copy ? a[i] : rng.Next(categories);
            }
            if (a.Concat(b).Distinct().Count() < 2) continue;   // kappa is undefined for one label; draw again
            kappas.Add(Agreement.CohenKappa(a, b));
        }
        kappas.Sort();
        double At(double q) => kappas[(int)Math.Round(q * (kappas.Count - 1))];
        return new KappaSpread(items, At(0.05), At(0.5), At(0.95));
    }

    /// <summary>The kappa the simulation's raters have in the limit: B agrees by copying or by chance, A is uniform.</summary>
    public static double TrueKappa(double copy, int categories)
    {
        double pe = 1.0 / categories;
        double po = copy + (1 - copy) * pe;
        return (po - pe) / (1 - pe);
    }
}
