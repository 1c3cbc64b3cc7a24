using Kit.Runtime;
using static TorchSharp.torch;

namespace Kit.FoundationModels;

/// <summary>Sequences of token ids (batch, length) with one class label each, as long tensors on the Kit's device.</summary>
public sealed record TokenTask(string Name, Tensor Tokens, Tensor Labels)
{
    public int Count => (int)Tokens.shape[0];
}

/// <summary>
/// Two classification tasks over the same 24-token vocabulary, sequences of 12 tokens. The <b>original</b> task (the
/// one the model is pre-trained on) asks which block of six tokens (0–5, 6–11, 12–17, 18–23) dominates a sequence;
/// the <b>new</b> task asks which residue class (token mod 4) dominates. Half of each sequence comes from its class,
/// the other half is uniform noise, so each label needs the whole sequence, and the two labellings are independent.
/// </summary>
public static class SequenceTasks
{
    public const int Vocabulary = 24;
    public const int Length = 12;
    public const int Classes = 4;

    /// <summary>Label = the block of six (token / 6) most tokens fall in.</summary>
    public static TokenTask Original(int count, int seed) => Make("original: which block of six tokens dominates", count, seed, (label, rng) => 6 * label + rng.Next(6));

    /// <summary>Label = the residue class (token mod 4) most tokens fall in.</summary>
    public static TokenTask New(int count, int seed) => Make("new: which residue class (token mod 4) dominates", count, seed, (label, rng) => 4 * rng.Next(6) + label);

    static TokenTask Make(string name, int count, int seed, Func<int, Random, int> fromClass)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "a task needs at least one sequence.");
        var rng = new Random(seed);
        var tokens = new long[count * Length];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            int label = rng.Next(Classes);
            labels[i] = label;
            var row = Enumerable.Range(0, Length).Select(p => p < Length / 2 ? fromClass(label, rng) : rng.Next(Vocabulary)).OrderBy(_ => rng.Next()).ToArray();
            for (int p = 0; p < Length; p++) tokens[i * Length + p] = row[p];
        }
        var device = KitTorch.Device;
        return new TokenTask(name, tensor(tokens, [count, Length]).to(device), tensor(labels).to(device));
    }
}
