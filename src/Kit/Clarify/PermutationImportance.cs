namespace Kit.Clarify;

/// <summary>
/// Permutation feature importance (scikit-learn's <c>permutation_importance</c>): how much a score drops when one
/// column is shuffled, breaking its link with the target while keeping its distribution; the mean and standard
/// deviation over <c>repeats</c> shuffles.
/// </summary>
public sealed record PermutationImportance(double BaselineScore, double[] Mean, double[] Std)
{
    /// <param name="score">the score of a vector of model outputs, higher is better (e.g. accuracy against the labels)</param>
    public static PermutationImportance Compute(Func<float[], double[]> model, float[] rows, int featureCount,
        Func<double[], double> score, int repeats = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(score);
        ExplainChecks.Rows(rows, featureCount, nameof(rows));
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "repeats must be at least 1.");
        int n = rows.Length / featureCount;
        double baseline = score(ExplainChecks.Outputs(model, rows, featureCount));
        var rng = new Random(seed);
        var mean = new double[featureCount];
        var std = new double[featureCount];
        var shuffled = (float[])rows.Clone();
        for (int j = 0; j < featureCount; j++)
        {
            var drops = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                var order = Enumerable.Range(0, n).ToArray();
                rng.Shuffle(order);
                for (int i = 0; i < n; i++) shuffled[i * featureCount + j] = rows[order[i] * featureCount + j];
                drops[r] = baseline - score(ExplainChecks.Outputs(model, shuffled, featureCount));
            }
            for (int i = 0; i < n; i++) shuffled[i * featureCount + j] = rows[i * featureCount + j];
            mean[j] = drops.Average();
            std[j] = Math.Sqrt(drops.Average(d => (d - mean[j]) * (d - mean[j])));
        }
        return new(baseline, mean, std);
    }
}
