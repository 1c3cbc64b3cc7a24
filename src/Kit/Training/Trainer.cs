using System.Diagnostics;
using System.Runtime.InteropServices;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// The PyTorch training loop, once: epochs of shuffled mini-batches, any TorchSharp optimizer and optional
/// learning-rate scheduler, a loss, a metric, validation after each epoch, callbacks (early stopping,
/// checkpoints, gradient norms, live charts) and a progress hook. Every batch runs in its own dispose scope,
/// so memory stays flat however long it trains.
/// <code>
/// var model = Nets.Mlp(64, [32], 10, seed: 0);                      // or any nn.Module&lt;Tensor, Tensor&gt;
/// var trainer = new Trainer(model, optim.Adam(model.parameters(), lr: 1e-3), nn.CrossEntropyLoss())
/// {
///     BatchSize = 32, Seed = 0,                                      // Metric defaults to accuracy for int64 labels
///     Callbacks = { new EarlyStopping(Quantity.ValLoss, patience: 5), new ModelCheckpoint("ckpt/best.kit") },
/// };
/// History h = trainer.Fit(xTrain, yTrain, epochs: 50, xVal, yVal);   // h.TrainLoss, h.ValLoss, h.ValMetric…
/// trainer.Evaluate(xTest, yTest);                                     // (Loss, Metric)
/// </code>
/// In a notebook, <c>Callbacks.Add(LiveDisplay.Chart())</c> redraws the curves as it trains (one output, updated).
/// Determinism: each epoch re-seeds torch (dropout masks) and the shuffle from (Seed, epoch), so a run resumed
/// from a checkpoint continues exactly like an uninterrupted one (on the same device and thread count).
/// </summary>
public sealed class Trainer
{
    int _batchSize = 32;
    int _evalBatchSize = 1024;

