namespace Kit.Clarify;

/// <summary>
/// Kernel SHAP (Lundberg and Lee 2017), the model-agnostic explainer Clarify runs: the value of a coalition S of features
/// is the mean output when the row keeps its own values on S and takes the background rows' values elsewhere; the
/// SHAP values are the weighted least-squares fit of those values with the Shapley kernel
/// π(S) = (M − 1) / (C(M, |S|) |S| (M − |S|)), constrained so they sum to f(x) − E[f(x)]. With all 2^M − 2 coalitions
/// the fit is exactly the Shapley values; beyond <paramref name="maxCoalitions"/> it samples coalitions (in complementary pairs).
/// </summary>
public sealed class KernelShap
{
    readonly Func<float[], double[]> model;
    readonly float[] background;
    readonly int featureCount, maxCoalitions, seed;

    /// <param name="model">the output to explain for every row of a row-major batch (a probability, a log-odds, a regression value)</param>
    /// <param name="background">row-major rows that stand in for "feature unknown" (Clarify's baseline); cost grows with their number</param>
    public KernelShap(Func<float[], double[]> model, float[] background, int featureCount, int maxCoalitions = 2048, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ExplainChecks.Rows(background, featureCount, nameof(background));
        if (maxCoalitions < 2) throw new ArgumentOutOfRangeException(nameof(maxCoalitions), maxCoalitions, "maxCoalitions must be at least 2.");
        (this.model, this.background, this.featureCount, this.maxCoalitions, this.seed) = (model, background, featureCount, maxCoalitions, seed);
        BaseValue = ExplainChecks.Outputs(model, background, featureCount).Average();
    }

    public int FeatureCount => featureCount;

    /// <summary>E[f(x)] over the background set: the base value every explanation starts from.</summary>
    public double BaseValue { get; }

    /// <summary>How many coalitions the last explanation evaluated.</summary>
    public int CoalitionsUsed { get; private set; }

    public ShapExplanation Explain(float[] row)
    {
        ExplainChecks.Row(row, featureCount, nameof(row));
        double prediction = ExplainChecks.Outputs(model, row, featureCount)[0];
        int m = featureCount;
        if (m == 1) return new(BaseValue, [prediction - BaseValue], prediction);
        var (masks, weights) = Coalitions(m);
        CoalitionsUsed = masks.Count;
        var values = CoalitionValues(row, masks);
        return new(BaseValue, Solve(masks, weights, values, prediction - BaseValue), prediction);
    }

    /// <summary>All proper non-empty coalitions with their kernel weights, or a sample of them when there are too many.</summary>
    (List<bool[]> Masks, List<double> Weights) Coalitions(int m)
    {
        var masks = new List<bool[]>();
        var weights = new List<double>();
        if (m < 31 && (1L << m) - 2 <= maxCoalitions)
        {
            for (long bits = 1; bits < (1L << m) - 1; bits++)
            {
                var mask = Enumerable.Range(0, m).Select(j => (bits >> j & 1) == 1).ToArray();
                masks.Add(mask);
                weights.Add(Kernel(m, mask.Count(b => b)));
            }
            return (masks, weights);
        }
        // Sampled: draw the coalition size from the kernel's total weight per size, then a uniform subset of that size;
        // each draw then carries equal weight. Complements come in pairs, which halves the variance.
        var rng = new Random(seed);
        var sizeWeight = Enumerable.Range(1, m - 1).Select(s => (m - 1.0) / (s * (m - s))).ToArray();
        double total = sizeWeight.Sum();
        while (masks.Count + 2 <= maxCoalitions)
        {
            double u = rng.NextDouble() * total;
            int size = 1;
            while (size < m - 1 && (u -= sizeWeight[size - 1]) > 0) size++;
            var chosen = Enumerable.Range(0, m).OrderBy(_ => rng.Next()).Take(size).ToHashSet();
            var mask = Enumerable.Range(0, m).Select(chosen.Contains).ToArray();
            masks.Add(mask);
            masks.Add(mask.Select(b => !b).ToArray());
            weights.Add(1);
            weights.Add(1);
        }
        return (masks, weights);
    }

    static double Kernel(int m, int size) => (m - 1) / (Binomial(m, size) * size * (m - size));

    static double Binomial(int n, int k)
    {
        double result = 1;
        for (int i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }

    /// <summary>v(S) − E[f] for every coalition: the mean output over the background with the row's values on S.</summary>
    double[] CoalitionValues(float[] row, List<bool[]> masks)
    {
        int rowsPerCoalition = background.Length / featureCount;
        var values = new double[masks.Count];
        const int chunk = 64;
        for (int start = 0; start < masks.Count; start += chunk)
        {
            int count = Math.Min(chunk, masks.Count - start);
            var batch = new float[count * background.Length];
            for (int c = 0; c < count; c++)
            {
                var mask = masks[start + c];
                Array.Copy(background, 0, batch, c * background.Length, background.Length);
                for (int r = 0; r < rowsPerCoalition; r++)
                    for (int j = 0; j < featureCount; j++)
                        if (mask[j]) batch[c * background.Length + r * featureCount + j] = row[j];
            }
            var output = ExplainChecks.Outputs(model, batch, featureCount);
            for (int c = 0; c < count; c++)
                values[start + c] = output.Skip(c * rowsPerCoalition).Take(rowsPerCoalition).Average() - BaseValue;
        }
        return values;
    }

    /// <summary>Weighted least squares with Σ φ = <paramref name="total"/> enforced by eliminating the last feature's value.</summary>
    static double[] Solve(List<bool[]> masks, List<double> weights, double[] values, double total)
    {
        int m = masks[0].Length, k = m - 1;
        var normal = new double[k, k];
        var rhs = new double[k];
        var z = new double[k];
        for (int s = 0; s < masks.Count; s++)
        {
            double last = masks[s][k] ? 1 : 0;
            for (int j = 0; j < k; j++) z[j] = (masks[s][j] ? 1 : 0) - last;
            double y = values[s] - last * total, w = weights[s];
            for (int i = 0; i < k; i++)
            {
                rhs[i] += w * z[i] * y;
                for (int j = 0; j < k; j++) normal[i, j] += w * z[i] * z[j];
            }
        }
        var phi = LinearSystem.Solve(normal, rhs);
        return [.. phi, total - phi.Sum()];
    }
}
