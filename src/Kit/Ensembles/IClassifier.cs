using Kit.Data;

namespace Kit.Ensembles;

/// <summary>A classifier of this lesson: fit on a labelled data set, then class probabilities for new rows.</summary>
public interface IClassifier
{
    /// <summary>Fits on <paramref name="train"/> (labels 0…K-1, at least two classes, finite features) and returns this model.</summary>
    IClassifier Fit(ToyDataset train);

    /// <summary>Class probabilities, one array of K per row of <paramref name="features"/> (row-major, the training set's feature count).</summary>
    double[][] PredictProba(float[] features);
}

public static class ClassifierExtensions
{
    /// <summary>The most probable class of every row (the first one on a tie).</summary>
    public static long[] Predict(this IClassifier model, float[] features) =>
        model.PredictProba(features).Select(p => (long)Array.IndexOf(p, p.Max())).ToArray();

    public static long[] Predict(this IClassifier model, ToyDataset data) => model.Predict(data.Features);

    /// <summary>Share of the rows of <paramref name="data"/> whose predicted class is their label.</summary>
    public static double Accuracy(this IClassifier model, ToyDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var predicted = model.Predict(data);
        return predicted.Where((p, i) => p == data.Labels[i]).Count() / (double)data.Count;
    }

    /// <summary>The probability of class 1 of every row: the number a two-class chart or a variance measures.</summary>
    public static double[] ProbabilityOfOne(this IClassifier model, float[] features) =>
        model.PredictProba(features).Select(p => p.Length > 1 ? p[1] : 0).ToArray();
}
