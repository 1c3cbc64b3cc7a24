using System.Diagnostics;
using Kit.Runtime;
using Kit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.FoundationModels;

/// <summary>How a run trains: Adam at <paramref name="Lr"/>, cross-entropy, seeded shuffled mini-batches.</summary>
public sealed record AdaptSettings(int Epochs, double Lr, int BatchSize = 64)
{
    internal void Check(string argument)
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(argument, Epochs, $"{argument}.Epochs must be at least 1.");
        if (!(Lr > 0 && double.IsFinite(Lr))) throw new ArgumentOutOfRangeException(argument, Lr, $"{argument}.Lr must be a finite number above 0.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(argument, BatchSize, $"{argument}.BatchSize must be at least 1.");
    }
}

/// <summary>A pre-trained encoder (tokens → features) and the head that reads the original task from its features.</summary>
public sealed record Pretrained(nn.Module<Tensor, Tensor> Encoder, nn.Module<Tensor, Tensor> Head, double OriginalAccuracy, int Features);

/// <summary>One way of adapting the pre-trained model to the new task, measured.</summary>
public sealed record AdaptationResult(string Method, long Trainable, long Total, double NewAccuracy, double OriginalBefore, double OriginalAfter, TimeSpan Time)
{
    /// <summary>Trainable parameters as a share of all the parameters the adapted model uses (encoder and new head).</summary>
    public double TrainableShare => (double)Trainable / Total;

    /// <summary>Points of original-task accuracy lost (original head on the adapted encoder).</summary>
    public double Forgetting => OriginalBefore - OriginalAfter;

    public override string ToString() =>
        $"{Method,-16} trains {Trainable,6:N0} of {Total:N0} parameters ({TrainableShare:P1}); new task {NewAccuracy:P1}; original task {OriginalBefore:P1} → {OriginalAfter:P1} (forgot {Forgetting * 100:F1} points); {Time.TotalSeconds:F1} s";
}

/// <summary>
/// Pre-training and the two ways of adapting to a new task that the lesson compares. The encoders come from the
/// lesson's builders: a plain one, and one whose attention projections are LoRA layers (parameters named lora_A and
/// lora_B, the PEFT convention, next to the frozen weight and bias). The pre-trained weights load into either by name.
/// </summary>
public static class Adaptation
{
    /// <summary>Builds an encoder with <paramref name="build"/> after seeding, adds a linear head, trains both on <paramref name="train"/>.</summary>
    public static Pretrained Pretrain(Func<nn.Module<Tensor, Tensor>> build, TokenTask train, TokenTask test, AdaptSettings settings, int seed)
    {
        Check(build, train, test, settings, nameof(train), nameof(test));
        var encoder = Nets.Seeded(seed, build);
        int features = Features(encoder, train);
        var head = nn.Linear(features, Classes(train)).to(KitTorch.Device);
        Fit(encoder, head, head.parameters().Concat(encoder.parameters()), train, settings, seed);
        return new Pretrained(encoder, head, Accuracy(encoder, head, test), features);
    }

    /// <summary>Full fine-tuning: a copy of the pre-trained encoder and a new head, every parameter trained.</summary>
    public static AdaptationResult FullFineTune(Pretrained pretrained, Func<nn.Module<Tensor, Tensor>> build, TokenTask train, TokenTask test, TokenTask originalTest, AdaptSettings settings, int seed)
    {
        Check(build, train, test, settings, nameof(train), nameof(test));
        return Adapt("full fine-tuning", pretrained, build, strict: true, trainable: _ => true, train, test, originalTest, settings, seed);
    }

    /// <summary>
    /// LoRA: an encoder built with LoRA layers, the pre-trained weights loaded into it (the adapters start at B = 0, so
    /// the model starts exactly as pre-trained), everything frozen except the adapters' A and B and the new head.
    /// </summary>
    public static AdaptationResult LoRA(Pretrained pretrained, Func<nn.Module<Tensor, Tensor>> buildWithLora, TokenTask train, TokenTask test, TokenTask originalTest, AdaptSettings settings, int seed)
    {
        Check(buildWithLora, train, test, settings, nameof(train), nameof(test));
        return Adapt("LoRA", pretrained, buildWithLora, strict: false, trainable: IsAdapter, train, test, originalTest, settings, seed);
    }

