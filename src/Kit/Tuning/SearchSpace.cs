namespace Kit.Tuning;

/// <summary>
/// The hyperparameter ranges a tuning job searches. Strategies work in the unit cube: each numeric range is one
/// coordinate in [0, 1] (after its scaling), each categorical range one coordinate per value (one-hot).
/// </summary>
public sealed class SearchSpace
{
    public SearchSpace(params ParameterRange[] ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (ranges.Length == 0) throw new ArgumentException("a search space needs at least one parameter range.", nameof(ranges));
        var twice = ranges.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"'{twice.Key}' has more than one range.", nameof(ranges));
        Ranges = ranges;
        Dimensions = ranges.Sum(r => r.Choices ?? 1);
    }

    public IReadOnlyList<ParameterRange> Ranges { get; }

    /// <summary>Coordinates of the unit-cube encoding.</summary>
    public int Dimensions { get; }

    public bool IsCategoricalOnly => Ranges.All(r => r is CategoricalParameter);

    /// <summary>A uniform draw in the unit cube, mapped through each range's scaling.</summary>
    public Hyperparameters Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var values = new List<(string, object)>();
        foreach (var range in Ranges)
            values.Add((range.Name, range switch
            {
                ContinuousParameter c => c.FromUnit(rng.NextDouble()),
                IntegerParameter i => i.FromUnit(rng.NextDouble()),
                CategoricalParameter k => k.Values[rng.Next(k.Values.Count)],
                _ => throw new NotSupportedException(range.GetType().Name),
            }));
        return new Hyperparameters(values);
    }

    /// <summary>Every combination of the categorical values, the first range varying slowest.</summary>
    public IEnumerable<Hyperparameters> Grid()
    {
        var categorical = Ranges.Select(r => r as CategoricalParameter ?? throw new InvalidOperationException(GridNeedsCategorical(r))).ToList();
        IEnumerable<List<(string, object)>> combos = [[]];
        foreach (var range in categorical)
            combos = combos.SelectMany(c => range.Values.Select(v => new List<(string, object)>(c) { (range.Name, v) }));
        return combos.Select(c => new Hyperparameters(c));
    }

    internal static string GridNeedsCategorical(ParameterRange range) =>
        $"grid search takes categorical ranges only (as AMT requires); '{range.Name}' is {(range is IntegerParameter ? "an integer" : "a continuous")} range: list the values to try as a CategoricalParameter.";

    public double[] Encode(Hyperparameters h)
    {
        var u = new List<double>(Dimensions);
        foreach (var range in Ranges)
            switch (range)
            {
                case ContinuousParameter c: u.Add(c.ToUnit(h.Double(c.Name))); break;
                case IntegerParameter i: u.Add(i.ToUnit(h.Int(i.Name))); break;
                case CategoricalParameter k:
                    string value = h.Text(k.Name);
                    u.AddRange(k.Values.Select(v => v == value ? 1.0 : 0.0));
                    break;
            }
        return [.. u];
    }

    /// <summary>The hyperparameters at a point of the unit cube (a categorical range takes its largest coordinate).</summary>
    public Hyperparameters Decode(double[] u)
    {
        ArgumentNullException.ThrowIfNull(u);
        if (u.Length != Dimensions) throw new ArgumentException($"u must have {Dimensions} coordinates, not {u.Length}.", nameof(u));
        var values = new List<(string, object)>();
        int d = 0;
        foreach (var range in Ranges)
            switch (range)
            {
                case ContinuousParameter c: values.Add((c.Name, c.FromUnit(u[d++]))); break;
                case IntegerParameter i: values.Add((i.Name, i.FromUnit(u[d++]))); break;
                case CategoricalParameter k:
                    int best = 0;
                    for (int j = 1; j < k.Values.Count; j++) if (u[d + j] > u[d + best]) best = j;
                    values.Add((k.Name, k.Values[best]));
                    d += k.Values.Count;
                    break;
            }
        return new Hyperparameters(values);
    }

    public override string ToString() => string.Join("; ", Ranges);
}
