namespace Kit.Charts;

/// <summary>Tick values a reader can read: 1-2-5 on log axes, whole steps for counts.</summary>
public static class Ticks
{
    /// <summary>1, 2, 5 times each power of ten from just under the smallest positive value to just over the largest.</summary>
    public static double[] OneTwoFive(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        if (positive.Count == 0) return [];
        double min = positive.Min(), max = positive.Max();
        int low = (int)Math.Floor(Math.Log10(min)), high = (int)Math.Floor(Math.Log10(max)) + 1;
        var ticks = Enumerable.Range(low, high - low + 1)
            .SelectMany(e => new[] { 1, 2, 5 }.Select(m => Math.Round(m * Math.Pow(10, e), Math.Max(0, 1 - e))))
            .ToList();
        double first = ticks.Last(t => t <= min), last = ticks.First(t => t >= max);
        return ticks.Where(t => t >= first && t <= last).ToArray();
    }

    /// <summary>A whole-number tick step (1, 2, 5, 10, 20…) giving at most about six ticks up to <paramref name="max"/>.</summary>
    public static int WholeStep(double max)
    {
        if (!(max > 6)) return 1;
        var raw = max / 6;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        return (int)Math.Round(step);
    }

    /// <summary>Whether positive values span at least a decade: only then does a log axis help.</summary>
    public static bool SpansDecades(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        return positive.Count > 1 && positive.Max() / positive.Min() >= 10;
    }
}
