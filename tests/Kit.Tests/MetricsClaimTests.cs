using Kit.Clustering;
using Kit.Metrics;

namespace Kit.Tests;

/// <summary>Every effect the evaluation-metrics lesson shows, run small and seeded, checking its direction.</summary>
public class MetricsClaimTests
{
    [Fact]
    public void Raising_the_threshold_raises_precision_and_lowers_recall()
    {
        Seeds.Every(seed =>
        {
            var d = SimulatedScores.Make(400, positiveRate: 0.3, separation: 2, seed: 1 + seed);
            var pts = Ranking.AtThresholds(d.Labels, d.Scores, [0.3, 0.5, 0.7]);
            Assert.True(pts[0].Precision < pts[1].Precision && pts[1].Precision < pts[2].Precision, string.Join("; ", pts));
            Assert.True(pts[0].Recall > pts[1].Recall && pts[1].Recall > pts[2].Recall, string.Join("; ", pts));
            Assert.True(pts[0].FalsePositiveRate > pts[2].FalsePositiveRate);
        });
    }

    [Fact]
    public void On_rare_positives_always_saying_no_has_high_accuracy_and_zero_recall()
    {
        Seeds.Every(seed =>
        {
            var d = SimulatedScores.Make(1000, positiveRate: 0.05, separation: 2.5, seed: 2 + seed);
            var never = new int[d.Count];
            Assert.True(Classification.Accuracy(d.Labels, never) > 0.9);
            Assert.Equal(0, Classification.Recall(d.Labels, never));
            // a real (imperfect) model has lower accuracy at a low threshold but catches most cases
            var screen = Ranking.Predict(d.Scores, 0.3);
            Assert.True(Classification.Recall(d.Labels, screen) > 0.8);
        });
    }

    [Fact]
    public void Medical_threshold_for_recall_and_spam_threshold_for_precision_sit_on_opposite_sides()
    {
        Seeds.Every(seed =>
        {
            var d = SimulatedScores.Make(1000, positiveRate: 0.2, separation: 3, seed: 3 + seed);
            var grid = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();
            var pts = Ranking.AtThresholds(d.Labels, d.Scores, grid);
            double medical = pts.Where(p => p.Recall >= 0.95).Max(p => p.Threshold);   // highest threshold that still catches 95%
            double spam = pts.Where(p => p.Precision >= 0.95).Min(p => p.Threshold);    // lowest threshold that is right 95% of the time
            double f1Best = pts.MaxBy(p => p.F1)!.Threshold;
            Assert.True(medical < f1Best && f1Best < spam, $"medical {medical}, F1 {f1Best}, spam {spam}");
        });
    }

    [Fact]
    public void F_half_favours_precision_and_F2_favours_recall()
    {
        var b = new BinaryCounts(TP: 40, FP: 5, FN: 30, TN: 100);   // precision 0.89 > recall 0.57
        Assert.True(b.FBeta(0.5) > b.F1 && b.F1 > b.FBeta(2));
        var c = new BinaryCounts(TP: 40, FP: 30, FN: 5, TN: 100);   // recall > precision: the order flips
        Assert.True(c.FBeta(0.5) < c.F1 && c.F1 < c.FBeta(2));
    }

    [Fact]
    public void F2_picks_a_lower_threshold_than_F1_and_F_half_a_higher_one()
    {
        Seeds.Every(seed =>
        {
            var d = SimulatedScores.Make(400, 0.3, 2, seed: 1 + seed);   // the lesson's data at seed 0
            var grid = Ranking.AtThresholds(d.Labels, d.Scores, Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray());
            double Best(double beta) => grid.MaxBy(p => p.Counts.FBeta(beta))!.Threshold;
            Assert.True(Best(2) < Best(1) && Best(1) < Best(0.5), $"F2 {Best(2)}, F1 {Best(1)}, F0.5 {Best(0.5)}");
            var cautious = Ranking.Predict(d.Scores, 0.7);
            Assert.True(Classification.FBeta(d.Labels, cautious, 0.5) > Classification.F1(d.Labels, cautious));
        });
    }

