using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// Checkpoint files: the model's weights and buffers, the optimizer's state (momentum, Adam moments), the learning
/// rates, the epoch and step counters and the history, so that training can resume where it stopped.
/// <para>Writes are atomic: the file is written to a temporary file in the same folder and renamed over the old one
/// only when complete, so a crash while saving leaves the previous checkpoint intact.</para>
/// <para>Loading checks the architecture first: every parameter and buffer name and shape must match, otherwise the
/// error names the checkpoint and the first difference.</para>
/// </summary>
public static class Checkpoint
{
    static readonly byte[] Magic = "KITCKPT1"u8.ToArray();
    static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Save(Trainer trainer, string path) => Save(trainer, path, null);

    /// <param name="wrap">for tests: wraps the file stream (e.g. one that fails half-way)</param>
    internal static void Save(Trainer trainer, string path, Func<Stream, Stream>? wrap)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                var stream = wrap is null ? file : wrap(file);
                using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                    Write(trainer, w);
                stream.Flush();
                file.Flush(true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static void Load(Trainer trainer, string path)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No checkpoint at '{path}'.", path);
        using var file = File.OpenRead(path);
        using var r = new BinaryReader(file, Encoding.UTF8);
        Header header;
        try
        {
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new ArgumentException($"'{path}' is not a Kit checkpoint (it does not start with the checkpoint marker).", nameof(path));
            header = JsonSerializer.Deserialize<Header>(r.ReadString(), Json)
                ?? throw new ArgumentException($"'{path}' has an empty checkpoint header.", nameof(path));
        }
        catch (Exception e) when (e is EndOfStreamException or JsonException or IOException)
        {
            throw new ArgumentException($"'{path}' is not a readable Kit checkpoint: {e.Message}", nameof(path), e);
        }

        var mine = Signature(trainer.Model);
        var diff = FirstDifference(header.Tensors, mine);
        if (diff is not null)
            throw new ArgumentException(
                $"Checkpoint '{path}' was saved from another architecture ({header.ModelType}, {header.Tensors.Count} tensors) " +
                $"than this model ({trainer.Model.GetType().Name}, {mine.Count} tensors): {diff}. " +
                "Build the same model (layers, sizes and order) before loading, or start a new checkpoint file.", nameof(path));
        if (header.OptimizerType != trainer.Optimizer.GetType().Name)
            throw new ArgumentException(
                $"Checkpoint '{path}' holds the state of a {header.OptimizerType} optimizer, but this trainer uses {trainer.Optimizer.GetType().Name}.", nameof(path));

        trainer.Model.load(r, strict: true);
        int optimizerBytes = r.ReadInt32();
        if (optimizerBytes > 0)
        {
            using var ms = new MemoryStream(r.ReadBytes(optimizerBytes));
            using var or = new BinaryReader(ms);
            ((OptimizerHelper)trainer.Optimizer).load_state_dict(or);
        }
        if (r.ReadString() != "END")
            throw new ArgumentException($"Checkpoint '{path}' is incomplete (no end marker).", nameof(path));

        // A scheduler only knows how many times it was stepped: replay the missing epochs, then set the saved rates.
        if (trainer.Scheduler is { } scheduler)
            for (int e = trainer.Epoch; e < header.Epoch; e++) scheduler.step();
        var groups = trainer.Optimizer.ParamGroups.ToList();
        for (int i = 0; i < groups.Count && i < header.LearningRates.Count; i++) groups[i].LearningRate = header.LearningRates[i];

        trainer.Epoch = header.Epoch;
        trainer.Step = header.Step;
        trainer.History.Clear();
        foreach (var log in header.History) trainer.History.Add(log);
        trainer.History.Diverged = header.Diverged;
    }

    /// <summary>What a checkpoint file holds, read from its header only (no weights are loaded).</summary>
    public static CheckpointInfo Inspect(string path)
    {
        using var file = File.OpenRead(path);
        using var r = new BinaryReader(file, Encoding.UTF8);
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            throw new ArgumentException($"'{path}' is not a Kit checkpoint.", nameof(path));
        var h = JsonSerializer.Deserialize<Header>(r.ReadString(), Json)!;
        return new CheckpointInfo(h.Epoch, h.Step, h.ModelType, h.OptimizerType, h.Tensors.Select(t => $"{t.Name} [{string.Join(", ", t.Shape)}]").ToList());
    }

