namespace Kit.Ensembles;

/// <summary>What a tree may do: the knobs of <see cref="DecisionTree"/>, resolved for one fit.</summary>
internal sealed record TreeSettings(Criterion Criterion, int MaxDepth, int MinSamplesLeaf, double MinImpurityDecrease, int MaxFeatures);

/// <summary>
/// CART, grown depth first like scikit-learn's: at each node try every allowed feature (or a random
/// <c>MaxFeatures</c> of them) and every threshold halfway between two neighbouring distinct values, keep the
/// split with the lowest weighted child impurity. Rows with weight 0 (out of the bootstrap, out of the
/// subsample) take no part.
/// </summary>
internal sealed class TreeBuilder
{
    const double Epsilon = 2.220446049250313e-16;   // scikit-learn's: a node this pure is a leaf
    const float FeatureTolerance = 1e-7f;           // scikit-learn's: values closer than this are not split apart

    readonly SortedColumns x;
    readonly int[]? classes;
    readonly int classCount;
    readonly double[]? targets;
    readonly double[] weights;
    readonly TreeSettings settings;
    readonly int[] features;
    readonly Random rng;
    readonly int[][] order;
    readonly bool[] goesLeft;
    readonly int[] buffer;
    readonly double totalWeight;
    readonly List<TreeNode> nodes = [];
    readonly int[] leafOf;

    TreeBuilder(SortedColumns x, int[]? classes, int classCount, double[]? targets, double[] weights,
        TreeSettings settings, int[] features, Random rng)
    {
        this.x = x; this.classes = classes; this.classCount = classCount; this.targets = targets;
        this.weights = weights; this.settings = settings; this.features = features; this.rng = rng;
        order = new int[x.Features][];
        int used = 0;
        for (int i = 0; i < x.Rows; i++) if (weights[i] > 0) { used++; totalWeight += weights[i]; }
        for (int f = 0; f < x.Features; f++)
        {
            if (used == x.Rows) { order[f] = (int[])x.Order[f].Clone(); continue; }
            var o = new int[used];
            int k = 0;
            foreach (int r in x.Order[f]) if (weights[r] > 0) o[k++] = r;
            order[f] = o;
        }
        goesLeft = new bool[x.Rows];
        buffer = new int[used];
        leafOf = new int[x.Rows];
        Array.Fill(leafOf, -1);
    }

    /// <summary>Grows one tree. <c>LeafOf[row]</c> is the leaf each used training row landed in (-1 for unused rows).</summary>
    public static (List<TreeNode> Nodes, int[] LeafOf) Grow(SortedColumns x, int[]? classes, int classCount, double[]? targets,
        double[] weights, TreeSettings settings, int[] features, Random rng)
    {
        var builder = new TreeBuilder(x, classes, classCount, targets, weights, settings, features, rng);
        if (builder.buffer.Length == 0) throw new ArgumentException("No training row has a weight above 0.", nameof(weights));
        builder.Node(0, builder.buffer.Length, 0, builder.Stats(0, builder.buffer.Length));
        return (builder.nodes, builder.leafOf);
    }

    int Node(int start, int end, int depth, NodeStats stats)
    {
        double impurity = Impurity(stats);
        int n = end - start;
        int id = nodes.Count;
        nodes.Add(null!);
        bool leaf = depth >= settings.MaxDepth || n < 2 || n < 2 * settings.MinSamplesLeaf || impurity <= Epsilon;
        var split = leaf ? null : BestSplit(start, end, stats, impurity);
        if (split is null)
        {
            for (int i = start; i < end; i++) leafOf[order[0][i]] = id;
            nodes[id] = new TreeNode(-1, 0, -1, -1, LeafValue(stats), impurity, n, stats.Weight);
            return id;
        }
        var (leftStats, rightStats) = Children(split.Value, start, stats);
        Partition(split.Value.Feature, start, end, split.Value.Position);
        int mid = split.Value.Position + 1;
        int left = Node(start, mid, depth + 1, leftStats);
        int right = Node(mid, end, depth + 1, rightStats);
        nodes[id] = new TreeNode(split.Value.Feature, split.Value.Threshold, left, right, LeafValue(stats), impurity, n, stats.Weight);
        return id;
    }

    /// <summary>Per-class weights (classification) or Σw, Σwy, Σwy² (regression) of a node's rows.</summary>
    sealed class NodeStats(int classCount)
    {
        public readonly double[] ClassWeight = new double[classCount];
        public double Weight, Sum, SumSquares;
    }

    NodeStats Stats(int start, int end, int feature = 0)
    {
        var s = new NodeStats(classCount);
        var rows = order[feature];
        for (int i = start; i < end; i++)
        {
            int r = rows[i];
            double w = weights[r];
            s.Weight += w;
            if (classes is not null) s.ClassWeight[classes[r]] += w;
            else { s.Sum += w * targets![r]; s.SumSquares += w * targets[r] * targets[r]; }
        }
        return s;
    }

    double Impurity(NodeStats s) => classes is null
        ? Math.Max(0, s.SumSquares / s.Weight - (s.Sum / s.Weight) * (s.Sum / s.Weight))
        : ClassImpurity(s.ClassWeight, s.Weight);

    double ClassImpurity(double[] counts, double weight)
    {
        double result = settings.Criterion == Criterion.Entropy ? 0 : 1;
        foreach (double c in counts)
        {
            if (c <= 0) continue;
            double p = c / weight;
            result -= settings.Criterion == Criterion.Entropy ? p * Math.Log2(p) : p * p;
        }
        return result;
    }

