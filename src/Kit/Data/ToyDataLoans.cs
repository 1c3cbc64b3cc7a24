namespace Kit.Data;

public static partial class ToyData
{
    /// <summary>The columns of <see cref="MakeLoans"/>, in order.</summary>
    public static readonly string[] LoanFeatures = ["income", "credit_score", "debt_ratio", "years_employed", "group"];

    /// <summary>Column index of the facet in <see cref="MakeLoans"/>'s features (1 = the disadvantaged group d).</summary>
    public const int LoanGroupColumn = 4;

    /// <summary>
    /// Synthetic loan applications with a controllable historical bias. Income (thousands, log-normal around 55), credit
    /// score (300–850), debt-to-income ratio (0–1) and years employed are drawn the same way for both groups; 30% of the
    /// applicants are in group 1 (facet d). The historical decision approves when
    /// 0.05 (income − 55) + 0.012 (credit − 660) − 5 (debt − 0.35) + 0.08 (years − 5) − <paramref name="bias"/> · group + logistic noise > 0,
    /// so with <paramref name="bias"/> = 0 the groups differ only by chance, and every unit of bias removes one unit of
    /// log-odds from every group-1 applicant: the label bias a model trained on these decisions learns.
    /// </summary>
    /// <param name="bias">log-odds taken from group 1's approvals, ≥ 0</param>
    public static ToyDataset MakeLoans(int n = 2000, double bias = 0, int seed = 0)
    {
        if (n < 10) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 10 applicants.");
        if (!double.IsFinite(bias) || bias < 0) throw new ArgumentOutOfRangeException(nameof(bias), bias, "bias must be a finite number ≥ 0 (log-odds).");
        var rng = new Random(seed);
        int width = LoanFeatures.Length;
        var features = new float[n * width];
        var labels = new long[n];
        for (int i = 0; i < n; i++)
        {
            double income = 55 * Math.Exp(0.35 * Gaussian(rng));
            double credit = Math.Clamp(660 + 60 * Gaussian(rng), 300, 850);
            double debt = Math.Clamp(0.35 + 0.12 * Gaussian(rng), 0, 1);
            double years = Math.Max(0, Math.Round(5 + 3 * Gaussian(rng)));
            int group = rng.NextDouble() < 0.3 ? 1 : 0;
            double u = Math.Clamp(rng.NextDouble(), 1e-9, 1 - 1e-9);
            double logit = 0.05 * (income - 55) + 0.012 * (credit - 660) - 5 * (debt - 0.35) + 0.08 * (years - 5) - bias * group
                + Math.Log(u / (1 - u));
            float[] row = [(float)income, (float)credit, (float)debt, (float)years, group];
            row.CopyTo(features, i * width);
            labels[i] = logit > 0 ? 1 : 0;
        }
        return new ToyDataset($"loans (bias {bias:G3})", features, labels, width);
    }
}
