using Kit.Cnn;
using Kit.Tests.Lessons;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Kit.Tests;

public class ConvolutionByHandTests
{
    [Fact]
    public void A_sobel_filter_responds_to_a_vertical_edge_and_not_to_flat_regions()
    {
        var image = new double[5, 6];
        for (int r = 0; r < 5; r++) for (int c = 3; c < 6; c++) image[r, c] = 1; // dark left half, bright right half
        var edges = Convolution.CrossCorrelate(image, Filters.SobelX);
        Assert.Equal(3, edges.GetLength(0));
        Assert.Equal(4, edges.GetLength(1));
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(0, edges[r, 0]);   // flat dark
            Assert.Equal(4, edges[r, 1]);   // the edge: (1+2+1) × (1 − 0)
            Assert.Equal(4, edges[r, 2]);
            Assert.Equal(0, edges[r, 3]);   // flat bright
        }
        Assert.All(Convolution.CrossCorrelate(image, Filters.SobelY).ToRows().SelectMany(r => r), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Pooling_by_hand_keeps_the_maximum_or_the_mean_of_each_window()
    {
        var x = Convolution.FromRows([[1, 2, 0, 0], [3, 4, 0, 8], [5, 5, 1, 1], [5, 5, 1, 1]]);
        Assert.Equal(new double[] { 4, 8, 5, 1 }, Pooling.Max(x).ToRows().SelectMany(r => r));
        Assert.Equal(new double[] { 2.5, 2, 5, 1 }, Pooling.Average(x).ToRows().SelectMany(r => r));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("kernel", Assert.Throws<ArgumentException>(() => Convolution.CrossCorrelate(new double[2, 2], new double[3, 3])).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => Convolution.CrossCorrelate(new double[4, 4], Filters.SobelX, stride: 0)).ParamName);
        Assert.Equal("image", Assert.Throws<ArgumentException>(() => Convolution.CrossCorrelate(new double[0, 0], Filters.SobelX)).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Pooling.Max(new double[4, 4], 0)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => Convolution.FromRows([[1, 2], [3]])).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Filters.TestImage(4)).ParamName);
    }
}

[Collection(TorchCollection.Name)]
public class ConvolutionAgainstTorchTests
{
    [Fact]
    public void The_output_size_formula_equals_torchs_output_shape_over_a_grid()
    {
        int checkedCases = 0;
        foreach (var n in new[] { 5, 8, 13, 28 })
            foreach (var k in new[] { 1, 2, 3, 5 })
                foreach (var s in new[] { 1, 2, 3 })
                    foreach (var p in new[] { 0, 1, 2 })
                    {
                        if (n + 2 * p < k) continue;
                        Assert.Equal(ConvShapes.TorchOutputSize(n, k, s, p), ConvShapes.OutputSize(n, k, s, p));
                        checkedCases++;
                    }
        Assert.Equal(144, checkedCases);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void The_hand_convolution_equals_F_conv2d(int stride, int padding)
    {
        var rng = new Random(7);
        var image = new double[9, 11];
        for (int r = 0; r < 9; r++) for (int c = 0; c < 11; c++) image[r, c] = rng.NextDouble() * 2 - 1;
        var kernel = Filters.SobelX;
        kernel[1, 1] = 0.5; // not symmetric in any way: a flipped kernel would not match

        var byHand = Convolution.CrossCorrelate(image, kernel, stride, padding);
        var x = tensor(image.ToRows().SelectMany(r => r).ToArray(), [1, 1, 9, 11]);
        var w = tensor(kernel.ToRows().SelectMany(r => r).ToArray(), [1, 1, 3, 3]);
        var torchOut = F.conv2d(x, w, strides: [stride, stride], padding: [padding, padding])[0, 0];
        Assert.Equal(torchOut.shape, new long[] { byHand.GetLength(0), byHand.GetLength(1) });
        var expected = torchOut.data<double>().ToArray();
        var actual = byHand.ToRows().SelectMany(r => r).ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact]
    public void Pooling_by_hand_equals_torchs_max_and_average_pooling()
    {
        var rng = new Random(3);
        var grid = new double[6, 6];
        for (int r = 0; r < 6; r++) for (int c = 0; c < 6; c++) grid[r, c] = rng.NextDouble();
        var x = tensor(grid.ToRows().SelectMany(r => r).ToArray(), [1, 1, 6, 6]);
        Assert.Equal(F.max_pool2d(x, [2, 2]).data<double>().ToArray(), Pooling.Max(grid).ToRows().SelectMany(r => r).ToArray());
        var avg = F.avg_pool2d(x, [2, 2]).data<double>().ToArray();
        var mine = Pooling.Average(grid).ToRows().SelectMany(r => r).ToArray();
        for (int i = 0; i < avg.Length; i++) Assert.Equal(avg[i], mine[i], 1e-12);
    }

    [Fact]
    public void Parameter_counts_follow_the_formulas()
    {
        var cnn = Lesson02.Cnn(10, seed: 0);
        long expected = ConvShapes.ConvParameters(1, 8, 3) + ConvShapes.ConvParameters(8, 16, 3) + ConvShapes.DenseParameters(64, 10);
        Assert.Equal(1898, expected);
        Assert.Equal(expected, ConvShapes.ParameterCount(cnn));
        Assert.Equal(ConvShapes.DenseParameters(64, 64) + ConvShapes.DenseParameters(64, 10), ConvShapes.ParameterCount(Lesson02.Mlp(64, seed: 0)));
    }
}

[Collection(TorchCollection.Name)]
public class DigitCnnClaimTests
{
    static readonly Lazy<(DigitSet Train, DigitSet Test)> Data = new(() => DigitSet.Load().Split(0.7, seed: 0));

