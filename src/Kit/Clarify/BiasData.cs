namespace Kit.Clarify;

/// <summary>
/// The columns a Clarify bias analysis reads, one entry per row: which rows belong to the disadvantaged facet (d, the
/// "sensitive" group; all others are a), the observed labels, optionally the model's predicted labels and a
/// group column for the conditional metrics. Labels are 0/1, or any values collapsed to positive/negative by
/// <c>positiveLabel</c> (Clarify's label_values_or_threshold).
/// </summary>
public sealed class BiasData
{
    public bool[] Disadvantaged { get; }
    public long[] Labels { get; }
    public long[]? Predicted { get; }
    public int[]? Groups { get; }
    public long PositiveLabel { get; }
    public int Count => Labels.Length;

    public BiasData(bool[] disadvantaged, long[] labels, long[]? predicted = null, int[]? groups = null, long? positiveLabel = null)
    {
        ArgumentNullException.ThrowIfNull(disadvantaged);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0) throw new ArgumentException("labels must hold at least one row.", nameof(labels));
        SameLength(disadvantaged.Length, labels.Length, nameof(disadvantaged));
        if (!disadvantaged.Contains(true) || !disadvantaged.Contains(false))
            throw new ArgumentException($"the facet column has only one group ({(disadvantaged[0] ? "all rows are d" : "no row is d")}); " +
                "bias metrics compare the disadvantaged facet d with the rest a, so both must have rows.", nameof(disadvantaged));
        if (predicted is not null) SameLength(predicted.Length, labels.Length, nameof(predicted));
        if (groups is not null) SameLength(groups.Length, labels.Length, nameof(groups));
        if (positiveLabel is null)
        {
            Binary(labels, nameof(labels));
            if (predicted is not null) Binary(predicted, nameof(predicted));
        }
        (Disadvantaged, Labels, Predicted, Groups, PositiveLabel) = (disadvantaged, labels, predicted, groups, positiveLabel ?? 1);
    }

    /// <summary>The facet from a feature column: rows whose value equals <paramref name="facetValue"/> are d.</summary>
    public static bool[] FacetFromColumn(IEnumerable<double> column, double facetValue) => column.Select(v => v == facetValue).ToArray();

    internal bool IsPositive(int row) => Labels[row] == PositiveLabel;

    internal bool IsPredictedPositive(int row) => RequirePredicted()[row] == PositiveLabel;

    internal long[] RequirePredicted() =>
        Predicted ?? throw new InvalidOperationException("this post-training metric needs the model's predicted labels: pass predicted to BiasData.");

    internal int[] RequireGroups() =>
        Groups ?? throw new InvalidOperationException("the conditional demographic disparity needs a group column: pass groups to BiasData.");

    /// <summary>Confusion counts of one facet (d when <paramref name="d"/>, else a).</summary>
    internal Confusion CountsOf(bool d)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < Count; i++)
        {
            if (Disadvantaged[i] != d) continue;
            bool y = IsPositive(i), yHat = IsPredictedPositive(i);
            if (y && yHat) tp++; else if (!y && yHat) fp++; else if (y) fn++; else tn++;
        }
        return new Confusion(tp, fp, fn, tn);
    }

    static void SameLength(int length, int expected, string name)
    {
        if (length != expected) throw new ArgumentException($"{name} must hold one entry per row ({expected}), not {length}.", name);
    }

    static void Binary(long[] values, string name)
    {
        if (values.Any(v => v is not (0 or 1)))
            throw new ArgumentException($"{name} must be 0 or 1 (found {values.First(v => v is not (0 or 1))}); pass positiveLabel to collapse a multi-class label into positive vs the rest, as Clarify does.", name);
    }
}

/// <summary>The confusion counts of one facet: observed positives = TP + FN, predicted positives = TP + FP.</summary>
internal readonly record struct Confusion(int TP, int FP, int FN, int TN)
{
    public int Count => TP + FP + FN + TN;
    public int Positives => TP + FN;
    public int Negatives => TN + FP;
    public int PredictedPositives => TP + FP;
    public int PredictedNegatives => TN + FN;
}
