using Kit.Data;
using Kit.Ensembles;

namespace Kit.Tests;

/// <summary>Bad input to the ensembles: each error names the argument or property at fault.</summary>
public class EnsemblesInputTests
{
    static readonly ToyDataset Moons = ToyData.MakeMoons(40, 0.2, 0);

    public static TheoryData<string, Func<IClassifier>> Models() => new()
    {
        { "tree", () => new DecisionTree() },
        { "bagging", () => new BaggingClassifier() },
        { "random forest", () => new RandomForestClassifier() },
        { "adaboost", () => new AdaBoostClassifier() },
        { "gradient boosting", () => new GradientBoosting() },
        { "lightgbm", () => new LightGbmClassifier() },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Empty_single_class_and_NaN_training_data_are_refused_naming_train(string name, Func<IClassifier> make)
    {
        var empty = new ToyDataset("empty", [], [], 2);
        var oneClass = new ToyDataset("one class", [0, 0, 1, 1], [1, 1], 2);
        var nan = new ToyDataset("nan", [0, float.NaN, 1, 1], [0, 1], 2);
        Assert.Contains("empty", Assert.Throws<ArgumentException>("train", () => make().Fit(empty)).Message);
        Assert.Contains("single class", Assert.Throws<ArgumentException>("train", () => make().Fit(oneClass)).Message);
        Assert.Contains("row 0, feature 1", Assert.Throws<ArgumentException>("train", () => make().Fit(nan)).Message);
        Assert.Throws<ArgumentNullException>("train", () => make().Fit(null!));
        Assert.Contains("class numbers", Assert.Throws<ArgumentException>("train", () => make().Fit(new ToyDataset("negative", [0, 1], [-1, 0], 1))).Message);
        _ = name;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Predicting_before_fitting_says_to_call_Fit(string name, Func<IClassifier> make)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => make().PredictProba(Moons.Features));
        Assert.Contains("call Fit", ex.Message);
        _ = name;
    }

    [Fact]
    public void Zero_estimators_depth_below_one_and_a_learning_rate_not_above_zero_are_refused_by_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Estimators", () => new RandomForestClassifier { Estimators = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("Estimators", () => new AdaBoostClassifier { Estimators = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("Estimators", () => new GradientBoosting { Estimators = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("Estimators", () => new LightGbmClassifier { Estimators = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDepth", () => new DecisionTree { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDepth", () => new BaggingClassifier { MaxDepth = -1 });
        Assert.Throws<ArgumentOutOfRangeException>("MaxDepth", () => new GradientBoosting { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("LearningRate", () => new GradientBoosting { LearningRate = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("LearningRate", () => new AdaBoostClassifier { LearningRate = -0.1 });
        Assert.Throws<ArgumentOutOfRangeException>("LearningRate", () => new LightGbmClassifier { LearningRate = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>("Subsample", () => new GradientBoosting { Subsample = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("ColumnSample", () => new GradientBoosting { ColumnSample = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>("MinSamplesLeaf", () => new DecisionTree { MinSamplesLeaf = 0 });
        Assert.Throws<ArgumentOutOfRangeException>("EarlyStoppingRounds", () => new GradientBoosting { EarlyStoppingRounds = 0 });
    }

    [Fact]
    public void Predicting_rows_of_the_wrong_width_or_with_NaN_names_features()
    {
        var tree = new DecisionTree().Fit(Moons);
        Assert.Throws<ArgumentException>("features", () => tree.PredictProba([1f, 2f, 3f]));
        Assert.Throws<ArgumentException>("features", () => tree.PredictProba([1f, float.PositiveInfinity]));
        Assert.Throws<ArgumentException>("validation", () => new GradientBoosting().Fit(Moons, new ToyDataset("v", [1, 2, 3], [0], 3)));
    }

    [Fact]
    public void Three_classes_are_refused_by_the_binary_boosters_but_not_by_the_forest()
    {
        var three = new ToyDataset("three", [0, 0, 1, 1, 2, 2, 3, 3], [0, 1, 2, 2], 2);
        Assert.Contains("two classes", Assert.Throws<ArgumentException>("train", () => new GradientBoosting().Fit(three)).Message);
        Assert.Equal(3, new RandomForestClassifier { Estimators = 5 }.Fit(three).PredictProba([0, 0])[0].Length);
    }
}
