using System.CommandLine;
using Kit.Progress;
using Kit.Quizzes;
using Spectre.Console;

namespace Kit.Cli.Study;

/// <summary>
/// <c>kit quiz answer metrics-07 B D</c>: answers one question without an interactive prompt (shell scripts,
/// classroom drills read off a projector). Letters are the notebooks' shuffled ones unless --bank-order.
/// The answer is graded, explained and recorded like any other.
/// </summary>
internal static class AnswerCommand
{
    public static Command Create(Func<StudyContext>? context = null)
    {
        var id = new Argument<string>("id") { Description = "The question id, e.g. metrics-07" };
        var response = new Argument<string[]>("answer") { Description = "Option keys (B D), keys in order (C A D B), pairs (1=B 2=A) or a number", Arity = ArgumentArity.OneOrMore };
        var bankOrder = new Option<bool>("--bank-order") { Description = "Use the bank's own option letters instead of the notebooks' shuffled ones" };
        var command = new Command("answer", "Answers one question from the command line; the answer is graded, explained and recorded.") { id, response, bankOrder };
        command.SetAction(parse => Run((context ?? StudyContext.ForTerminal)(), parse.GetValue(id)!, parse.GetValue(response)!, parse.GetValue(bankOrder)));
        return command;
    }

    public static int Run(StudyContext ctx, string id, IReadOnlyList<string> response, bool bankOrder)
    {
        var c = ctx.Console;
        var question = ctx.AllQuestions.FirstOrDefault(q => string.Equals(q.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        if (question is null)
        {
            c.MarkupLine($"[red]No question '{Markup.Escape(id)}'.[/] Ids look like 'metrics-07'; topics: {Markup.Escape(string.Join(", ", ctx.Bank.Select(t => t.Topic)))}.");
            return 2;
        }
        if (!bankOrder && ctx.ShuffleSeed is { } seed) question = Shuffle.Apply(question, seed);
        Feedback feedback;
        try { feedback = Grader.Grade(question, ProgressStore.SplitResponse(question, string.Join(' ', response))); }
        catch (ArgumentException e)
        {
            c.MarkupLine($"[red]{Markup.Escape(e.Message.Split(" (Parameter")[0])}[/]");
            return 2;
        }
        AnswerPrompts.ShowFeedback(c, feedback);
        ctx.Record(feedback, AnswerSource.Terminal);
        return 0;
    }
}
