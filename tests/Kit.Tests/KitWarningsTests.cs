using Kit.Runtime;

namespace Kit.Tests;

/// <summary>KitWarnings.Output and Raised are process-wide, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(KitWarningsTests), DisableParallelization = true)]
public class KitWarningsCollection;

/// <summary>Each test observes KitWarnings through its own writer and handler; standard error is restored afterwards.</summary>
[Collection(nameof(KitWarningsTests))]
public sealed class KitWarningsTests : IDisposable
{
    readonly StringWriter _printed = new();
    readonly List<KitWarning> _raised = [];

    public KitWarningsTests()
    {
        KitWarnings.Output = _printed;
        KitWarnings.Raised += Observe;
    }

    void Observe(KitWarning w) => _raised.Add(w);

    public void Dispose()
    {
        KitWarnings.Raised -= Observe;
        KitWarnings.Output = null; // back to standard error
    }

    [Fact]
    public void A_warning_is_printed_once_and_raised_every_time()
    {
        string message = $"a warning seen for the first time ({Guid.NewGuid()})";
        KitWarnings.Warn("Tests.Source", message);
        KitWarnings.Warn("Tests.Source", message);
        Assert.Equal($"warning: Tests.Source: {message}{Environment.NewLine}", _printed.ToString());
        Assert.Equal(2, _raised.Count);
    }

    [Fact]
    public void Recorded_warnings_are_neither_printed_nor_raised_and_stay_in_their_own_flow()
    {
        IReadOnlyList<KitWarning> other = [];
        using (KitWarnings.Record(out var warned))
        {
            Parallel.For(0, 4, i => KitWarnings.Warn("Tests.Source", $"from task {i}"));
            var elsewhere = new Thread(() => { using (KitWarnings.Record(out other)) KitWarnings.Warn("Tests.Source", "from another recording"); });
            elsewhere.Start();
            elsewhere.Join();
            Assert.Equal(4, warned.Count);
        }
        Assert.Equal("from another recording", Assert.Single(other).Message);
        Assert.Empty(_raised);
        Assert.Equal("", _printed.ToString());
        KitWarnings.Warn("Tests.Source", $"after the recording ({Guid.NewGuid()})");
        Assert.Single(_raised);
    }
}
