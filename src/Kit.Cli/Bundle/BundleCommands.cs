using System.CommandLine;

namespace Kit.Cli.Bundle;

/// <summary>The classroom verbs: <c>kit bundle &lt;folder&gt;</c> (instructor) and <c>kit setup --from &lt;folder&gt;</c> (student).</summary>
public static class BundleCommands
{
    public static Command Bundle()
    {
        var folder = new Argument<string>("folder") { Description = "A new or empty folder for the bundle (e.g. on a USB stick)" };
        var command = new Command("bundle", "Writes an offline bundle for a classroom: the NuGet packages, the notebook tool and the Kit's source, so students install with no network.") { folder };
        command.SetAction(parse => Report("bundle", () => BundleWriter.Write(parse.GetValue(folder)!, Console.Out)));
        return command;
    }

    public static Command Setup()
    {
        var from = new Option<string>("--from") { Description = "The bundle folder `kit bundle` wrote", Required = true };
        var command = new Command("setup", "Installs from an offline bundle: checks it, copies its packages to ~/.kit/feed and makes them this user's NuGet source.") { from };
        command.SetAction(parse => Report("setup", () => BundleSetup.Install(parse.GetValue(from)!, Console.Out)));
        return command;
    }

    /// <summary>Exit code 2 and the message on standard error for what the person can fix (the folder, the bundle).</summary>
    static int Report(string verb, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (BundleException e)
        {
            Console.Error.WriteLine($"kit {verb}: {e.Message}");
            return 2;
        }
    }
}
