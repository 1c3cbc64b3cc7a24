using System.Text.Json;
using Kit.Data;
using Kit.Ensembles;

namespace Kit.Tests;

/// <summary>
/// The Kit's trees and ensembles against scikit-learn 1.2 (Fixtures/Ensembles/make_fixtures.py): tiny trees node by
/// node, and test accuracy on fixed splits of two moons and breast cancer within one point.
/// </summary>
public class EnsemblesFixtureTests
{
    const string Folder = "Ensembles";

    public static TheoryData<string> TreeCases() => FixtureCases.Names(Folder, "trees.json");
    public static TheoryData<string> AccuracyCases() => FixtureCases.Names(Folder, "accuracy.json");

    [Theory]
    [MemberData(nameof(TreeCases))]
    public void A_tiny_tree_has_the_same_nodes_as_scikit_learn(string name)
    {
        var c = FixtureCases.Named(Folder, "trees.json", name);
        var rows = c.GetProperty("X").EnumerateArray().Select(r => r.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray()).ToArray();
        var features = rows.SelectMany(r => r).ToArray();
        var criterion = c.GetProperty("criterion").GetString();
        int? maxDepth = c.GetProperty("max_depth").ValueKind == JsonValueKind.Null ? null : c.GetProperty("max_depth").GetInt32();
        var tree = new DecisionTree
        {
            Criterion = criterion switch { "gini" => Criterion.Gini, "entropy" => Criterion.Entropy, _ => Criterion.SquaredError },
            MaxDepth = maxDepth,
            MinSamplesLeaf = c.GetProperty("min_samples_leaf").GetInt32(),
            MinImpurityDecrease = c.GetProperty("min_impurity_decrease").GetDouble(),
        };
        if (criterion == "squared_error")
            tree.FitRegression(features, rows[0].Length, Doubles(c.GetProperty("y")));
        else
            tree.Fit(new ToyDataset("tiny", features, c.GetProperty("y").EnumerateArray().Select(e => e.GetInt64()).ToArray(), rows[0].Length));

        var feature = Ints(c.GetProperty("feature"));
        Assert.Equal(feature.Length, tree.Nodes.Count);
        for (int i = 0; i < feature.Length; i++)
        {
            var node = tree.Nodes[i];
            Assert.Equal(feature[i], node.Feature);
            Assert.Equal(Ints(c.GetProperty("left"))[i], node.Left);
            Assert.Equal(Ints(c.GetProperty("right"))[i], node.Right);
            Assert.Equal(Ints(c.GetProperty("samples"))[i], node.Samples);
            Assert.Equal(Doubles(c.GetProperty("impurity"))[i], node.Impurity, 1e-9);
            if (!node.IsLeaf) Assert.Equal(Doubles(c.GetProperty("threshold"))[i], node.Threshold, 1e-6);
            Assert.Equal(Doubles(c.GetProperty("value")[i]), node.Value, (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(AccuracyCases))]
    public void Test_accuracy_is_within_one_point_of_scikit_learn(string name)
    {
        var c = FixtureCases.Named(Folder, "accuracy.json", name);
        var (train, test) = Split(c.GetProperty("data").GetString()!);
        int seeds = c.GetProperty("seeds").GetInt32();
        double kit = Enumerable.Range(0, seeds).Average(seed => Model(c.GetProperty("model").GetString()!, seed).Fit(train).Accuracy(test));
        double sklearn = c.GetProperty("accuracy").GetDouble();
        Assert.True(Math.Abs(kit - sklearn) <= 0.01, $"{name}: the Kit {kit:F4}, scikit-learn {sklearn:F4}");
    }

    [Fact]
    public void Gradient_boosting_regression_predicts_what_scikit_learn_predicts()
    {
        var (train, test) = Split("moons");
        var target = Doubles(Root.GetProperty("regression").GetProperty("target"));
        var expected = Doubles(Root.GetProperty("regression").GetProperty("prediction"));
        var model = new GradientBoosting { Loss = BoostingLoss.Squared, Estimators = 50, MaxDepth = 2, LearningRate = 0.1 }
            .FitRegression(train.Features, 2, target[..train.Count]);
        var predicted = model.PredictValue(test.Features);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], predicted[i], 1e-6);
    }

    [Fact]
    public void The_embedded_breast_cancer_data_is_scikit_learns()
    {
        var reference = Root.GetProperty("breast_cancer");
        var data = BreastCancer.Load();
        Assert.Equal(Ints(reference.GetProperty("label_counts")), new[] { data.ClassCounts()[0], data.ClassCounts()[1] });
        Assert.Equal(reference.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()!), BreastCancer.FeatureNames);
        Assert.Equal(Doubles(reference.GetProperty("first_row")).Select(v => (float)v).ToArray(), data.Features[..BreastCancer.Features]);
        var means = Doubles(reference.GetProperty("column_means"));
        for (int f = 0; f < BreastCancer.Features; f++) Assert.Equal(means[f], data.Column(f).Average(), means[f] * 1e-6);
    }

    static IClassifier Model(string name, int seed) => name switch
    {
        "tree" => new DecisionTree { Seed = seed },
        "tree depth 4" => new DecisionTree { MaxDepth = 4, Seed = seed },
        "bagging 50" => new BaggingClassifier { Estimators = 50, Seed = seed },
        "random forest 100" => new RandomForestClassifier { Seed = seed },
        "adaboost samme 100" => new AdaBoostClassifier { Estimators = 100, Seed = seed },
        "gradient boosting 100" => new GradientBoosting { Estimators = 100, MaxDepth = 3, LearningRate = 0.1, Seed = seed },
        _ => throw new InvalidOperationException($"unknown model {name}"),
    };

    static JsonElement Root
    {
        get
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", Folder, "accuracy.json")));
            return doc.RootElement.Clone();
        }
    }

    /// <summary>The fixed splits scikit-learn used: moons rows 0–699 / 700–999, breast cancer permuted by its seed-0 order, 400 / 169.</summary>
    internal static (ToyDataset Train, ToyDataset Test) Split(string data)
    {
        ToyDataset all;
        int cut;
        if (data == "moons")
        {
            var moons = Root.GetProperty("moons");
            var features = moons.GetProperty("X").EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => (float)v.GetDouble())).ToArray();
            all = new ToyDataset("moons", features, moons.GetProperty("y").EnumerateArray().Select(e => e.GetInt64()).ToArray(), 2);
            cut = moons.GetProperty("cut").GetInt32();
        }
        else
        {
            var bc = Root.GetProperty("breast_cancer");
            all = DataSplit.Subset(BreastCancer.Load(), Ints(bc.GetProperty("order")));
            cut = bc.GetProperty("cut").GetInt32();
        }
        return (DataSplit.Subset(all, Enumerable.Range(0, cut).ToArray()), DataSplit.Subset(all, Enumerable.Range(cut, all.Count - cut).ToArray()));
    }

    static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();
    static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
