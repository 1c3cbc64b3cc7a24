using System.Diagnostics;
using System.Text.Json;

namespace Kit.Tests;

/// <summary>
/// environment/gpu-check.sh is what a session lent the device machine runs; no GPU is here, so it is proved on ILGPU's
/// CPU accelerator: the carried build when artifacts/gpu-check holds one, else the same program through dotnet run.
/// </summary>
public class GpuCheckScriptTests
{
    [Fact]
    public async Task The_device_check_script_writes_a_json_with_the_devices_the_agreement_and_the_flops_of_each_kernel()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Kit.sln"))) root = root.Parent!;
        var outDir = Path.Combine(Path.GetTempPath(), $"kit-gpu-check-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash", [Path.Combine(root.FullName, "environment", "gpu-check.sh"), outDir])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["KIT_ACCELERATOR"] = "cpu";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}\n{await stdout}\n{stderr}");

        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "gpu-check.json"))).RootElement;
        Assert.Contains(json.GetProperty("devices_found").EnumerateArray(), d => d.GetString()!.Contains("CPU accelerator"));
        Assert.Equal("asked for the CPU", json.GetProperty("device_reason").GetString());
        Assert.True(json.GetProperty("gpu_and_cpu_results_equal").GetBoolean());
        foreach (var k in json.GetProperty("kernels").EnumerateArray())
        {
            Assert.True(k.GetProperty("flops_per_second").GetDouble() > 0);
            Assert.InRange(k.GetProperty("fraction_of_peak").GetDouble(), 1e-9, 1);
            Assert.InRange(k.GetProperty("max_abs_difference").GetDouble(), 0, 1e-3);
        }
        Assert.Contains("FLOP/cycle", json.GetProperty("cpu_peak").GetProperty("how").GetString());
        Assert.False(File.Exists(Path.Combine(outDir, "gpu-check.json.tmp")));
        Directory.Delete(outDir, true);
    }
}