    /// <summary>A LoRA adapter's parameter, by the PEFT naming convention.</summary>
    public static bool IsAdapter(string parameterName) => parameterName.Split('.')[^1].StartsWith("lora_", StringComparison.Ordinal);

    static AdaptationResult Adapt(string method, Pretrained pretrained, Func<nn.Module<Tensor, Tensor>> build, bool strict, Func<string, bool> trainable,
        TokenTask train, TokenTask test, TokenTask originalTest, AdaptSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(pretrained);
        ArgumentNullException.ThrowIfNull(originalTest);
        var encoder = Nets.Seeded(seed, build);
        var source = pretrained.Encoder.state_dict();
        var target = encoder.state_dict();
        var missing = target.Keys.Except(source.Keys).Where(k => strict || !IsAdapter(k)).ToList();
        var unexpected = source.Keys.Except(target.Keys).ToList();
        var reshaped = source.Keys.Intersect(target.Keys).Where(k => !source[k].shape.SequenceEqual(target[k].shape)).ToList();
        if (missing.Count + unexpected.Count + reshaped.Count > 0)
            throw new ArgumentException($"the encoder does not match the pre-trained one: not pre-trained [{string.Join(", ", missing)}]; not in the encoder [{string.Join(", ", unexpected)}]; other shape [{string.Join(", ", reshaped)}].", nameof(build));
        encoder.load_state_dict(source, strict: false);
        foreach (var (name, p) in encoder.named_parameters()) p.requires_grad = trainable(name);
        var head = nn.Linear(pretrained.Features, Classes(train)).to(KitTorch.Device);
        var parameters = encoder.parameters().Where(p => p.requires_grad).Concat(head.parameters()).ToList();
        var clock = Stopwatch.StartNew();
        Fit(encoder, head, parameters, train, settings, seed);
        clock.Stop();
        long total = encoder.parameters().Sum(p => p.numel()) + head.parameters().Sum(p => p.numel());
        return new AdaptationResult(method, parameters.Sum(p => p.numel()), total, Accuracy(encoder, head, test),
            pretrained.OriginalAccuracy, Accuracy(encoder, pretrained.Head, originalTest), clock.Elapsed);
    }

    static void Fit(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> head, IEnumerable<TorchSharp.Modules.Parameter> parameters, TokenTask train, AdaptSettings settings, int seed)
    {
        using var scope = NewDisposeScope();
        var model = nn.Sequential(("encoder", encoder), ("head", head));
        var trainer = new Trainer(model, optim.Adam(parameters, lr: settings.Lr), (o, t) => nn.functional.cross_entropy(o, t))
        {
            BatchSize = settings.BatchSize, Seed = seed,
        };
        trainer.Fit(train.Tokens, train.Labels, settings.Epochs);
    }

    /// <summary>Share of <paramref name="task"/> that head(encoder(tokens)) classifies correctly.</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> head, TokenTask task)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(task);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        encoder.eval();
        head.eval();
        var predicted = head.call(encoder.call(task.Tokens)).argmax(1);
        return predicted.eq(task.Labels).to_type(ScalarType.Float64).mean().item<double>();
    }

    static int Features(nn.Module<Tensor, Tensor> encoder, TokenTask task)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var output = encoder.call(task.Tokens[..1]);
        if (output.dim() != 2) throw new ArgumentException($"the encoder must return (batch, features), not a tensor of shape ({string.Join(", ", output.shape)}).", "build");
        return (int)output.shape[1];
    }

    static int Classes(TokenTask task) => (int)task.Labels.max().item<long>() + 1;

    static void Check(Func<nn.Module<Tensor, Tensor>> build, TokenTask train, TokenTask test, AdaptSettings settings, string trainName, string testName)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(train, trainName);
        ArgumentNullException.ThrowIfNull(test, testName);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Check(nameof(settings));
        if (train.Tokens.shape[1] != test.Tokens.shape[1])
            throw new ArgumentException($"{testName} has sequences of {test.Tokens.shape[1]} tokens, {trainName} of {train.Tokens.shape[1]}.", testName);
    }
}
