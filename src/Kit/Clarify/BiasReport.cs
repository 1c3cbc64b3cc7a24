namespace Kit.Clarify;

/// <summary>One bias metric's value, with Clarify's short code (DI, DPPL, …) and when it is computed.</summary>
public sealed record BiasMetric(string Code, string Name, string Stage, double Value)
{
    public override string ToString() => $"{Code,-6} {Value,9:F4}  {Name}";
}

/// <summary>Every Clarify bias metric of a data set (and its predictions), as a table, like Clarify's bias report.</summary>
public static class BiasReport
{
    /// <summary>The pre-training metrics; CDDL only when <see cref="BiasData.Groups"/> is set.</summary>
    public static List<BiasMetric> PreTraining(BiasData data)
    {
        var metrics = new List<BiasMetric>
        {
            Pre("CI", "class imbalance", PreTrainingBias.ClassImbalance(data)),
            Pre("DPL", "difference in proportions of labels", PreTrainingBias.DifferenceInProportionsOfLabels(data)),
            Pre("KL", "Kullback-Leibler divergence", PreTrainingBias.KLDivergence(data)),
            Pre("JS", "Jensen-Shannon divergence", PreTrainingBias.JSDivergence(data)),
            Pre("LP", "L2 norm of the label distributions' gap", PreTrainingBias.LpNorm(data)),
            Pre("TVD", "total variation distance", PreTrainingBias.TotalVariationDistance(data)),
            Pre("KS", "Kolmogorov-Smirnov distance", PreTrainingBias.KolmogorovSmirnov(data)),
        };
        if (data.Groups is not null) metrics.Add(Pre("CDDL", "conditional demographic disparity in labels", PreTrainingBias.ConditionalDemographicDisparityInLabels(data)));
        return metrics;
    }

    /// <summary>The post-training metrics; CDDPL needs groups, FT needs the features (row-major).</summary>
    public static List<BiasMetric> PostTraining(BiasData data, float[]? features = null, int featureCount = 0)
    {
        var metrics = new List<BiasMetric>
        {
            Post("DPPL", "difference in positive proportions in predicted labels", PostTrainingBias.DifferenceInPositiveProportionsInPredictedLabels(data)),
            Post("DI", "disparate impact (flag below 0.8)", PostTrainingBias.DisparateImpact(data)),
            Post("DCA", "difference in conditional acceptance", PostTrainingBias.DifferenceInConditionalAcceptance(data)),
            Post("DCR", "difference in conditional rejection", PostTrainingBias.DifferenceInConditionalRejection(data)),
            Post("RD", "recall difference", PostTrainingBias.RecallDifference(data)),
            Post("SD", "specificity difference", PostTrainingBias.SpecificityDifference(data)),
            Post("AD", "accuracy difference", PostTrainingBias.AccuracyDifference(data)),
            Post("DAR", "difference in acceptance rates", PostTrainingBias.DifferenceInAcceptanceRates(data)),
            Post("DRR", "difference in rejection rates", PostTrainingBias.DifferenceInRejectionRates(data)),
            Post("TE", "treatment equality", PostTrainingBias.TreatmentEquality(data)),
            Post("GE", "generalized entropy (α = 2)", PostTrainingBias.GeneralizedEntropy(data)),
        };
        if (data.Groups is not null) metrics.Add(Post("CDDPL", "conditional demographic disparity in predicted labels", PostTrainingBias.ConditionalDemographicDisparityInPredictedLabels(data)));
        if (features is not null) metrics.Add(Post("FT", "counterfactual flip test", FlipTest.Compute(data, features, featureCount)));
        return metrics;
    }

    /// <summary>A text table; DI gets the four-fifths verdict.</summary>
    public static string Format(IEnumerable<BiasMetric> metrics) => string.Join(Environment.NewLine, metrics.Select(m =>
        m.Code == "DI" ? $"{m}  → {(BiasMetrics.FailsFourFifths(m.Value) ? "FLAG: outside the four-fifths band [0.8, 1.25]" : "passes the four-fifths rule")}" : m.ToString()));

    static BiasMetric Pre(string code, string name, double value) => new(code, name, "pre-training", value);
    static BiasMetric Post(string code, string name, double value) => new(code, name, "post-training", value);
}
