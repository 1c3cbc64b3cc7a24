#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.FoundationModels;
using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>Lesson 16's transformer and LoRA layer, exactly as its cells write them (compared by <see cref="LessonCellTests"/>).</summary>
static class Lesson16
{
    /// <summary>The lesson's plain encoder (pre-training, full fine-tuning).</summary>
    public static nn.Module<Tensor, Tensor> Encoder() =>
        new TinyTransformer(SequenceTasks.Vocabulary, SequenceTasks.Length, (i, o) => nn.Linear(i, o)).to(KitTorch.Device);

    /// <summary>The same encoder with LoRA layers of rank <paramref name="r"/> as its query and value projections.</summary>
    public static nn.Module<Tensor, Tensor> EncoderWithLora(int r, double alpha) =>
        new TinyTransformer(SequenceTasks.Vocabulary, SequenceTasks.Length, (i, o) => new LoRALinear(i, o, r, alpha)).to(KitTorch.Device);

    // lesson-model: lora-linear
    // LoRA: y = x·Wᵀ + b + (α/r)·(x·Aᵀ)·Bᵀ. W and b are the pre-trained weights, frozen; only A (r × in) and B (out × r) train.
    // B starts at zero, so before any training the layer computes exactly what the pre-trained layer did.
    public class LoRALinear : nn.Module<Tensor, Tensor>
    {
        public readonly Parameter weight, bias, lora_A, lora_B;
        public readonly double scaling;

        public LoRALinear(int inFeatures, int outFeatures, int r, double alpha) : base("LoRALinear")
        {
            weight = nn.Parameter(zeros(outFeatures, inFeatures), requires_grad: false);
            bias = nn.Parameter(zeros(outFeatures), requires_grad: false);
            lora_A = nn.Parameter(randn(r, inFeatures) / Math.Sqrt(inFeatures));
            lora_B = nn.Parameter(zeros(outFeatures, r));
            scaling = alpha / r;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) =>
            nn.functional.linear(x, weight, bias) + scaling * nn.functional.linear(nn.functional.linear(x, lora_A), lora_B);

        // The merged weight W + (α/r)·B·A: one ordinary linear layer, so serving an adapted model costs no extra latency.
        public Tensor Merged() => weight + scaling * lora_B.matmul(lora_A);
    }
    // end lesson-model

    // lesson-model: tiny-transformer
    // A small transformer encoder with PyTorch's names: token and position embeddings, `depth` blocks, LayerNorm, mean over positions.
    // Each block (pre-norm): multi-head self-attention (q_proj, k_proj, v_proj, out_proj), then a feed-forward net (fc1, GELU, fc2),
    // each added back to its input (residual). `linear` builds the query and value projections: nn.Linear, or a LoRA layer.
    public class Block : nn.Module<Tensor, Tensor>
    {
        readonly nn.Module<Tensor, Tensor> q_proj, k_proj, v_proj, out_proj, fc1, fc2;
        readonly LayerNorm norm1, norm2;
        readonly int heads;

        public Block(int dModel, int heads, Func<int, int, nn.Module<Tensor, Tensor>> linear) : base("Block")
        {
            this.heads = heads;
            q_proj = linear(dModel, dModel);
            k_proj = nn.Linear(dModel, dModel);
            v_proj = linear(dModel, dModel);
            out_proj = nn.Linear(dModel, dModel);
            fc1 = nn.Linear(dModel, 2 * dModel);
            fc2 = nn.Linear(2 * dModel, dModel);
            norm1 = nn.LayerNorm(dModel);
            norm2 = nn.LayerNorm(dModel);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)   // x: (batch, length, dModel)
        {
            long b = x.shape[0], n = x.shape[1], d = x.shape[2], dh = d / heads;
            Tensor Split(Tensor t) => t.view(b, n, heads, dh).transpose(1, 2);   // (batch, heads, length, dh)
            var h = norm1.call(x);
            var q = Split(q_proj.call(h));
            var k = Split(k_proj.call(h));
            var v = Split(v_proj.call(h));
            var attention = softmax(q.matmul(k.transpose(-2, -1)) / Math.Sqrt(dh), -1);   // how much each position reads each other one
            x = x + out_proj.call(attention.matmul(v).transpose(1, 2).reshape(b, n, d));
            return x + fc2.call(nn.functional.gelu(fc1.call(norm2.call(x))));
        }
    }

    public class TinyTransformer : nn.Module<Tensor, Tensor>
    {
        readonly Embedding token_embedding;
        readonly Parameter position_embedding;
        readonly ModuleList<Block> layers;
        readonly LayerNorm norm;

        public TinyTransformer(int vocab, int length, Func<int, int, nn.Module<Tensor, Tensor>> linear, int dModel = 64, int heads = 4, int depth = 2) : base("TinyTransformer")
        {
            token_embedding = nn.Embedding(vocab, dModel);
            position_embedding = nn.Parameter(randn(length, dModel) * 0.1);
            layers = nn.ModuleList(Enumerable.Range(0, depth).Select(_ => new Block(dModel, heads, linear)).ToArray());
            norm = nn.LayerNorm(dModel);
            RegisterComponents();
        }

        public override Tensor forward(Tensor tokens)   // tokens: (batch, length) ids → features: (batch, dModel)
        {
            var x = token_embedding.call(tokens) + position_embedding;
            foreach (var block in layers) x = block.call(x);
            return norm.call(x).mean([1]);
        }
    }
    // end lesson-model
}
