using System.CommandLine;

namespace Kit.Cli.Bundle;

/// <summary>The classroom verbs: <c>kit bundle &lt;folder&gt;</c> (instructor) and <c>kit setup --from &lt;folder&gt;</c> (student).</summary>
public static class BundleCommands
{
    public static Command Bundle()
    {
        var folder = new Argument<string>("folder") { Description = "A new or empty folder for the bundle (e.g. on a USB stick)" };
        var command = new Command("bundle", "Writes an offline bundle for a classroom: the NuGet packages, the notebook tool and the Kit's source, so students install with no network.") { folder };
        command.SetAction(parse => BundleWriter.Run(parse.GetValue(folder)!, Console.Out, Console.Error));
        return command;
    }

    public static Command Setup()
    {
        var from = new Option<string>("--from") { Description = "The bundle folder `kit bundle` wrote", Required = true };
        var command = new Command("setup", "Installs from an offline bundle: checks it, copies its packages to ~/.kit/feed and makes them this user's NuGet source.") { from };
        command.SetAction(parse => BundleSetup.Run(parse.GetValue(from)!, Console.Out, Console.Error));
        return command;
    }
}
