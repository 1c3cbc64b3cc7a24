namespace Kit.AutoML;

/// <summary>The feature preprocessing a candidate applies before its algorithm (Autopilot pairs each algorithm with a preprocessing pipeline).</summary>
public enum Preprocessing
{
    /// <summary>The columns as they are (trees split on thresholds, so scale does not matter to them).</summary>
    None,
    /// <summary>Each column minus its mean, divided by its standard deviation, both taken from the training rows only.</summary>
    Standardize,
}

public static class PreprocessingSteps
{
    /// <summary>
    /// Learns the step from the training rows of a fold and returns it as a function on any rows: fitting on the
    /// training rows alone is what keeps the held-out rows out of the statistics (no leakage).
    /// </summary>
    public static Func<float[], float[]> Fit(this Preprocessing step, float[] trainFeatures, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(trainFeatures);
        if (step == Preprocessing.None) return x => x;
        int rows = trainFeatures.Length / featureCount;
        var mean = new double[featureCount];
        var std = new double[featureCount];
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < featureCount; f++) mean[f] += trainFeatures[r * featureCount + f] / (double)rows;
        for (int r = 0; r < rows; r++)
            for (int f = 0; f < featureCount; f++) std[f] += Math.Pow(trainFeatures[r * featureCount + f] - mean[f], 2) / rows;
        // A constant column stays constant (divided by 1), as scikit-learn's StandardScaler does.
        for (int f = 0; f < featureCount; f++) std[f] = std[f] > 0 ? Math.Sqrt(std[f]) : 1;
        return x => x.Select((v, i) => (float)((v - mean[i % featureCount]) / std[i % featureCount])).ToArray();
    }
}
