using System.CommandLine;
using Kit.Progress;
using Kit.Quizzes;
using Kit.Terminal;

namespace Kit.Cli.Study;

/// <summary>
/// <c>kit quiz answer metrics-07 B D</c>: answers one question without an interactive prompt (shell scripts,
/// classroom drills read off a projector). Letters are the notebooks' shuffled ones unless --bank-order.
/// The answer goes through the same pipeline as every other: graded, explained and recorded. Errors go to standard error.
/// </summary>
internal static class AnswerCommand
{
    public static Command Create(Func<StudyContext>? context = null)
    {
        var id = new Argument<string>("id") { Description = "The question id, e.g. metrics-07" };
        var response = new Argument<string[]>("answer") { Description = "Option keys (B D), keys in order (C A D B), pairs (1=B 2=A) or a number", Arity = ArgumentArity.OneOrMore };
        var bankOrder = new Option<bool>("--bank-order") { Description = "Use the bank's own option letters instead of the notebooks' shuffled ones" };
        var command = new Command("answer", "Answers one question from the command line; the answer is graded, explained and recorded.") { id, response, bankOrder };
        command.SetAction((parse, _) => StudyContext.Run(context,
            ctx => Task.FromResult(Run(ctx, parse.GetValue(id)!, parse.GetValue(response)!, parse.GetValue(bankOrder)))));
        return command;
    }

    public static int Run(StudyContext ctx, string id, IReadOnlyList<string> response, bool bankOrder)
    {
        AnswerOutcome outcome;
        try { outcome = ctx.Submit(id, bankOrder ? null : ctx.ShuffleSeed, response, AnswerSource.Terminal); }
        catch (ArgumentException e)
        {
            ctx.Error.WriteLine(AnswerPrompts.Message(e));
            return 2;
        }
        AnswerPrompts.ShowFeedback(ctx.Console, outcome.Feedback);
        return 0;
    }
}
