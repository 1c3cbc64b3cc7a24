using System.CommandLine;
using Kit.Cli.Bundle;
using Kit.Cli.Container;
using Kit.Cli.Doctor;
using Kit.Cli.Export;
using Kit.Cli.GpuCheck;
using Kit.Cli.Jupyter;
using Kit.Cli.Run;
using Kit.Cli.Site;
using Kit.Cli.Study;

namespace Kit.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("The Kit: C# notebooks for the AWS MLA-C01 exam, and the tools around them.")
        {
            RunCommand.Create(),
            DoctorCommand(),
            JupyterCommand(),
            QuizCommand.Create(),
            ProgressCommand.Create(),
            ClassCommand.Create(),
            ExecNotebookCommand(),
            ContainerCommand.Create(),
            BundleCommands.Bundle(),
            BundleCommands.Setup(),
            SiteCommand.Create(),
            ExportCommand.Create(),
            GpuCheckCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync();
    }

    static Command DoctorCommand()
    {
        var command = new Command("doctor", "Checks what the Kit needs (.NET SDK, libstdc++, TorchSharp, device, Jupyter, kernelspec, package feed), with fixes.");
        command.SetAction(_ => Doctor.DoctorCommand.Run(Console.Out));
        return command;
    }

    static Command JupyterCommand()
    {
        var kernelsDir = new Option<string?>("--kernels-dir") { Description = "Jupyter kernels folder (default: the per-user Jupyter data folder's kernels/)" };
        var toolPath = new Option<string?>("--tool-path") { Description = "Where to install the pinned dotnet-interactive tool (default: ~/.kit/tools/)" };
        var install = new Command("install", "Installs or updates the pinned dotnet-interactive tool and the '.net-csharp' kernelspec (HTTP port on localhost only).")
        {
            kernelsDir, toolPath,
        };
        install.SetAction(parse => JupyterInstaller.Install(
            new JupyterInstaller.Options(parse.GetValue(kernelsDir), parse.GetValue(toolPath)), Console.Out));
        return new Command("jupyter", "Real Jupyter support.") { install };
    }

    /// <summary>Hidden: the process `kit run` starts for each notebook.</summary>
    private static Command ExecNotebookCommand()
    {
        var path = new Argument<string>("notebook");
        var maxOutput = RunCommand.MaxOutputOption();
        var command = new Command(NotebookProcess.Subcommand, "Runs one notebook and reports to `kit run` (internal).") { path, maxOutput };
        command.Hidden = true;
        command.SetAction(async (parse, _) =>
        {
            var code = await NotebookRunner.RunAsync(parse.GetValue(path)!, parse.GetValue(maxOutput));
            // Threads a notebook left running must not keep its process alive.
            Console.Out.Flush();
            Environment.Exit(code);
            return code;
        });
        return command;
    }
}
