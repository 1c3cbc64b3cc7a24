using Kit.TrainingConcepts;

namespace Kit.Tests;

public class CapacityPlotTests
{
    [Fact]
    public void A_training_error_collapsing_to_1e_28_does_not_stretch_the_log_axis_beyond_two_decades_under_the_best()
    {
        var sweep = Enumerable.Range(1, 14)
            .Select(d => new CapacityPoint(d, d == 14 ? 1e-28 : 0.5 / d, d == 5 ? 0.04 : 0.04 + 0.05 * Math.Abs(d - 5)))
            .ToList();
        var yaxis = Capacity.Plot(sweep).Layout["yaxis"]!;
        var range = yaxis["range"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.InRange(range[0], Math.Log10(0.04 / 100) - 0.5, Math.Log10(0.04 / 100));   // not -28
        Assert.InRange(range[1], Math.Log10(0.5), Math.Log10(0.5) + 0.5);
        Assert.Equal(1, yaxis["dtick"]!.GetValue<double>());                             // one tick per decade
        Assert.Equal("power", yaxis["exponentformat"]!.GetValue<string>());              // 10⁻², not "100n"
    }
}
