using System.Text.Json.Nodes;
using Kit.Charts;
using Kit.Cnn;
using Kit.CrossValidation;
using Kit.Losses;
using Kit.Metrics;
using Kit.Regularization;
using Kit.Rnn;

namespace Kit.Tests;

/// <summary>What a student must be able to read on each chart helper's figure (issue 19), checked on its JSON.</summary>
public class ReadableChartTests
{
    static double[] Doubles(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
    static string[] Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    [Fact]
    public void A_short_chart_is_drawn_tall_enough_for_a_readable_plot_area()
    {
        // Lesson 04's "Time per epoch" asked for 280 px: plotly's default margins (100 + 80) left a 95 px plot.
        var bars = Chart.Bar(["a", "b"], [1, 2]).WithTitle("Time per epoch").WithSize(280);
        Assert.True(ChartRules.DrawnHeight(bars) >= 100 + 80 + ReadableLayout.MinPlotHeight);
        var tight = Chart.Line([0, 1], [0, 1]).WithLayout(new { margin = new { t = 40, b = 40 } }).WithSize(320);
        Assert.Equal(320, ChartRules.DrawnHeight(tight));   // 240 px of plot already: left alone
    }

    [Fact]
    public void Bars_carry_their_values_and_a_format_can_be_chosen()
    {
        var fig = Chart.Bar(["x", "y"], [0.5, 0.25], valueFormat: ".0%").AddBar(["x", "y"], [1, 2], "second");
        Assert.Equal("%{y:.0%}", fig.Data[0]!["texttemplate"]!.GetValue<string>());
        Assert.Equal("%{y:.3~g}", fig.Data[1]!["texttemplate"]!.GetValue<string>());
        Assert.False(fig.Data[1]!["cliponaxis"]!.GetValue<bool>());   // a label above the tallest bar is not cut
    }

    [Fact]
    public void A_log_axis_is_used_only_where_values_span_decades_and_is_ticked_one_two_five()
    {
        // Lesson 07's δ axis (0.5 … 32) read "5 6 7 8 9 1 2" with plotly's own log ticks.
        var huber = Chart.Line([0.5, 1, 2, 4, 8, 16, 32], [1, 2, 3, 4, 5, 6, 7]).WithLogAxis("x");
        Assert.Equal("log", huber.Layout["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal([0.5, 1, 2, 5, 10, 20, 50], Doubles(huber.Layout["xaxis"]!["tickvals"]));
        Assert.Equal("~g", huber.Layout["xaxis"]!["tickformat"]!.GetValue<string>());
        // Lesson 04's time per epoch (2, 114, 2614 ms): powers of ten only, and the 2 ms bar stands half a decade above the floor.
        var times = Chart.Bar(["full", "mini", "single"], [2, 114, 2614]).WithLogAxis("y");
        Assert.Equal([10, 100, 1000], Doubles(times.Layout["yaxis"]!["tickvals"]));
        Assert.Equal(-0.5, Doubles(times.Layout["yaxis"]!["range"])[0]);
        var narrow = Chart.Bar(["a", "b"], [3, 7]).WithLogAxis("y");
        Assert.Equal("linear", narrow.Layout["yaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("axis", Assert.Throws<ArgumentException>(() => narrow.WithLogAxis("z")).ParamName);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(6, 1)]
    [InlineData(40, 10)]
    [InlineData(130, 50)]
    [InlineData(600, 100)]
    public void Whole_number_steps_give_at_most_about_six_ticks(double max, int step)
    {
        Assert.Equal(step, Ticks.WholeStep(max));
        Assert.True(max / step <= 6.5);
    }

    [Fact]
    public void Image_grids_share_one_colour_key_draw_ink_dark_and_caption_each_panel_under_it()
    {
        var digit = new double[8, 8];
        digit[3, 4] = 16;
        var panels = Enumerable.Range(0, 10).Select(i => ($"label {i}", digit)).ToList();
        var fig = CnnPlots.Grids(panels, columns: 5);
        ChartRules.AssertEveryHeatmapHasAColourKey(fig);
        ChartRules.AssertLargestValueIsDarkest(fig);   // "Greys" drew white ink on black
        Assert.Single(fig.Data, t => t!["showscale"]!.GetValue<bool>());
        for (int i = 1; i <= 10; i++)
        {
            var suffix = i == 1 ? "" : i.ToString();
            // The caption is the panel's own axis title: it stays with the picture (paper annotations floated above shrunk panels).
            Assert.Equal($"label {i - 1}", fig.Layout[$"xaxis{suffix}"]!["title"]!["text"]!.GetValue<string>());
            Assert.Equal("domain", fig.Layout[$"yaxis{suffix}"]!["constrain"]!.GetValue<string>());
        }
        Assert.Null(fig.Layout["annotations"]);
        // Two rows of five 8 × 8 digits at about 800 px: each panel well over 100 px (the 10-wide strip at 250 px had about 50).
        Assert.InRange(fig.Height, 2 * 100 + 60, 700);
        Assert.Equal(fig.Height, ChartRules.DrawnHeight(fig));   // pictures to scale are not stretched by the minimum height
    }

    [Fact]
    public void Grids_on_their_own_scales_give_each_panel_its_own_key_and_diverging_ones_stay_white_at_zero()
    {
        var fig = CnnPlots.Grids([("picture", Filters.TestImage(8)), ("Sobel x", Filters.SobelX)], columns: 2, colorscale: "RdBu", sharedScale: false);
        Assert.All(fig.Data, t => Assert.True(t!["showscale"]!.GetValue<bool>()));
        Assert.All(fig.Data, t => Assert.Equal(0.0, t!["zmid"]!.GetValue<double>()));
        // One picture keeps its picture size at the left, with its key and its title beside and above it, not at the page's far side.
        var single = CnnPlots.Grids([("input", Filters.TestImage(8))], columns: 1, title: "The input");
        var right = Doubles(single.Layout["xaxis"]!["domain"])[1];
        Assert.True(right < 0.5);
        Assert.InRange(single.Data[0]!["colorbar"]!["x"]!.GetValue<double>(), right, right + 0.05);
        Assert.Equal(right / 2, single.Layout["title"]!["x"]!.GetValue<double>(), 9);
        ChartRules.AssertLargestValueIsDarkest(fig);
        var shared = CnnPlots.Grids([("Sobel x", Filters.SobelX), ("Sobel y", Filters.SobelY)], colorscale: "RdBu");
        Assert.Equal(-Doubles(new JsonArray(shared.Data[0]!["zmax"]!.DeepClone()))[0], shared.Data[0]!["zmin"]!.GetValue<double>());
    }

    [Fact]
    public void Digit_images_and_weight_maps_are_framed_and_keyed()
    {
        var images = new[] { Enumerable.Range(0, 64).Select(i => (double)(i % 17)).ToArray(), new double[64] };
        var fig = RegularizationPlots.DigitImages(images, ["a", "b"]);
        ChartRules.AssertEveryHeatmapHasAColourKey(fig);
        ChartRules.AssertLargestValueIsDarkest(fig);
        Assert.Equal(2, fig.Layout["shapes"]!.AsArray().Count);   // one frame per image: a blank image still shows its edge
        Assert.Equal("ink", fig.Data[0]!["colorbar"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_weight_histogram_gives_each_model_its_own_count_axis_in_whole_numbers()
    {
        // L1's spike at 0 (600 of 640 weights) flattened L2's spread when both shared one count axis.
        var l1 = Enumerable.Repeat(0.0, 600).Concat(Enumerable.Range(0, 40).Select(i => i / 50.0 - 0.4)).ToArray();
        var l2 = Enumerable.Range(0, 640).Select(i => Math.Sin(i) * 0.3).ToArray();
        var fig = RegularizationPlots.WeightHistogram(("L1", l1), ("L2", l2));
        Assert.Equal(("y", "y2"), (fig.Data[0]!["yaxis"]!.GetValue<string>(), fig.Data[1]!["yaxis"]!.GetValue<string>()));
        Assert.Equal(600 + 1, Doubles(fig.Data[0]!["y"]).Max());   // the bin [0, 0.02) holds the 600 zeros and 0.0 from the ramp
        Assert.Equal(640, Doubles(fig.Data[1]!["y"]).Sum());
        foreach (var axis in new[] { "yaxis", "yaxis2" })
        {
            Assert.Equal(",d", fig.Layout[axis]!["tickformat"]!.GetValue<string>());
            var step = fig.Layout[axis]!["dtick"]!.GetValue<double>();
            Assert.Equal(Math.Round(step), step);
        }
        Assert.Equal(200, fig.Layout["yaxis"]!["dtick"]!.GetValue<double>());   // 0, 200, 400, 600 for a spike of 601
    }

    [Fact]
    public void Confusion_matrices_are_keyed_and_darkest_at_the_largest_count()
    {
        var fig = MetricPlots.ConfusionMatrix(Classification.ConfusionMatrix([0, 0, 0, 1, 1, 2], [0, 0, 0, 1, 0, 2]), ["A", "B", "rare C"]);
        ChartRules.AssertEveryHeatmapHasAColourKey(fig);
        ChartRules.AssertLargestValueIsDarkest(fig);
        Assert.Equal(0.0, fig.Data[0]!["zmin"]!.GetValue<double>());
    }

    [Fact]
    public void The_threshold_explorer_keeps_its_legend_off_the_slider_and_its_readouts_off_the_curves()
    {
        var d = SimulatedScores.Make(300, 0.4, 2, seed: 4);
        double[] th = Enumerable.Range(1, 19).Select(i => i * 0.05).ToArray();
        var fig = MetricPlots.ThresholdExplorer(d.Labels, d.Scores, th, start: 0.5);
        Assert.True(fig.Layout["legend"]!["x"]!.GetValue<double>() >= 1.0);   // at the right, not under the plots where the slider is
        Assert.All(fig.Data.Take(2), t => Assert.DoesNotContain("text", t!["mode"]!.GetValue<string>()));   // markers carry no label onto the curves
        var roc = fig.Data[2]!;
        Assert.True(Doubles(roc["y"])[0] < Doubles(roc["x"])[0] - 0.5);   // the counts sit under the chance line, where the ROC curve never goes
        var values = fig.Data[3]!;
        Assert.True(Doubles(values["y"])[0] > 1.05);                       // above precision, recall and F1, which stay within 0–1
        Assert.True(fig.Layout["yaxis2"]!["range"]![1]!.GetValue<double>() > Doubles(values["y"])[0]);
        Assert.All(fig.Frames, f => Assert.Equal(4, f!["data"]!.AsArray().Count));
    }

    [Fact]
    public void The_elbow_chart_ticks_k_in_whole_numbers_and_the_silhouette_in_two_decimals_without_a_legend_on_the_data()
    {
        var fig = MetricPlots.Elbow([(1, 900), (2, 400), (3, 150), (4, 60), (5, 55)], [(2, 0.352), (3, 0.49), (4, 0.71), (5, 0.62)]);
        Assert.Equal(1, fig.Layout["xaxis"]!["dtick"]!.GetValue<double>());
        Assert.Equal(".2f", fig.Layout["yaxis2"]!["tickformat"]!.GetValue<string>());
        Assert.Equal("auto", fig.Layout["yaxis2"]!["tickmode"]!.GetValue<string>());
        Assert.False(fig.Layout["showlegend"]!.GetValue<bool>());
        // The axis titles name the lines instead, in their colours.
        Assert.Equal(fig.Data[1]!["line"]!["color"]!.GetValue<string>(), fig.Layout["yaxis2"]!["title"]!["font"]!["color"]!.GetValue<string>());
    }

    [Fact]
    public void K_means_centres_are_drawn_much_larger_than_the_points_and_the_legend_lists_only_clusters_with_points()
    {
        double[][] points = [[0, 0], [0, 1], [5, 5], [5, 6]];
        var fig = MetricPlots.Clusters(points, [0, 0, 2, 2], [[0, 0.5], [9, 9], [5, 5.5]], "k-means");
        Assert.Equal(["cluster 1", "cluster 3", "centre"], fig.Data.Select(t => t!["name"]!.GetValue<string>()));
        var point = fig.Data[0]!["marker"]!["size"]!.GetValue<double>();
        Assert.True(fig.Data[2]!["marker"]!["size"]!.GetValue<double>() >= 2.5 * point);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => MetricPlots.Clusters(points, [0], [[0, 0]], "t")).ParamName);
    }

    [Fact]
    public void The_precision_recall_chart_draws_each_curve_its_random_baseline_and_named_operating_points()
    {
        var d = SimulatedScores.Make(400, 0.1, 2.5, seed: 5);
        var curve = Ranking.PrecisionRecallCurve(d.Labels, d.Scores);
        var point = Ranking.AtThresholds(d.Labels, d.Scores, [0.3])[0];
        var fig = MetricPlots.PrecisionRecall([("screening", curve, d.Labels.Average())], [("recall first", point)]);
        Assert.Equal(Doubles(fig.Data[0]!["x"]), curve.Recall);
        Assert.Equal(Doubles(fig.Data[0]!["y"]), curve.Precision);
        Assert.Equal([d.Labels.Average(), d.Labels.Average()], Doubles(fig.Data[1]!["y"]));
        Assert.Equal([point.Recall], Doubles(fig.Data[2]!["x"]));
        Assert.StartsWith("recall first: t = 0.3", fig.Data[2]!["name"]!.GetValue<string>());
        Assert.Equal("curves", Assert.Throws<ArgumentException>(() => MetricPlots.PrecisionRecall([])).ParamName);
    }

    [Fact]
    public void Fold_pictures_list_only_the_roles_their_folds_use()
    {
        // Lesson 08's KFold chart listed "not used" and "gap" though neither appears.
        var kfold = FoldPlots.Folds(new KFold(5).Split(20), 20, "KFold");
        Assert.Equal(["train", "test"], Strings(kfold.Data[0]!["colorbar"]!["ticktext"]));
        Assert.Equal(1.5, kfold.Data[0]!["zmax"]!.GetValue<double>());
        Assert.All(kfold.Data[0]!["z"]!.AsArray().SelectMany(r => r!.AsArray()), v => Assert.InRange(v!.GetValue<int>(), 0, 1));
        var gapped = FoldPlots.Folds(new TimeSeriesSplit(nSplits: 4, maxTrainSize: 20, testSize: 8, gap: 4).Split(60), 60, "gap");
        Assert.Equal(["not used", "train", "test", "gap"], Strings(gapped.Data[0]!["colorbar"]!["ticktext"]));
    }

    [Fact]
    public void Loss_slopes_get_their_own_plot_under_the_losses_and_the_legend_sits_beside_both()
    {
        // Lesson 07: eight curves (four losses and their slopes) in one 380 px plot, the legend on the axis title.
        var curves = LossCurves.Regression(range: 4, points: 41, 1.0, 2.0);
        var fig = LossCurves.Plot(curves, "Regression losses", "error", withSlopes: true, yMax: 8);
        var onLoss = fig.Data.Count(t => t!["yaxis"] is null);
        var onSlope = fig.Data.Count(t => t!["yaxis"]?.GetValue<string>() == "y2");
        Assert.Equal((curves.Count, curves.Count), (onLoss, onSlope));
        Assert.True(fig.Layout["legend"]!["x"]!.GetValue<double>() >= 1.0);
        Assert.True(fig.Height >= 500);
        Assert.True(Doubles(fig.Layout["yaxis"]!["domain"])[0] > Doubles(fig.Layout["yaxis2"]!["domain"])[1]);
    }

    [Fact]
    public void The_forecast_chart_shows_each_forecasts_error_under_a_zoomed_view_of_the_test_steps()
    {
        // Lesson 03: over 150 steps the three lines lay on one another; the errors tell them apart.
        double[] series = Enumerable.Range(0, 100).Select(t => Math.Sin(t / 4.0)).ToArray();
        double[] actual = series[80..], lagged = series[79..99], good = actual.Select(a => a + 0.01).ToArray();
        var fig = ForecastPlot.Plot(series, 80, actual, [("model", good), ("repeat last value", lagged)], window: 10);
        var errors = fig.Data.Where(t => t!["yaxis"]?.GetValue<string>() == "y2").ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(Doubles(errors[0]!["y"]), e => Assert.Equal(0.01, e, 9));
        Assert.Equal(Math.Abs(series[79] - series[80]), Doubles(errors[1]!["y"])[0], 9);
        Assert.Equal(10, Doubles(errors[1]!["x"]).Length);   // the first ten test steps
        Assert.Contains("RMSE", fig.Data[2]!["name"]!.GetValue<string>());
        Assert.Equal("forecasts", Assert.Throws<ArgumentException>(() => ForecastPlot.Plot(series, 80, actual, [("short", new double[3])])).ParamName);
    }

    [Fact]
    public void The_training_chart_puts_its_legend_under_the_epoch_title_not_on_it()
    {
        // Lessons 04 and 05: the legend at y = -0.25 covered the x axis title "epoch" (seen in Chromium at 800 px).
        var history = new Kit.Training.History();
        var fig = Kit.Training.TrainingPlots.Curves(history, "run");
        Assert.True(fig.Layout["legend"]!["y"]!.GetValue<double>() <= -0.3);
        Assert.Equal("top", fig.Layout["legend"]!["yanchor"]!.GetValue<string>());
    }
}
