using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Kit.Runtime;

/// <summary>A warning the Kit raised: which API (<paramref name="Source"/>, e.g. "Regression.R2") and what it says.</summary>
public sealed record KitWarning(string Source, string Message)
{
    public override string ToString() => $"warning: {Source}: {Message}";
}

/// <summary>
/// The Kit's warnings, modelled on Python's <c>warnings</c> module: a result that is computed but deserves
/// doubt (scikit-learn's UndefinedMetricWarning, "least populated class" …) is reported here rather than
/// returned silently. By default each distinct warning is written once to standard error, as Python's default
/// filter does; <see cref="Raised"/> sees every occurrence; <see cref="Record"/> collects them instead of
/// printing (like <c>warnings.catch_warnings(record=True)</c>), for tests and notebooks that assert on them.
/// </summary>
public static class KitWarnings
{
    static readonly AsyncLocal<List<KitWarning>?> Recording = new();
    static readonly ConcurrentDictionary<KitWarning, byte> Printed = new();

    /// <summary>Every warning raised outside a <see cref="Record"/> scope, each time it is raised.</summary>
    public static event Action<KitWarning>? Raised;

    static TextWriter? _output;

    /// <summary>
    /// Where warnings are printed, once each: unless set, standard error as it is when a warning is printed (a
    /// notebook kernel redirects it per cell); <see cref="TextWriter.Null"/> prints nothing; null restores the default.
    /// </summary>
    [AllowNull]
    public static TextWriter Output { get => _output ?? Console.Error; set => _output = value; }

    public static void Warn(string source, string message)
    {
        var warning = new KitWarning(source, message);
        if (Recording.Value is { } recorded)
        {
            lock (recorded) recorded.Add(warning);
            return;
        }
        Raised?.Invoke(warning);
        if (Printed.TryAdd(warning, 0)) Output.WriteLine(warning);
    }

    /// <summary>
    /// Collects the warnings raised by this flow of execution (this thread and the tasks it starts) into
    /// <paramref name="warnings"/> until disposed, instead of printing them. Other threads are not affected.
    /// </summary>
    public static IDisposable Record(out IReadOnlyList<KitWarning> warnings)
    {
        var outer = Recording.Value;
        var list = new List<KitWarning>();
        Recording.Value = list;
        warnings = list;
        return new Scope(() => Recording.Value = outer);
    }

    sealed class Scope(Action end) : IDisposable
    {
        public void Dispose() => end();
    }
}
