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
        new(model, optim.Adam(model.parameters(), lr: lr), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = 0 };

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

[Collection(TorchCollection.Name)]
public class TrainerCallbackTests
{
    static (Tensor X, Tensor Y) Moons(int n, int seed) => ToyData.MakeMoons(n, 0.25, seed).ToTensors();

    static Trainer Adam(nn.Module<Tensor, Tensor> model, double lr = 0.01) =>
        new(model, optim.Adam(model.parameters(), lr: lr), nn.CrossEntropyLoss()) { BatchSize = 32, Seed = 0 };

    static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kit-trainer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Early_stopping_stops_before_max_epochs_and_restores_the_best_weights()
    {
        // A big network on 60 noisy points: validation loss bottoms out early, then rises.
        var (x, y) = Moons(60, 1);
        var (xv, yv) = Moons(200, 2);
        var model = Nets.Mlp(2, [128, 128], 2, seed: 0);
        var es = new EarlyStopping(Quantity.ValLoss, patience: 5);
        var trainer = Adam(model, 0.01);
        trainer.Callbacks.Add(es);
        var h = trainer.Fit(x, y, epochs: 300, xv, yv);
        Assert.NotNull(es.StoppedEpoch);
        Assert.True(h.Count < 300, $"ran {h.Count} epochs");
        Assert.Equal(es.BestEpoch + 5, es.StoppedEpoch);
        Assert.True(es.Restored);
        Assert.Equal(h.ValLoss.Min(), es.BestValue);
        Assert.Equal(es.BestValue, trainer.Evaluate(xv, yv).Loss, 5);
        Assert.True(h.ValLoss[^1] > es.BestValue);
    }

    [Fact]
    public void Early_stopping_arguments_are_checked()
    {
        Assert.Equal("patience", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(patience: 0)).ParamName);
        Assert.Equal("minDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping(minDelta: -1)).ParamName);
        var (x, y) = Moons(40, 1);
        var trainer = Adam(Nets.Mlp(2, [4], 2, seed: 0));
        trainer.Callbacks.Add(new EarlyStopping(Quantity.ValLoss));
        var e = Assert.Throws<InvalidOperationException>(() => trainer.Fit(x, y, 3));
        Assert.Contains("validation data", e.Message);
    }

    [Fact]
    public void Resuming_from_a_checkpoint_continues_exactly_like_an_uninterrupted_run()
    {
        var (x, y) = Moons(128, 1);
        var (xv, yv) = Moons(64, 2);
        // Dropout and SGD momentum: both the random stream and the optimizer state must be restored.
        Trainer Make() { var m = Nets.Mlp(2, [16, 16], 2, dropout: 0.2, seed: 0); return new Trainer(m, optim.SGD(m.parameters(), learningRate: 0.05, momentum: 0.9), nn.CrossEntropyLoss()) { BatchSize = 16 }; }

        var straight = Make();
        var full = straight.Fit(x, y, 6, xv, yv);

        var path = Path.Combine(TempDir(), "run.kit");
        var first = Make();
        first.Fit(x, y, 3, xv, yv);
        first.SaveCheckpoint(path);
        var resumed = Make();
        resumed.LoadCheckpoint(path);
        Assert.Equal(3, resumed.Epoch);
        Assert.Equal(3, resumed.History.Count);
        var h = resumed.Fit(x, y, 6, xv, yv);
        Assert.Equal(6, h.Count);
        Assert.Equal(full.TrainLoss, h.TrainLoss);
        Assert.Equal(full.ValLoss, h.ValLoss);
        Assert.Equal(straight.Step, resumed.Step);
    }

