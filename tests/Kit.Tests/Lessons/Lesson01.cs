#nullable disable warnings
// The lesson cells run without nullable warnings, as in the notebook kernel.
using Kit.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Kit.Tests.Lessons;

/// <summary>
/// Lesson 01's networks and training loop, exactly as its cells write them: the text between each
/// <c>// lesson-model:</c> marker and <c>// end lesson-model</c> is compared with the notebook's cell by <see cref="LessonCellTests"/>.
/// </summary>
sealed class Lesson01
{
    static readonly Lesson01 Cells = new();

    /// <summary>Seeds torch, then builds the lesson's MLP: null activation = a stack of Linear layers only.</summary>
    public static Sequential Mlp(int inputs, int width, int depth, Func<nn.Module<Tensor, Tensor>>? activation, int seed)
    {
        KitTorch.Seed(seed);
        return Cells.MLP(inputs, width, depth, activation);
    }

    /// <summary>He initialisation (for ReLU) or Xavier (for sigmoid), as the lesson's cell applies it.</summary>
    public static Sequential Initialised(Sequential model, bool he) => Cells.Init(model, he);

    public static double[] Fit(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y, int epochs, double lr) => Cells.Train(model, x, y, epochs, lr);

    public static double TestAccuracy(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y) => Cells.Accuracy(model, x, y);

    // lesson-model: mlp
    // inputs → [Linear → activation] × depth → Linear → one logit (the score of class 1).
    // With no activation (null) every layer is linear, however many there are.
    Sequential MLP(int inputs, int width, int depth, Func<nn.Module<Tensor, Tensor>>? activation)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (int i = 1; i <= depth; i++)
        {
            layers.Add(($"fc{i}", nn.Linear(i == 1 ? inputs : width, width)));
            if (activation is not null) layers.Add(($"act{i}", activation()));
        }
        layers.Add(("out", nn.Linear(depth == 0 ? inputs : width, 1)));
        return nn.Sequential(layers).to(KitTorch.Device);
    }
    // end lesson-model

    // lesson-model: train
    // The training loop, full batch: every example in every step.
    double[] Train(nn.Module<Tensor, Tensor> model, Tensor X, Tensor y, int epochs, double lr)
    {
        var optimizer = optim.Adam(model.parameters(), lr: lr);
        var lossFn = nn.BCEWithLogitsLoss();              // sigmoid + binary cross-entropy, computed on the logit
        var target = y.to(ScalarType.Float32).unsqueeze(1);  // [n] labels → [n, 1], the shape of the output
        var losses = new double[epochs];
        model.train();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            using var scope = NewDisposeScope();          // frees this step's tensors when the step ends
            optimizer.zero_grad();                        // 1. clear the previous step's gradients
            var loss = lossFn.call(model.call(X), target);  // 2. forward pass and loss
            loss.backward();                              // 3. backpropagation: ∂loss/∂w for every weight
            optimizer.step();                             // 4. move each weight a small step against its gradient
            losses[epoch] = loss.item<float>();
        }
        model.eval();
        return losses;
    }

    double Accuracy(nn.Module<Tensor, Tensor> model, Tensor X, Tensor y)
    {
        using var _ = no_grad();
        var predicted = (model.call(X).squeeze(1) > 0).to(ScalarType.Int64);   // logit > 0 ⇔ σ(logit) > 0.5
        return predicted.eq(y).to(ScalarType.Float64).mean().item<double>();
    }
    // end lesson-model

    // lesson-model: init
    // Each activation with the initialisation made for it: He (Kaiming) for ReLU, Xavier (Glorot) for sigmoid and tanh.
    Sequential Init(Sequential model, bool he)
    {
        using (no_grad())
            foreach (var layer in model.modules().OfType<Linear>())
            {
                if (he) nn.init.kaiming_normal_(layer.weight, nonlinearity: nn.init.NonlinearityType.ReLU);
                else nn.init.xavier_normal_(layer.weight);
                layer.bias.zero_();
            }
        return model;
    }
    // end lesson-model
}
