namespace Kit.Clarify;

/// <summary>
/// Partial dependence of a model on one feature: for each grid value g, every row gets feature = g and the model
/// predicts; <see cref="Individual"/> keeps each row's curve (ICE, individual conditional expectation) and
/// <see cref="Average"/> is their mean (the PDP, the feature's marginal effect as Clarify's PDP analysis reports it).
/// </summary>
public sealed record PartialDependence(int Feature, double[] Grid, double[] Average, double[][] Individual)
{
    /// <param name="gridPoints">values between the feature's 5th and 95th percentiles (Clarify's default grid is 20 points)</param>
    public static PartialDependence Compute(Func<float[], double[]> model, float[] rows, int featureCount, int feature, int gridPoints = 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        ExplainChecks.Rows(rows, featureCount, nameof(rows));
        if (feature < 0 || feature >= featureCount)
            throw new ArgumentOutOfRangeException(nameof(feature), feature, $"feature must be a column index from 0 to {featureCount - 1}.");
        if (gridPoints < 2) throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, "gridPoints must be at least 2.");
        int n = rows.Length / featureCount;
        var column = Enumerable.Range(0, n).Select(i => (double)rows[i * featureCount + feature]).Order().ToArray();
        double low = column[(int)(0.05 * (n - 1))], high = column[(int)Math.Ceiling(0.95 * (n - 1))];
        var grid = Enumerable.Range(0, gridPoints).Select(g => low + (high - low) * g / (gridPoints - 1)).ToArray();
        var individual = Enumerable.Range(0, n).Select(_ => new double[gridPoints]).ToArray();
        var changed = (float[])rows.Clone();
        for (int g = 0; g < gridPoints; g++)
        {
            for (int i = 0; i < n; i++) changed[i * featureCount + feature] = (float)grid[g];
            var output = ExplainChecks.Outputs(model, changed, featureCount);
            for (int i = 0; i < n; i++) individual[i][g] = output[i];
        }
        var average = Enumerable.Range(0, gridPoints).Select(g => individual.Average(curve => curve[g])).ToArray();
        return new(feature, grid, average, individual);
    }
}
