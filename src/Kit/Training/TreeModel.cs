namespace Kit.Training;

/// <summary>
/// A fitted binary decision tree in flat arrays, the shape explainers read (TreeSHAP) without knowing which library grew it.
/// Inner node <c>i</c> sends a row left when <c>row[Feature[i]] ≤ Threshold[i]</c>, else right; a leaf has
/// <c>Feature[i] = -1</c>. <c>Cover[i]</c> is the training weight that reached node i; <c>Value[i]</c> the leaf's output.
/// </summary>
public sealed record TreeModel(int[] Feature, double[] Threshold, int[] Left, int[] Right, double[] Cover, double[] Value)
{
    public int NodeCount => Feature.Length;

    public bool IsLeaf(int node) => Feature[node] < 0;

    /// <summary>The output for row <paramref name="row"/> of row-major <paramref name="rows"/> with <paramref name="width"/> columns.</summary>
    public double Predict(float[] rows, int row, int width)
    {
        int node = 0, offset = row * width;
        while (Feature[node] >= 0) node = rows[offset + Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return Value[node];
    }

    /// <summary>The leaves' values weighted by cover: the tree's mean output over its training data.</summary>
    public double ExpectedValue(int node = 0) => IsLeaf(node)
        ? Value[node]
        : (Cover[Left[node]] * ExpectedValue(Left[node]) + Cover[Right[node]] * ExpectedValue(Right[node])) / (Cover[Left[node]] + Cover[Right[node]]);
}

/// <summary>
/// A sum of trees plus an offset, f(x) = Offset + Σ tree(x): one tree (offset 0), a forest (leaf values divided by the
/// number of trees) or boosting (offset = initial score, leaf values times the learning rate).
/// </summary>
public sealed record TreeEnsembleModel(IReadOnlyList<TreeModel> Trees, double Offset, int FeatureCount)
{
    /// <summary>f(x) for every row of row-major <paramref name="rows"/>.</summary>
    public double[] Predict(float[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length % FeatureCount != 0)
            throw new ArgumentException($"rows must hold whole rows of {FeatureCount} features; it holds {rows.Length} values.", nameof(rows));
        var output = new double[rows.Length / FeatureCount];
        for (int i = 0; i < output.Length; i++)
        {
            double sum = Offset;
            foreach (var tree in Trees) sum += tree.Predict(rows, i, FeatureCount);
            output[i] = sum;
        }
        return output;
    }
}
