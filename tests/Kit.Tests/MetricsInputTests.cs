using Kit.Clustering;
using Kit.Metrics;
using Microsoft.Data.Analysis;

namespace Kit.Tests;

/// <summary>Edge cases as scikit-learn documents them, bad input with clear errors, and the DataFrame overloads.</summary>
public class MetricsInputTests
{
    static readonly int[] Y = [0, 1, 1, 0, 1, 0, 1, 1];
    static readonly int[] P = [0, 1, 0, 0, 1, 1, 1, 1];
    static readonly double[] S = [0.1, 0.9, 0.4, 0.35, 0.8, 0.6, 0.7, 0.95];

    [Fact]
    public void Auc_with_one_class_present_says_so()
    {
        var e = Assert.Throws<ArgumentException>(() => Ranking.RocAuc([1, 1, 1], [0.2, 0.5, 0.9]));
        Assert.Equal("yTrue", e.ParamName);
        Assert.Contains("Only one class is present", e.Message);
        Assert.Contains("Only one class is present", Assert.Throws<ArgumentException>(() => Ranking.RocAuc([0, 0], [0.2, 0.5])).Message);
        Assert.Contains("no positive example", Assert.Throws<ArgumentException>(() => Ranking.RocCurve([0, 0], [0.2, 0.5])).Message);
    }

    [Fact]
    public void Zero_division_gives_zero()
    {
        Assert.Equal(0, Classification.Precision([0, 1, 1], [0, 0, 0]));   // nothing predicted positive
        Assert.Equal(0, Classification.Recall([0, 0, 0], [0, 1, 0]));      // no positive in the truth
        Assert.Equal(0, Classification.F1([0, 0], [0, 0]));
        Assert.Equal(0, Classification.Mcc([1, 1, 1], [1, 1, 1]));         // a constant column: undefined → 0
        Assert.Equal(0, Classification.Specificity([1, 1], [1, 0]));
    }