    [Fact]
    public void Auc_ignores_a_monotonic_rescaling_of_the_scores_while_log_loss_does_not()
    {
        Seeds.Every(seed =>
        {
            var d = SimulatedScores.Make(400, 0.3, 2, seed: 1 + seed);   // the lesson's data at seed 0
            var hedged = d.Scores.Select(s => 0.45 + 0.1 * s).ToArray();   // same ranking, timid probabilities
            Assert.Equal(Ranking.RocAuc(d.Labels, d.Scores), Ranking.RocAuc(d.Labels, hedged), 12);
            Assert.True(Classification.LogLoss(d.Labels, hedged) > Classification.LogLoss(d.Labels, d.Scores) + 0.1);
        });
    }

    [Fact]
    public void Better_separation_gives_higher_auc_and_random_scores_give_about_a_half()
    {
        Seeds.Every(seed =>
        {
            double Auc(double sep) { var d = SimulatedScores.Make(2000, 0.5, sep, seed: 5 + seed); return Ranking.RocAuc(d.Labels, d.Scores); }
            Assert.InRange(Auc(0), 0.45, 0.55);
            Assert.True(Auc(1) < Auc(2) && Auc(2) < Auc(4));
            Assert.True(Auc(4) > 0.95);
        });
    }

    [Fact]
    public void Mcc_exposes_the_always_negative_model_that_accuracy_flatters()
    {
        Seeds.Every(seed =>
        {
            var d = SimulatedScores.Make(1000, 0.05, 2.5, seed: 2 + seed);
            Assert.Equal(0, Classification.Mcc(d.Labels, new int[d.Count]));
            Assert.True(Classification.Mcc(d.Labels, Ranking.Predict(d.Scores, 0.6)) > 0.3);
        });
    }

    [Fact]
    public void Macro_average_drops_below_micro_when_a_rare_class_is_missed()
    {
        int[] y = [.. Enumerable.Repeat(0, 90), .. Enumerable.Repeat(1, 10)];
        int[] p = [.. Enumerable.Repeat(0, 90), .. Enumerable.Repeat(0, 10)];   // the rare class is never found
        Assert.Equal(0.9, Classification.F1(y, p, Average.Micro), 12);
        Assert.True(Classification.F1(y, p, Average.Macro) < 0.5);
        Assert.True(Classification.F1(y, p, Average.Weighted) > Classification.F1(y, p, Average.Macro));
    }

    [Fact]
    public void An_outlier_moves_rmse_more_than_mae_and_huber_in_between()
    {
        Seeds.Every(seed =>
        {
            var rng = new Random(6 + seed);
            double[] y = Enumerable.Range(0, 50).Select(_ => 10 + 3 * rng.NextDouble()).ToArray();
            double[] yHat = y.Select(v => v + (rng.NextDouble() - 0.5)).ToArray();
            double[] withOutlier = (double[])yHat.Clone();
            withOutlier[0] += 30;
            double mae = Regression.Mae(y, withOutlier) / Regression.Mae(y, yHat);
            double rmse = Regression.Rmse(y, withOutlier) / Regression.Rmse(y, yHat);
            double huberGrowth = Regression.Huber(y, withOutlier) - Regression.Huber(y, yHat);
            double mseGrowth = Regression.Mse(y, withOutlier) - Regression.Mse(y, yHat);
            Assert.True(rmse > mae, $"RMSE grew ×{rmse:F2}, MAE ×{mae:F2}");
            Assert.True(huberGrowth < mseGrowth / 10);
            Assert.True(Regression.R2(y, withOutlier) < Regression.R2(y, yHat));
        });
    }

    static readonly double[][] FourCentres = [[0, 0], [8, 0], [0, 8], [8, 8]];

