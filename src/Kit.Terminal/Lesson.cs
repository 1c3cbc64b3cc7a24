using System.Globalization;
using System.Text.Json.Nodes;
using Kit.Charts;
using Kit.Progress;
using Kit.Quizzes;
using Kit.Runtime;
using Spectre.Console;

namespace Kit.Terminal;

/// <summary>
/// The host a lesson exported by <c>kit export --to cs</c> runs in, in place of the notebook: what a cell showed is
/// shown here instead. Charts are saved as HTML pages (plotly.js inside, no network) in the lesson's output folder,
/// quizzes are asked at the prompt as <c>kit quiz</c> asks them (menus in a terminal, lines when standard input is
/// piped), answers are recorded in the progress store like the notebook's, and anything else is printed.
/// </summary>
public static class Lesson
{
    static IAnsiConsole _console = AnsiConsole.Console;
    static TextReader _input = Console.In;
    static int _pages, _asked, _right;
    static bool _inputEnded;

    public static string Name { get; private set; } = "lesson";

    /// <summary>Where charts and HTML pages go: <c>&lt;lesson&gt;-output/</c> in the current folder.</summary>
    public static string OutputFolder { get; private set; } = Path.GetFullPath("lesson-output");

    /// <summary>Starts the lesson: the output folder, the answer recorder, TorchSharp, and the banner line.</summary>
    public static void Start(string name, IAnsiConsole? console = null, TextReader? input = null, string? outputFolder = null)
    {
        Name = name;
        _console = console ?? AnsiConsole.Console;
        _input = input ?? Console.In;
        _pages = _asked = _right = 0;
        _inputEnded = false;
        OutputFolder = Path.GetFullPath(outputFolder ?? $"{name}-output");
        Directory.CreateDirectory(OutputFolder);
        AnswerPipeline.Shared = new AnswerPipeline(new ProgressRecorder(() => ProgressStore.Default, m => _console.MarkupLine($"[yellow]{Markup.Escape(m)}[/]")).Record);
        _console.Write(new Rule($"[bold]{Markup.Escape(name)}[/]").LeftJustified());
        _console.MarkupLine($"[grey]{Markup.Escape(KitBanner.Line())}[/]");
        _console.MarkupLine($"[grey]Charts are saved in {Markup.Escape(OutputFolder)}; open them in a browser.[/]");
    }

    /// <summary>A heading of the lesson's text, to show where the code is.</summary>
    public static void Heading(string text) => _console.Write(new Rule(Markup.Escape(text)).LeftJustified());

    /// <summary>What a notebook cell would have displayed.</summary>
    public static void Show(object? value)
    {
        switch (value)
        {
            case null:
                break;
            case Figure figure:
                Save(figure.ToHtml(), Title(figure) ?? "chart", "chart");
                break;
            case Quiz quiz:
                Ask(quiz);
                break;
            case Feedback feedback:
                AnswerPrompts.ShowFeedback(_console, feedback);
                break;
            default:
                _console.WriteLine(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    /// <summary>A notebook's <c>HTML(…)</c> output, saved as a page of its own.</summary>
    public static void Html(string html) => Save(html, "page", "page");

    /// <summary>The end of the lesson: how the quizzes went and where the charts are.</summary>
    public static void End()
    {
        _console.WriteLine();
        _console.MarkupLine($"[bold]{Markup.Escape(Name)} done.[/] {_pages} page(s) saved in {Markup.Escape(OutputFolder)}."
            + (_asked > 0 ? $" Quiz: {_right} of {_asked} right." : ""));
    }

    static void Save(string body, string title, string kind)
    {
        var file = Path.Combine(OutputFolder, $"{kind}-{++_pages:00}.html");
        KitPaths.WriteAtomically(file, ChartHtml.Page(title, body));
        _console.MarkupLine($"[blue]{(kind == "chart" ? "Chart" : "Page")} saved:[/] {Markup.Escape(file)} [grey]({Markup.Escape(title)})[/]");
    }

    static string? Title(Figure figure) => figure.Layout["title"] switch
    {
        JsonObject t => (string?)t["text"],
        JsonValue v => v.ToString(),
        _ => null,
    };

    static void Ask(Quiz quiz)
    {
        _console.WriteLine();
        _console.MarkupLine($"[bold]Self-check: {Markup.Escape(quiz.Title)}[/] — {quiz.Questions.Count} question(s).");
        if (_inputEnded)
        {
            _console.MarkupLine("[grey]Standard input has ended: the quiz is skipped.[/]");
            return;
        }
        string? lastCase = null;
        int n = 0;
        foreach (var q in quiz.Questions)
        {
            AnswerPrompts.Show(_console, q, $"{++n}/{quiz.Questions.Count} · {q.Topic}", ref lastCase, listChoices: !_console.Profile.Capabilities.Interactive);
            var response = _console.Profile.Capabilities.Interactive
                ? AnswerPrompts.AskAsync(_console, q, CancellationToken.None).GetAwaiter().GetResult()
                : AnswerPrompts.AskLine(_console, q, _input);
            if (response is null)
            {
                _inputEnded = true;
                _console.MarkupLine("[grey]Standard input has ended: the rest of the quiz is skipped.[/]");
                return;
            }
            var feedback = AnswerPipeline.Shared.Submit([QuizBank.Find(q.Id)], "this lesson", q.Id, quiz.ShuffleSeed, response, AnswerSource.Terminal).Feedback;
            AnswerPrompts.ShowFeedback(_console, feedback);
            _asked++;
            if (feedback.Correct) _right++;
        }
    }
}
