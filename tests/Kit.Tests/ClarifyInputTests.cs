using Kit.Clarify;
using Kit.Training;

namespace Kit.Tests;

/// <summary>Bad input to the Clarify tools: a clear error naming the argument, never a silent NaN.</summary>
public class ClarifyInputTests
{
    [Fact]
    public void A_facet_column_with_one_group_is_refused_naming_disadvantaged()
    {
        var ex = Assert.Throws<ArgumentException>("disadvantaged", () => new BiasData([true, true], [0, 1]));
        Assert.Contains("only one group", ex.Message);
        Assert.Throws<ArgumentException>("disadvantaged", () => new BiasData([false, false], [0, 1]));
    }

    [Fact]
    public void Labels_that_are_not_binary_are_refused_unless_a_positive_label_collapses_them()
    {
        var ex = Assert.Throws<ArgumentException>("labels", () => new BiasData([true, false], [0, 2]));
        Assert.Contains("positiveLabel", ex.Message);
        Assert.Throws<ArgumentException>("predicted", () => new BiasData([true, false], [0, 1], [3, 1]));
        Assert.Throws<ArgumentException>("predicted", () => new BiasData([true, false], [0, 1], [1]));
        Assert.Throws<ArgumentException>("disadvantaged", () => new BiasData([true, false, true], [0, 1]));
    }

    [Fact]
    public void Metrics_that_need_predictions_groups_or_both_outcomes_say_so()
    {
        var labelsOnly = new BiasData([true, false], [0, 1]);
        Assert.Contains("predicted", Assert.Throws<InvalidOperationException>(() => PostTrainingBias.DisparateImpact(labelsOnly)).Message);
        Assert.Contains("group", Assert.Throws<InvalidOperationException>(() => PreTrainingBias.ConditionalDemographicDisparityInLabels(labelsOnly)).Message);
        var allAccepted = new BiasData([true, false], [1, 1], groups: [0, 0]);
        Assert.Throws<ArgumentException>("Labels", () => PreTrainingBias.ConditionalDemographicDisparityInLabels(allAccepted));
        var allFalseNegatives = new BiasData([true, false], [1, 1], [0, 0]);
        Assert.Throws<ArgumentException>("data", () => PostTrainingBias.GeneralizedEntropy(allFalseNegatives));
        Assert.Throws<ArgumentException>("data", () => PreTrainingBias.KLDivergence(new BiasData([true, false], [0, 1])));
        Assert.Throws<ArgumentOutOfRangeException>("nA", () => BiasMetrics.DisparateImpact(1, 2, 0, 0));
    }

    [Fact]
    public void A_background_set_or_row_of_the_wrong_width_is_refused_naming_it()
    {
        static double[] Sum(float[] rows) => rows.Chunk(3).Select(r => (double)r.Sum()).ToArray();
        Assert.Throws<ArgumentException>("background", () => new KernelShap(Sum, [1, 2, 3, 4], 3));
        Assert.Throws<ArgumentException>("background", () => new KernelShap(Sum, [1, 2, float.NaN], 3));
        var shap = new KernelShap(Sum, [1, 2, 3], 3);
        Assert.Throws<ArgumentException>("row", () => shap.Explain([1, 2]));
        var stump = new TreeEnsembleModel([new TreeModel([0, -1, -1], [0.5, 0, 0], [1, -1, -1], [2, -1, -1], [2, 1, 1], [0, 0, 1])], 0, 3);
        Assert.Throws<ArgumentException>("background", () => new TreeShap(stump, [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>("feature", () => PartialDependence.Compute(Sum, [1, 2, 3], 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>("repeats", () => PermutationImportance.Compute(Sum, [1, 2, 3], 3, o => o[0], repeats: 0));
    }
}
