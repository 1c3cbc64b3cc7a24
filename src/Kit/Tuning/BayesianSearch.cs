namespace Kit.Tuning;

/// <summary>A point the surrogate model learns from: unit-cube coordinates, the value (higher is better), how noisy.</summary>
readonly record struct Observation(double[] X, double Y, double Noise, bool Counts);

/// <summary>
/// Bayesian optimisation's proposal step: fit a <see cref="GaussianProcess"/> to what has been observed and take the
/// candidate with the largest expected improvement. Candidates: uniform points plus small steps around the best
/// points so far (exploration and exploitation). A batch for parallel jobs is filled one by one, each proposal
/// pretending its predicted mean was observed ("kriging believer"), so the batch spreads out.
/// </summary>
static class BayesianSearch
{
    const int UniformCandidates = 1000, LocalCandidates = 60, LocalCentres = 5;
    const double LocalStep = 0.05;

    public static List<Hyperparameters> Propose(SearchSpace space, List<Observation> observed, int count, Random rng)
    {
        var points = new List<Observation>(observed);
        var seen = new HashSet<string>(points.Select(p => Key(p.X)));
        var proposals = new List<Hyperparameters>();
        for (int k = 0; k < count; k++)
        {
            var gp = GaussianProcess.Fit([.. points.Select(p => p.X)], [.. points.Select(p => p.Y)], [.. points.Select(p => p.Noise)]);
            var counted = points.Where(p => p.Counts).ToList();
            double best = (counted.Count > 0 ? counted : points).Max(p => p.Y);
            double[]? chosen = null;
            double chosenEi = double.NegativeInfinity;
            foreach (var u in Candidates(space, points, rng))
            {
                var x = space.Encode(space.Decode(u)); // score the point a trial would really run (rounded, one-hot)
                if (seen.Contains(Key(x))) continue;
                var (mean, sd) = gp.Predict(x);
                double ei = GaussianProcess.ExpectedImprovement(mean, sd, best);
                if (ei > chosenEi) (chosenEi, chosen) = (ei, x);
            }
            chosen ??= space.Encode(space.Sample(rng)); // every candidate already tried: a small discrete space is exhausted
            seen.Add(Key(chosen));
            points.Add(new Observation(chosen, gp.Predict(chosen).Mean, 1e-4, Counts: false));
            proposals.Add(space.Decode(chosen));
        }
        return proposals;
    }

    static IEnumerable<double[]> Candidates(SearchSpace space, List<Observation> points, Random rng)
    {
        int d = space.Dimensions;
        for (int i = 0; i < UniformCandidates; i++) yield return [.. Enumerable.Range(0, d).Select(_ => rng.NextDouble())];
        foreach (var centre in points.OrderByDescending(p => p.Y).Take(LocalCentres))
            for (int i = 0; i < LocalCandidates; i++)
                yield return [.. centre.X.Select(c => Math.Clamp(c + LocalStep * Gaussian(rng), 0, 1))];
    }

    static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    static string Key(double[] x) => string.Join(",", x.Select(v => Math.Round(v, 9)));
}
