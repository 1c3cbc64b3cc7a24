namespace Kit.Clarify;

/// <summary>
/// SHAP values of one row: <see cref="BaseValue"/> (the mean model output over the background set, E[f(x)]) plus the
/// contributions add up to <see cref="Prediction"/> = f(x) (SHAP's efficiency, or "additivity", property).
/// </summary>
public sealed record ShapExplanation(double BaseValue, double[] Values, double Prediction)
{
    /// <summary>f(x) − (E[f(x)] + Σ φ): zero up to rounding for an exact explainer.</summary>
    public double AdditivityGap => Prediction - BaseValue - Values.Sum();

    public override string ToString() =>
        $"base {BaseValue:F3} + [{string.Join(", ", Values.Select(v => v.ToString("+0.000;-0.000")))}] = {Prediction:F3}";
}

/// <summary>The input checks the explainers share.</summary>
internal static class ExplainChecks
{
    public static void Rows(float[] rows, int featureCount, string name)
    {
        ArgumentNullException.ThrowIfNull(rows, name);
        if (featureCount < 1) throw new ArgumentOutOfRangeException(nameof(featureCount), featureCount, "featureCount must be at least 1.");
        if (rows.Length == 0 || rows.Length % featureCount != 0)
            throw new ArgumentException($"{name} must hold at least one whole row of {featureCount} features (row-major); it holds {rows.Length} values.", name);
        if (rows.Any(v => !float.IsFinite(v))) throw new ArgumentException($"{name} must be finite numbers.", name);
    }

    public static void Row(float[] row, int featureCount, string name)
    {
        Rows(row, featureCount, name);
        if (row.Length != featureCount)
            throw new ArgumentException($"{name} must be one row of {featureCount} features, not {row.Length} values.", name);
    }

    /// <summary>Calls the model and checks that it returned one finite output per row.</summary>
    public static double[] Outputs(Func<float[], double[]> model, float[] rows, int featureCount)
    {
        var output = model(rows) ?? throw new InvalidOperationException("the model returned null.");
        if (output.Length != rows.Length / featureCount)
            throw new InvalidOperationException($"the model returned {output.Length} outputs for {rows.Length / featureCount} rows.");
        if (output.Any(v => !double.IsFinite(v))) throw new InvalidOperationException("the model returned a NaN or infinite output.");
        return output;
    }
}
