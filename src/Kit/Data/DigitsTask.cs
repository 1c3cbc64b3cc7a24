using static TorchSharp.torch;

namespace Kit.Data;

/// <summary>
/// The digits classification task the training lessons share: a stratified 75/25 split of the 1,797 images
/// (seed 0), pixels scaled to [0, 1], as tensors on <see cref="Kit.Runtime.KitTorch.Device"/>.
/// </summary>
public sealed record DigitsTask(Tensor X, Tensor Y, Tensor XVal, Tensor YVal, ToyDataset Train, ToyDataset Validation)
{
    /// <param name="trainSize">keep only this many training examples (a seeded subset), or all 1,348</param>
    public static DigitsTask Load(int? trainSize = null, int seed = 0)
    {
        var (train, val) = DataSplit.TrainValidation(Digits.Load(), 0.25, seed);
        if (trainSize is int n) train = DataSplit.Take(train, n, seed);
        var (x, y) = train.ToTensors();
        var (xv, yv) = val.ToTensors();
        return new DigitsTask(x, y, xv, yv, train, val);
    }

    public override string ToString() => $"digits: {Train.Count} training and {Validation.Count} validation images, 64 pixels each, 10 classes";
}
