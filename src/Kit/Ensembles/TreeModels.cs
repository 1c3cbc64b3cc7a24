using Kit.Training;

namespace Kit.Ensembles;

/// <summary>The fitted trees as the foundation's <see cref="TreeModel"/>, which explainers (TreeSHAP) read without importing this folder.</summary>
public static class TreeModels
{
    /// <summary>One tree; a classification tree outputs the probability of <paramref name="classIndex"/>.</summary>
    public static TreeEnsembleModel ToTreeModel(this DecisionTree tree, int classIndex = 1) =>
        new([Flatten(tree.Nodes, classIndex, 1)], 0, tree.FeatureCount);

    /// <summary>A bagged ensemble or random forest: the average of its trees' probabilities of <paramref name="classIndex"/>.</summary>
    public static TreeEnsembleModel ToTreeModel(this BaggingClassifier forest, int classIndex = 1) =>
        new(forest.Trees.Select(t => Flatten(t.Nodes, classIndex, 1.0 / forest.Trees.Count)).ToList(), 0, forest.Trees[0].FeatureCount);

    /// <summary>Gradient boosting's raw score (log-odds for log-loss): initial score + learning rate × Σ tree.</summary>
    public static TreeEnsembleModel ToTreeModel(this GradientBoosting boosting) =>
        new(Enumerable.Range(0, boosting.TreeCount).Select(t => Flatten(boosting.TreeNodes(t), 0, boosting.LearningRate)).ToList(),
            boosting.InitialScore, boosting.FeatureCount);

    static TreeModel Flatten(IReadOnlyList<TreeNode> nodes, int classIndex, double scale) => new(
        nodes.Select(n => n.Feature).ToArray(), nodes.Select(n => n.Threshold).ToArray(),
        nodes.Select(n => n.Left).ToArray(), nodes.Select(n => n.Right).ToArray(),
        nodes.Select(n => n.Weight).ToArray(),
        nodes.Select(n => scale * n.Value[n.Value.Length > 1 ? classIndex : 0]).ToArray());
}
