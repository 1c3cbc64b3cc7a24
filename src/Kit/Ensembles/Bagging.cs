using Kit.Data;

namespace Kit.Ensembles;

/// <summary>How many features each split of a forest's trees may try.</summary>
public enum SplitFeatures { All, Sqrt, Log2 }

/// <summary>
/// Bagging (bootstrap aggregating) of deep decision trees: each tree trains on a bootstrap sample (n rows drawn
/// with replacement, so about 63% of the distinct rows), and the forest averages their class probabilities.
/// The rows a tree never saw (its out-of-bag rows) give a free validation score. With
/// <see cref="MaxFeatures"/> = <see cref="SplitFeatures.Sqrt"/> this is a random forest.
/// </summary>
public class BaggingClassifier : IClassifier
{
    public int Estimators { get; init => field = Checks.AtLeastOne(value, nameof(Estimators)); } = 10;

    /// <summary>Null: every tree grows until its leaves are pure (low bias, high variance, which bagging then averages away).</summary>
    public int? MaxDepth { get; init => field = value is null ? null : Checks.AtLeastOne(value.Value, nameof(MaxDepth)); }
    public int MinSamplesLeaf { get; init => field = Checks.AtLeastOne(value, nameof(MinSamplesLeaf)); } = 1;
    public Criterion Criterion { get; init; } = Criterion.Gini;
    public SplitFeatures MaxFeatures { get; init; } = SplitFeatures.All;
    public int Seed { get; init; }

    Fitted? fitted;

    sealed record Fitted(List<DecisionTree> Trees, List<bool[]> InBag, int Classes, int FeatureCount, int[] Labels);

    public IReadOnlyList<DecisionTree> Trees => Checks.Fitted(fitted, ModelName).Trees;

    string ModelName => GetType().Name;

    IClassifier IClassifier.Fit(ToyDataset train) => Fit(train);

    public BaggingClassifier Fit(ToyDataset train)
    {
        var (labels, classes) = Checks.Training(train, nameof(train));
        int n = train.Count, f = train.FeatureCount;
        var columns = new SortedColumns(train.Features, f);
        var rng = new Random(Seed);
        int maxFeatures = MaxFeatures switch
        {
            SplitFeatures.Sqrt => Math.Max(1, (int)Math.Sqrt(f)),
            SplitFeatures.Log2 => Math.Max(1, (int)Math.Log2(f)),
            _ => f,
        };
        var trees = new List<DecisionTree>(Estimators);
        var inBag = new List<bool[]>(Estimators);
        var all = DecisionTree.AllFeatures(f);
        for (int t = 0; t < Estimators; t++)
        {
            var counts = new double[n];
            for (int i = 0; i < n; i++) counts[rng.Next(n)] += 1;
            var tree = new DecisionTree { Criterion = Criterion, MaxDepth = MaxDepth, MinSamplesLeaf = MinSamplesLeaf, MaxFeatures = maxFeatures };
            tree.FitCore(columns, labels, classes, null, counts, all, new Random(rng.Next()));
            trees.Add(tree);
            inBag.Add(counts.Select(c => c > 0).ToArray());
        }
        fitted = new Fitted(trees, inBag, classes, f, labels);
        return this;
    }

    /// <summary>The average of the first <paramref name="trees"/> trees' class probabilities (all trees by default).</summary>
    public double[][] PredictProba(float[] features) => PredictProba(features, Trees.Count);

    public double[][] PredictProba(float[] features, int trees)
    {
        var fit = Checks.Fitted(fitted, ModelName);
        Checks.Prediction(features, fit.FeatureCount, nameof(features));
        if (trees < 1 || trees > fit.Trees.Count)
            throw new ArgumentOutOfRangeException(nameof(trees), trees, $"trees must be between 1 and {fit.Trees.Count}.");
        int rows = features.Length / fit.FeatureCount;
        var sum = Enumerable.Range(0, rows).Select(_ => new double[fit.Classes]).ToArray();
        foreach (var tree in fit.Trees.Take(trees))
        {
            var t = tree.Fitted;
            for (int i = 0; i < rows; i++)
            {
                var value = t.Nodes[t.Leaf(features, i)].Value;
                for (int k = 0; k < value.Length; k++) sum[i][k] += value[k] / trees;
            }
        }
        return sum;
    }

    /// <summary>
    /// Out-of-bag error after 1, 2, … trees: each training row is scored only by the trees whose bootstrap
    /// missed it; rows no tree has missed yet are not counted.
    /// </summary>
    public double[] StagedOutOfBagError(ToyDataset train)
    {
        var fit = Checks.Fitted(fitted, ModelName);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count != fit.Labels.Length || train.FeatureCount != fit.FeatureCount)
            throw new ArgumentException("train must be the data set this model was fitted on.", nameof(train));
        return Staged(train, (tree, row) => !fit.InBag[tree][row]);
    }

    /// <summary>Error on <paramref name="test"/> after 1, 2, … trees.</summary>
    public double[] StagedError(ToyDataset test)
    {
        var fit = Checks.Fitted(fitted, ModelName);
        ArgumentNullException.ThrowIfNull(test);
        Checks.Prediction(test.Features, fit.FeatureCount, nameof(test));
        return Staged(test, (_, _) => true);
    }

    double[] Staged(ToyDataset data, Func<int, int, bool> votes)
    {
        var fit = fitted!;
        int n = data.Count;
        var sum = Enumerable.Range(0, n).Select(_ => new double[fit.Classes]).ToArray();
        var seen = new bool[n];
        var errors = new double[fit.Trees.Count];
        for (int t = 0; t < fit.Trees.Count; t++)
        {
            var tree = fit.Trees[t].Fitted;
            for (int i = 0; i < n; i++)
            {
                if (!votes(t, i)) continue;
                var value = tree.Nodes[tree.Leaf(data.Features, i)].Value;
                for (int k = 0; k < value.Length; k++) sum[i][k] += value[k];
                seen[i] = true;
            }
            int counted = 0, wrong = 0;
            for (int i = 0; i < n; i++)
            {
                if (!seen[i]) continue;
                counted++;
                if (Array.IndexOf(sum[i], sum[i].Max()) != data.Labels[i]) wrong++;
            }
            errors[t] = counted == 0 ? double.NaN : wrong / (double)counted;
        }
        return errors;
    }

    /// <summary>The out-of-bag error of the whole forest (scikit-learn's 1 − <c>oob_score_</c>).</summary>
    public double OutOfBagError(ToyDataset train) => StagedOutOfBagError(train)[^1];
}

/// <summary>A random forest: bagged deep trees that each try only √features at every split, which decorrelates the trees.</summary>
public sealed class RandomForestClassifier : BaggingClassifier
{
    public RandomForestClassifier()
    {
        Estimators = 100;
        MaxFeatures = SplitFeatures.Sqrt;
    }
}
