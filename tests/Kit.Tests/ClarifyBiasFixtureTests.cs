using Kit.Clarify;

namespace Kit.Tests;

/// <summary>
/// Every Clarify bias metric against a hand-worked case. Ten rows: facet a has six (TP 2, FN 1, FP 2, TN 1), facet d has
/// four (TP 1, FN 0, FP 0, TN 3); formulas from the Clarify documentation and smclarify's source.
/// </summary>
public class ClarifyBiasFixtureTests
{
    //                                  a  a  a  a  a  a  d  d  d  d
    static readonly bool[] Facet = [false, false, false, false, false, false, true, true, true, true];
    static readonly long[] Labels = [1, 1, 1, 0, 0, 0, 1, 0, 0, 0];
    static readonly long[] Predicted = [1, 1, 0, 1, 1, 0, 1, 0, 0, 0];
    static readonly BiasData Data = new(Facet, Labels, Predicted);

    [Fact]
    public void Pre_training_metrics_match_the_hand_worked_label_distributions()
    {
        // P_a = (0.5, 0.5), P_d = (0.75, 0.25) over labels (0, 1)
        Assert.Equal(0.2, PreTrainingBias.ClassImbalance(Data), 12);
        Assert.Equal(0.25, PreTrainingBias.DifferenceInProportionsOfLabels(Data), 12);
        Assert.Equal(0.5 * Math.Log(0.5 / 0.75) + 0.5 * Math.Log(0.5 / 0.25), PreTrainingBias.KLDivergence(Data), 12);
        double js = 0.5 * (0.5 * Math.Log(0.5 / 0.625) + 0.5 * Math.Log(0.5 / 0.375) + 0.75 * Math.Log(0.75 / 0.625) + 0.25 * Math.Log(0.25 / 0.375));
        Assert.Equal(js, PreTrainingBias.JSDivergence(Data), 12);
        Assert.Equal(0.25 * Math.Sqrt(2), PreTrainingBias.LpNorm(Data), 12);
        Assert.Equal(0.25, PreTrainingBias.TotalVariationDistance(Data), 12);
        Assert.Equal(0.25, PreTrainingBias.KolmogorovSmirnov(Data), 12);
    }

    [Fact]
    public void Post_training_metrics_match_the_hand_worked_confusion_counts_and_signs()
    {
        Assert.Equal(4.0 / 6 - 1.0 / 4, PostTrainingBias.DifferenceInPositiveProportionsInPredictedLabels(Data), 12);
        Assert.Equal(0.25 / (4.0 / 6), PostTrainingBias.DisparateImpact(Data), 12);            // 0.375: flagged
        Assert.Equal(3.0 / 4 - 1.0 / 1, PostTrainingBias.DifferenceInConditionalAcceptance(Data), 12);
        Assert.Equal(3.0 / 3 - 3.0 / 2, PostTrainingBias.DifferenceInConditionalRejection(Data), 12);
        Assert.Equal(2.0 / 3 - 1.0, PostTrainingBias.RecallDifference(Data), 12);
        Assert.Equal(3.0 / 3 - 1.0 / 3, PostTrainingBias.SpecificityDifference(Data), 12);
        Assert.Equal(3.0 / 6 - 4.0 / 4, PostTrainingBias.AccuracyDifference(Data), 12);
        Assert.Equal(2.0 / 4 - 1.0 / 1, PostTrainingBias.DifferenceInAcceptanceRates(Data), 12);
        Assert.Equal(3.0 / 3 - 1.0 / 2, PostTrainingBias.DifferenceInRejectionRates(Data), 12);
        Assert.Equal(0 - 1.0 / 2, PostTrainingBias.TreatmentEquality(Data), 12);                  // d: FN 0 / FP 0 = 0 by Clarify's rule
        // benefits ŷ − y + 1: a 1,1,0,2,2,1 and d 1,1,1,1; mean 1.1, Σ b² = 15
        Assert.Equal((15 / 1.21 - 10) / 20, PostTrainingBias.GeneralizedEntropy(Data), 12);
        Assert.True(BiasMetrics.FailsFourFifths(PostTrainingBias.DisparateImpact(Data)));
    }

