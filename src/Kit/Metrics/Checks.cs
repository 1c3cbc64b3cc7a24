using Microsoft.Data.Analysis;

namespace Kit.Metrics;

/// <summary>Argument checks shared by the metrics: every message names the argument and says what was expected.</summary>
internal static class Checks
{
    public static int[] Labels(IReadOnlyList<int> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0) throw new ArgumentException($"{name} must not be empty", name);
        return values as int[] ?? values.ToArray();
    }

    public static double[] Finite(IReadOnlyList<double> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0) throw new ArgumentException($"{name} must not be empty", name);
        var a = values as double[] ?? values.ToArray();
        for (int i = 0; i < a.Length; i++)
            if (!double.IsFinite(a[i]))
                throw new ArgumentException($"{name}[{i}] is {a[i]}; every value must be a finite number (no NaN or infinity)", name);
        return a;
    }

    public static void SameLength(int expected, int actual, string firstName, string name)
    {
        if (expected != actual)
            throw new ArgumentException($"{name} has {actual} values but {firstName} has {expected}; they must have the same length", name);
    }

    /// <summary>Throws unless every label is 0 or 1 (binary metrics: 1 is the positive class).</summary>
    public static void Binary(int[] labels, string name)
    {
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] > 1u)
                throw new ArgumentException($"{name}[{i}] is {labels[i]}; binary metrics need labels 0 (negative) or 1 (positive). For more classes pass average: Macro, Micro or Weighted", name);
    }

    public static double[] Column(PrimitiveDataFrameColumn<double> column, string name)
    {
        ArgumentNullException.ThrowIfNull(column, name);
        var a = new double[column.Length];
        for (long i = 0; i < column.Length; i++)
            a[i] = column[i] ?? throw new ArgumentException($"{name} (column '{column.Name}') has a missing value at row {i}; drop or fill missing values first", name);
        return a;
    }

    public static int[] Column(PrimitiveDataFrameColumn<int> column, string name)
    {
        ArgumentNullException.ThrowIfNull(column, name);
        var a = new int[column.Length];
        for (long i = 0; i < column.Length; i++)
            a[i] = column[i] ?? throw new ArgumentException($"{name} (column '{column.Name}') has a missing value at row {i}; drop or fill missing values first", name);
        return a;
    }

    /// <summary>A bool column as labels: true → 1 (positive), false → 0.</summary>
    public static int[] Column(PrimitiveDataFrameColumn<bool> column, string name)
    {
        ArgumentNullException.ThrowIfNull(column, name);
        var a = new int[column.Length];
        for (long i = 0; i < column.Length; i++)
            a[i] = (column[i] ?? throw new ArgumentException($"{name} (column '{column.Name}') has a missing value at row {i}; drop or fill missing values first", name)) ? 1 : 0;
        return a;
    }

    /// <summary>Neumaier-compensated sum: as accurate as numpy's pairwise sum, whatever the order.</summary>
    public struct Sum
    {
        double _s, _c;
        public void Add(double x)
        {
            double t = _s + x;
            _c += Math.Abs(_s) >= Math.Abs(x) ? (_s - t) + x : (x - t) + _s;
            _s = t;
        }
        public readonly double Value => _s + _c;
    }
}
