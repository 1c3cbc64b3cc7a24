using Kit.Clarify;
using Kit.Cnn;
using Kit.Metrics;
using Kit.Text;
using Kit.Training;

namespace Kit.Tests;

/// <summary>The study guide's formulas, checked against values worked by hand.</summary>
public class FormulaTests
{
    // TP=40, FP=10, FN=20, TN=30: P = 0.8, R = 2/3, F1 = 2·0.8·(2/3)/(0.8+2/3) = 0.72727…, spec = 0.75
    [Fact]
    public void Confusion_matrix_formulas_match_hand_computation()
    {
        Assert.Equal(0.7, Formulas.Accuracy(40, 30, 10, 20), 12);
        Assert.Equal(0.8, Formulas.Precision(40, 10), 12);
        Assert.Equal(2.0 / 3, Formulas.Recall(40, 20), 12);
        Assert.Equal(16.0 / 22, Formulas.F1(40, 10, 20), 12);
        Assert.Equal(0.75, Formulas.Specificity(30, 10), 12);
        Assert.Equal(0.25, Formulas.FalsePositiveRate(30, 10), 12);
        // F2 = 5PR/(4P+R) = 5·0.8·(2/3)/(3.2+2/3) = 2.6667/3.8667
        Assert.Equal((5 * 0.8 * (2.0 / 3)) / (4 * 0.8 + 2.0 / 3), Formulas.FBeta(40, 10, 20, 2), 12);
        Assert.True(Formulas.FBeta(40, 10, 20, 0.5) > Formulas.F1(40, 10, 20), "F0.5 leans toward the higher precision");
    }

    [Fact]
    public void Zero_denominators_give_zero_as_scikit_learn_does_and_negative_counts_are_refused()
    {
        Assert.Equal(0, Formulas.Precision(0, 0));
        Assert.Equal(0, Formulas.F1(0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Formulas.Recall(-1, 2));
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => Formulas.FBeta(1, 1, 1, 0)).ParamName);
    }

    [Fact]
    public void Regression_metrics_match_hand_computation()
    {
        double[] y = [3, 5, 7], yHat = [2, 5, 9];     // errors −1, 0, 2 → MSE 5/3, MAE 1, mean(y)=5, SS_tot=8
        Assert.Equal(5.0 / 3, Regression.Mse(y, yHat), 12);
        Assert.Equal(Math.Sqrt(5.0 / 3), Regression.Rmse(y, yHat), 12);
        Assert.Equal(1, Regression.Mae(y, yHat), 12);
        Assert.Equal(1 - 5.0 / 8, Regression.R2(y, yHat), 12);
        Assert.Equal("yHat", Assert.Throws<ArgumentException>(() => Regression.Mse(y, [1])).ParamName);
    }

    [Fact]
    public void Bias_and_other_formulas_match_hand_computation()
    {
        Assert.Equal((20.0 / 100) / (40.0 / 100), BiasMetrics.DisparateImpact(20, 100, 40, 100), 12); // 0.5 < 0.8: flagged
        Assert.Equal(0.4 - 0.2, BiasMetrics.DifferenceInPositiveProportions(40, 100, 20, 100), 12);
        Assert.Equal(3 * Math.Log(1000.0 / 10), TfIdf.Score(3, 1000, 10), 12);
        Assert.Equal(3 * 2, TfIdf.Score(3, 1000, 10, 10), 12);
        Assert.Equal(0.5 - 0.1 * 2.0, GradientDescent.Step(0.5, 0.1, 2.0), 12);
        Assert.Equal(14, ConvShapes.OutputSize(28, kernel: 3, stride: 2, padding: 1)); // ⌊(28+2−3)/2⌋+1
        Assert.Equal(28, ConvShapes.OutputSize(28, kernel: 3, stride: 1, padding: 1));
        Assert.Equal(784 * 128 + 128, ConvShapes.DenseParameters(784, 128));
    }
}
