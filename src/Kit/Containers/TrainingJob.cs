using System.Globalization;
using System.Text;
using Kit.Runtime;
using Kit.Training;
using static TorchSharp.torch;

namespace Kit.Containers;

/// <summary>How a training run ended: its exit code is what the container returns to SageMaker.</summary>
public sealed record TrainingOutcome(int ExitCode, int Epoch, int Epochs, int ResumedFrom, bool Stopped, string Message);

/// <summary>
/// <c>kit container train</c>: SageMaker's training contract. Reads the config files and the train (and optional
/// validation) channel, trains with a checkpoint after every epoch in <c>/opt/ml/checkpoints</c> (and resumes from
/// it when one is there, as after a Spot interruption), and writes the model to <c>/opt/ml/model</c>. Any error
/// goes to <c>/opt/ml/output/failure</c> with exit code 1. When <paramref name="stop"/> fires (SIGTERM) it finishes
/// the running epoch, whose checkpoint is then saved, and exits with code 143 (128 + SIGTERM).
/// </summary>
public static class TrainingJob
{
    public const string CheckpointFile = "checkpoint.kit";
    public const int StoppedExitCode = 143;
    static readonly string[] Known = ["epochs", "learning_rate", "batch_size", "hidden_units", "seed"];

    public static TrainingOutcome Run(OptMl ml, CancellationToken stop, TextWriter log)
    {
        if (File.Exists(ml.Failure)) File.Delete(ml.Failure);
        try
        {
            return Train(ml, stop, log);
        }
        catch (Exception e) when (e is ContractException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            var reason = e is ContractException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            log.WriteLine($"training failed: {reason}");
            try { KitPaths.WriteAtomically(ml.Failure, reason + "\n"); }
            catch (Exception write) when (write is IOException or UnauthorizedAccessException)
            {
                log.WriteLine($"and {ml.Failure} cannot be written: {write.Message}");
            }
            return new TrainingOutcome(1, 0, 0, 0, false, reason);
        }
    }

