using Kit.Benchmarks;

switch (args.FirstOrDefault() ?? "threads")
{
    case "threads": ThreadsBenchmark.Run(); break;
    case "metrics": MetricsBenchmark.Run(); break;
    case "training": TrainingBenchmark.Run(); break;
    case "ensembles": EnsemblesBenchmark.Run(); break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'; available: threads, metrics, training, ensembles");
        return 2;
}
return 0;
