using Kit.Data;

namespace Kit.Ensembles;

/// <summary>
/// A CART decision tree (scikit-learn's <c>DecisionTreeClassifier</c> / <c>DecisionTreeRegressor</c>): binary splits
/// <c>x[f] ≤ t</c> chosen greedily to lower Gini, entropy or squared error. Its fitted <see cref="Nodes"/> are
/// exposed for drawing and explaining.
/// </summary>
public sealed class DecisionTree : IClassifier
{
    public Criterion Criterion { get; init; } = Criterion.Gini;

    /// <summary>Deepest level a leaf may sit at (the root is depth 0); null grows until the leaves are pure.</summary>
    public int? MaxDepth { get; init => field = value is null ? null : Checks.AtLeastOne(value.Value, nameof(MaxDepth)); }

    /// <summary>A split must leave at least this many training rows on each side.</summary>
    public int MinSamplesLeaf { get; init => field = Checks.AtLeastOne(value, nameof(MinSamplesLeaf)); } = 1;

    /// <summary>A split must lower the weighted impurity by at least this much (scikit-learn's formula).</summary>
    public double MinImpurityDecrease { get; init => field = Checks.NonNegative(value, nameof(MinImpurityDecrease)); }

    /// <summary>Features tried at each split, drawn at random per node; null tries all (a random forest uses √features).</summary>
    public int? MaxFeatures { get; init => field = value is null ? null : Checks.AtLeastOne(value.Value, nameof(MaxFeatures)); }

    public int Seed { get; init; }

    FittedTree? fitted;

    /// <summary>The nodes, root first, children after their parent (depth first, left before right).</summary>
    public IReadOnlyList<TreeNode> Nodes => Checks.Fitted(fitted, "tree").Nodes;
    public int FeatureCount => Checks.Fitted(fitted, "tree").FeatureCount;
    public int Depth => Checks.Fitted(fitted, "tree").Depth();
    public int LeafCount => Nodes.Count(n => n.IsLeaf);

    IClassifier IClassifier.Fit(ToyDataset train) => Fit(train);

    /// <summary>Fits a classification tree (Gini or entropy).</summary>
    /// <param name="sampleWeight">a weight ≥ 0 per row (default 1); rows with weight 0 are left out</param>
    public DecisionTree Fit(ToyDataset train, double[]? sampleWeight = null)
    {
        if (Criterion == Criterion.SquaredError)
            throw new ArgumentException("Criterion.SquaredError is for regression: use FitRegression, or Gini/Entropy to classify.", nameof(Criterion));
        var (labels, classes) = Checks.Training(train, nameof(train));
        var weights = Weights(sampleWeight, train.Count);
        var columns = new SortedColumns(train.Features, train.FeatureCount);
        fitted = FitCore(columns, labels, classes, null, weights, AllFeatures(train.FeatureCount), new Random(Seed)).Tree;
        return this;
    }