    [Fact]
    public void Length_mismatch_names_the_second_argument()
    {
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Classification.F1([0, 1], [0])).ParamName);
        Assert.Equal("yScore", Assert.Throws<ArgumentException>(() => Ranking.RocAuc([0, 1], [0.1])).ParamName);
        Assert.Equal("yProb", Assert.Throws<ArgumentException>(() => Classification.LogLoss([0, 1], [0.1])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ClusterScores.Silhouette([[0.0], [1.0], [2.0]], [0, 1])).ParamName);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => Regression.Huber([1.0, 2.0], [1.0])).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_scores_are_refused(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Ranking.RocAuc([0, 1, 1], [0.2, bad, 0.5]));
        Assert.Equal("yScore", e.ParamName);
        Assert.Contains("yScore[1]", e.Message);
        Assert.Equal("yScore", Assert.Throws<ArgumentException>(() => Ranking.AveragePrecision([0, 1], [bad, 0.5])).ParamName);
        Assert.Equal("yProb", Assert.Throws<ArgumentException>(() => Classification.LogLoss([0, 1], [bad, 0.5])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => KMeans.Fit([[0.0, bad], [1.0, 1.0]], 1)).ParamName);
    }

    [Fact]
    public void Binary_metrics_refuse_labels_outside_0_and_1()
    {
        var e = Assert.Throws<ArgumentException>(() => Classification.Precision([0, 2, 1], [0, 1, 1]));
        Assert.Equal("yTrue", e.ParamName);
        Assert.Contains("0 (negative) or 1 (positive)", e.Message);
        Assert.Equal("yPred", Assert.Throws<ArgumentException>(() => Classification.F1([0, 1], [0, -1])).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Ranking.RocAuc([0, 1, 3], [0.1, 0.2, 0.3])).ParamName);
        Assert.Equal("yProb", Assert.Throws<ArgumentException>(() => Classification.LogLoss([0, 1], [1.5, 0.5])).ParamName);
        // multi-class labels are fine with an average
        Assert.Equal(1.0, Classification.F1([0, 2, 1], [0, 2, 1], Average.Macro));
    }

    [Fact]
    public void Clustering_refuses_k_above_the_sample_count_and_a_single_cluster()
    {
        double[][] x = [[0, 0], [1, 1], [5, 5]];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(x, 4));
        Assert.Equal("k", e.ParamName);
        Assert.Contains("must not exceed the number of points (3)", e.Message);
        var s = Assert.Throws<ArgumentException>(() => ClusterScores.Silhouette(x, [7, 7, 7]));
        Assert.Equal("labels", s.ParamName);
        Assert.Contains("1 cluster(s)", s.Message);
        Assert.Contains("single cluster", s.Message);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ClusterScores.DaviesBouldin(x, [0, 1, 2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => KMeans.Fit([[0.0, 1.0], [1.0]], 1)).ParamName);
    }

    [Fact]
    public void Other_bad_arguments_are_named()
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Classification.FBeta(Y, P, 0)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => Regression.Huber([1.0], [2.0], -1)).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Classification.Accuracy([], [])).ParamName);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Classification.LogLoss([0, 3], new double[][] { [0.5, 0.5], [0.5, 0.5] })).ParamName);
        Assert.Equal("nInit", Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit([[0.0], [1.0]], 1, nInit: 0)).ParamName);
        Assert.Equal("curve", Assert.Throws<ArgumentException>(() => KMeans.ElbowK([(1, 3.0), (2, 1.0)])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Classification.ConfusionMatrix(Y, P, labels: [0, 0])).ParamName);
    }

    [Fact]
    public void DataFrame_columns_give_the_same_numbers_as_arrays()
    {
        var df = new DataFrame(
            new PrimitiveDataFrameColumn<int>("label", Y),
            new PrimitiveDataFrameColumn<int>("pred", P),
            new PrimitiveDataFrameColumn<bool>("isPositive", Y.Select(v => v == 1)),
            new PrimitiveDataFrameColumn<bool>("flagged", P.Select(v => v == 1)),
            new PrimitiveDataFrameColumn<double>("score", S));
        var label = (PrimitiveDataFrameColumn<int>)df["label"];
        var pred = (PrimitiveDataFrameColumn<int>)df["pred"];
        var isPos = (PrimitiveDataFrameColumn<bool>)df["isPositive"];
        var flagged = (PrimitiveDataFrameColumn<bool>)df["flagged"];
        var score = (PrimitiveDataFrameColumn<double>)df["score"];

        Assert.Equal(Classification.F1(Y, P), Classification.F1(label, pred));
        Assert.Equal(Classification.F1(Y, P), Classification.F1(isPos, flagged));
        Assert.Equal(Classification.Mcc(Y, P), Classification.Mcc(label, pred));
        Assert.Equal(Classification.Counts(Y, P), Classification.Counts(isPos, flagged));
        Assert.Equal(Classification.FBeta(Y, P, 2), Classification.FBeta(label, pred, 2));
        Assert.Equal(Ranking.RocAuc(Y, S), Ranking.RocAuc(label, score));
        Assert.Equal(Ranking.RocAuc(Y, S), Ranking.RocAuc(isPos, score));
        Assert.Equal(Ranking.AveragePrecision(Y, S), Ranking.AveragePrecision(isPos, score));
        Assert.Equal(Classification.LogLoss(Y, S), Classification.LogLoss(label, score));
        Assert.Equal(Ranking.RocCurve(Y, S).Tpr, Ranking.RocCurve(label, score).Tpr);
        Assert.Equal(Regression.Rmse(S, S.Select(v => v + 0.1).ToArray()), Regression.Rmse(score, new PrimitiveDataFrameColumn<double>("s2", S.Select(v => v + 0.1))));

        var withGap = new PrimitiveDataFrameColumn<int>("label", Y.Length);   // all null
        var e = Assert.Throws<ArgumentException>(() => Classification.Accuracy(withGap, pred));
        Assert.Equal("yTrue", e.ParamName);
        Assert.Contains("missing value at row 0", e.Message);
    }

    [Fact]
    public void DataFrame_features_feed_clustering()
    {
        var df = new DataFrame(
            new PrimitiveDataFrameColumn<double>("a", [0.0, 0.1, 5.0, 5.1]),
            new PrimitiveDataFrameColumn<double>("b", [0.0, 0.2, 5.0, 4.9]));
        var x = Points.FromDataFrame(df, "a", "b");
        Assert.Equal([5.0, 5.0], x[2]);
        var model = KMeans.Fit(x, 2, seed: 1);
        Assert.Equal(model.Labels[0], model.Labels[1]);
        Assert.NotEqual(model.Labels[0], model.Labels[2]);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => Points.FromDataFrame(df, "c")).ParamName);
        Assert.Equal(x, Points.FromColumns((PrimitiveDataFrameColumn<double>)df["a"], (PrimitiveDataFrameColumn<double>)df["b"]));
    }

    [Fact]
    public void Confusion_matrix_rows_are_truth_and_labels_sorted()
    {
        var cm = Classification.ConfusionMatrix([2, 0, 2, 1], [2, 2, 1, 1]);
        Assert.Equal([0, 1, 2], cm.Labels);
        Assert.Equal([0L, 0, 1], cm.Counts[0]);   // the true 0 was predicted 2
        Assert.Equal([0L, 1, 1], cm.Counts[2]);
        var b = Classification.Counts(Y, P);
        Assert.Equal(new BinaryCounts(4, 1, 1, 2), b);
        Assert.Contains("true\\pred", cm.ToString());
    }

    [Fact]
    public void One_vs_rest_auc_refuses_two_columns_a_missing_class_and_labels_outside_the_columns()
    {
        double[][] three = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.6, 0.3, 0.1]];
        Assert.Equal("yProb", Assert.Throws<ArgumentException>(() => Ranking.RocAucOneVsRest([0, 1], [[0.4, 0.6], [0.7, 0.3]])).ParamName);
        var absent = Assert.Throws<ArgumentException>(() => Ranking.RocAucOneVsRest([0, 1, 1, 0], three));
        Assert.Contains("class 2 is absent from yTrue", absent.Message);
        Assert.Equal("yTrue", Assert.Throws<ArgumentException>(() => Ranking.RocAucOneVsRest([0, 1, 5, 2], three)).ParamName);
        Assert.Equal(1.0, Ranking.RocAucOneVsRest([0, 1, 2, 0], three), 12);
    }
}
