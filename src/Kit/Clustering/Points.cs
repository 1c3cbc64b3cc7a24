using Microsoft.Data.Analysis;

namespace Kit.Clustering;

/// <summary>Points as rows of features (n × d), checked once so every clustering method can trust them.</summary>
public static class Points
{
    /// <summary>The named numeric columns of a DataFrame as points (one row per DataFrame row).</summary>
    public static double[][] FromDataFrame(DataFrame frame, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("name at least one feature column", nameof(columns));
        var cols = columns.Select(c => frame.Columns.IndexOf(c) >= 0
            ? frame.Columns[c]
            : throw new ArgumentException($"the DataFrame has no column '{c}' (it has {string.Join(", ", frame.Columns.Select(x => x.Name))})", nameof(columns))).ToArray();
        var rows = new double[frame.Rows.Count][];
        for (long i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[cols.Length];
            for (int j = 0; j < cols.Length; j++)
            {
                var v = cols[j][i] ?? throw new ArgumentException($"column '{cols[j].Name}' has a missing value at row {i}", nameof(frame));
                rows[i][j] = Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return rows;
    }

    /// <summary>Feature columns side by side as points.</summary>
    public static double[][] FromColumns(params PrimitiveDataFrameColumn<double>[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0) throw new ArgumentException("pass at least one feature column", nameof(columns));
        var df = new DataFrame(columns.Select((c, i) => (DataFrameColumn)c.Clone()).ToArray());
        return FromDataFrame(df, df.Columns.Select(c => c.Name).ToArray());
    }

    /// <summary>Checks shape and values; returns the points flattened row by row, and the dimension.</summary>
    internal static (double[] Flat, int N, int D) Flatten(IReadOnlyList<IReadOnlyList<double>> x, string name)
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Count == 0) throw new ArgumentException($"{name} must hold at least one point", name);
        int d = x[0]?.Count ?? throw new ArgumentException($"{name}[0] is null", name);
        if (d == 0) throw new ArgumentException($"{name}[0] has no features", name);
        var flat = new double[x.Count * d];
        for (int i = 0; i < x.Count; i++)
        {
            var row = x[i] ?? throw new ArgumentException($"{name}[{i}] is null", name);
            if (row.Count != d) throw new ArgumentException($"{name}[{i}] has {row.Count} features but {name}[0] has {d}; every point needs the same number", name);
            for (int j = 0; j < d; j++)
            {
                double v = row[j];
                if (!double.IsFinite(v)) throw new ArgumentException($"{name}[{i}][{j}] is {v}; features must be finite numbers", name);
                flat[i * d + j] = v;
            }
        }
        return (flat, x.Count, d);
    }

    /// <summary>Labels re-coded as 0…K−1 in sorted order of the original labels (scikit-learn's LabelEncoder).</summary>
    internal static (int[] Codes, int K) Encode(IReadOnlyList<int> labels, int n, string name)
    {
        ArgumentNullException.ThrowIfNull(labels, name);
        if (labels.Count != n) throw new ArgumentException($"{name} has {labels.Count} values but there are {n} points; they must have the same length", name);
        var classes = labels.Distinct().Order().ToArray();
        var index = new Dictionary<int, int>();
        for (int i = 0; i < classes.Length; i++) index[classes[i]] = i;
        return (labels.Select(l => index[l]).ToArray(), classes.Length);
    }
}