    [Fact]
    public void A_scheduler_is_stepped_each_epoch_and_resumed_at_the_right_rate()
    {
        var (x, y) = Moons(64, 1);
        Trainer Make()
        {
            var m = Nets.Mlp(2, [8], 2, seed: 0);
            var opt = optim.SGD(m.parameters(), learningRate: 0.1);
            return new Trainer(m, opt, nn.CrossEntropyLoss(), optim.lr_scheduler.StepLR(opt, step_size: 2, gamma: 0.5));
        }
        var t = Make();
        var h = t.Fit(x, y, 5);
        Assert.Equal(new[] { 0.1, 0.1, 0.05, 0.05, 0.025 }, h.LearningRates.Select(v => Math.Round(v, 6)));
        var path = Path.Combine(TempDir(), "sched.kit");
        var a = Make();
        a.Fit(x, y, 3);
        a.SaveCheckpoint(path);
        var b = Make();
        b.LoadCheckpoint(path);
        var hb = b.Fit(x, y, 5);
        Assert.Equal(h.LearningRates.Select(v => Math.Round(v, 6)), hb.LearningRates.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Model_checkpoint_saves_the_best_epoch_and_Inspect_reads_it()
    {
        var (x, y) = Moons(60, 1);
        var (xv, yv) = Moons(200, 2);
        var path = Path.Combine(TempDir(), "best.kit");
        var cp = new ModelCheckpoint(path, saveBestOnly: true);
        var trainer = Adam(Nets.Mlp(2, [64, 64], 2, seed: 0));
        trainer.Callbacks.Add(cp);
        var h = trainer.Fit(x, y, 40, xv, yv);
        int best = Array.IndexOf(h.ValLoss, h.ValLoss.Min()) + 1;
        Assert.Equal(best, cp.SavedEpoch);
        var info = Checkpoint.Inspect(path);
        Assert.Equal(best, info.Epoch);
        Assert.Contains("fc1.weight [64, 2]", info.Tensors);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused_with_the_difference_named()
    {
        var path = Path.Combine(TempDir(), "small.kit");
        var (x, y) = Moons(32, 1);
        var small = Adam(Nets.Mlp(2, [8], 2, seed: 0));
        small.Fit(x, y, 1);
        small.SaveCheckpoint(path);
        var wide = Adam(Nets.Mlp(2, [16], 2, seed: 0));
        var e = Assert.Throws<ArgumentException>(() => wide.LoadCheckpoint(path));
        Assert.Equal("path", e.ParamName);
        Assert.Contains("another architecture", e.Message);
        Assert.Contains("fc1.weight", e.Message);
        Assert.Contains("[8, 2]", e.Message);
        Assert.Contains("[16, 2]", e.Message);
        Assert.Equal(0, wide.Epoch);

        var notCkpt = Path.Combine(TempDir(), "junk.kit");
        File.WriteAllText(notCkpt, "hello");
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => wide.LoadCheckpoint(notCkpt)).ParamName);
    }

    sealed class FailingStream(Stream inner, long failAfter) : Stream
    {
        long _written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > failAfter) throw new IOException("simulated crash: disk full");
            inner.Write(buffer, offset, count);
            _written += count;
        }
    }

    [Fact]
    public void A_crash_while_writing_a_checkpoint_leaves_the_previous_one_intact()
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "run.kit");
        var (x, y) = Moons(64, 1);
        var trainer = Adam(Nets.Mlp(2, [32], 2, seed: 0));
        trainer.Fit(x, y, 2);
        trainer.SaveCheckpoint(path);
        var before = File.ReadAllBytes(path);

        trainer.Fit(x, y, 4);
        var e = Assert.Throws<IOException>(() => Checkpoint.Save(trainer, path, s => new FailingStream(s, failAfter: 500)));
        Assert.Contains("simulated crash", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir)); // no temporary file left behind

        var fresh = Adam(Nets.Mlp(2, [32], 2, seed: 0));
        fresh.LoadCheckpoint(path);
        Assert.Equal(2, fresh.Epoch);
    }

    [Fact]
    public void Gradient_norm_monitor_records_one_norm_per_layer_and_epoch()
    {
        var (x, y) = Moons(64, 1);
        var monitor = new GradientNormMonitor();
        var trainer = Adam(Nets.Mlp(2, [8, 8], 2, seed: 0));
        trainer.Callbacks.Add(monitor);
        trainer.Fit(x, y, 3);
        Assert.Equal(new[] { "fc1", "fc2", "out" }, monitor.Layers);
        foreach (var layer in monitor.Layers)
        {
            var norms = monitor.Norms(layer);
            Assert.Equal(3, norms.Length);
            Assert.All(norms, n => Assert.True(n > 0 && double.IsFinite(n)));
        }
        // By hand for one batch: ‖∇fc1‖ = sqrt(‖∇W‖² + ‖∇b‖²).
        var model = Nets.Mlp(2, [8, 8], 2, seed: 0);
        var one = new GradientNormMonitor();
        var t = new Trainer(model, optim.SGD(model.parameters(), learningRate: 1e-9), nn.CrossEntropyLoss()) { BatchSize = 64, Shuffle = false };
        t.Callbacks.Add(one);
        t.Fit(x, y, 1);
        var check = Nets.Mlp(2, [8, 8], 2, seed: 0);
        nn.functional.cross_entropy(check.call(x), y).backward();
        var fc1 = check.named_parameters().Where(p => p.name.StartsWith("fc1.")).Sum(p => p.parameter.grad!.pow(2).sum().item<float>());
        Assert.Equal(Math.Sqrt(fc1), one.Norms("fc1")[0], 4);
    }

    [Fact]
    public void Memory_stays_flat_over_epochs()
    {
        var (x, y) = Moons(256, 1);
        var (xv, yv) = Moons(64, 2);
        var trainer = Adam(Nets.Mlp(2, [32, 32], 2, dropout: 0.1, seed: 0));
        trainer.Callbacks.Add(new GradientNormMonitor());
        trainer.Callbacks.Add(new EarlyStopping(Quantity.ValLoss, patience: 1000));
        var live = new List<long>();
        var stats = DisposeScopeManager.Statistics;
        trainer.Progress = new SyncProgress(_ => { GC.Collect(); GC.WaitForPendingFinalizers(); live.Add(stats.ThreadTotalLiveCount); });
        trainer.Fit(x, y, 20, xv, yv);
        // After the first epochs (optimizer state and snapshots allocated), the count of live tensors does not grow.
        Assert.True(live[^1] - live[4] <= 2, $"live tensors per epoch: {string.Join(", ", live)}");
    }

    sealed class SyncProgress(Action<EpochLog> report) : IProgress<EpochLog>
    {
        public void Report(EpochLog value) => report(value);
    }

    [Fact]
    public void Progress_is_told_about_every_epoch()
    {
        var (x, y) = Moons(64, 1);
        var seen = new List<int>();
        var trainer = Adam(Nets.Mlp(2, [4], 2, seed: 0));
        trainer.Progress = new SyncProgress(l => seen.Add(l.Epoch));
        trainer.Fit(x, y, 4);
        Assert.Equal(new[] { 1, 2, 3, 4 }, seen);
        Assert.Equal(4, trainer.TargetEpochs);
    }
}

