using Kit.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Kit.Regularization;

/// <summary>
/// Data augmentation for the 8×8 digits: shifted copies of the images (a digit moved by a pixel is still the same
/// digit). Images are rows of 64 pixels; pixels shifted in from outside are 0 (background).
/// </summary>
public static class Augmentation
{
    /// <summary>Every image moved by (dx, dy) pixels: dx &gt; 0 to the right, dy &gt; 0 down.</summary>
    public static Tensor Shift(Tensor images, int dx, int dy)
    {
        CheckImages(images);
        if (Math.Abs(dx) >= Digits.Side) throw new ArgumentOutOfRangeException(nameof(dx), dx, "dx must be between −7 and 7 pixels.");
        if (Math.Abs(dy) >= Digits.Side) throw new ArgumentOutOfRangeException(nameof(dy), dy, "dy must be between −7 and 7 pixels.");
        using var scope = NewDisposeScope();
        const int s = Digits.Side;
        long n = images.shape[0];
        var grid = images.reshape(n, s, s);
        // Pad by 7 on every side, then cut out the 8×8 window displaced by (−dx, −dy).
        var padded = nn.functional.pad(grid, [s - 1, s - 1, s - 1, s - 1]);
        var window = padded.narrow(1, s - 1 - dy, s).narrow(2, s - 1 - dx, s);
        return window.reshape(n, Digits.Pixels).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Each image moved by its own random shift, dx and dy uniform in −maxShift…maxShift. Uses torch's generator,
    /// which the Trainer seeds every epoch; use it as <c>trainer.TrainTransform = x =&gt; Augmentation.RandomShift(x, 1)</c>.
    /// </summary>
    public static Tensor RandomShift(Tensor images, int maxShift = 1)
    {
        CheckImages(images);
        if (maxShift < 0 || maxShift >= Digits.Side) throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, "maxShift must be between 0 and 7 pixels.");
        if (maxShift == 0) return images.alias();
        long n = images.shape[0];
        var shifts = randint(-maxShift, maxShift + 1, [n, 2], dtype: ScalarType.Int64).data<long>().ToArray();
        return ShiftEach(images, shifts);
    }

    /// <summary>The same, with shifts drawn from a seeded <see cref="System.Random"/> (a fixed "shifted test set").</summary>
    public static Tensor RandomShift(Tensor images, int maxShift, int seed)
    {
        CheckImages(images);
        if (maxShift < 0 || maxShift >= Digits.Side) throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, "maxShift must be between 0 and 7 pixels.");
        var rng = new Random(seed);
        long n = images.shape[0];
        var shifts = new long[2 * n];
        for (int i = 0; i < shifts.Length; i++) shifts[i] = rng.Next(-maxShift, maxShift + 1);
        return ShiftEach(images, shifts);
    }

    static Tensor ShiftEach(Tensor images, long[] shifts)
    {
        using var scope = NewDisposeScope();
        long n = images.shape[0];
        var result = zeros_like(images);
        foreach (var group in Enumerable.Range(0, (int)n).GroupBy(i => (shifts[2 * i], shifts[2 * i + 1])))
        {
            var idx = tensor(group.Select(i => (long)i).ToArray(), dtype: ScalarType.Int64, device: images.device);
            var shifted = Shift(images.index_select(0, idx), (int)group.Key.Item1, (int)group.Key.Item2);
            result.index_copy_(0, idx, shifted);
        }
        return result.MoveToOuterDisposeScope();
    }

    static void CheckImages(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 2 || images.shape[1] != Digits.Pixels)
            throw new ArgumentException($"images must have shape [n, 64] (8×8 digits as rows), not [{string.Join(", ", images.shape)}].", nameof(images));
    }
}
