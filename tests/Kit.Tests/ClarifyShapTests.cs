using Kit.Clarify;
using Kit.Data;
using Kit.Ensembles;
using Kit.Training;

namespace Kit.Tests;

/// <summary>SHAP against brute-force Shapley values: φ_i = Σ_S |S|!(M−|S|−1)!/M! (v(S ∪ i) − v(S)), v(S) = mean over the background.</summary>
public class ClarifyShapTests
{
    static double[] BruteForceShapley(Func<float[], double[]> model, float[] x, float[] background, int m)
    {
        int rows = background.Length / m;
        double Value(int set)
        {
            var batch = (float[])background.Clone();
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < m; j++)
                    if ((set >> j & 1) == 1) batch[r * m + j] = x[j];
            return model(batch).Average();
        }
        return ShapleyOfGame(Enumerable.Range(0, 1 << m).Select(Value).ToArray(), m);
    }

    /// <summary>A non-additive test model: interactions, a threshold and a product.</summary>
    static double[] Wiggly(float[] rows, int m) => rows.Chunk(m).Select(r =>
        Math.Tanh(r[0] * r[1]) + (r[2] > 0.3 ? 2 * r[3] : -r[4 % m]) + 0.5 * r.Skip(5).Sum(v => v * v)).ToArray();

    static float[] Random(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void Kernel_shap_with_all_coalitions_equals_brute_force_Shapley_values(int m)
    {
        Func<float[], double[]> model = rows => Wiggly(rows, m);
        var background = Random(6 * m, 1);
        var x = Random(m, 2);
        var shap = new KernelShap(model, background, m, maxCoalitions: 2048);
        var explanation = shap.Explain(x);
        Assert.Equal((1 << m) - 2, shap.CoalitionsUsed);
        var exact = BruteForceShapley(model, x, background, m);
        for (int j = 0; j < m; j++) Assert.Equal(exact[j], explanation.Values[j], 9);
        Assert.Equal(0, explanation.AdditivityGap, 9);
    }

    [Fact]
    public void Sampled_kernel_shap_keeps_efficiency_and_lands_near_the_exact_values()
    {
        const int m = 12;
        Func<float[], double[]> model = rows => Wiggly(rows, m);
        var background = Random(5 * m, 3);
        var x = Random(m, 4);
        var exact = new KernelShap(model, background, m, maxCoalitions: 5000).Explain(x);
        var sampled = new KernelShap(model, background, m, maxCoalitions: 600, seed: 7).Explain(x);
        Assert.Equal(0, sampled.AdditivityGap, 9);
        Assert.True(exact.Values.Zip(sampled.Values, (a, b) => Math.Abs(a - b)).Max() < 0.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Tree_shap_equals_brute_force_on_a_tree_and_on_boosted_trees(int seed)
    {
        var loans = ToyData.MakeLoans(300, bias: 1.5, seed: seed);
        var tree = new DecisionTree { MaxDepth = 4, Seed = seed }.Fit(loans).ToTreeModel();
        var boosted = new GradientBoosting { Estimators = 8, MaxDepth = 3, Seed = seed }.Fit(loans).ToTreeModel();
        var background = loans.Features[..(12 * 5)];
        foreach (var model in new[] { tree, boosted })
            for (int row = 20; row < 23; row++)
            {
                var x = loans.Features[(row * 5)..(row * 5 + 5)];
                var explanation = new TreeShap(model, background).Explain(x);
                var exact = BruteForceShapley(model.Predict, x, background, 5);
                for (int j = 0; j < 5; j++) Assert.Equal(exact[j], explanation.Values[j], 9);
                Assert.Equal(0, explanation.AdditivityGap, 9);
            }
    }

    [Fact]
    public void Tree_shap_handles_a_feature_split_twice_on_one_path()
    {
        // x0 ≤ 0.5 ? (x1 ≤ 0 ? 1 : 2) : (x0 ≤ 0.8 ? 3 : 5)
        var tree = new TreeModel([0, 1, -1, -1, 0, -1, -1], [0.5, 0, 0, 0, 0.8, 0, 0], [1, 2, -1, -1, 5, -1, -1], [4, 3, -1, -1, 6, -1, -1],
            [4, 2, 1, 1, 2, 1, 1], [0, 0, 1, 2, 0, 3, 5]);
        var model = new TreeEnsembleModel([tree], 0.25, 2);
        float[] background = [0.2f, -1, 0.9f, 1, 0.6f, 0.5f];
        float[] x = [0.7f, -0.5f];
        var explanation = new TreeShap(model, background).Explain(x);
        var exact = BruteForceShapley(model.Predict, x, background, 2);
        Assert.Equal(exact[0], explanation.Values[0], 12);
        Assert.Equal(exact[1], explanation.Values[1], 12);
        Assert.Equal((1 + 5 + 3) / 3.0 + 0.25, explanation.BaseValue, 12);
    }

    [Fact]
    public void A_tree_model_predicts_like_the_ensemble_it_was_exported_from()
    {
        var loans = ToyData.MakeLoans(200, bias: 1, seed: 5);
        var forest = new RandomForestClassifier { Estimators = 5, MaxDepth = 4, Seed = 1 }.Fit(loans);
        var boosting = new GradientBoosting { Estimators = 5, Seed = 1 }.Fit(loans);
        var fromForest = forest.ToTreeModel().Predict(loans.Features);
        var fromBoosting = boosting.ToTreeModel().Predict(loans.Features);
        var forestP1 = forest.ProbabilityOfOne(loans.Features);
        var boostingRaw = boosting.DecisionFunction(loans.Features);
        for (int i = 0; i < loans.Count; i++)
        {
            Assert.Equal(forestP1[i], fromForest[i], 9);
            Assert.Equal(boostingRaw[i], fromBoosting[i], 9);
        }
    }

    [Fact]
    public void The_waterfall_climbs_from_the_base_value_to_the_prediction()
    {
        var explanation = new ShapExplanation(0.5, [0.25, -0.15, 0.10], 0.70);
        var trace = ExplainPlots.Waterfall(explanation, ["income", "debt", "credit"], [80, 0.6f, 700], "guide example").Data[0]!;
        var heights = trace["y"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var starts = trace["base"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal([0.5, 0.25, -0.15, 0.10, 0.70], heights);   // largest |φ| first
        Assert.Equal(0.70, starts[3] + heights[3], 12);             // the last contribution ends at f(x)
        Assert.Equal("f(x)", trace["x"]![4]!.GetValue<string>());
    }

    [Fact]
    public void A_trees_cover_weighted_leaf_mean_is_its_mean_prediction_over_the_training_rows()
    {
        var loans = ToyData.MakeLoans(300, bias: 1, seed: 2);
        var tree = new DecisionTree { MaxDepth = 4 }.Fit(loans).ToTreeModel();
        Assert.Equal(tree.Predict(loans.Features).Average(), tree.Trees[0].ExpectedValue(), 12);
        Assert.Equal(loans.Labels.Average(l => (double)l), tree.Trees[0].ExpectedValue(), 12);   // probability of class 1 over the data
    }

    /// <summary>v(S) = E[f(x) | x_S] with the trees' cover: follow x on a feature in S, else average the children by cover.</summary>
    static double ConditionalExpectation(TreeModel tree, float[] x, int set, int node = 0) => tree.IsLeaf(node)
        ? tree.Value[node]
        : (set >> tree.Feature[node] & 1) == 1
            ? ConditionalExpectation(tree, x, set, x[tree.Feature[node]] <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node])
            : (tree.Cover[tree.Left[node]] * ConditionalExpectation(tree, x, set, tree.Left[node])
               + tree.Cover[tree.Right[node]] * ConditionalExpectation(tree, x, set, tree.Right[node])) / tree.Cover[node];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Path_dependent_tree_shap_equals_brute_force_Shapley_values_of_the_cover_weighted_game(int seed)
    {
        var loans = ToyData.MakeLoans(300, bias: 1.5, seed: seed);
        var forest = new RandomForestClassifier { Estimators = 3, MaxDepth = 5, Seed = seed }.Fit(loans).ToTreeModel();
        var boosted = new GradientBoosting { Estimators = 6, MaxDepth = 3, Seed = seed }.Fit(loans).ToTreeModel();
        foreach (var model in new[] { forest, boosted })
            for (int row = 30; row < 33; row++)
            {
                var x = loans.Features[(row * 5)..(row * 5 + 5)];
                var explanation = PathDependentTreeShap.Explain(model, x);
                var v = Enumerable.Range(0, 1 << 5).Select(set => model.Offset + model.Trees.Sum(t => ConditionalExpectation(t, x, set))).ToArray();
                var exact = ShapleyOfGame(v, 5);
                for (int j = 0; j < 5; j++) Assert.Equal(exact[j], explanation.Values[j], 9);
                Assert.Equal(0, explanation.AdditivityGap, 9);
            }
    }

    static double[] ShapleyOfGame(double[] v, int m)
    {
        var factorial = new double[m + 1];
        factorial[0] = 1;
        for (int i = 1; i <= m; i++) factorial[i] = factorial[i - 1] * i;
        var phi = new double[m];
        for (int i = 0; i < m; i++)
            for (int set = 0; set < 1 << m; set++)
                if ((set >> i & 1) == 0)
                {
                    int size = System.Numerics.BitOperations.PopCount((uint)set);
                    phi[i] += factorial[size] * factorial[m - size - 1] / factorial[m] * (v[set | 1 << i] - v[set]);
                }
        return phi;
    }
}
