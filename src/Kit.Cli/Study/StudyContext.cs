using Kit.Progress;
using Kit.Quizzes;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary>
/// What the study commands use from the outside world: the console, standard error, the question bank, the progress
/// store and the clock. The terminal gets the real ones; tests drive a Spectre TestConsole with their own bank and store.
/// As the host, it attaches the store to the answer pipeline every command answers through.
/// </summary>
internal sealed class StudyContext(IAnsiConsole console, TextWriter error, Func<IReadOnlyList<QuizTopic>> loadBank, Func<ProgressStore> openStore, TimeProvider clock)
{
    IReadOnlyList<QuizTopic>? bank;
    IReadOnlyList<Question>? allQuestions;
    ProgressStore? store;
    AnswerPipeline? pipeline;

    public IAnsiConsole Console { get; } = console;
    /// <summary>Errors, one plain line each (never wrapped), so scripts can read them apart from the output.</summary>
    public TextWriter Error { get; } = error;
    public TimeProvider Clock { get; } = clock;
    /// <summary>Loaded on first use: a broken bank file throws <see cref="QuizBankException"/>, which <see cref="Run"/> reports.</summary>
    public IReadOnlyList<QuizTopic> Bank => bank ??= loadBank();
    public IReadOnlyList<Question> AllQuestions => allQuestions ??= Bank.SelectMany(t => t.AllQuestions).ToList();
    public ProgressStore Store => store ??= openStore();
    /// <summary>Options are shuffled as in the notebooks' widgets (same letters); null: bank order.</summary>
    public int? ShuffleSeed { get; init; } = Quiz.DefaultSeed;
    /// <summary>The output is not a terminal (a file or a pipe): print plain lines that are never cut or wrapped.</summary>
    public bool Plain { get; init; }

    public static StudyContext ForTerminal()
    {
        var console = AnsiConsole.Console;
        return new StudyContext(console, System.Console.Error, () => QuizBank.Topics.Select(QuizBank.Topic).ToList(),
            () => new ProgressStore(ProgressStore.DefaultPath, notify: m => console.MarkupLine($"[yellow]{Markup.Escape(m)}[/]")),
            TimeProvider.System) { Plain = System.Console.IsOutputRedirected };
    }

    /// <summary>Runs a study command; a broken bank file ends it with one line naming the file, the question and the problem (exit code 1).</summary>
    public static async Task<int> Run(Func<StudyContext>? context, Func<StudyContext, Task<int>> command)
    {
        var ctx = (context ?? ForTerminal)();
        try { return await command(ctx); }
        catch (QuizBankException e)
        {
            ctx.Error.WriteLine($"The question bank is broken: {e.Message}");
            return 1;
        }
    }

    /// <summary>find → shuffle as shown → parse → grade → record: the one pipeline, with this host's store attached.</summary>
    public AnswerOutcome Submit(string id, int? seed, IEnumerable<string> response, AnswerSource source) =>
        Pipeline.Submit(AllQuestions, "the bank", id, seed, response, source);

    /// <summary>The answer pipeline with this host's store attached.</summary>
    public AnswerPipeline Pipeline => pipeline ??= new AnswerPipeline(new ProgressRecorder(() => Store, m => Error.WriteLine(m)).Record);

    /// <summary>The progress so far; an empty one when the store cannot be read (the reason is shown once).</summary>
    public ProgressReport Report()
    {
        var refs = AllQuestions.Select(q => q.Ref).ToList();
        try { return Store.Report(refs); }
        catch (Exception e) when (e is ProgressStoreException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"Progress could not be read: {e.Message}");
            return new ProgressReport([], refs, Clock.GetUtcNow());
        }
    }

    /// <summary>Writes the unknown-topic error (with every valid topic) and returns exit code 2; null if the topic is known.</summary>
    public int? RejectUnknownTopic(string? topic, out QuizTopic? found)
    {
        found = null;
        if (topic is null) return null;
        found = Bank.FirstOrDefault(t => string.Equals(t.Topic, topic.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is not null) return null;
        Error.WriteLine($"Unknown topic '{topic}'. Valid topics:");
        foreach (var t in Bank.OrderBy(t => t.Topic, StringComparer.Ordinal))
            Error.WriteLine($"  {t.Topic} ({t.Title}, {t.AllQuestions.Count} questions)");
        return 2;
    }
}
