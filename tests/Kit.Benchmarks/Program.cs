using Kit.Benchmarks;

var benchmarks = new Dictionary<string, Func<int>>
{
    ["threads"] = () => ThreadsBenchmark.Run(),
    ["metrics"] = () => MetricsBenchmark.Run(),
    ["training"] = () => TrainingBenchmark.Run(),
    ["output"] = OutputBenchmark.Run,
    ["ensembles"] = () => EnsemblesBenchmark.Run(),
    ["memory"] = MemoryBenchmark.Run,
    ["serving"] = ServingBenchmark.Run,
    ["clarify"] = ClarifyBenchmark.Run,
    ["distributed"] = () => DistributedBenchmark.Run(),
    ["tuning"] = () => TuningBenchmark.Run(),
    ["accelerators"] = () => AcceleratorsBenchmark.Run(),
};

var name = args.FirstOrDefault() ?? "threads";
if (benchmarks.TryGetValue(name, out var run)) return run();
Console.Error.WriteLine($"unknown benchmark '{name}'; available: {string.Join(", ", benchmarks.Keys)}");
return 2;
