using Xunit.Sdk;

namespace Kit.Tests;

/// <summary>
/// Runs a claim test's experiment over several seeds, so that a lesson's claim is checked as an effect, not as the
/// luck of one seed. The claim is an action that asserts at one seed; it runs at every seed, and the failures are
/// collected so the message shows each failing seed with its own reason.
/// </summary>
static class Seeds
{
    /// <summary>The seeds every claim test runs unless it says otherwise: five, small enough to stay fast.</summary>
    public static readonly IReadOnlyList<int> Range = [0, 1, 2, 3, 4];

    /// <summary>Asserts the claim at every seed of <paramref name="seeds"/> (default <see cref="Range"/>).</summary>
    public static void Every(Action<int> claim, IReadOnlyList<int>? seeds = null)
    {
        var (failures, count) = Run(claim, seeds);
        if (failures.Count > 0)
            throw new XunitException($"The claim failed at {failures.Count} of {count} seeds:\n{string.Join("\n", failures)}");
    }

    /// <summary>
    /// Asserts the claim at no fewer than <paramref name="share"/> of the seeds, for an effect that is real but not
    /// certain at each seed; <paramref name="reason"/> says why, and is shown when the share is not reached.
    /// </summary>
    public static void AtLeast(double share, string reason, Action<int> claim, IReadOnlyList<int>? seeds = null)
    {
        if (!(share > 0 && share < 1)) throw new ArgumentOutOfRangeException(nameof(share), share, "share must be between 0 and 1 (use Every for all seeds).");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("say why the claim may fail at some seeds.", nameof(reason));
        var (failures, count) = Run(claim, seeds);
        int passed = count - failures.Count;
        if (passed < share * count)
            throw new XunitException($"The claim held at {passed} of {count} seeds, fewer than {share:P0} ({reason}):\n{string.Join("\n", failures)}");
    }

    static (List<string> Failures, int Count) Run(Action<int> claim, IReadOnlyList<int>? seeds)
    {
        ArgumentNullException.ThrowIfNull(claim);
        seeds ??= Range;
        if (seeds.Count < 5) throw new ArgumentException($"a claim needs at least 5 seeds, not {seeds.Count}.", nameof(seeds));
        var failures = new List<string>();
        foreach (int seed in seeds)
        {
            try { claim(seed); }
            catch (XunitException e) { failures.Add($"  seed {seed}: {e.Message.ReplaceLineEndings(" ")}"); }
        }
        return (failures, seeds.Count);
    }
}

public class SeedsTests
{
    [Fact]
    public void A_claim_that_fails_at_one_seed_fails_with_that_seed_named()
    {
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Seeds.Every(seed => Assert.True(seed != 3, "three")));
        Assert.Contains("1 of 5 seeds", e.Message);
        Assert.Contains("seed 3: three", e.Message);
        Seeds.Every(seed => Assert.InRange(seed, 0, 4));
    }

    [Fact]
    public void A_stated_share_passes_at_that_share_and_fails_below_it_with_the_reason()
    {
        Seeds.AtLeast(0.6, "two seeds are known to miss", seed => Assert.True(seed < 3));
        var e = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Seeds.AtLeast(0.8, "one seed may miss", seed => Assert.True(seed < 3)));
        Assert.Contains("3 of 5 seeds", e.Message);
        Assert.Contains("one seed may miss", e.Message);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => Seeds.AtLeast(0.5, " ", _ => { })).ParamName);
        Assert.Equal("seeds", Assert.Throws<ArgumentException>(() => Seeds.Every(_ => { }, [1, 2])).ParamName);
    }
}
