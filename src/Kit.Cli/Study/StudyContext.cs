using Kit.Progress;
using Kit.Quizzes;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary>
/// What the study commands use from the outside world: the console, the question bank, the progress store and
/// the clock. The terminal gets the real ones; tests drive a Spectre TestConsole with their own bank and store.
/// </summary>
internal sealed class StudyContext(IAnsiConsole console, IReadOnlyList<QuizTopic> bank, Func<ProgressStore> openStore, TimeProvider clock)
{
    ProgressStore? store;

    public IAnsiConsole Console { get; } = console;
    public IReadOnlyList<QuizTopic> Bank { get; } = bank;
    public TimeProvider Clock { get; } = clock;
    public ProgressStore Store => store ??= openStore();
    /// <summary>Options are shuffled as in the notebooks' widgets (same letters); null: bank order.</summary>
    public int? ShuffleSeed { get; init; } = Quiz.DefaultSeed;

    public IEnumerable<Question> AllQuestions => Bank.SelectMany(t => t.AllQuestions);

    public static StudyContext ForTerminal()
    {
        var console = AnsiConsole.Console;
        return new StudyContext(console, QuizBank.Topics.Select(QuizBank.Topic).ToList(),
            () => new ProgressStore(ProgressStore.DefaultPath, notify: m => console.MarkupLine($"[yellow]{Markup.Escape(m)}[/]")),
            TimeProvider.System);
    }

    /// <summary>The progress so far; an empty one when the store cannot be read (the reason is shown once).</summary>
    public ProgressReport Report()
    {
        try { return Store.Report(AllQuestions); }
        catch (Exception e) when (e is ProgressStoreException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            Console.MarkupLine($"[yellow]Progress could not be read: {Markup.Escape(e.Message)}[/]");
            return new ProgressReport([], AllQuestions, Clock.GetUtcNow());
        }
    }

    /// <summary>Records an answer unless KIT_PROGRESS=off; false (with the reason shown) if it could not be stored.</summary>
    public bool Record(Feedback feedback, AnswerSource source)
    {
        if (!ProgressStore.Enabled) return false;
        try { Store.Record(feedback, source); return true; }
        catch (Exception e) when (e is ProgressStoreException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            Console.MarkupLine($"[yellow]This answer was not recorded: {Markup.Escape(e.Message)}[/]");
            return false;
        }
    }

    /// <summary>Writes the unknown-topic error (with every valid topic) and returns exit code 2; null if the topic is known.</summary>
    public int? RejectUnknownTopic(string? topic, out QuizTopic? found)
    {
        found = null;
        if (topic is null) return null;
        found = Bank.FirstOrDefault(t => string.Equals(t.Topic, topic.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is not null) return null;
        Console.MarkupLine($"[red]Unknown topic '{Markup.Escape(topic)}'.[/] Valid topics:");
        foreach (var t in Bank.OrderBy(t => t.Topic, StringComparer.Ordinal))
            Console.MarkupLine($"  {Markup.Escape(t.Topic)} [grey]({Markup.Escape(t.Title)}, {t.AllQuestions.Count} questions)[/]");
        return 2;
    }
}
