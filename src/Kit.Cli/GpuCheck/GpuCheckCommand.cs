using System.CommandLine;
using Kit.Accelerators;

namespace Kit.Cli.GpuCheck;

/// <summary>
/// <c>kit gpu-check</c>: the ILGPU kernels on the best accelerator found, checked against plain C# and timed against
/// TorchSharp's CPU matmul, written as JSON. environment/gpu-check.sh runs the same check without TorchSharp where no
/// .NET SDK is installed (the device machine).
/// </summary>
public static class GpuCheckCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where to write the JSON report", DefaultValueFactory = _ => "artifacts/gpu-check.json" };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N (default: KIT_ACCELERATOR, then auto)" };
        var size = new Option<string>("--size") { Description = "small (seconds on a CPU) or large (a GPU's size); default: large on a GPU, small otherwise" };
        var command = new Command("gpu-check", "Runs the ILGPU matmul and conv2d kernels on CUDA (or the CPU accelerator), compares them with the CPU and TorchSharp, and writes FLOP/s as JSON.")
        {
            output, device, size,
        };
        command.SetAction(parse => Run(parse.GetValue(output)!, parse.GetValue(device), parse.GetValue(size), Console.Out));
        return command;
    }

    public static int Run(string output, string? device, string? size, TextWriter log)
    {
        CheckSizes? sizes = size?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "small" => CheckSizes.Small,
            "large" => CheckSizes.Large,
            _ => null,
        };
        if (sizes is null && !string.IsNullOrWhiteSpace(size))
        {
            Console.Error.WriteLine($"--size must be 'small' or 'large', not '{size}'");
            return 2;
        }
        var report = AcceleratorCheck.Run(device, sizes, (TorchReference.Peer, s => TorchReference.MatMulFlops(s)), log);
        report.Save(output);
        log.WriteLine($"matmul vs {report.TorchPeer}: {report.MatMulRatioToTorchCpu:0.####}×");
        log.WriteLine($"wrote {Path.GetFullPath(output)}");
        return report.GpuAndCpuResultsEqual ? 0 : 1;
    }
}
