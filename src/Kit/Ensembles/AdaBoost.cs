using Kit.Data;

namespace Kit.Ensembles;

/// <summary>
/// AdaBoost with the SAMME rule (scikit-learn's <c>AdaBoostClassifier(algorithm="SAMME")</c>): weak trees (stumps by
/// default) are trained one after another on re-weighted rows. After each stage the rows it got wrong gain weight
/// exp(α), so the next stump concentrates on them; the ensemble is the α-weighted vote of all stumps, with
/// α = learning rate · (ln((1 − err) / err) + ln(K − 1)).
/// </summary>
public sealed class AdaBoostClassifier : IClassifier
{
    public int Estimators { get; init => field = Checks.AtLeastOne(value, nameof(Estimators)); } = 50;
    public double LearningRate { get; init => field = Checks.Positive(value, nameof(LearningRate)); } = 1.0;
    public int MaxDepth { get; init => field = Checks.AtLeastOne(value, nameof(MaxDepth)); } = 1;
    public int Seed { get; init; }

    Fitted? fitted;

    sealed record Fitted(List<DecisionTree> Trees, List<double> Alphas, List<double> Errors, List<double[]> Weights, List<double> TrainingError, int Classes, int FeatureCount);

    public IReadOnlyList<DecisionTree> Trees => State.Trees;

    /// <summary>α of every stage: how much its vote counts.</summary>
    public IReadOnlyList<double> Alphas => State.Alphas;

    /// <summary>The weighted training error of each stage's stump on the weights it was trained with.</summary>
    public IReadOnlyList<double> StageErrors => State.Errors;

    /// <summary>The sample weights each stage was trained with (stage 0: all equal), summing to 1.</summary>
    public IReadOnlyList<double[]> SampleWeights => State.Weights;

    /// <summary>The whole ensemble's training error after 1, 2, … stages.</summary>
    public IReadOnlyList<double> StagedTrainingError => State.TrainingError;

    Fitted State => Checks.Fitted(fitted, nameof(AdaBoostClassifier));

    IClassifier IClassifier.Fit(ToyDataset train) => Fit(train);

    public AdaBoostClassifier Fit(ToyDataset train)
    {
        var (labels, classes) = Checks.Training(train, nameof(train));
        int n = train.Count;
        var columns = new SortedColumns(train.Features, train.FeatureCount);
        var features = DecisionTree.AllFeatures(train.FeatureCount);
        var rng = new Random(Seed);
        var weights = Enumerable.Repeat(1.0 / n, n).ToArray();
        var votes = Enumerable.Range(0, n).Select(_ => new double[classes]).ToArray();
        var fit = new Fitted([], [], [], [], [], classes, train.FeatureCount);
        for (int stage = 0; stage < Estimators; stage++)
        {
            var tree = new DecisionTree { MaxDepth = MaxDepth };
            var (grown, _) = tree.FitCore(columns, labels, classes, null, weights, features, new Random(rng.Next()));
            var predicted = Enumerable.Range(0, n).Select(i => ArgMax(grown.Nodes[grown.Leaf(train.Features, i)].Value)).ToArray();
            double error = 0;
            for (int i = 0; i < n; i++) if (predicted[i] != labels[i]) error += weights[i];
            error /= weights.Sum();
            fit.Weights.Add((double[])weights.Clone());
            if (error >= 1 - 1.0 / classes)
            {
                if (stage == 0) throw new InvalidOperationException($"The first stage's error {error:F3} is no better than guessing among {classes} classes: AdaBoost cannot start.");
                fit.Weights.RemoveAt(fit.Weights.Count - 1);
                break;
            }
            double alpha = error <= 0 ? 1.0 : LearningRate * (Math.Log((1 - error) / error) + Math.Log(classes - 1));
            fit.Trees.Add(tree);
            fit.Alphas.Add(alpha);
            fit.Errors.Add(error);
            for (int i = 0; i < n; i++) votes[i][predicted[i]] += alpha;
            fit.TrainingError.Add(Enumerable.Range(0, n).Count(i => ArgMax(votes[i]) != labels[i]) / (double)n);
            if (error <= 0) break;   // a perfect stage: nothing left to boost
            for (int i = 0; i < n; i++) if (predicted[i] != labels[i]) weights[i] *= Math.Exp(alpha);
            double total = weights.Sum();
            for (int i = 0; i < n; i++) weights[i] /= total;
        }
        fitted = fit;
        return this;
    }

    /// <summary>The α-weighted share of votes for each class (the arg-max is SAMME's prediction).</summary>
    public double[][] PredictProba(float[] features)
    {
        var fit = State;
        Checks.Prediction(features, fit.FeatureCount, nameof(features));
        int rows = features.Length / fit.FeatureCount;
        double alphaSum = fit.Alphas.Sum();
        var result = Enumerable.Range(0, rows).Select(_ => new double[fit.Classes]).ToArray();
        for (int t = 0; t < fit.Trees.Count; t++)
        {
            var tree = fit.Trees[t].Fitted;
            for (int i = 0; i < rows; i++) result[i][ArgMax(tree.Nodes[tree.Leaf(features, i)].Value)] += fit.Alphas[t] / alphaSum;
        }
        return result;
    }

    static int ArgMax(double[] values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }
}
