using Kit.Runtime;

namespace Kit.Tests;

/// <summary>KitWarnings.Output and Raised are process-wide, so these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(KitWarningsTests), DisableParallelization = true)]
public class KitWarningsCollection;

[Collection(nameof(KitWarningsTests))]
public class KitWarningsTests
{
    [Fact]
    public void A_warning_is_printed_once_and_raised_every_time()
    {
        var printed = new StringWriter();
        var raised = new List<KitWarning>();
        var before = KitWarnings.Output;
        void Observe(KitWarning w) => raised.Add(w);
        KitWarnings.Output = printed;
        KitWarnings.Raised += Observe;
        try
        {
            string message = $"a warning seen for the first time ({Guid.NewGuid()})";
            KitWarnings.Warn("Tests.Source", message);
            KitWarnings.Warn("Tests.Source", message);
            Assert.Equal($"warning: Tests.Source: {message}{Environment.NewLine}", printed.ToString());
            Assert.Equal(2, raised.Count);
        }
        finally
        {
            KitWarnings.Raised -= Observe;
            KitWarnings.Output = before;
        }
    }

    [Fact]
    public void Recorded_warnings_are_neither_printed_nor_raised_and_stay_in_their_own_flow()
    {
        var printed = new StringWriter();
        var raised = new List<KitWarning>();
        var before = KitWarnings.Output;
        void Observe(KitWarning w) => raised.Add(w);
        KitWarnings.Output = printed;
        KitWarnings.Raised += Observe;
        try
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
            Assert.Empty(raised);
            Assert.Equal("", printed.ToString());
            KitWarnings.Warn("Tests.Source", $"after the recording ({Guid.NewGuid()})");
            Assert.Single(raised);
        }
        finally
        {
            KitWarnings.Raised -= Observe;
            KitWarnings.Output = before;
        }
    }
}
