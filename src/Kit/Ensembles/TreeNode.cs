namespace Kit.Ensembles;

/// <summary>How a tree scores the impurity of a node: Gini or entropy (classification), squared error (regression).</summary>
public enum Criterion { Gini, Entropy, SquaredError }

/// <summary>
/// One node of a fitted tree, in scikit-learn's layout: an inner node sends a row left when
/// <c>row[Feature] ≤ Threshold</c>, else right; a leaf has <c>Feature = -1</c> and children -1.
/// </summary>
/// <param name="Value">class probabilities (classification) or the single predicted value (regression)</param>
/// <param name="Impurity">the node's Gini, entropy (bits) or variance</param>
/// <param name="Samples">training rows that reached the node (distinct rows; a bootstrap duplicate counts once)</param>
/// <param name="Weight">their total sample weight (bootstrap counts, AdaBoost weights); the "cover" TreeSHAP needs</param>
public sealed record TreeNode(int Feature, double Threshold, int Left, int Right, double[] Value, double Impurity, int Samples, double Weight)
{
    public bool IsLeaf => Feature < 0;

    public override string ToString() => IsLeaf
        ? $"leaf: value [{string.Join(", ", Value.Select(v => v.ToString("G4")))}], {Samples} rows"
        : $"x[{Feature}] ≤ {Threshold:G6} ? node {Left} : node {Right}  (impurity {Impurity:G4}, {Samples} rows)";
}
