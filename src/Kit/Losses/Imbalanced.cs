using Kit.Data;
using Kit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Losses;

/// <summary>What a binary classifier got right on the rare (positive, label 1) class at a fixed threshold.</summary>
public sealed record RareClassReport(string Loss, double Recall, double Precision, double Accuracy, int Positives, double[] Losses)
{
    public override string ToString() =>
        $"{Loss}: rare-class recall {Recall:P1}, precision {Precision:P1}, accuracy {Accuracy:P1} ({Positives} rare examples)";
}

/// <summary>
/// A small imbalanced binary problem and a logistic-regression classifier trained with a chosen loss, to compare
/// cross-entropy and focal loss on the rare class.
/// </summary>
public static class Imbalanced
{
    /// <summary>
    /// Two overlapping Gaussian clouds in 2-D with unit variance: the common class 0 around (0, 0), the rare class 1
    /// around (<paramref name="separation"/>, <paramref name="separation"/>)/√2, making up <paramref name="rareFraction"/>
    /// of the n points. Pure C#, seeded.
    /// </summary>
    public static ToyDataset MakeData(int n = 2000, double rareFraction = 0.05, double separation = 2.5, int seed = 0)
    {
        if (n < 10) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 10 points.");
        if (!(rareFraction > 0 && rareFraction < 0.5)) throw new ArgumentOutOfRangeException(nameof(rareFraction), rareFraction, "rareFraction must be between 0 and 0.5 (exclusive).");
        if (!(separation >= 0) || double.IsInfinity(separation)) throw new ArgumentOutOfRangeException(nameof(separation), separation, "separation must be a finite distance ≥ 0.");
        var rng = new Random(seed);
        int rare = Math.Max(1, (int)Math.Round(n * rareFraction));
        var xs = new float[2 * n];
        var labels = new long[n];
        double shift = separation / Math.Sqrt(2);
        for (int i = 0; i < n; i++)
        {
            bool isRare = i < rare;
            labels[i] = isRare ? 1 : 0;
            xs[2 * i] = (float)(Gaussian(rng) + (isRare ? shift : 0));
            xs[2 * i + 1] = (float)(Gaussian(rng) + (isRare ? shift : 0));
        }
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (xs[2 * i], xs[2 * j]) = (xs[2 * j], xs[2 * i]);
            (xs[2 * i + 1], xs[2 * j + 1]) = (xs[2 * j + 1], xs[2 * i + 1]);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
        return new ToyDataset("imbalanced clouds", xs, labels, 2);
    }

    /// <summary>
    /// Trains logistic regression (<c>nn.Linear(2, 1)</c>, seeded) full batch with Adam on <paramref name="train"/> using
    /// <paramref name="loss"/> (logits, 0/1 float targets) → scalar, then reports the rare class's recall and precision on
    /// <paramref name="test"/> at probability <paramref name="threshold"/>.
    /// </summary>
    public static RareClassReport Compare(ToyDataset train, ToyDataset test, Func<Tensor, Tensor, Tensor> loss, string name,
        int epochs = 300, double lr = 0.05, double threshold = 0.5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(loss);
        if (train.FeatureCount != test.FeatureCount) throw new ArgumentException($"test must have {train.FeatureCount} features like train, not {test.FeatureCount}.", nameof(test));
        if (epochs < 1 || epochs > 100_000) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be between 1 and 100000.");
        if (!(lr > 0) || double.IsInfinity(lr)) throw new ArgumentOutOfRangeException(nameof(lr), lr, "lr must be a finite number greater than 0.");
        if (!(threshold > 0 && threshold < 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be a probability between 0 and 1 (exclusive).");

        KitTorch.Seed(seed);
        using var model = nn.Linear(train.FeatureCount, 1, device: KitTorch.Device);
        var (x, y) = train.ToTensors();
        using var _x = x;
        using var _y = y;
        using var target = y.to(ScalarType.Float32);
        using var opt = optim.Adam(model.parameters(), lr: lr);
        var losses = new double[epochs];
        for (int e = 0; e < epochs; e++)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var value = loss(model.call(x).squeeze(1), target);
            value.backward();
            opt.step();
            losses[e] = value.item<float>();
        }

        var (xt, yt) = test.ToTensors();
        using var _xt = xt;
        using var _yt = yt;
        long[] predicted;
        using (no_grad())
        using (var scope = NewDisposeScope())
            predicted = (torch.sigmoid(model.call(xt).squeeze(1)) >= threshold).to(ScalarType.Int64).cpu().data<long>().ToArray();
        int tp = 0, fp = 0, fn = 0, correct = 0;
        for (int i = 0; i < test.Count; i++)
        {
            long truth = test.Labels[i], guess = predicted[i];
            if (truth == guess) correct++;
            if (truth == 1 && guess == 1) tp++;
            else if (truth == 0 && guess == 1) fp++;
            else if (truth == 1 && guess == 0) fn++;
        }
        // Recall tp/(tp+fn) and precision tp/(tp+fp), 0 when nothing was predicted positive (scikit-learn's zero_division=0).
        return new RareClassReport(name, tp + fn == 0 ? 0 : (double)tp / (tp + fn), tp + fp == 0 ? 0 : (double)tp / (tp + fp),
            (double)correct / test.Count, tp + fn, losses);
    }

    static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
