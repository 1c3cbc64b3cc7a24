using System.Globalization;

namespace Kit.Tuning;

/// <summary>How AMT maps a numeric range onto the search: evenly in the value, in its logarithm, or in log(1 − value).</summary>
public enum Scaling
{
    /// <summary>The Kit's rule for AMT's "Auto": logarithmic when min &gt; 0 and max/min ≥ 100 (a range spanning decades), else linear.</summary>
    Auto,
    Linear,
    /// <summary>Even in log(value): as many trials in [1e-4, 1e-3] as in [1e-2, 1e-1]. Needs min &gt; 0.</summary>
    Logarithmic,
    /// <summary>Even in log(1 − value): dense near 1, for values such as a momentum of 0.9–0.999. Needs 0 ≤ min and max &lt; 1.</summary>
    ReverseLogarithmic,
}

/// <summary>One hyperparameter's range, as in AMT's <c>ParameterRanges</c>. Numeric ranges map to [0, 1] for the search.</summary>
public abstract record ParameterRange
{
    protected ParameterRange(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("name must be a non-empty hyperparameter name.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    /// <summary>Values the strategies pick between: a categorical range's count, or null for numeric ranges.</summary>
    public abstract int? Choices { get; }
}

/// <summary>A real-valued range [min, max] (AMT <c>ContinuousParameterRanges</c>).</summary>
public sealed record ContinuousParameter : ParameterRange
{
    public ContinuousParameter(string name, double min, double max, Scaling scaling = Scaling.Auto) : base(name)
    {
        Min = min;
        Max = max;
        Scaling = NumericRange.Check(name, min, max, scaling);
    }

    public double Min { get; }
    public double Max { get; }
    /// <summary>The scaling in use (Auto already resolved to Linear or Logarithmic).</summary>
    public Scaling Scaling { get; }
    public override int? Choices => null;

    public double FromUnit(double u) => NumericRange.FromUnit(u, Min, Max, Scaling);
    public double ToUnit(double value) => NumericRange.ToUnit(value, Min, Max, Scaling);
    public override string ToString() => $"{Name}: continuous [{Min.ToString(CultureInfo.InvariantCulture)}, {Max.ToString(CultureInfo.InvariantCulture)}], {Scaling}";
}

/// <summary>A whole-number range [min, max] (AMT <c>IntegerParameterRanges</c>: linear or logarithmic scaling).</summary>
public sealed record IntegerParameter : ParameterRange
{
    public IntegerParameter(string name, int min, int max, Scaling scaling = Scaling.Auto) : base(name)
    {
        if (scaling == Scaling.ReverseLogarithmic)
            throw new ArgumentException($"'{name}': reverse logarithmic scaling is for continuous ranges below 1, not integers.", nameof(scaling));
        Min = min;
        Max = max;
        Scaling = NumericRange.Check(name, min, max, scaling);
    }

    public int Min { get; }
    public int Max { get; }
    public Scaling Scaling { get; }
    public override int? Choices => null;

    /// <summary>Rounds after mapping, so every integer in the range can be drawn (the ends half as often on a linear scale).</summary>
    public int FromUnit(double u) => (int)Math.Clamp(Math.Round(NumericRange.FromUnit(u, Min, Max, Scaling)), Min, Max);
    public double ToUnit(int value) => NumericRange.ToUnit(value, Min, Max, Scaling);
    public override string ToString() => $"{Name}: integer [{Min}, {Max}], {Scaling}";
}

/// <summary>A list of values tried as they are (AMT <c>CategoricalParameterRanges</c>); the only kind grid search takes.</summary>
public sealed record CategoricalParameter : ParameterRange
{
    public CategoricalParameter(string name, params string[] values) : base(name)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0) throw new ArgumentException($"'{name}' needs at least one value.", nameof(values));
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length)
            throw new ArgumentException($"'{name}' lists a value twice: {string.Join(", ", values)}.", nameof(values));
        Values = [.. values];
    }

    public IReadOnlyList<string> Values { get; }
    public override int? Choices => Values.Count;
    public override string ToString() => $"{Name}: categorical {{{string.Join(", ", Values)}}}";
}

static class NumericRange
{
    public static Scaling Check(string name, double min, double max, Scaling scaling)
    {
        if (!double.IsFinite(min)) throw new ArgumentOutOfRangeException(nameof(min), min, $"'{name}': min must be a finite number.");
        if (!double.IsFinite(max)) throw new ArgumentOutOfRangeException(nameof(max), max, $"'{name}': max must be a finite number.");
        if (min >= max)
            throw new ArgumentException($"'{name}': min ({min.ToString(CultureInfo.InvariantCulture)}) must be less than max ({max.ToString(CultureInfo.InvariantCulture)}); a fixed value is a static hyperparameter, not a range.", nameof(min));
        if (scaling == Scaling.Auto) scaling = min > 0 && max / min >= 100 ? Scaling.Logarithmic : Scaling.Linear;
        if (scaling == Scaling.Logarithmic && min <= 0)
            throw new ArgumentOutOfRangeException(nameof(min), min, $"'{name}': logarithmic scaling needs min > 0 (the logarithm of {min.ToString(CultureInfo.InvariantCulture)} is undefined).");
        if (scaling == Scaling.ReverseLogarithmic && (min < 0 || max >= 1))
            throw new ArgumentOutOfRangeException(min < 0 ? nameof(min) : nameof(max), min < 0 ? min : max, $"'{name}': reverse logarithmic scaling needs 0 ≤ min and max < 1.");
        return scaling;
    }

    public static double FromUnit(double u, double min, double max, Scaling scaling)
    {
        u = Math.Clamp(u, 0, 1);
        double value = scaling switch
        {
            Scaling.Logarithmic => Math.Exp(Math.Log(min) + u * (Math.Log(max) - Math.Log(min))),
            Scaling.ReverseLogarithmic => 1 - Math.Exp(Math.Log(1 - min) + u * (Math.Log(1 - max) - Math.Log(1 - min))),
            _ => min + u * (max - min),
        };
        return Math.Clamp(value, min, max);
    }

    public static double ToUnit(double value, double min, double max, Scaling scaling) => scaling switch
    {
        Scaling.Logarithmic => (Math.Log(value) - Math.Log(min)) / (Math.Log(max) - Math.Log(min)),
        Scaling.ReverseLogarithmic => (Math.Log(1 - value) - Math.Log(1 - min)) / (Math.Log(1 - max) - Math.Log(1 - min)),
        _ => (value - min) / (max - min),
    };
}
