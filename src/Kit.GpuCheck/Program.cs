using Kit.Accelerators;

// kit-gpu-check [--out report.json] [--device auto|cpu|cuda|cuda:N]: the device check without TorchSharp.
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var unknown = args.Where((a, i) => a.StartsWith("--") && a is not ("--out" or "--device")).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown option(s) {string.Join(", ", unknown)}; expected --out FILE and --device auto|cpu|cuda|cuda:N");
    return 2;
}
var out_ = Arg("--out", "gpu-check.json");
var report = AcceleratorCheck.Run(Arg("--device", "auto"), log: Console.Out);
report.Save(out_);
Console.WriteLine($"wrote {Path.GetFullPath(out_)}");
return report.GpuAndCpuResultsEqual ? 0 : 1;