    /// <param name="model">the network; its parameters must already be on the device you train on (data is moved there batch by batch)</param>
    /// <param name="optimizer">any TorchSharp optimizer over the model's parameters, with a learning rate &gt; 0</param>
    /// <param name="loss">(output, target) → scalar loss averaged over the batch, e.g. <c>(o, t) =&gt; F.cross_entropy(o, t)</c></param>
    /// <param name="scheduler">optional learning-rate scheduler, stepped once after every epoch</param>
    public Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor> loss,
        optim.lr_scheduler.LRScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        foreach (var group in optimizer.ParamGroups)
            if (!double.IsFinite(group.LearningRate) || group.LearningRate <= 0)
                throw new ArgumentOutOfRangeException(nameof(optimizer), group.LearningRate,
                    "the optimizer's learning rate must be a finite number greater than 0 (it sets the size of each step).");
        Model = model;
        Optimizer = optimizer;
        Loss = loss;
        Scheduler = scheduler;
        KitTorch.Setup();
    }

    /// <summary>A trainer whose loss is one of PyTorch's loss modules, e.g. <c>nn.CrossEntropyLoss()</c> or <c>nn.MSELoss()</c>.</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> criterion,
        optim.lr_scheduler.LRScheduler? scheduler = null)
        : this(model, optimizer, (criterion ?? throw new ArgumentNullException(nameof(criterion))).call, scheduler)
    {
    }

    public nn.Module<Tensor, Tensor> Model { get; }
    public optim.Optimizer Optimizer { get; }
    public Func<Tensor, Tensor, Tensor> Loss { get; }
    public optim.lr_scheduler.LRScheduler? Scheduler { get; }

    /// <summary>Examples per optimizer step: 1 = stochastic (single-sample), n = full batch, in between = mini-batch.</summary>
    public int BatchSize
    {
        get => _batchSize;
        set => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "BatchSize must be at least 1.");
    }

    /// <summary>Examples per forward pass when evaluating (no gradients, so it can be larger).</summary>
    public int EvalBatchSize
    {
        get => _evalBatchSize;
        set => _evalBatchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(EvalBatchSize), value, "EvalBatchSize must be at least 1.");
    }

    /// <summary>Visit the training examples in a new random order each epoch (true, the usual) or in stored order.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Seeds the shuffle and torch's generator (dropout) at every epoch; null leaves torch's generator alone.</summary>
    public int? Seed { get; set; } = 0;

    /// <summary>Measured on training batches and validation data. Default: <see cref="Metric.Accuracy"/> when the
    /// targets are int64 class labels, none otherwise. Set null for no metric.</summary>
    public Metric? Metric { get; set; } = DefaultMetric;

    /// <summary>A regularisation term added to every batch's loss (e.g. λ·Σ|w|); the logged loss excludes it.</summary>
    public Func<Tensor>? Penalty { get; set; }

    /// <summary>Applied to each training batch of inputs before the forward pass (data augmentation); not to validation data.</summary>
    public Func<Tensor, Tensor>? TrainTransform { get; set; }

    public List<Callback> Callbacks { get; } = [];

    /// <summary>Told about every finished epoch (a progress line, a chart, a log).</summary>
    public IProgress<EpochLog>? Progress { get; set; }

    /// <summary>Epochs completed so far (including those restored from a checkpoint).</summary>
    public int Epoch { get; internal set; }

    /// <summary>The <c>epochs</c> argument of the running (or last) <see cref="Fit"/> call: the epoch training aims to reach.</summary>
    public int TargetEpochs { get; private set; }

    /// <summary>Optimizer steps completed so far.</summary>
    public long Step { get; internal set; }

    public History History { get; } = new();

    /// <summary>Set by a callback (or by you, from the progress hook) to stop after the current epoch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>The device of the model's parameters; batches are moved there.</summary>
    public Device Device => Model.parameters().FirstOrDefault()?.device ?? KitTorch.Device;

    /// <summary>The learning rate of the optimizer's first parameter group right now.</summary>
    public double LearningRate => Optimizer.ParamGroups.First().LearningRate;

    /// <summary>
    /// Trains until <paramref name="epochs"/> epochs are done in total (like Keras' <c>epochs</c>): a new trainer runs
    /// epochs 1…epochs; after <see cref="LoadCheckpoint"/> at epoch k it runs k+1…epochs. Stops early when a callback
    /// sets <see cref="StopTraining"/> or the loss becomes NaN/infinite (<see cref="History.Diverged"/>).
    /// Leaves the model in evaluation mode.
    /// </summary>
    /// <param name="x">training inputs, first dimension = examples</param>
    /// <param name="y">training targets: int64 class labels [n] for classification, or floats shaped like the output</param>
    /// <param name="epochs">total epochs, at least 1</param>
    /// <param name="xVal">optional validation inputs (same example shape as x)</param>
    /// <param name="yVal">validation targets, required with xVal</param>
    public History Fit(Tensor x, Tensor y, int epochs, Tensor? xVal = null, Tensor? yVal = null)
    {
        TrainerChecks.Pair(x, y, nameof(x), nameof(y));
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be at least 1.");
        if ((xVal is null) != (yVal is null))
            throw new ArgumentException("Pass both xVal and yVal for validation, or neither.", xVal is null ? nameof(xVal) : nameof(yVal));
        if (xVal is not null)
        {
            TrainerChecks.Pair(xVal, yVal, nameof(xVal), nameof(yVal));
            TrainerChecks.SameExampleShape(x, xVal, nameof(xVal));
        }
        var metric = ResolveMetric(y);
        var loader = new DataLoader(x, y, BatchSize, Shuffle, Seed ?? 0);
        var device = Device;
        StopTraining = false;
        TargetEpochs = epochs;

        foreach (var c in Callbacks) c.OnTrainBegin(this);
        while (Epoch < epochs && !StopTraining)
        {
            int epoch = Epoch + 1;
            if (Seed is int seed) KitTorch.Seed(DataLoader.EpochSeed(seed, epoch));
            Model.train();
            foreach (var c in Callbacks) c.OnEpochBegin(this, epoch);
            var clock = Stopwatch.StartNew();
            double lr = LearningRate;
            double trainLoss, trainMetric = double.NaN;
            using (var epochScope = NewDisposeScope())
            {
                var lossSum = zeros(1, ScalarType.Float64, device);
                var metricSum = zeros(1, ScalarType.Float64, device);
                using var batches = loader.Batches(epoch).GetEnumerator();
                while (true)
                {
                    using var batchScope = NewDisposeScope();
                    if (!batches.MoveNext()) break;
                    var (xb, yb) = batches.Current;
                    xb = xb.to(device);
                    yb = yb.to(device);
                    if (TrainTransform is not null) xb = TrainTransform(xb);
                    Optimizer.zero_grad();
                    var output = Forward(xb, x);
                    var loss = ComputeLoss(output, yb, y);
                    var total = Penalty is null ? loss : loss + Penalty();
                    total.backward();
                    foreach (var c in Callbacks) c.OnAfterBackward(this);
                    Optimizer.step();
                    Step++;
                    foreach (var c in Callbacks) c.OnBatchEnd(this);
                    long bs = xb.shape[0];
                    lossSum.add_(loss.detach().to(ScalarType.Float64) * bs);
                    if (metric is not null)
                        using (no_grad()) metricSum.add_(metric.Compute(output.detach(), yb).to(ScalarType.Float64) * bs);
                }
                long n = loader.Count;
                trainLoss = lossSum.item<double>() / n;
                if (metric is not null) trainMetric = metricSum.item<double>() / n;
            }
            Scheduler?.step();
            Epoch = epoch;
            double? valLoss = null, valMetric = null;
            if (xVal is not null && double.IsFinite(trainLoss))
            {
                var eval = Evaluate(xVal, yVal!, metric);
                valLoss = eval.Loss;
                valMetric = eval.Metric;
            }
            clock.Stop();
            var log = new EpochLog(epoch, trainLoss, metric is null ? null : trainMetric, valLoss, valMetric, lr, clock.Elapsed.TotalSeconds, metric?.Name);
            History.Add(log);
            if (!double.IsFinite(trainLoss))
            {
                History.Diverged = true;
                StopTraining = true;
            }
            foreach (var c in Callbacks) c.OnEpochEnd(this, log);
            Progress?.Report(log);
        }
        foreach (var c in Callbacks) c.OnTrainEnd(this);
        Model.eval();
        return History;
    }

    /// <summary>Loss and metric over a whole data set, in evaluation mode without gradients (dropout off, batch norm uses its running statistics).</summary>
    public EvalResult Evaluate(Tensor x, Tensor y) => Evaluate(x, y, ResolveMetric(y));

    EvalResult Evaluate(Tensor x, Tensor y, Metric? metric)
    {
        TrainerChecks.Pair(x, y, nameof(x), nameof(y));
        Model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var device = Device;
        var lossSum = zeros(1, ScalarType.Float64, device);
        var outputs = new List<Tensor>();
        long n = x.shape[0];
        for (long start = 0; start < n; start += EvalBatchSize)
        {
            long len = Math.Min(EvalBatchSize, n - start);
            var xb = x.narrow(0, start, len).to(device);
            var yb = y.narrow(0, start, len).to(device);
            var output = Forward(xb, x);
            lossSum.add_(ComputeLoss(output, yb, y).to(ScalarType.Float64) * len);
            if (metric is not null) outputs.Add(output);
        }
        double loss = lossSum.item<double>() / n;
        double? value = metric is null ? null : metric.Compute(cat(outputs, 0), y.to(device)).to(ScalarType.Float64).item<double>();
        return new EvalResult(loss, value, metric?.Name);
    }

    /// <summary>The model's outputs for every example (evaluation mode, no gradients), on the model's device.</summary>
    public Tensor Predict(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() < 1 || x.shape[0] == 0) throw new ArgumentException($"x must hold at least one example, not shape {TrainerChecks.Shape(x)}.", nameof(x));
        Model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < x.shape[0]; start += EvalBatchSize)
            parts.Add(Forward(x.narrow(0, start, Math.Min(EvalBatchSize, x.shape[0] - start)).to(Device), x));
        return cat(parts, 0).MoveToOuterDisposeScope();
    }

    /// <summary>Writes weights, optimizer state, epoch and history to <paramref name="path"/> atomically (see <see cref="Checkpoint"/>).</summary>
    public void SaveCheckpoint(string path) => Checkpoint.Save(this, path);

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/>; the next <see cref="Fit"/> continues from its epoch.</summary>
    public void LoadCheckpoint(string path) => Checkpoint.Load(this, path);

    Metric? ResolveMetric(Tensor y) =>
        ReferenceEquals(Metric, DefaultMetric) ? (y.dtype == ScalarType.Int64 ? Metric.Accuracy : null) : Metric;

    /// <summary>A marker: "accuracy for class labels, nothing for regression targets".</summary>
    static readonly Metric DefaultMetric = new("default", (o, t) => throw new InvalidOperationException("placeholder"));

    Tensor Forward(Tensor xb, Tensor x)
    {
        try
        {
            return Model.call(xb);
        }
        catch (ExternalException e)
        {
            throw new ArgumentException(
                $"The model cannot take inputs of shape {TrainerChecks.Shape(xb)} (a batch of x, which has shape {TrainerChecks.Shape(x)}): {FirstLine(e.Message)}",
                nameof(x), e);
        }
    }

    Tensor ComputeLoss(Tensor output, Tensor yb, Tensor y)
    {
        // A float target of another shape would be broadcast silently ([n, 1] against [n] gives an [n, n] comparison).
        if (yb.is_floating_point() && !output.shape.SequenceEqual(yb.shape))
            throw new ArgumentException(
                $"Float targets must have the model output's shape: the output of a batch has shape {TrainerChecks.Shape(output)}, its targets {TrainerChecks.Shape(yb)} (y has shape {TrainerChecks.Shape(y)}). Reshape y, e.g. y.reshape(-1, 1).",
                nameof(y));
        try
        {
            var loss = Loss(output, yb);
            if (loss.numel() != 1)
                throw new InvalidOperationException($"The loss must be a scalar (averaged over the batch), but it has shape {TrainerChecks.Shape(loss)}.");
            return loss;
        }
        catch (ExternalException e)
        {
            throw new ArgumentException(
                $"The loss cannot compare the model's output of shape {TrainerChecks.Shape(output)} with targets of shape {TrainerChecks.Shape(yb)} ({yb.dtype}; y has shape {TrainerChecks.Shape(y)}): {FirstLine(e.Message)}",
                nameof(y), e);
        }
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();
}

/// <summary>Loss and metric over a data set.</summary>
public sealed record EvalResult(double Loss, double? Metric, string? MetricName)
{
    public override string ToString() => Metric is double m ? $"loss {Loss:F4}, {MetricName} {m:F4}" : $"loss {Loss:F4}";
}
