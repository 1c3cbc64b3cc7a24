using Kit.Training;

namespace Kit.Clarify;

/// <summary>
/// Exact SHAP values of a tree ensemble against a background set (interventional TreeSHAP, shap's
/// <c>TreeExplainer(feature_perturbation="interventional")</c>): the same game Kernel SHAP fits, solved exactly in
/// O(background × leaves × depth) instead of 2^M model calls. For one background row r, a leaf is reached by the hybrid
/// row (x on S, r elsewhere) exactly when S contains every feature only x's path needs (set A) and none that only r's path
/// needs (set B); that "unanimity" game has the closed-form Shapley values (|A|−1)!|B|!/(|A|+|B|)! · leaf for i ∈ A and
/// −|A|!(|B|−1)!/(|A|+|B|)! · leaf for i ∈ B.
/// </summary>
public sealed class TreeShap
{
    readonly TreeEnsembleModel model;
    readonly float[] background;
    readonly double[] logFactorial;

    public TreeShap(TreeEnsembleModel model, float[] background)
    {
        ArgumentNullException.ThrowIfNull(model);
        ExplainChecks.Rows(background, model.FeatureCount, nameof(background));
        (this.model, this.background) = (model, background);
        logFactorial = new double[model.FeatureCount + 2];
        for (int i = 1; i < logFactorial.Length; i++) logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        BaseValue = model.Predict(background).Average();
    }

    /// <summary>E[f(x)] over the background set.</summary>
    public double BaseValue { get; }

    public ShapExplanation Explain(float[] row)
    {
        ExplainChecks.Row(row, model.FeatureCount, nameof(row));
        int width = model.FeatureCount, rows = background.Length / width;
        var phi = new double[width];
        var state = new Path(width);
        var reference = new float[width];
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(background, r * width, reference, 0, width);
            foreach (var tree in model.Trees) Walk(tree, 0, row, reference, state, phi);
        }
        for (int j = 0; j < width; j++) phi[j] /= rows;
        return new(BaseValue, phi, model.Predict(row)[0]);
    }

    /// <summary>
    /// Per feature on the current path: does x follow every split on it so far, does r; the distinct features on the
    /// path, and how many are x-only (A) and r-only (B). Updated in place as the walk descends and restored on the way up.
    /// </summary>
    sealed class Path(int width)
    {
        public readonly bool[] XFollows = Enumerable.Repeat(true, width).ToArray();
        public readonly bool[] RFollows = Enumerable.Repeat(true, width).ToArray();
        public readonly int[] Splits = new int[width];
        public readonly List<int> Distinct = [];
        public int OnlyX, OnlyR;

        public void Set(int f, bool x, bool r)
        {
            Count(f, -1);
            (XFollows[f], RFollows[f]) = (x, r);
            Count(f, +1);
        }

        void Count(int f, int sign)
        {
            if (XFollows[f] && !RFollows[f]) OnlyX += sign;
            else if (RFollows[f] && !XFollows[f]) OnlyR += sign;
        }
    }

    void Walk(TreeModel tree, int node, float[] x, float[] r, Path path, double[] phi)
    {
        if (tree.IsLeaf(node))
        {
            Leaf(tree.Value[node], path, phi);
            return;
        }
        int f = tree.Feature[node];
        bool xLeft = x[f] <= tree.Threshold[node], rLeft = r[f] <= tree.Threshold[node];
        bool xWas = path.XFollows[f], rWas = path.RFollows[f];
        if (path.Splits[f]++ == 0) path.Distinct.Add(f);
        for (int side = 0; side < 2; side++)
        {
            bool left = side == 0;
            bool xOk = xWas && xLeft == left, rOk = rWas && rLeft == left;
            if (!xOk && !rOk) continue;   // neither the row nor the reference can reach this child
            path.Set(f, xOk, rOk);
            Walk(tree, left ? tree.Left[node] : tree.Right[node], x, r, path, phi);
        }
        path.Set(f, xWas, rWas);
        if (--path.Splits[f] == 0) path.Distinct.RemoveAt(path.Distinct.Count - 1);
    }

    void Leaf(double value, Path path, double[] phi)
    {
        int a = path.OnlyX, b = path.OnlyR;
        if (a + b == 0) return;   // reached by every coalition: it moves the base value, not any feature
        double forA = a > 0 ? Math.Exp(logFactorial[a - 1] + logFactorial[b] - logFactorial[a + b]) * value : 0;
        double forB = b > 0 ? -Math.Exp(logFactorial[a] + logFactorial[b - 1] - logFactorial[a + b]) * value : 0;
        foreach (int f in path.Distinct)
        {
            if (path.XFollows[f] && !path.RFollows[f]) phi[f] += forA;
            else if (path.RFollows[f] && !path.XFollows[f]) phi[f] += forB;
        }
    }
}
