using static Kit.Clarify.BiasMetrics;

namespace Kit.Clarify;

/// <summary>
/// Post-training bias metrics of a model's predicted labels, as SageMaker Clarify defines them
/// (https://docs.aws.amazon.com/sagemaker/latest/dg/clarify-measure-post-training-bias.html; smclarify's
/// bias/metrics/posttraining.py and common.py). Ratios with a zero denominator follow smclarify: 0/0 = 0, x/0 = +∞, and
/// a difference of two infinite ratios is 0, so no metric returns NaN.
/// </summary>
public static class PostTrainingBias
{
    /// <summary>DPPL = q̂_a − q̂_d, the gap in positive prediction rates; positive when a is predicted positive more often.</summary>
    public static double DifferenceInPositiveProportionsInPredictedLabels(BiasData data) =>
        PreTrainingBias.PositiveRateGap(data, data.IsPredictedPositive);

    /// <summary>DI = q̂_d / q̂_a; 1 is parity, below 0.8 fails the four-fifths rule; 0 when nobody is predicted positive, +∞ when only d is.</summary>
    public static double DisparateImpact(BiasData data)
    {
        Confusion a = data.CountsOf(false), d = data.CountsOf(true);
        return Divide(d.PredictedPositives / (double)d.Count, a.PredictedPositives / (double)a.Count);
    }

    /// <summary>DCA = c_a − c_d with c = observed positives / predicted positives (c > 1: the group is accepted less often than its labels say); negative when that shortfall is larger for d.</summary>
    public static double DifferenceInConditionalAcceptance(BiasData data) =>
        Gap(data, c => Divide(c.Positives, c.PredictedPositives), advantagedFirst: true);

    /// <summary>DCR = r_d − r_a with r = observed negatives / predicted negatives (r < 1: the group is rejected more often than its labels say); negative when that excess is larger for d.</summary>
    public static double DifferenceInConditionalRejection(BiasData data) =>
        Gap(data, c => Divide(c.Negatives, c.PredictedNegatives), advantagedFirst: false);

    /// <summary>RD = recall_a − recall_d; positive when the model finds a's true positives more often.</summary>
    public static double RecallDifference(BiasData data) =>
        Gap(data, c => Divide(c.TP, c.Positives), advantagedFirst: true);

    /// <summary>SD = specificity_d − specificity_a; positive when a's true negatives are more often wrongly accepted than d's.</summary>
    public static double SpecificityDifference(BiasData data) =>
        Gap(data, c => Divide(c.TN, c.Negatives), advantagedFirst: false);

    /// <summary>AD = accuracy_a − accuracy_d; positive when the model is more accurate for a.</summary>
    public static double AccuracyDifference(BiasData data) =>
        Gap(data, c => (c.TP + c.TN) / (double)c.Count, advantagedFirst: true);

    /// <summary>DAR = precision_a − precision_d (TP / predicted positives).</summary>
    public static double DifferenceInAcceptanceRates(BiasData data) =>
        Gap(data, c => Divide(c.TP, c.PredictedPositives), advantagedFirst: true);

    /// <summary>DRR = (TN / predicted negatives)_d − (TN / predicted negatives)_a.</summary>
    public static double DifferenceInRejectionRates(BiasData data) =>
        Gap(data, c => Divide(c.TN, c.PredictedNegatives), advantagedFirst: false);

    /// <summary>TE = FN_d / FP_d − FN_a / FP_a; positive when d's errors are more often false negatives (wrongly denied).</summary>
    public static double TreatmentEquality(BiasData data) =>
        Gap(data, c => Divide(c.FN, c.FP), advantagedFirst: false);

    /// <summary>CDDPL: <see cref="PreTrainingBias.ConditionalDemographicDisparityInLabels"/> on the predicted labels.</summary>
    public static double ConditionalDemographicDisparityInPredictedLabels(BiasData data) =>
        PreTrainingBias.ConditionalDemographicDisparity(data, data.IsPredictedPositive, nameof(BiasData.Predicted));

    /// <summary>
    /// GE with α = 2 (Clarify's choice): benefit b_i = ŷ_i − y_i + 1, GE = Σ ((b_i / mean b)² − 1) / (2n); 0 means equal benefit
    /// for everyone. Every row a false negative makes mean b = 0, which Clarify refuses too.
    /// </summary>
    public static double GeneralizedEntropy(BiasData data)
    {
        var benefit = Enumerable.Range(0, data.Count)
            .Select(i => (data.IsPredictedPositive(i) ? 1.0 : 0) - (data.IsPositive(i) ? 1 : 0) + 1).ToArray();
        double mean = benefit.Average();
        if (mean == 0)
            throw new ArgumentException("every prediction is a false negative, so the mean benefit is 0 and GE is undefined.", nameof(data));
        return benefit.Sum(b => Math.Pow(b / mean, 2) - 1) / (data.Count * 2.0);
    }

    static double Gap(BiasData data, Func<Confusion, double> rate, bool advantagedFirst)
    {
        double a = rate(data.CountsOf(false)), d = rate(data.CountsOf(true));
        return advantagedFirst ? Difference(a, d) : Difference(d, a);
    }
}
