using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Training;

/// <summary>
/// Transfer learning's two set-ups on a network whose last layer is its head: feature extraction (share the body,
/// freeze it, train a new head: the CNN lesson) and fine-tuning (copy the body's weights into a fresh network with a
/// new head and train all of it: the transfer-vs-incremental lesson).
/// </summary>
public static class Heads
{
    /// <summary>
    /// A model that shares every layer of <paramref name="model"/> but the last (the same objects, not copies) under a
    /// fresh Linear head with <paramref name="classes"/> outputs.
    /// </summary>
    public static Sequential WithNewHead(Sequential model, int classes)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must be at least 2.");
        var named = model.named_children().ToList();
        if (named.Count == 0 || named[^1].module is not Linear head) throw new ArgumentException("model's last layer must be the Linear head.", nameof(model));
        var layers = named.SkipLast(1).Select(c => (c.name, (nn.Module<Tensor, Tensor>)c.module)).ToList();
        layers.Add((named[^1].name, nn.Linear(head.in_features, classes)));
        return nn.Sequential(layers).to(head.weight!.device);
    }

    /// <summary>Stops training of every layer but the last: requires_grad = false on their parameters.</summary>
    public static void FreezeAllButHead(Sequential model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var layer in model.children().SkipLast(1))
            foreach (var p in layer.parameters()) p.requires_grad = false;
    }

    /// <summary>Copies every parameter and buffer of <paramref name="from"/> into <paramref name="to"/> except the layer <paramref name="head"/>.</summary>
    public static void CopyAllBut(string head, nn.Module from, nn.Module to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(head);
        Copy(from, to, head);
    }

    /// <summary>Copies the values of every parameter and buffer of <paramref name="from"/> into the same-shaped <paramref name="to"/>.</summary>
    public static void CopyAll(nn.Module from, nn.Module to) => Copy(from, to, except: null);

    static void Copy(nn.Module from, nn.Module to, string? except)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var source = from.state_dict();
        var target = to.state_dict();
        if (except is not null && !target.Keys.Any(k => InLayer(k, except)))
            throw new ArgumentException($"the network has no layer named \"{except}\" (its layers: {string.Join(", ", target.Keys.Select(k => k.Split('.')[0]).Distinct())}).", "head");
        var copied = source.Where(kv => except is null || !InLayer(kv.Key, except)).ToDictionary();
        foreach (var (name, value) in copied)
            if (!target.TryGetValue(name, out var slot) || !slot.shape.SequenceEqual(value.shape))
                throw new ArgumentException($"the two networks differ outside the head: \"{name}\" is [{string.Join(", ", value.shape)}] in the source " +
                    (slot is null ? "and missing in the target." : $"and [{string.Join(", ", slot.shape)}] in the target."), nameof(to));
        using (no_grad())
            foreach (var (name, value) in copied) target[name].copy_(value);
    }

    static bool InLayer(string parameter, string layer) => parameter.StartsWith(layer + ".", StringComparison.Ordinal);
}