    [Fact]
    public void Elbow_and_silhouette_pick_the_true_k_on_well_separated_blobs()
    {
        Seeds.Every(seed =>
        {
            var (x, _) = ClusterData.MakeBlobs(200, FourCentres, std: 0.8, seed: 7 + seed);
            var ks = Enumerable.Range(1, 7).ToArray();
            var elbow = KMeans.Elbow(x, ks, nInit: 4, seed: seed);
            Assert.Equal(4, KMeans.ElbowK(elbow));
            var sil = ks.Where(k => k >= 2).Select(k => (k, s: ClusterScores.Silhouette(x, KMeans.Fit(x, k, nInit: 4, seed: seed).Labels))).ToList();
            Assert.Equal(4, sil.MaxBy(t => t.s).k);
            Assert.True(elbow.Zip(elbow.Skip(1)).All(p => p.Second.Inertia <= p.First.Inertia), "inertia never rises with k");
        });
    }

    [Fact]
    public void True_clusters_score_better_than_random_labels_on_both_indices()
    {
        Seeds.Every(seed =>
        {
            var (x, y) = ClusterData.MakeBlobs(150, FourCentres, std: 1.0, seed: 8 + seed);
            var rng = new Random(8 + seed);
            int[] random = y.Select(_ => rng.Next(4)).ToArray();
            Assert.True(ClusterScores.Silhouette(x, y) > 0.5);
            Assert.True(Math.Abs(ClusterScores.Silhouette(x, random)) < 0.1);
            Assert.True(ClusterScores.DaviesBouldin(x, y) < ClusterScores.DaviesBouldin(x, random));
            var model = KMeans.Fit(x, 4, seed: seed);
            Assert.Equal(1.0, Classification.Accuracy(y, Remap(model.Labels, y)), 12);
        });
    }

    /// <summary>Renames each cluster after the majority true label inside it.</summary>
    static int[] Remap(int[] clusters, int[] truth)
    {
        var map = clusters.Distinct().ToDictionary(c => c, c => clusters.Zip(truth).Where(p => p.First == c).GroupBy(p => p.Second).MaxBy(g => g.Count())!.Key);
        return clusters.Select(c => map[c]).ToArray();
    }

    [Fact]
    public void Threshold_explorer_has_one_frame_and_slider_step_per_threshold()
    {
        var d = SimulatedScores.Make(200, 0.4, 2, seed: 9);
        double[] th = [0.2, 0.35, 0.5, 0.65, 0.8];
        var fig = MetricPlots.ThresholdExplorer(d.Labels, d.Scores, th, start: 0.5);
        Assert.Equal(th.Length, fig.Frames.Count);
        var slider = fig.Layout["sliders"]![0]!;
        Assert.Equal(th.Length, slider["steps"]!.AsArray().Count);
        Assert.Equal(2, slider["active"]!.GetValue<int>());
        Assert.Equal(4, fig.Frames[0]!["data"]!.AsArray().Count);   // the two markers and their two readouts
    }

    [Fact]
    public void Confusion_matrix_chart_keeps_its_axis_titles_clear_of_the_title_and_its_class_names_whole()
    {
        var cm = MetricPlots.ConfusionMatrix(Classification.ConfusionMatrix([0, 0, 1, 1, 1], [0, 1, 1, 1, 0]), ["negative", "positive"]);
        var trace = cm.Data[0]!;
        Assert.Equal("heatmap", trace["type"]!.GetValue<string>());
        Assert.Equal(["negative", "positive"], trace["x"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["negative", "positive"], trace["y"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(cm.Layout["xaxis"]!["side"]);                        // "top" put "predicted class" on the chart title
        Assert.True(cm.Layout["yaxis"]!["automargin"]!.GetValue<bool>()); // without it "true negative" was cut to "ue negative"
        ChartRules.AssertLargestValueIsDarkest(cm);                       // plotly's "Blues" not reversed drew the biggest count palest
        ChartRules.AssertEveryHeatmapHasAColourKey(cm);
    }
}