    static Trainer Train(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int seed)
    {
        var trainer = new Trainer(model, optim.Adam(model.parameters(), lr: 0.01), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = seed };
        trainer.Fit(x, y, epochs: 20);
        return trainer;
    }

    [Fact]
    public void The_small_cnn_matches_the_mlp_with_fewer_than_half_the_parameters_and_copes_far_better_with_shifted_digits()
    {
        Seeds.Every(seed =>
        {
            var (train, test) = DigitSet.Load().Split(0.7, seed: seed);
            var (x, y) = train.ToTensors();
            var (xt, yt) = test.ToTensors();
            var cnn = Train(Lesson02.Cnn(10, seed), x, y, seed);
            var mlp = Train(Lesson02.Mlp(64, seed), x, y, seed);
            double cnnAcc = cnn.Evaluate(xt, yt).Metric!.Value, mlpAcc = mlp.Evaluate(xt, yt).Metric!.Value;
            long cnnParams = ConvShapes.ParameterCount(cnn.Model), mlpParams = ConvShapes.ParameterCount(mlp.Model);
            Assert.True(cnnParams * 2 < mlpParams);
            // On centred 8 × 8 digits both are near the ceiling: the CNN is not reliably more accurate, but it gets
            // there with far fewer weights (more accuracy per parameter).
            Assert.True(cnnAcc > 0.94 && mlpAcc > 0.94, $"CNN {cnnAcc:P2}, MLP {mlpAcc:P2}");
            Assert.True(cnnAcc / cnnParams > 2 * mlpAcc / mlpParams);
            // Shifted one pixel sideways, the CNN (shared filters + pooling) keeps much more of its accuracy.
            double Shifted(Trainer t) => new[] { -1, 1 }.Average(dx =>
            {
                var (xs, ys) = test.Shifted(dx, 0).ToTensors();
                return t.Evaluate(xs, ys).Metric!.Value;
            });
            double cnnShift = Shifted(cnn), mlpShift = Shifted(mlp);
            Assert.True(cnnShift > mlpShift + 0.08, $"shifted: CNN {cnnShift:P1} vs MLP {mlpShift:P1}");
        });
    }

    [Fact]
    public void Shifting_moves_every_pixel_and_fills_with_background()
    {
        var one = new DigitSet([Enumerable.Range(0, 64).Select(i => (double)i).ToArray()], [3]);
        var right = one.Shifted(1, 0).Image(0);
        Assert.Equal(0, right[0, 0]);
        Assert.Equal(0, right[5, 0]);            // moved in from outside
        Assert.Equal(40, right[5, 1]);           // was (5, 0)
        Assert.Equal(5 * 8 + 6, right[5, 7]);    // was (5, 6)
        var up = one.Shifted(0, -1).Image(0);
        Assert.Equal(8, up[0, 0]);
        Assert.Equal(0, up[7, 3]);
        Assert.Equal("dx", Assert.Throws<ArgumentOutOfRangeException>(() => one.Shifted(5, 0)).ParamName);
    }

