using Kit.Data;
using Kit.Ensembles;

namespace Kit.Tests;

/// <summary>The effects lesson 09 shows, each run small over five seeds with its direction asserted at every seed.</summary>
public class EnsemblesClaimTests
{
    static readonly int[] Seeds = [0, 1, 2, 3, 4];

    [Fact]
    public void The_best_first_split_is_the_one_worked_out_by_hand()
    {
        // x = 1…6, y = 0 0 1 1 1 0, root Gini 0.5. Weighted child Gini n·G per threshold: 1.5 → 2.4, 2.5 → 0 + 4·0.375 = 1.5,
        // 3.5 → 2.67, 4.5 → 3, 5.5 → 2.4. So the root splits at 2.5 and its left child {0, 0} is a pure leaf.
        var data = new ToyDataset("six", [1, 2, 3, 4, 5, 6], [0, 0, 1, 1, 1, 0], 1);
        var tree = new DecisionTree { MaxDepth = 1 }.Fit(data);
        Assert.Equal(0.5, tree.Nodes[0].Impurity, 12);
        Assert.Equal(2.5, tree.Nodes[0].Threshold);
        Assert.Equal([1.0, 0.0], tree.Nodes[1].Value);
        Assert.Equal([0.25, 0.75], tree.Nodes[2].Value);
        Assert.Equal(0.375, tree.Nodes[2].Impurity, 12);
    }

    [Fact]
    public void Bagging_lowers_the_variance_of_predictions_against_a_single_deep_tree()
    {
        foreach (int seed in Seeds)
        {
            var test = ToyData.MakeMoons(300, 0.3, seed: 1000 + seed);
            ToyDataset Train(int r) => ToyData.MakeMoons(200, 0.3, seed: 100 * seed + r);
            var tree = BiasVariance.Measure("tree", r => new DecisionTree { Seed = r }, Train, test, repeats: 6);
            var bagged = BiasVariance.Measure("bagging", r => new BaggingClassifier { Estimators = 25, Seed = r }, Train, test, repeats: 6);
            Assert.True(bagged.Variance < 0.85 * tree.Variance, $"seed {seed}: bagging variance {bagged.Variance:F4}, tree {tree.Variance:F4}");
            Assert.True(bagged.ProbabilityVariance < 0.6 * tree.ProbabilityVariance,
                $"seed {seed}: variance of P(class 1), bagging {bagged.ProbabilityVariance:F4}, tree {tree.ProbabilityVariance:F4}");
        }
    }

    [Fact]
    public void Adding_trees_to_a_bagged_ensemble_shrinks_the_spread_of_its_predictions()
    {
        foreach (int seed in Seeds)
        {
            var data = ToyData.MakeMoons(240, 0.3, seed);
            var grid = ToyData.MakeMoons(200, 0.3, seed + 50).Features;
            double Spread(int trees) => BiasVariance.Measure($"{trees}", r => new BaggingClassifier { Estimators = trees, Seed = r },
                r => BiasVariance.Bootstrap(data, 10 * seed + r), new ToyDataset("grid", grid, new long[200], 2), repeats: 6).ProbabilityVariance;
            double one = Spread(1), ten = Spread(10), forty = Spread(40);
            Assert.True(ten < one && forty < ten, $"seed {seed}: variance with 1, 10, 40 trees: {one:F4}, {ten:F4}, {forty:F4}");
        }
    }

    [Fact]
    public void Boosting_lowers_training_error_stage_by_stage_where_a_single_stump_cannot()
    {
        foreach (int seed in Seeds)
        {
            var train = ToyData.MakeMoons(300, 0.2, seed);
            var ada = new AdaBoostClassifier { Estimators = 60, Seed = seed }.Fit(train);
            double stump = ada.StagedTrainingError[0];
            Assert.True(stump > 0.1, $"seed {seed}: one stump already fits the moons ({stump:F3})");
            Assert.True(ada.StagedTrainingError[^1] < stump - 0.05, $"seed {seed}: AdaBoost {stump:F3} → {ada.StagedTrainingError[^1]:F3}");

            var gb = new GradientBoosting { Estimators = 60, MaxDepth = 1, Seed = seed }.Fit(train);
            for (int m = 1; m < gb.TrainLoss.Count; m++)
                Assert.True(gb.TrainLoss[m] <= gb.TrainLoss[m - 1] + 1e-12, $"seed {seed}: training loss rose at stage {m}");
            Assert.True(gb.TrainError[^1] < gb.TrainError[0] - 0.05, $"seed {seed}: gradient boosting {gb.TrainError[0]:F3} → {gb.TrainError[^1]:F3}");
        }
    }

    [Fact]
    public void Boosting_stumps_has_less_bias_than_one_stump_and_bagging_trees_less_variance_than_one_tree()
    {
        foreach (int seed in Seeds)
        {
            var test = ToyData.MakeMoons(300, 0.3, seed: 2000 + seed);
            ToyDataset Train(int r) => ToyData.MakeMoons(200, 0.3, seed: 100 * seed + r);
            var stump = BiasVariance.Measure("stump", r => new DecisionTree { MaxDepth = 1, Seed = r }, Train, test, repeats: 6);
            var ada = BiasVariance.Measure("adaboost", r => new AdaBoostClassifier { Estimators = 50, Seed = r }, Train, test, repeats: 6);
            var boosted = BiasVariance.Measure("boosting", r => new GradientBoosting { Estimators = 50, Seed = r }, Train, test, repeats: 6);
            Assert.True(ada.Bias < stump.Bias - 0.03 && boosted.Bias < stump.Bias - 0.03,
                $"seed {seed}: bias of a stump {stump.Bias:F3}, AdaBoost {ada.Bias:F3}, gradient boosting {boosted.Bias:F3}");
        }
    }

