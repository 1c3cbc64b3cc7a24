using Kit.Training;

namespace Kit.Tests;

public class TrainingPlotsTests
{
    [Fact]
    public void Log_ticks_are_one_two_five_per_decade_over_the_data()
    {
        Assert.Equal([0.1, 0.2, 0.5, 1, 2, 5], TrainingPlots.OneTwoFive([0.13, 2.3, double.NaN, 0]));
        Assert.Equal([1, 2, 5, 10], TrainingPlots.OneTwoFive([1, 7]));
        Assert.Equal([0.002, 0.005, 0.01, 0.02, 0.05], TrainingPlots.OneTwoFive([0.004, 0.03]));
        Assert.Empty(TrainingPlots.OneTwoFive([0, -1]));
    }

    [Fact]
    public void A_log_comparison_labels_its_ticks_in_full_instead_of_plotlys_bare_digits()
    {
        var h = new History();
        h.Add(new EpochLog(1, 2.3, null, null, null, 0.1, 0, null));
        h.Add(new EpochLog(2, 0.13, null, null, null, 0.1, 0, null));
        var yaxis = TrainingPlots.Compare([("lr 0.1", h)], x => x.TrainLoss, "t", "loss", logY: true).Layout["yaxis"]!;
        Assert.Equal("array", (string)yaxis["tickmode"]!);
        Assert.Equal([0.1, 0.2, 0.5, 1, 2, 5], yaxis["tickvals"]!.AsArray().Select(v => (double)v!));
    }
}
