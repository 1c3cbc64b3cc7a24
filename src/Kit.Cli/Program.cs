using System.CommandLine;
using Kit.Cli.Run;

namespace Kit.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("The Kit: C# notebooks for the AWS MLA-C01 exam, and the tools around them.")
        {
            RunCommand.Create(),
            ExecNotebookCommand(),
            // More subcommands go here, one class each: `doctor`, `jupyter install`.
        };
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Hidden: the process `kit run` starts for each notebook.</summary>
    private static Command ExecNotebookCommand()
    {
        var path = new Argument<string>("notebook");
        var command = new Command(NotebookProcess.Subcommand, "Runs one notebook and reports to `kit run` (internal).") { path };
        command.Hidden = true;
        command.SetAction(async (parse, _) =>
        {
            var code = await NotebookRunner.RunAsync(parse.GetValue(path)!);
            // Threads a notebook left running must not keep its process alive.
            Console.Out.Flush();
            Environment.Exit(code);
            return code;
        });
        return command;
    }
}
