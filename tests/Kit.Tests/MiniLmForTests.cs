using Kit.Embeddings;

namespace Kit.Tests;

/// <summary>One MiniLM for the whole test run: loading it takes seconds, and inference on one loaded session is thread-safe.</summary>
static class MiniLmForTests
{
    static readonly Lazy<MiniLm> Loaded = new(() => MiniLm.Load(threads: 1));

    public static MiniLm Model => Loaded.Value;
}
