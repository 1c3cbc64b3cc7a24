using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// Records the gradient's L2 norm per layer (all parameters of one module together, e.g. fc1.weight and fc1.bias),
/// averaged over the steps of each epoch. Vanishing gradients show as norms that shrink towards the input
/// side; exploding ones as norms that grow without bound.
/// </summary>
public sealed class GradientNormMonitor : Callback
{
    readonly Dictionary<string, List<double>> _perEpoch = [];
    List<(string Layer, Parameter[] Params)>? _layers;
    Tensor? _sums;
    Device? _device;
    int _steps;

    /// <summary>Layer names, input side first (the module path, e.g. "fc1", "0", "block.conv").</summary>
    public IReadOnlyList<string> Layers => _layers?.Select(l => l.Layer).ToList() ?? [];

    /// <summary>Mean gradient norm of <paramref name="layer"/> in each epoch so far.</summary>
    public double[] Norms(string layer) =>
        _perEpoch.TryGetValue(layer, out var list) ? list.ToArray()
        : throw new ArgumentException($"No layer named '{layer}'; layers: {string.Join(", ", Layers)}.", nameof(layer));

    public override void OnTrainBegin(Trainer trainer)
    {
        _device = trainer.Device;
        if (_layers is not null) return;
        _layers = trainer.Model.named_parameters()
            .Where(p => p.parameter.requires_grad)
            .GroupBy(p => p.name.Contains('.') ? p.name[..p.name.LastIndexOf('.')] : p.name)
            .Select(g => (g.Key, g.Select(p => p.parameter).ToArray()))
            .ToList();
        foreach (var (layer, _) in _layers) _perEpoch[layer] = [];
    }

    public override void OnEpochBegin(Trainer trainer, int epoch)
    {
        _sums?.Dispose();
        _sums = zeros(_layers!.Count, ScalarType.Float64, trainer.Device).DetachFromDisposeScope();
        _steps = 0;
    }

    public override void OnAfterBackward(Trainer trainer)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var norms = new List<Tensor>();
        foreach (var (_, ps) in _layers!)
        {
            Tensor sq = zeros(1, ScalarType.Float64, _device);
            foreach (var p in ps)
                if (p.grad is { } g) sq = sq + g.to(ScalarType.Float64).pow(2).sum();
            norms.Add(sq.sqrt().reshape(1));
        }
        _sums!.add_(cat(norms, 0));
        _steps++;
    }

    public override void OnEpochEnd(Trainer trainer, EpochLog log)
    {
        if (_sums is null || _steps == 0) return;
        using var scope = NewDisposeScope();
        var means = _sums.cpu().data<double>().ToArray();
        for (int i = 0; i < _layers!.Count; i++) _perEpoch[_layers[i].Layer].Add(means[i] / _steps);
    }

    public override void OnTrainEnd(Trainer trainer)
    {
        _sums?.Dispose();
        _sums = null;
    }
}