    static TrainingOutcome Train(OptMl ml, CancellationToken stop, TextWriter log)
    {
        var config = JobConfig.Read(ml);
        var unknown = config.Hyperparameters.Keys.Where(k => !Known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ContractException($"unknown hyperparameter(s) {string.Join(", ", unknown)}; this algorithm takes {string.Join(", ", Known)}.");
        if (config.Hosts.Count != 1)
            throw new ContractException($"resourceconfig.json lists {config.Hosts.Count} hosts; this algorithm trains on one instance (instance_count = 1).");
        int epochs = config.Int("epochs", 20, 1), batch = config.Int("batch_size", 32, 1), seed = config.Int("seed", 0, 0);
        double lr = config.Positive("learning_rate", 0.01);
        var hidden = ParseHidden(config.Text("hidden_units", "16"));

        var train = ReadChannel(ml, config, "train", required: true)!;
        var validation = ReadChannel(ml, config, "validation", required: false);
        var extra = config.Channels.Select(c => c.Name).Except(["train", "validation"]).ToList();
        if (extra.Count > 0) throw new ContractException($"channel(s) {string.Join(", ", extra)} are not used; this algorithm reads train and validation.");
        if (validation is not null && validation[0].Length != train[0].Length)
            throw new ContractException($"validation rows have {validation[0].Length} values but train rows {train[0].Length}.");

        var (x, y) = Split(train, "train");
        int classes = (int)y.Max() + 1;
        if (classes < 2) throw new ContractException("the train channel holds a single class; a classifier needs labels 0 and 1 at least.");
        var model = TabularModel.Create(hidden, classes, x, seed);
        var trainer = model.NewTrainer(lr, batch, seed);
        var checkpoint = Path.Combine(ml.Checkpoints, CheckpointFile);
        // A SIGKILL during a save leaves its temporary file (never a half-written checkpoint): drop it, or it would be synced to S3.
        if (Directory.Exists(ml.Checkpoints))
            foreach (var stale in Directory.GetFiles(ml.Checkpoints, $".{CheckpointFile}.*.tmp")) File.Delete(stale);
        int resumedFrom = 0;
        if (File.Exists(checkpoint))
        {
            try { trainer.LoadCheckpoint(checkpoint); }
            catch (ArgumentException e) { throw new ContractException($"cannot resume: {e.Message} (delete {ml.Checkpoints} to start over).", e); }
            resumedFrom = trainer.Epoch;
            log.WriteLine($"resumed from checkpoint at epoch {resumedFrom}");
        }
        trainer.Callbacks.Add(new ModelCheckpoint(checkpoint));
        trainer.Callbacks.Add(new StopWhen(stop));
        trainer.Progress = new Progress(log, epochs);

        using var scope = NewDisposeScope();
        var xt = model.Inputs(x);
        var yt = tensor(y);
        Tensor? xv = null, yv = null;
        if (validation is not null)
        {
            var (vx, vy) = Split(validation, "validation");
            if (vy.Any(l => l >= classes)) throw new ContractException($"the validation channel has a label ≥ {classes}, which the train channel never shows.");
            (xv, yv) = (model.Inputs(vx), tensor(vy));
        }
        trainer.Fit(xt, yt, epochs, xv, yv);
        WriteHistory(ml, trainer.History);
        if (trainer.Epoch < epochs && stop.IsCancellationRequested)
        {
            var message = $"stopped by SIGTERM after epoch {trainer.Epoch}/{epochs}; checkpoint saved to {checkpoint}";
            log.WriteLine(message);
            return new TrainingOutcome(StoppedExitCode, trainer.Epoch, epochs, resumedFrom, true, message);
        }
        if (trainer.History.Diverged)
            throw new ContractException($"training diverged (loss became NaN or infinite at epoch {trainer.Epoch}); lower learning_rate (now {lr}).");
        model.Save(ml.Model, trainer);
        var last = trainer.History.Epochs[^1];
        log.WriteLine($"train_loss={last.TrainLoss:F6};" + (last.ValMetric is double acc ? $" validation_accuracy={acc:F4};" : ""));
        return new TrainingOutcome(0, trainer.Epoch, epochs, resumedFrom, false, $"model written to {ml.Model}");
    }

    static int[] ParseHidden(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
                throw new ContractException($"hyperparameter hidden_units = \"{text}\" must be layer widths ≥ 1 separated by commas, e.g. \"16\" or \"32,16\".");
        return widths;
    }

    static List<float[]>? ReadChannel(OptMl ml, JobConfig config, string name, bool required)
    {
        var declared = config.Channels.FirstOrDefault(c => c.Name == name);
        if (declared is null)
            return required ? throw new ContractException($"inputdataconfig.json declares no \"{name}\" channel; this algorithm needs one.") : null;
        if (declared.InputMode != "File")
            throw new ContractException($"channel {name}: TrainingInputMode {declared.InputMode} is not supported; use File.");
        if (!declared.ContentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            throw new ContractException($"channel {name}: ContentType {declared.ContentType} is not supported; use text/csv.");
        var dir = ml.Channel(name);
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) throw new ContractException($"channel {name} is declared but {dir} holds no files.");
        int? width = null;
        var rows = new List<float[]>();
        foreach (var file in files)
        {
            string text;
            try { text = File.ReadAllText(file, new UTF8Encoding(false, true)); }
            catch (DecoderFallbackException) { throw new ContractException($"{name}/{Path.GetFileName(file)} is not valid UTF-8 text."); }
            var part = CsvRows.Parse(text, $"{name}/{Path.GetFileName(file)}", width);
            width = part[0].Length;
            rows.AddRange(part);
        }
        if (width < 2) throw new ContractException($"channel {name}: rows need a label and at least one feature.");
        return rows;
    }

    static (List<float[]> X, long[] Y) Split(List<float[]> rows, string channel)
    {
        var y = new long[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            float label = rows[i][0];
            if (label < 0 || label != MathF.Floor(label) || label > 1000)
                throw new ContractException($"channel {channel}, row {i + 1}: the label (first column) {label} is not a class number 0, 1, 2, …");
            y[i] = (long)label;
        }
        return (rows.Select(r => r[1..]).ToList(), y);
    }

    static void WriteHistory(OptMl ml, History history)
    {
        var csv = new StringBuilder("epoch,train_loss,val_loss,val_accuracy\n");
        foreach (var e in history.Epochs)
            csv.AppendLine(FormattableString.Invariant($"{e.Epoch},{e.TrainLoss:R},{e.ValLoss:R},{e.ValMetric:R}"));
        KitPaths.WriteAtomically(Path.Combine(ml.Output, "data", "history.csv"), csv.ToString());
    }

    sealed class StopWhen(CancellationToken stop) : Callback
    {
        public override void OnEpochEnd(Trainer trainer, EpochLog log)
        {
            if (stop.IsCancellationRequested) trainer.StopTraining = true;
        }
    }

    sealed class Progress(TextWriter log, int epochs) : IProgress<EpochLog>
    {
        public void Report(EpochLog e)
        {
            log.WriteLine(FormattableString.Invariant($"epoch {e.Epoch}/{epochs} train_loss={e.TrainLoss:F6}") +
                (e.ValMetric is double acc ? FormattableString.Invariant($" validation_accuracy={acc:F4}") : ""));
            log.Flush();
        }
    }
}
