using Kit.Clarify;
using Kit.Data;
using Kit.Ensembles;

namespace Kit.Tests;

/// <summary>The lesson's claims, over several seeds.</summary>
public class ClarifyClaimTests
{
    static double DisparateImpactOfAModelTrainedWith(double bias, int seed)
    {
        var train = ToyData.MakeLoans(1200, bias, seed);
        var test = ToyData.MakeLoans(1200, bias, seed + 100);
        var model = new GradientBoosting { Estimators = 30, MaxDepth = 3, Seed = seed }.Fit(train);
        var facet = BiasData.FacetFromColumn(test.Column(ToyData.LoanGroupColumn), 1);
        return PostTrainingBias.DisparateImpact(new BiasData(facet, test.Labels, model.Predict(test)));
    }

    [Fact]
    public void Disparate_impact_drops_below_four_fifths_as_injected_bias_grows_and_returns_above_when_it_is_removed() =>
        Seeds.Every(seed =>
        {
            double none = DisparateImpactOfAModelTrainedWith(0, seed);
            double some = DisparateImpactOfAModelTrainedWith(1, seed);
            double strong = DisparateImpactOfAModelTrainedWith(2.5, seed);
            double removed = DisparateImpactOfAModelTrainedWith(0, seed + 50);
            Assert.True(none >= 0.8, $"no bias: DI {none:F3}");
            Assert.True(strong < 0.8, $"bias 2.5: DI {strong:F3}");
            Assert.True(none > some && some > strong, $"DI {none:F3} → {some:F3} → {strong:F3} should fall");
            Assert.True(removed >= 0.8, $"bias removed: DI {removed:F3}");
        });

    [Fact]
    public void Permutation_importance_and_mean_absolute_shap_both_rank_a_useless_column_last() =>
        Seeds.Every(seed =>
        {
            var loans = ToyData.MakeLoans(600, 0, seed);
            var model = new GradientBoosting { Estimators = 20, MaxDepth = 3, Seed = seed }.Fit(loans);
            var labels = loans.LabelsAsDouble();
            var importance = PermutationImportance.Compute(model.ProbabilityOfOne, loans.Features, 5,
                p => p.Select((v, i) => (v > 0.5 ? 1.0 : 0) == labels[i] ? 1.0 : 0).Average(), repeats: 3, seed: seed);
            var shap = new TreeShap(model.ToTreeModel(), loans.Features[..(30 * 5)]);
            var meanAbs = new double[5];
            for (int row = 0; row < 40; row++)
            {
                var values = shap.Explain(loans.Features[(row * 5)..(row * 5 + 5)]).Values;
                for (int j = 0; j < 5; j++) meanAbs[j] += Math.Abs(values[j]) / 40;
            }
            // with bias 0 the group column carries no signal; income, credit score and debt ratio carry the most
            Assert.True(importance.Mean[ToyData.LoanGroupColumn] < importance.Mean.Take(3).Min(), string.Join(", ", importance.Mean));
            Assert.True(meanAbs[ToyData.LoanGroupColumn] < meanAbs.Take(3).Min(), string.Join(", ", meanAbs));
        });

    [Fact]
    public void The_partial_dependence_on_income_rises_and_is_the_mean_of_the_ice_curves()
    {
        var loans = ToyData.MakeLoans(400, 0, 3);
        var model = new GradientBoosting { Estimators = 20, MaxDepth = 2, Seed = 3 }.Fit(loans);
        var pd = PartialDependence.Compute(model.ProbabilityOfOne, loans.Features, 5, feature: 0, gridPoints: 10);
        Assert.True(pd.Average[^1] > pd.Average[0] + 0.2);
        for (int g = 0; g < 10; g++) Assert.Equal(pd.Individual.Average(c => c[g]), pd.Average[g], 12);
    }
}
