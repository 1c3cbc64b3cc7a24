namespace Kit.Clarify;

/// <summary>
/// The counterfactual flip test (FT) as SageMaker Clarify approximates it: a k-nearest-neighbour classifier trained on
/// facet a's features and predicted labels (k = 5, or 1 when a has at most 9 rows; Euclidean distance) predicts what
/// each member of d would get "as a". FT = (F⁺ − F⁻) / n_d, F⁺ = d members the model rejects whose neighbours in a are
/// accepted, F⁻ = d members accepted whose neighbours are rejected; positive means bias against d
/// (https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-post-training-bias-metric-ft.html). smclarify's code counts
/// the two sets the other way round, so its sign is the opposite of the documentation's; the Kit follows the documentation.
/// </summary>
public static class FlipTest
{
    public static double Compute(BiasData data, float[] features, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (featureCount < 1) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "featureCount must be at least 1.");
        if (features.Length != data.Count * featureCount)
            throw new ArgumentException($"features must hold {data.Count} rows of {featureCount} values ({data.Count * featureCount}), not {features.Length}.", nameof(features));
        var a = Enumerable.Range(0, data.Count).Where(i => !data.Disadvantaged[i]).ToArray();
        var d = Enumerable.Range(0, data.Count).Where(i => data.Disadvantaged[i]).ToArray();
        int k = a.Length > 9 ? 5 : 1;
        int flippedUp = 0, flippedDown = 0;
        foreach (int row in d)
        {
            var nearest = a.OrderBy(j => SquaredDistance(features, row, j, featureCount)).ThenBy(j => j).Take(k).ToArray();
            bool asA = 2 * nearest.Count(data.IsPredictedPositive) > nearest.Length;
            bool model = data.IsPredictedPositive(row);
            if (!model && asA) flippedUp++;
            if (model && !asA) flippedDown++;
        }
        return (flippedUp - flippedDown) / (double)d.Length;
    }

    static double SquaredDistance(float[] x, int i, int j, int width)
    {
        double sum = 0;
        for (int f = 0; f < width; f++) { double diff = x[i * width + f] - x[j * width + f]; sum += diff * diff; }
        return sum;
    }
}