    [Fact]
    public void Conditional_demographic_disparity_weights_each_group_by_its_size()
    {
        // group 0: a accepted twice, rejected once; d rejected once → DD = 1/2 − 0/2. group 1: a rejected; d accepted and rejected → DD = 1/2 − 1/1
        var data = new BiasData([false, false, false, true, false, true, true], [1, 1, 0, 0, 0, 1, 0], groups: [0, 0, 0, 0, 1, 1, 1]);
        Assert.Equal((4 * 0.5 + 3 * -0.5) / 7, PreTrainingBias.ConditionalDemographicDisparityInLabels(data), 12);
        var predictedSame = new BiasData(data.Disadvantaged, data.Labels, data.Labels, data.Groups);
        Assert.Equal((4 * 0.5 + 3 * -0.5) / 7, PostTrainingBias.ConditionalDemographicDisparityInPredictedLabels(predictedSame), 12);
    }

    [Fact]
    public void Flip_test_counts_d_members_whose_nearest_a_neighbour_gets_the_other_outcome()
    {
        // a: x = 0 (ŷ 1), 1 (ŷ 1), 10 (ŷ 0), so k = 1. d: 0.2 rejected (neighbour accepted: F+), 9 accepted (neighbour rejected: F−), 1.2 rejected (F+)
        var data = new BiasData([false, false, false, true, true, true], [0, 0, 0, 0, 0, 0], [1, 1, 0, 0, 1, 0]);
        Assert.Equal((2 - 1) / 3.0, FlipTest.Compute(data, [0, 1, 10, 0.2f, 9, 1.2f], 1), 12);
    }

    [Fact]
    public void Zero_denominators_give_Clarify_values_never_NaN()
    {
        // d has a false negative and no false positive: FN/FP = +∞; a has FN 0, FP 0: 0/0 = 0
        var te = new BiasData([false, false, true, true], [1, 0, 1, 1], [1, 0, 0, 1]);
        Assert.Equal(double.PositiveInfinity, PostTrainingBias.TreatmentEquality(te));
        // both facets +∞ (FN > 0, FP = 0): ∞ − ∞ is reported as 0
        var both = new BiasData([false, false, true, true], [1, 1, 1, 1], [0, 1, 0, 1]);
        Assert.Equal(0, PostTrainingBias.TreatmentEquality(both));
        var nobodyAccepted = new BiasData([false, true], [1, 0], [0, 0]);
        Assert.Equal(0, PostTrainingBias.DisparateImpact(nobodyAccepted));
        Assert.Equal(double.PositiveInfinity, PostTrainingBias.DisparateImpact(new BiasData([false, true], [1, 0], [0, 1])));
        Assert.Equal(double.PositiveInfinity, BiasMetrics.DisparateImpact(3, 10, 0, 10));
        Assert.Equal(0, BiasMetrics.DisparateImpact(0, 10, 0, 10));
        foreach (var metric in BiasReport.PostTraining(te).Concat(BiasReport.PostTraining(nobodyAccepted)))
            Assert.False(double.IsNaN(metric.Value), metric.Code);
    }

    [Fact]
    public void Multi_class_labels_are_collapsed_by_the_positive_label_and_keep_their_distribution_for_KL()
    {
        var data = new BiasData([false, false, false, true, true, true], [2, 3, 2, 2, 1, 3], positiveLabel: 2);
        Assert.Equal(2 / 3.0 - 1 / 3.0, PreTrainingBias.DifferenceInProportionsOfLabels(data), 12);
        // label 1 only occurs in d, so Clarify compares the shared values 2 and 3: P_a = (2/3, 1/3), P_d = (1/3, 1/3)
        Assert.Equal(2 / 3.0 * Math.Log(2) + 1 / 3.0 * Math.Log(1), PreTrainingBias.KLDivergence(data), 12);
    }
}
