using Kit.Benchmarks;

return (args.FirstOrDefault() ?? "threads") switch
{
    "threads" => ThreadsBenchmark.Run(),
    "metrics" => MetricsBenchmark.Run(),
    "training" => TrainingBenchmark.Run(),
    "output" => OutputBenchmark.Run(),
    "ensembles" => EnsemblesBenchmark.Run(),
    "tuning" => TuningBenchmark.Run(),
    var unknown => Unknown(unknown),
};

static int Unknown(string name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'; available: threads, metrics, training, output, ensembles");
    return 2;
}
