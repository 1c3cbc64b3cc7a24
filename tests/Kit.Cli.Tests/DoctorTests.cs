namespace Kit.Cli.Tests;

/// <summary><c>kit doctor</c> as a brand-new user meets it: an empty HOME, or a KIT_HOME that cannot be used.</summary>
public sealed class DoctorTests
{
    static Dictionary<string, string> FreshHome(string home) => new()
    {
        ["HOME"] = home, ["KIT_HOME"] = "", ["JUPYTER_PATH"] = "", ["JUPYTER_DATA_DIR"] = "", ["XDG_DATA_HOME"] = "",
        // The packages are already on this machine; pointing at them spares a download and changes nothing else.
        ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
    };

    [Fact]
    public void On_a_fresh_home_doctor_names_the_missing_kernelspec_and_tool_and_the_one_command_that_installs_them()
    {
        var home = KitProcess.TempFolder("doctor-home");

        var r = KitProcess.Run(KitProcess.RepositoryRoot, FreshHome(home), "doctor");

        Assert.Contains("'.net-csharp' not installed, nor the Microsoft.dotnet-interactive", r.Stdout);
        Assert.Contains("fix: dotnet run --project src/Kit.Cli -- jupyter install", r.Stdout);
        Assert.Contains($"✔ Kit home               {Path.Combine(home, ".kit")}", r.Stdout);
    }

    [Fact]
    public void An_unusable_KIT_HOME_is_named_as_the_problem_and_the_NuGet_cache_is_not_blamed()
    {
        var folder = KitProcess.TempFolder("doctor-kithome");
        var file = Path.Combine(folder, "a-file");
        File.WriteAllText(file, "not a folder");
        var env = FreshHome(folder);
        env["KIT_HOME"] = Path.Combine(file, "kit");

        var r = KitProcess.Run(KitProcess.RepositoryRoot, env, "doctor");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"✘ Kit home               KIT_HOME={Path.Combine(file, "kit")} is not a folder the Kit can write", r.Stdout);
        Assert.Contains("fix: set KIT_HOME to a writable folder", r.Stdout);
        Assert.DoesNotContain("NuGet", r.Stdout);
    }

    [Fact]
    public void Doctor_finds_the_package_this_checkout_built_from_the_file_the_setup_cell_reads()
    {
        var r = KitProcess.Run(KitProcess.RepositoryRoot, null, "doctor");

        var reference = File.ReadAllText(Path.Combine(KitProcess.RepositoryRoot, "artifacts", "packages", "kit-package.txt")).Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains($"✔ Kit package feed       {Path.Combine(KitProcess.RepositoryRoot, "artifacts", "packages", $"{reference[0]}.{reference[1]}.nupkg")}", r.Stdout);
    }
}
