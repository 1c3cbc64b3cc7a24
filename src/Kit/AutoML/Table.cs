using Kit.Data;

namespace Kit.AutoML;

/// <summary>
/// A numeric table with named columns, the input an AutoML job takes (Autopilot reads a CSV with a header and is
/// told the target column's name). Rows are kept as given: the job never reorders them, so folds index them.
/// </summary>
public sealed class Table
{
    readonly double[][] _columns;

    public IReadOnlyList<string> Columns { get; }
    public int RowCount { get; }

    /// <param name="columns">column name → one value per row; at least one column, all the same length</param>
    public Table(IReadOnlyList<(string Name, double[] Values)> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("columns must hold at least one column.", nameof(columns));
        var duplicate = columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"columns names '{duplicate.Key}' twice; every column needs its own name.", nameof(columns));
        int rows = columns[0].Values.Length;
        var uneven = columns.FirstOrDefault(c => c.Values.Length != rows);
        if (uneven.Values is not null) throw new ArgumentException($"columns must all have {rows} rows; '{uneven.Name}' has {uneven.Values.Length}.", nameof(columns));
        Columns = columns.Select(c => c.Name).ToList();
        _columns = columns.Select(c => c.Values).ToArray();
        RowCount = rows;
    }

    /// <summary>A labelled data set as a table: its features under <paramref name="featureNames"/>, its label (mapped by <paramref name="target"/>) as <paramref name="targetColumn"/>.</summary>
    public static Table FromDataset(ToyDataset data, IReadOnlyList<string> featureNames, string targetColumn, Func<long, double>? target = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count != data.FeatureCount)
            throw new ArgumentException($"featureNames must name the {data.FeatureCount} features, not {featureNames.Count}.", nameof(featureNames));
        var columns = featureNames.Select((name, f) => (name, data.Column(f))).ToList();
        columns.Add((targetColumn, data.Labels.Select(l => target is null ? l : target(l)).ToArray()));
        return new Table(columns);
    }

    /// <summary>The values of one column.</summary>
    public double[] Column(string name)
    {
        int i = Columns.ToList().IndexOf(name);
        if (i < 0) throw new ArgumentException($"no column named '{name}'; the table has {string.Join(", ", Columns.Take(8))}{(Columns.Count > 8 ? ", …" : "")}.", nameof(name));
        return (double[])_columns[i].Clone();
    }

    /// <summary>Every column but <paramref name="target"/>, row-major as float (what the models take), and the target's values.</summary>
    public (float[] Features, int FeatureCount, double[] Target) Split(string target)
    {
        var y = Column(target);
        var features = Enumerable.Range(0, Columns.Count).Where(c => Columns[c] != target).ToArray();
        var x = new float[RowCount * features.Length];
        for (int r = 0; r < RowCount; r++)
            for (int k = 0; k < features.Length; k++) x[r * features.Length + k] = (float)_columns[features[k]][r];
        return (x, features.Length, y);
    }
}