    [Fact]
    public void AdaBoost_gives_the_misclassified_points_more_weight()
    {
        foreach (int seed in Seeds)
        {
            var train = ToyData.MakeMoons(200, 0.3, seed);
            var ada = new AdaBoostClassifier { Estimators = 5, Seed = seed }.Fit(train);
            var wrong = ada.Trees[0].Predict(train).Select((p, i) => p != train.Labels[i]).ToArray();
            var next = ada.SampleWeights[1];
            double meanWrong = next.Where((_, i) => wrong[i]).Average(), meanRight = next.Where((_, i) => !wrong[i]).Average();
            Assert.True(meanWrong > 2 * meanRight, $"seed {seed}: weights after stage 1, missed {meanWrong:G3}, right {meanRight:G3}");
            Assert.Equal(1.0, next.Sum(), 9);
        }
    }

    [Fact]
    public void The_out_of_bag_error_is_within_a_few_points_of_the_test_error()
    {
        foreach (int seed in Seeds)
        {
            var train = ToyData.MakeMoons(600, 0.3, seed);
            var test = ToyData.MakeMoons(2000, 0.3, seed + 100);
            var forest = new RandomForestClassifier { Estimators = 60, Seed = seed }.Fit(train);
            double oob = forest.OutOfBagError(train), testError = 1 - forest.Accuracy(test);
            Assert.True(Math.Abs(oob - testError) <= 0.04, $"seed {seed}: out-of-bag {oob:F3}, test {testError:F3}");
        }
    }

    [Fact]
    public void Early_stopping_stops_near_the_validation_minimum()
    {
        foreach (int seed in Seeds)
        {
            var (train, validation) = DataSplit.TrainValidation(ToyData.MakeMoons(500, 0.35, seed), 0.4, seed);
            var full = new GradientBoosting { Estimators = 300, LearningRate = 0.3, MaxDepth = 3, Seed = seed }.Fit(train, validation);
            double minimum = full.ValidationLoss.Min();
            int best = full.ValidationLoss.ToList().IndexOf(minimum);
            Assert.True(full.ValidationLoss[^1] > minimum + 0.02, $"seed {seed}: no overfitting to stop ({full.ValidationLoss[^1]:F3} vs {minimum:F3})");

            var stopped = new GradientBoosting { Estimators = 300, LearningRate = 0.3, MaxDepth = 3, EarlyStoppingRounds = 20, Seed = seed }.Fit(train, validation);
            Assert.True(stopped.StagesRun < 300, $"seed {seed}: early stopping never stopped");
            double kept = stopped.ValidationLoss[stopped.TreeCount - 1];
            Assert.True(kept <= minimum + 0.01, $"seed {seed}: kept {stopped.TreeCount} trees, validation loss {kept:F4}; minimum {minimum:F4} at {best + 1}");
        }
    }

    [Fact]
    public void Every_ensemble_beats_one_deep_tree_on_new_points()
    {
        foreach (int seed in Seeds)
        {
            var train = ToyData.MakeMoons(600, 0.3, seed);
            var test = ToyData.MakeMoons(1000, 0.3, seed + 100);
            double tree = new DecisionTree { Seed = seed }.Fit(train).Accuracy(test);
            IClassifier[] ensembles =
            [
                new RandomForestClassifier { Seed = seed }, new AdaBoostClassifier { Estimators = 100, Seed = seed },
                new GradientBoosting { Seed = seed }, new LightGbmClassifier { Seed = seed },
            ];
            foreach (var model in ensembles)
            {
                double accuracy = model.Fit(train).Accuracy(test);
                Assert.True(accuracy > tree + 0.01, $"seed {seed}: {model.GetType().Name} {accuracy:F3}, one deep tree {tree:F3}");
            }
        }
    }

    [Fact]
    public void Deep_fast_boosting_overfits_and_subsampling_with_an_L2_penalty_reins_it_in()
    {
        foreach (int seed in Seeds)
        {
            var (train, validation) = DataSplit.TrainValidation(ToyData.MakeMoons(500, 0.35, seed), 0.4, seed);
            var greedy = new GradientBoosting { Estimators = 100, LearningRate = 0.3, MaxDepth = 8, Seed = seed }.Fit(train, validation);
            var reined = new GradientBoosting { Estimators = 100, LearningRate = 0.3, MaxDepth = 8, Subsample = 0.5, Lambda = 5, Seed = seed }.Fit(train, validation);
            Assert.True(greedy.TrainLoss[^1] < reined.TrainLoss[^1], $"seed {seed}: training loss {greedy.TrainLoss[^1]:F3} vs {reined.TrainLoss[^1]:F3}");
            Assert.True(greedy.ValidationLoss[^1] > reined.ValidationLoss[^1] + 0.1,
                $"seed {seed}: validation loss {greedy.ValidationLoss[^1]:F3} vs {reined.ValidationLoss[^1]:F3}");
        }
    }
}
