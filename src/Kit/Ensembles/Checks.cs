using Kit.Data;

namespace Kit.Ensembles;

/// <summary>The checks every model here runs on its input, so each error names the argument and what was expected.</summary>
internal static class Checks
{
    /// <summary>A classification training set: at least one row, finite features, labels 0…K-1 with at least two classes.</summary>
    public static (int[] Labels, int Classes) Training(ToyDataset train, string name)
    {
        ArgumentNullException.ThrowIfNull(train, name);
        if (train.Count == 0) throw new ArgumentException($"{name} must hold at least one row; it is empty.", name);
        Features(train.Features, train.FeatureCount, name);
        const int maxClass = 1000;
        if (train.Labels.Any(l => l < 0 || l > maxClass))
            throw new ArgumentException($"{name}'s labels must be class numbers from 0 to {maxClass} (found {train.Labels.First(l => l < 0 || l > maxClass)}).", name);
        var labels = train.Labels.Select(l => (int)l).ToArray();
        int classes = labels.Max() + 1;
        if (labels.Distinct().Count() < 2)
            throw new ArgumentException($"{name} holds a single class ({labels[0]}): a classifier needs examples of at least two classes.", name);
        return (labels, classes);
    }

    public static void Features(float[] features, int featureCount, string name)
    {
        ArgumentNullException.ThrowIfNull(features, name);
        if (featureCount < 1) throw new ArgumentOutOfRangeException(name, featureCount, $"{name} needs at least one feature.");
        if (features.Length % featureCount != 0)
            throw new ArgumentException($"{name} must hold whole rows of {featureCount} features; its length {features.Length} is not a multiple.", name);
        int bad = Array.FindIndex(features, v => !float.IsFinite(v));
        if (bad >= 0)
            throw new ArgumentException($"{name} holds {features[bad]} at row {bad / featureCount}, feature {bad % featureCount}: features must be finite numbers (impute or drop missing values first).", name);
    }

    public static void Prediction(float[] features, int fittedFeatures, string name)
    {
        Features(features, fittedFeatures, name);
        if (features.Length == 0) throw new ArgumentException($"{name} must hold at least one row to predict.", name);
    }

    public static T Fitted<T>(T? state, string model) where T : class =>
        state ?? throw new InvalidOperationException($"This {model} is not fitted yet: call Fit(train) before predicting or reading its trees.");

    public static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");

    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0.");

    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0.");

    public static double Fraction(double value, string name) =>
        value > 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be in (0, 1].");
}