    static void Write(Trainer trainer, BinaryWriter w)
    {
        var header = new Header
        {
            Epoch = trainer.Epoch,
            Step = trainer.Step,
            ModelType = trainer.Model.GetType().Name,
            OptimizerType = trainer.Optimizer.GetType().Name,
            Tensors = Signature(trainer.Model),
            LearningRates = trainer.Optimizer.ParamGroups.Select(g => g.LearningRate).ToList(),
            History = trainer.History.Epochs.ToList(),
            Diverged = trainer.History.Diverged,
        };
        w.Write(Magic);
        w.Write(JsonSerializer.Serialize(header, Json));
        trainer.Model.save(w);
        if (trainer.Optimizer is OptimizerHelper helper)
        {
            using var ms = new MemoryStream();
            using (var ow = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) helper.save_state_dict(ow);
            w.Write((int)ms.Length);
            w.Write(ms.GetBuffer(), 0, (int)ms.Length);
        }
        else w.Write(0);
        w.Write("END");
        w.Flush();
    }

    static List<TensorSpec> Signature(nn.Module model) =>
        model.state_dict().Select(kv => new TensorSpec(kv.Key, kv.Value.shape)).ToList();

    static string? FirstDifference(List<TensorSpec> saved, List<TensorSpec> mine)
    {
        for (int i = 0; i < Math.Max(saved.Count, mine.Count); i++)
        {
            if (i >= saved.Count) return $"the checkpoint has no '{mine[i].Name}' [{string.Join(", ", mine[i].Shape)}]";
            if (i >= mine.Count) return $"this model has no '{saved[i].Name}' [{string.Join(", ", saved[i].Shape)}]";
            var (a, b) = (saved[i], mine[i]);
            if (a.Name != b.Name || !a.Shape.SequenceEqual(b.Shape))
                return $"tensor {i + 1} is '{a.Name}' [{string.Join(", ", a.Shape)}] in the checkpoint but '{b.Name}' [{string.Join(", ", b.Shape)}] in this model";
        }
        return null;
    }

    sealed record TensorSpec(string Name, long[] Shape);

    sealed class Header
    {
        public int Epoch { get; set; }
        public long Step { get; set; }
        public string ModelType { get; set; } = "";
        public string OptimizerType { get; set; } = "";
        public List<TensorSpec> Tensors { get; set; } = [];
        public List<double> LearningRates { get; set; } = [];
        public List<EpochLog> History { get; set; } = [];
        public bool Diverged { get; set; }
    }
}

/// <summary>A checkpoint's header: epoch, step, model and optimizer type, and its tensors ("name [shape]").</summary>
public sealed record CheckpointInfo(int Epoch, long Step, string ModelType, string OptimizerType, IReadOnlyList<string> Tensors);

/// <summary>
/// Saves a checkpoint after every epoch (or every <see cref="EveryEpochs"/> epochs), or only when the monitored
/// quantity improves (<see cref="SaveBestOnly"/>). Each save replaces the file atomically.
/// </summary>
public sealed class ModelCheckpoint : Callback
{
    double _best = double.NaN;

    public ModelCheckpoint(string path, bool saveBestOnly = false, Quantity monitor = Quantity.ValLoss, int everyEpochs = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (everyEpochs < 1) throw new ArgumentOutOfRangeException(nameof(everyEpochs), everyEpochs, "everyEpochs must be at least 1.");
        Path = path;
        SaveBestOnly = saveBestOnly;
        Monitor = monitor;
        EveryEpochs = everyEpochs;
    }

    public string Path { get; }
    public bool SaveBestOnly { get; }
    public Quantity Monitor { get; }
    public int EveryEpochs { get; }

    /// <summary>The epoch of the last checkpoint written, 0 if none.</summary>
    public int SavedEpoch { get; private set; }

    public override void OnEpochEnd(Trainer trainer, EpochLog log)
    {
        if (log.Epoch % EveryEpochs != 0) return;
        if (SaveBestOnly)
        {
            double value = log.Get(Monitor) ?? throw new InvalidOperationException($"ModelCheckpoint monitors {Monitor}, which epoch {log.Epoch} did not measure.");
            bool higher = Monitor is Quantity.ValMetric or Quantity.TrainMetric && (trainer.Metric?.HigherIsBetter ?? true);
            bool better = double.IsNaN(_best) ? double.IsFinite(value) : higher ? value > _best : value < _best;
            if (!better) return;
            _best = value;
        }
        Checkpoint.Save(trainer, Path);
        SavedEpoch = log.Epoch;
    }
}
