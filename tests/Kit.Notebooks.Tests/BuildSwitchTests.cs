using System.Text.Json.Nodes;

namespace Kit.Notebooks.Tests;

/// <summary>The GPU switch (-p:TorchBackend=cuda) cannot be restored here (TorchSharp-cuda-linux is not served), so its effect on the package graph is checked instead.</summary>
public class BuildSwitchTests
{
    [Theory]
    [InlineData("cpu", "TorchSharp", "TorchSharp-cuda-linux")]
    [InlineData("cuda", "TorchSharp-cuda-linux", "libtorch-cpu-linux-x64")]
    public void The_torch_backend_switch_picks_one_libtorch_and_never_both(string backend, string expected, string absent)
    {
        var r = Repo.Run("dotnet", ["msbuild", Path.Combine(Repo.Root, "src", "Kit", "Kit.csproj"), "-getItem:PackageReference", $"-p:TorchBackend={backend}", "-nologo"], timeoutSeconds: 120);
        Assert.True(r.ExitCode == 0, r.Output);
        var json = r.Output[r.Output.IndexOf('{')..];
        var ids = JsonNode.Parse(json)!["Items"]!["PackageReference"]!.AsArray().Select(i => i!["Identity"]!.GetValue<string>()).ToList();
        Assert.Contains(expected, ids);
        Assert.DoesNotContain(absent, ids);
        if (backend == "cpu" && OperatingSystem.IsLinux()) Assert.Contains("libtorch-cpu-linux-x64", ids);
    }
}