    double[] LeafValue(NodeStats s) => classes is null
        ? [s.Sum / s.Weight]
        : s.ClassWeight.Select(c => c / s.Weight).ToArray();

    readonly record struct Split(int Feature, int Position, double Threshold);

    Split? BestSplit(int start, int end, NodeStats node, double impurity)
    {
        var candidates = CandidateFeatures();
        double bestScore = double.PositiveInfinity;
        Split? best = null;
        var left = new double[classCount];
        var right = new double[classCount];
        foreach (int f in candidates)
        {
            var rows = order[f];
            var values = x.Values[f];
            if (values[rows[end - 1]] <= values[rows[start]] + FeatureTolerance) continue; // constant here
            if (classes is null) RegressionScan(f, start, end, node, ref best, ref bestScore);
            else ClassificationScan(f, start, end, node, left, right, ref best, ref bestScore);
        }
        if (best is null || settings.MinImpurityDecrease <= 0) return best;
        return ImpurityDecrease(best.Value, start, node, impurity) + Epsilon >= settings.MinImpurityDecrease ? best : null;
    }

    /// <summary>Squared error: the best threshold maximises Σ_left² / w_left + Σ_right² / w_right (the explained sum of squares).</summary>
    void RegressionScan(int f, int start, int end, NodeStats node, ref Split? best, ref double bestScore)
    {
        var rows = order[f];
        var values = x.Values[f];
        var y = targets!;
        int minLeaf = settings.MinSamplesLeaf;
        double wl = 0, sl = 0;
        for (int i = start; i < end - 1; i++)
        {
            int r = rows[i];
            wl += weights[r];
            sl += weights[r] * y[r];
            if (i - start + 1 < minLeaf) continue;
            if (end - i - 1 < minLeaf) break;
            float v = values[r], next = values[rows[i + 1]];
            if (next <= v + FeatureTolerance) continue;
            double sr = node.Sum - sl;
            double score = -(sl * sl / wl + sr * sr / (node.Weight - wl));
            if (score < bestScore) (bestScore, best) = (score, new Split(f, i, Threshold(v, next)));
        }
    }

    /// <summary>Gini or entropy: the best threshold minimises w_left · impurity_left + w_right · impurity_right.</summary>
    void ClassificationScan(int f, int start, int end, NodeStats node, double[] left, double[] right, ref Split? best, ref double bestScore)
    {
        var rows = order[f];
        var values = x.Values[f];
        var y = classes!;
        int minLeaf = settings.MinSamplesLeaf;
        Array.Clear(left);
        double wl = 0;
        for (int i = start; i < end - 1; i++)
        {
            int r = rows[i];
            wl += weights[r];
            left[y[r]] += weights[r];
            if (i - start + 1 < minLeaf) continue;
            if (end - i - 1 < minLeaf) break;
            float v = values[r], next = values[rows[i + 1]];
            if (next <= v + FeatureTolerance) continue;
            double wr = node.Weight - wl;
            for (int k = 0; k < classCount; k++) right[k] = node.ClassWeight[k] - left[k];
            double score = wl * ClassImpurity(left, wl) + wr * ClassImpurity(right, wr);
            if (score < bestScore) (bestScore, best) = (score, new Split(f, i, Threshold(v, next)));
        }
    }

    /// <summary>Halfway between two neighbouring values, as scikit-learn computes it.</summary>
    static double Threshold(float v, float next)
    {
        double threshold = v / 2.0 + next / 2.0;
        return threshold >= next ? v : threshold;
    }

    /// <summary>The children's statistics: the left child's summed over its rows, the right one's by difference.</summary>
    (NodeStats Left, NodeStats Right) Children(Split split, int start, NodeStats node)
    {
        var left = Stats(start, split.Position + 1, split.Feature);
        var right = new NodeStats(classCount) { Weight = node.Weight - left.Weight, Sum = node.Sum - left.Sum, SumSquares = node.SumSquares - left.SumSquares };
        for (int k = 0; k < classCount; k++) right.ClassWeight[k] = Math.Max(0, node.ClassWeight[k] - left.ClassWeight[k]);
        return (left, right);
    }

    /// <summary>scikit-learn's weighted impurity decrease: N_t / N · (impurity − N_L/N_t · impurity_L − N_R/N_t · impurity_R).</summary>
    double ImpurityDecrease(Split split, int start, NodeStats node, double impurity)
    {
        var (left, right) = Children(split, start, node);
        double childImpurity = (left.Weight * Impurity(left) + right.Weight * Impurity(right)) / node.Weight;
        return node.Weight / totalWeight * (impurity - childImpurity);
    }

    /// <summary>The features to try at a node, in a random order: like scikit-learn, a tie between two features goes to the one drawn first.</summary>
    int[] CandidateFeatures()
    {
        var pool = (int[])features.Clone();
        int count = Math.Min(settings.MaxFeatures, pool.Length);
        for (int i = 0; i < count; i++)
        {
            int j = rng.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return count == pool.Length ? pool : pool[..count];
    }

    /// <summary>Moves the node's rows so that, in every feature's order, the left child's rows come first (each part stays sorted).</summary>
    void Partition(int feature, int start, int end, int lastLeft)
    {
        var byFeature = order[feature];
        for (int i = start; i < end; i++) goesLeft[byFeature[i]] = i <= lastLeft;
        for (int f = 0; f < order.Length; f++)
        {
            if (f == feature) continue;
            var rows = order[f];
            int l = start, r = 0;
            for (int i = start; i < end; i++)
            {
                int row = rows[i];
                if (goesLeft[row]) rows[l++] = row; else buffer[r++] = row;
            }
            Array.Copy(buffer, 0, rows, l, r);
        }
    }
}