    /// <summary>Fits a regression tree (squared error) on <paramref name="features"/> (row-major) and <paramref name="targets"/>.</summary>
    public DecisionTree FitRegression(float[] features, int featureCount, double[] targets, double[]? sampleWeight = null)
    {
        Checks.Features(features, featureCount, nameof(features));
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length == 0) throw new ArgumentException("targets must hold at least one value.", nameof(targets));
        if (targets.Length * featureCount != features.Length)
            throw new ArgumentException($"targets holds {targets.Length} values but features holds {features.Length / featureCount} rows.", nameof(targets));
        if (targets.Any(t => !double.IsFinite(t))) throw new ArgumentException("targets must be finite numbers.", nameof(targets));
        var weights = Weights(sampleWeight, targets.Length);
        var columns = new SortedColumns(features, featureCount);
        fitted = FitCore(columns, null, 0, targets, weights, AllFeatures(featureCount), new Random(Seed)).Tree;
        return this;
    }

    /// <summary>The ensembles' entry: the columns are sorted once per ensemble, not once per tree.</summary>
    internal (FittedTree Tree, int[] LeafOf) FitCore(SortedColumns columns, int[]? labels, int classes, double[]? targets,
        double[] weights, int[] features, Random rng)
    {
        var criterion = labels is null ? Criterion.SquaredError : Criterion;
        var settings = new TreeSettings(criterion, MaxDepth ?? int.MaxValue, MinSamplesLeaf, MinImpurityDecrease, MaxFeatures ?? int.MaxValue);
        var (nodes, leafOf) = TreeBuilder.Grow(columns, labels, classes, targets, weights, settings, features, rng);
        fitted = new FittedTree(nodes, columns.Features);
        return (fitted, leafOf);
    }

    public double[][] PredictProba(float[] features)
    {
        var tree = Checks.Fitted(fitted, "tree");
        Checks.Prediction(features, tree.FeatureCount, nameof(features));
        return Enumerable.Range(0, features.Length / tree.FeatureCount)
            .Select(i => (double[])tree.Nodes[tree.Leaf(features, i)].Value.Clone()).ToArray();
    }

    /// <summary>The regression tree's prediction for every row.</summary>
    public double[] PredictValue(float[] features)
    {
        var tree = Checks.Fitted(fitted, "tree");
        Checks.Prediction(features, tree.FeatureCount, nameof(features));
        return Enumerable.Range(0, features.Length / tree.FeatureCount).Select(i => tree.Value(features, i)).ToArray();
    }

    /// <summary>The index (into <see cref="Nodes"/>) of the leaf every row ends in.</summary>
    public int[] Apply(float[] features)
    {
        var tree = Checks.Fitted(fitted, "tree");
        Checks.Prediction(features, tree.FeatureCount, nameof(features));
        return Enumerable.Range(0, features.Length / tree.FeatureCount).Select(i => tree.Leaf(features, i)).ToArray();
    }

    internal FittedTree Fitted => Checks.Fitted(fitted, "tree");

    internal static int[] AllFeatures(int count) => Enumerable.Range(0, count).ToArray();

    static double[] Weights(double[]? sampleWeight, int rows)
    {
        if (sampleWeight is null) return Enumerable.Repeat(1.0, rows).ToArray();
        if (sampleWeight.Length != rows)
            throw new ArgumentException($"sampleWeight must hold one weight per row ({rows}), not {sampleWeight.Length}.", nameof(sampleWeight));
        if (sampleWeight.Any(w => !double.IsFinite(w) || w < 0) || sampleWeight.All(w => w == 0))
            throw new ArgumentException("sampleWeight must be finite and ≥ 0, with at least one weight above 0.", nameof(sampleWeight));
        return (double[])sampleWeight.Clone();
    }
}

/// <summary>A grown tree in flat arrays, for fast prediction; ensembles may rewrite leaf values (boosting's Newton step).</summary>
internal sealed class FittedTree
{
    readonly int[] feature, left, right;
    readonly double[] threshold;
    readonly double[] value;   // first value of each node: the regression output boosting reads

    public List<TreeNode> Nodes { get; }
    public int FeatureCount { get; }

    public FittedTree(List<TreeNode> nodes, int featureCount)
    {
        Nodes = nodes;
        FeatureCount = featureCount;
        feature = nodes.Select(n => n.Feature).ToArray();
        left = nodes.Select(n => n.Left).ToArray();
        right = nodes.Select(n => n.Right).ToArray();
        threshold = nodes.Select(n => n.Threshold).ToArray();
        value = nodes.Select(n => n.Value[0]).ToArray();
    }

    public int Leaf(float[] rows, int row)
    {
        int offset = row * FeatureCount, node = 0;
        while (feature[node] >= 0) node = rows[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
        return node;
    }

    public double Value(float[] rows, int row) => value[Leaf(rows, row)];

    public double LeafValue(int node) => value[node];

    public void SetLeafValue(int node, double newValue)
    {
        value[node] = newValue;
        Nodes[node] = Nodes[node] with { Value = [newValue] };
    }

    public int Depth(int node = 0) => feature[node] < 0 ? 0 : 1 + Math.Max(Depth(left[node]), Depth(right[node]));
}
