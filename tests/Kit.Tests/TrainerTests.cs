using Kit.Data;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Tests;

[Collection(TorchCollection.Name)]
public class TrainerTests
{
    static (Tensor X, Tensor Y) Moons(int n = 256, int seed = 1) => ToyData.MakeMoons(n, 0.2, seed).ToTensors();

    static Trainer NewTrainer(nn.Module<Tensor, Tensor> model, double lr = 0.01) =>
        new(model, optim.Adam(model.parameters(), lr: lr), Losses.CrossEntropy) { BatchSize = 32, Seed = 0 };

    [Fact]
    public void Fit_lowers_the_loss_and_records_train_and_validation_history()
    {
        var (x, y) = Moons();
        var (xv, yv) = Moons(128, seed: 2);
        var model = Nets.Mlp(2, [16], 2, seed: 0);
        var trainer = NewTrainer(model);
        var h = trainer.Fit(x, y, epochs: 15, xv, yv);
        Assert.Equal(15, h.Count);
        Assert.Equal(15, trainer.Epoch);
        Assert.Equal(15L * 8, trainer.Step); // 256 / 32 = 8 batches per epoch
        Assert.True(h.TrainLoss[^1] < h.TrainLoss[0]);
        Assert.True(h.ValLoss[^1] < h.ValLoss[0]);
        Assert.Equal("accuracy", h.Last!.MetricName);
        Assert.True(h.Last.ValMetric > 0.8, h.ToString());
        var eval = trainer.Evaluate(xv, yv);
        Assert.Equal(h.Last.ValLoss!.Value, eval.Loss, 6);
    }

    [Fact]
    public void Same_seed_gives_the_same_run_and_another_seed_another_order()
    {
        var (x, y) = Moons();
        double[] Run(int seed)
        {
            var model = Nets.Mlp(2, [16], 2, dropout: 0.2, seed: 0);
            var t = NewTrainer(model);
            t.Seed = seed;
            return t.Fit(x, y, epochs: 3).TrainLoss;
        }
        Assert.Equal(Run(0), Run(0));
        Assert.NotEqual(Run(0), Run(1));
        Assert.NotEqual(DataLoader.Permutation(50, 0, 1), DataLoader.Permutation(50, 0, 2));
    }

    [Fact]
    public void DataLoader_covers_every_example_once_per_epoch_with_a_short_last_batch()
    {
        var x = arange(10, dtype: ScalarType.Float32).reshape(10, 1);
        var y = arange(10, dtype: ScalarType.Int64);
        var loader = new DataLoader(x, y, batchSize: 4, shuffle: true, seed: 3);
        Assert.Equal(3, loader.BatchesPerEpoch);
        var batches = loader.Batches(1).ToList();
        Assert.Equal(new long[] { 4, 4, 2 }, batches.Select(b => b.X.shape[0]));
        var seen = batches.SelectMany(b => b.Y.data<long>().ToArray()).OrderBy(v => v).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), seen);
        foreach (var (bx, by) in batches) Assert.Equal(by.data<long>().ToArray(), bx.reshape(-1).to(ScalarType.Int64).data<long>().ToArray());
    }
}
