using Kit.Quizzes;
using Spectre.Console;

namespace Kit.Terminal;

/// <summary>Shows a question and takes its answer in the shape its format needs.</summary>
public static class AnswerPrompts
{
    /// <summary>The case study's scenario (when the question has one and it was not just shown), then the question.</summary>
    /// <param name="listChoices">Also list a choice question's options (the exam shows them before its menu).</param>
    public static void Show(IAnsiConsole c, Question q, string heading, ref string? lastCase, bool listChoices = false)
    {
        c.WriteLine();
        c.Write(new Rule($"[bold]{Markup.Escape(heading)}[/]").LeftJustified());
        if (q.CaseStudy is { } cs && cs.Id != lastCase)
            c.Write(new Panel(new Markup(Markup.Escape(cs.Scenario)))
                .Header($"Case study: {Markup.Escape(cs.Title)}").Border(BoxBorder.Rounded).Expand());
        lastCase = q.CaseStudy?.Id;
        c.MarkupLine($"[bold]{Markup.Escape(q.Prompt)}[/] [grey]({Markup.Escape(q.Id)} · {Markup.Escape(q.Difficulty)})[/]");
        switch (q.Type)
        {
            case QuestionType.Single or QuestionType.Multiple when listChoices:
                foreach (var o in q.Options) c.MarkupLine($"  {Label(o)}");
                break;
            case QuestionType.Ordering:
                c.MarkupLine("[grey]Put these in order:[/]");
                foreach (var o in q.Options) c.MarkupLine($"  [bold]{Markup.Escape(o.Key)}.[/] {Markup.Escape(o.Text)}");
                break;
            case QuestionType.Matching:
                var grid = new Grid().AddColumn().AddColumn();
                grid.AddRow(new Markup("[grey]Items[/]"), new Markup("[grey]Options[/]"));
                for (int i = 0; i < Math.Max(q.Items.Count, q.Options.Count); i++)
                    grid.AddRow(
                        new Markup(i < q.Items.Count ? $"[bold]{Markup.Escape(q.Items[i].Key)}.[/] {Markup.Escape(q.Items[i].Text)}" : ""),
                        new Markup(i < q.Options.Count ? $"[bold]{Markup.Escape(q.Options[i].Key)}.[/] {Markup.Escape(q.Options[i].Text)}" : ""));
                c.Write(grid);
                break;
        }
    }

    public static async Task<IReadOnlyList<string>> AskAsync(IAnsiConsole c, Question q, CancellationToken ct)
    {
        switch (q.Type)
        {
            case QuestionType.Single:
            {
                var pick = await new SelectionPrompt<Option>()
                    .Title("Your answer:")
                    .PageSize(Math.Max(3, q.Options.Count))
                    .UseConverter(Label)
                    .AddChoices(q.Options)
                    .ShowAsync(c, ct);
                c.MarkupLine($"Your answer: [bold]{Markup.Escape(pick.Key)}[/]");
                return [pick.Key];
            }
            case QuestionType.Multiple:
            {
                int n = q.Choose ?? q.Answer.Count;
                while (true)
                {
                    var picks = await new MultiSelectionPrompt<Option>()
                        .Title($"Choose exactly {n}:")
                        .NotRequired()
                        .PageSize(Math.Max(3, q.Options.Count))
                        .InstructionsText("[grey](space: select or unselect, enter: done)[/]")
                        .UseConverter(Label)
                        .AddChoices(q.Options)
                        .ShowAsync(c, ct);
                    if (picks.Count == n)
                    {
                        var keys = picks.Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
                        c.MarkupLine($"Your answer: [bold]{Markup.Escape(string.Join(", ", keys))}[/]");
                        return keys;
                    }
                    c.MarkupLine($"[red]Choose exactly {n}, not {picks.Count}.[/]");
                }
            }
            default:
            {
                var hint = q.Type switch
                {
                    QuestionType.Ordering => $"Keys in order, first to last (e.g. {string.Join(" ", q.Options.Select(o => o.Key).Reverse())}):",
                    QuestionType.Matching => $"Matches as item=option (e.g. {string.Join(" ", q.Items.Select(i => $"{i.Key}={q.Options[0].Key}"))}):",
                    _ => "Your answer (a number):",
                };
                var raw = await new TextPrompt<string>(Markup.Escape(hint))
                    .Validate(s => Check(q, s))
                    .ShowAsync(c, ct);
                return [raw];
            }
        }
    }

    /// <summary>
    /// The same question answered from lines of text (standard input piped in, where no menu can be shown): the
    /// option keys, e.g. <c>B</c> or <c>B D</c>, steps in order, <c>1=B 2=A</c> pairs, or a number. A line of the wrong
    /// shape is explained and the next one read. Null when the input has ended.
    /// </summary>
    public static IReadOnlyList<string>? AskLine(IAnsiConsole c, Question q, TextReader input)
    {
        var hint = q.Type switch
        {
            QuestionType.Single => "Your answer (one option's key):",
            QuestionType.Multiple => $"Your answer ({q.Choose ?? q.Answer.Count} keys, e.g. {string.Join(" ", q.Options.Take(q.Choose ?? q.Answer.Count).Select(o => o.Key))}):",
            QuestionType.Ordering => $"Keys in order, first to last (e.g. {string.Join(" ", q.Options.Select(o => o.Key).Reverse())}):",
            QuestionType.Matching => $"Matches as item=option (e.g. {string.Join(" ", q.Items.Select(i => $"{i.Key}={q.Options[0].Key}"))}):",
            _ => "Your answer (a number):",
        };
        while (true)
        {
            c.MarkupLine(Markup.Escape(hint));
            var line = input.ReadLine();
            if (line is null) return null;
            line = line.Trim();
            if (line.Length == 0) continue;
            IReadOnlyList<string> response = q.Type is QuestionType.Single or QuestionType.Multiple
                ? line.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                : [line];
            try
            {
                Grader.Grade(q, AnswerPipeline.Parse(q, response));
                c.MarkupLine($"Your answer: [bold]{Markup.Escape(string.Join(" ", response))}[/]");
                return response;
            }
            catch (ArgumentException e)
            {
                c.MarkupLine($"[red]{Markup.Escape(Message(e))}[/]");
            }
        }
    }

    static string Label(Option o) => $"{Markup.Escape(o.Key)}. {Markup.Escape(o.Text)}";

    /// <summary>Accepts any answer of the right shape (the grader says what is wrong with the shape, never whether it is right).</summary>
    static ValidationResult Check(Question q, string raw)
    {
        try
        {
            Grader.Grade(q, AnswerPipeline.Parse(q, [raw]));
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"[red]{Markup.Escape(Message(e))}[/]");
        }
    }

    /// <summary>An argument error's message without .NET's " (Parameter 'x')" tail.</summary>
    public static string Message(ArgumentException e) => e.Message.Split(" (Parameter", 2)[0];

    /// <summary>Feedback with every explanation, the exam tip, and (when given) where the question now sits.</summary>
    public static void ShowFeedback(IAnsiConsole c, Feedback f)
    {
        c.MarkupLine(f.Correct ? "[green bold]Correct.[/]" : $"[red bold]Not quite.[/] {Markup.Escape(f.Expected)}");
        foreach (var e in f.Explanations) c.MarkupLine($"  {Markup.Escape(e)}");
        if (f.Question.Tip is { } tip) c.MarkupLine($"  [blue]Exam tip:[/] {Markup.Escape(tip)}");
    }
}