    [Fact]
    public void Frozen_conv_layers_do_not_change_and_pretrained_features_usually_beat_random_ones()
    {
        var (train, test) = Data.Value;
        var runs = new Dictionary<int, TransferResult>();
        Seeds.Every(seed =>
        {
            var r = runs[seed] = TransferLearning.Run(train, test, Lesson02.CnnBuilder, [0, 1, 2, 3, 4], [5, 6, 7, 8, 9], targetPerClass: 5,
                pretrainEpochs: 10, fineTuneEpochs: 30, seed: seed);
            Assert.True(r.FrozenLayersUnchanged);
            Assert.Equal(25, r.TargetTrainExamples);
            Assert.Equal(ConvShapes.DenseParameters(64, 5), r.TransferTrainableParameters);
            Assert.True(r.TransferTrainableParameters * 4 < r.ScratchTrainableParameters);
            Assert.True(r.SourceTestAccuracy > 0.95, r.ToString());
        });
        Seeds.AtLeast(0.6, "random 3 × 3 filters with ReLU and pooling are already fair stroke detectors on 8 × 8 digits, so at some seeds " +
            "(3 of 8 in a sweep) they come within 2 points of the pre-trained ones; over 8 seeds the pre-trained filters lead by 12 points on average",
            seed => Assert.True(runs[seed].TransferTestAccuracy > runs[seed].RandomFeaturesTestAccuracy + 0.03, runs[seed].ToString()));
        // Not claimed: transfer beating a CNN trained from scratch. On 8×8 digits a small CNN learns so fast from 25 images
        // that the two come out about level, with transfer training 1/5 of the weights.
        Seeds.AtLeast(0.6, "from 25 images the result swings by several points with the seed; at one seed in 8 scratch was 14 points ahead",
            seed => Assert.True(runs[seed].TransferTestAccuracy > runs[seed].ScratchTestAccuracy - 0.06, runs[seed].ToString()));
    }

    [Fact]
    public void Feature_maps_and_filters_have_the_expected_shapes()
    {
        var (train, _) = Data.Value;
        var cnn = Lesson02.Cnn(10, seed: 0);
        var (x, _) = train.ToTensors();
        var maps = ConvNet.FeatureMaps(cnn, x[0], layers: 2);
        Assert.Equal(8, maps.Count);
        Assert.All(maps, m => { Assert.Equal(8, m.GetLength(0)); Assert.All(m.ToRows().SelectMany(r => r), v => Assert.True(v >= 0)); }); // after ReLU
        Assert.Equal(4, ConvNet.FeatureMaps(cnn, x[0], layers: 3)[0].GetLength(0)); // after the 2 × 2 pool
        Assert.Equal(3, ConvNet.FirstLayerFilters(cnn)[0].GetLength(1));
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => ConvNet.FeatureMaps(cnn, x[0], layers: 7)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentException>(() => Heads.WithNewHead(nn.Sequential(("flatten", nn.Flatten()), ("relu", nn.ReLU())), 5)).ParamName);
    }
}

public class CnnPlotsTests
{
    [Fact]
    public void The_transfer_bars_have_a_y_title_and_their_values_written_on_them()
    {
        var result = new TransferResult([0, 1, 2, 3, 4], [5, 6, 7, 8, 9], 25, 0.98, 0.712, 0.5, 0.3, 10, 100, true);
        var fig = CnnPlots.TransferAccuracy(result);
        Assert.Equal("test accuracy on 5–9", fig.Layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Digits 5–9 from 25 training images", fig.Layout["title"]!["text"]!.GetValue<string>());
        Assert.Equal(["71.2%", "50.0%", "30.0%"], fig.Data[0]!["text"]!.AsArray().Select(t => t!.GetValue<string>().Replace(" ", "")));
    }

    [Fact]
    public void Grids_draws_one_heatmap_per_panel_on_its_own_axes()
    {
        var fig = CnnPlots.Grids([("a", new double[3, 3]), ("b", Filters.SobelX), ("c", Filters.SobelY)], columns: 2, colorscale: "RdBu", sharedScale: false);
        Assert.Equal(3, fig.Data.Count);
        Assert.Equal("x3", fig.Data[2]!["xaxis"]!.GetValue<string>());
        Assert.NotNull(fig.Layout["yaxis3"]);
        Assert.Equal(0.0, fig.Data[1]!["zmid"]!.GetValue<double>());
        Assert.Equal("panels", Assert.Throws<ArgumentException>(() => CnnPlots.Grids([])).ParamName);
        Assert.Equal("panels", Assert.Throws<ArgumentException>(() => CnnPlots.Grids([("big", new double[81, 2])])).ParamName);
    }
}
