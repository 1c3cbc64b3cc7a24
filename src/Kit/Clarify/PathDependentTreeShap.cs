using Kit.Training;

namespace Kit.Clarify;

/// <summary>
/// Exact path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, Algorithm 2; shap's <c>TreeExplainer</c> without a
/// background set): a missing feature is integrated out with the trees' own <see cref="TreeModel.Cover"/>, so
/// v(S) = E[f(x) | x_S] over the training data the trees saw, and the base value is the cover-weighted mean output.
/// It needs no background rows and runs in O(leaves × depth²) per tree; it answers a different question from
/// <see cref="TreeShap"/> (conditional on the training distribution rather than on a chosen background), so the two
/// differ when features are correlated.
/// </summary>
public static class PathDependentTreeShap
{
    public static ShapExplanation Explain(TreeEnsembleModel model, float[] row)
    {
        ArgumentNullException.ThrowIfNull(model);
        ExplainChecks.Row(row, model.FeatureCount, nameof(row));
        var phi = new double[model.FeatureCount];
        foreach (var tree in model.Trees)
        {
            int depth = MaxDepth(tree, 0);
            Recurse(tree, row, phi, 0, new PathElement[depth + 2], 0, 1, 1, -1);
        }
        double baseValue = model.Offset + model.Trees.Sum(t => t.ExpectedValue());
        return new(baseValue, phi, model.Predict(row)[0]);
    }

    /// <summary>One feature on the path: the share of cover that flows down this way (zero) and whether x does (one).</summary>
    struct PathElement
    {
        public int Feature;
        public double Zero, One, Weight;
    }

    static void Recurse(TreeModel tree, float[] x, double[] phi, int node, PathElement[] parentPath, int depth, double zero, double one, int feature)
    {
        var path = new PathElement[parentPath.Length];
        Array.Copy(parentPath, path, depth);
        Extend(path, depth, zero, one, feature);
        if (tree.IsLeaf(node))
        {
            for (int i = 1; i <= depth; i++)
                phi[path[i].Feature] += UnwoundSum(path, depth, i) * (path[i].One - path[i].Zero) * tree.Value[node];
            return;
        }
        int f = tree.Feature[node];
        bool goesLeft = x[f] <= tree.Threshold[node];
        int hot = goesLeft ? tree.Left[node] : tree.Right[node], cold = goesLeft ? tree.Right[node] : tree.Left[node];
        double incomingZero = 1, incomingOne = 1;
        int k = 0;
        while (k <= depth && path[k].Feature != f) k++;
        if (k <= depth)   // split on this feature before: undo that step and redo it here with both fractions combined
        {
            (incomingZero, incomingOne) = (path[k].Zero, path[k].One);
            Unwind(path, depth, k);
            depth--;
        }
        double cover = tree.Cover[node];
        Recurse(tree, x, phi, hot, path, depth + 1, tree.Cover[hot] / cover * incomingZero, incomingOne, f);
        Recurse(tree, x, phi, cold, path, depth + 1, tree.Cover[cold] / cover * incomingZero, 0, f);
    }

    /// <summary>Adds a feature to the path and updates the weights of every coalition size (a running Shapley weighting).</summary>
    static void Extend(PathElement[] path, int depth, double zero, double one, int feature)
    {
        path[depth] = new PathElement { Feature = feature, Zero = zero, One = one, Weight = depth == 0 ? 1 : 0 };
        for (int i = depth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += one * path[i].Weight * (i + 1) / (depth + 1);
            path[i].Weight = zero * path[i].Weight * (depth - i) / (depth + 1.0);
        }
    }

    /// <summary>Removes element <paramref name="index"/> from the path, inverting <see cref="Extend"/>.</summary>
    static void Unwind(PathElement[] path, int depth, int index)
    {
        double one = path[index].One, zero = path[index].Zero, next = path[depth].Weight;
        for (int i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                double held = path[i].Weight;
                path[i].Weight = next * (depth + 1) / ((i + 1) * one);
                next = held - path[i].Weight * zero * (depth - i) / (depth + 1);
            }
            else path[i].Weight = path[i].Weight * (depth + 1) / (zero * (depth - i));
        }
        for (int i = index; i < depth; i++)
            (path[i].Feature, path[i].Zero, path[i].One) = (path[i + 1].Feature, path[i + 1].Zero, path[i + 1].One);
    }

    /// <summary>The total weight the path would have without element <paramref name="index"/>, without changing it.</summary>
    static double UnwoundSum(PathElement[] path, int depth, int index)
    {
        double one = path[index].One, zero = path[index].Zero, next = path[depth].Weight, total = 0;
        for (int i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                double weight = next * (depth + 1) / ((i + 1) * one);
                total += weight;
                next = path[i].Weight - weight * zero * (depth - i) / (depth + 1);
            }
            else if (zero != 0) total += path[i].Weight / zero / ((depth - i) / (double)(depth + 1));
        }
        return total;
    }

    static int MaxDepth(TreeModel tree, int node) =>
        tree.IsLeaf(node) ? 0 : 1 + Math.Max(MaxDepth(tree, tree.Left[node]), MaxDepth(tree, tree.Right[node]));
}