[Collection(TorchCollection.Name)]
public class TrainerInputTests
{
    static Trainer Make(int inputs = 2, int outputs = 2)
    {
        var m = Nets.Mlp(inputs, [4], outputs, seed: 0);
        return new Trainer(m, optim.SGD(m.parameters(), learningRate: 0.1), outputs == 1 ? (nn.Module<Tensor, Tensor, Tensor>)nn.MSELoss() : nn.CrossEntropyLoss());
    }

    [Fact]
    public void Bad_sizes_and_rates_name_the_argument()
    {
        var m = Nets.Mlp(2, [4], 2, seed: 0);
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Make().BatchSize = 0).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(zeros(4, 2), zeros(4), 0)).ParamName);
        var zeroLr = optim.SGD(m.parameters(), learningRate: 0.1);
        foreach (var g in zeroLr.ParamGroups) g.LearningRate = 0;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(m, zeroLr, nn.CrossEntropyLoss()));
        Assert.Equal("optimizer", e.ParamName);
        Assert.Contains("learning rate", e.Message);
        var (x, y) = ToyData.MakeMoons(8, 0.1, 0).ToTensors();
        Assert.Equal("epochs", Assert.Throws<ArgumentOutOfRangeException>(() => Make().Fit(x, y, 0)).ParamName);
    }

    [Fact]
    public void An_empty_data_set_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Make().Fit(zeros(0, 2), zeros(0, dtype: ScalarType.Int64), 1));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Shape_mismatches_name_the_shapes()
    {
        var (x, y) = ToyData.MakeMoons(8, 0.1, 0).ToTensors();
        var rows = Assert.Throws<ArgumentException>(() => Make().Fit(x, y.narrow(0, 0, 5), 1));
        Assert.Equal("y", rows.ParamName);
        Assert.Contains("[8, 2]", rows.Message);
        Assert.Contains("[5]", rows.Message);

        var features = Assert.Throws<ArgumentException>(() => Make(inputs: 3).Fit(x, y, 1));
        Assert.Equal("x", features.ParamName);
        Assert.Contains("[8, 2]", features.Message);

        var yFloat = y.to(ScalarType.Float32);
        var target = Assert.Throws<ArgumentException>(() => Make(outputs: 1).Fit(x, yFloat, 1));
        Assert.Equal("y", target.ParamName);
        Assert.Contains("[8, 1]", target.Message);
        Assert.Contains("[8]", target.Message);

        var val = Assert.Throws<ArgumentException>(() => Make().Fit(x, y, 1, zeros(4, 3), zeros(4, dtype: ScalarType.Int64)));
        Assert.Equal("xVal", val.ParamName);
        Assert.Contains("[4, 3]", val.Message);

        Assert.Equal("yVal", Assert.Throws<ArgumentException>(() => Make().Fit(x, y, 1, x, null)).ParamName);
    }

    [Fact]
    public void A_diverging_run_stops_and_is_flagged()
    {
        var (x, y) = ToyData.MakeMoons(64, 0.1, 0).ToTensors();
        var m = Nets.Mlp(2, [16], 1, seed: 0);
        var yf = y.to(ScalarType.Float32).reshape(-1, 1) * 1e6f;
        var t = new Trainer(m, optim.SGD(m.parameters(), learningRate: 10), nn.MSELoss()) { BatchSize = 64 };
        var h = t.Fit(x, yf, 50);
        Assert.True(h.Diverged);
        Assert.True(h.Count < 50);
        Assert.Null(h.Last!.TrainMetric); // float targets: no accuracy by default
        Assert.Contains("null", TrainingPlots.Curves(h).ToJson()); // NaN/∞ drawn as gaps, JSON stays valid
    }
}

public class AccuracyMetricTests
{
    [Fact]
    public void Accuracy_counts_argmax_hits_per_step_and_skips_labels_of_minus_100_as_cross_entropy_does()
    {
        // Two sequences of two steps, three classes. Worked by hand: predictions [0, 2] and [1, 1];
        // labels [0, 1] and [1, −100]: 2 hits of 3 scored steps.
        var logits = tensor(new float[] { 5, 0, 0, 0, 0, 5, 0, 5, 0, 0, 5, 0 }, [2, 2, 3]);
        var labels = tensor(new long[] { 0, 1, 1, -100 }, [2, 2]);
        Assert.Equal(2 / 3.0, Metric.Accuracy.Compute(logits, labels).item<float>(), 5);
        // One logit per example: logit > 0 means class 1.
        Assert.Equal(0.5, Metric.Accuracy.Compute(tensor(new float[] { 2, -1 }), tensor(new long[] { 0, 0 })).item<float>(), 5);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => Metric.Accuracy.Compute(logits, tensor(new long[] { 0, 1 }))).ParamName);
    }
}
