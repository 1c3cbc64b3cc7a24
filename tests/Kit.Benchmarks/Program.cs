using Kit.Benchmarks;

switch (args.FirstOrDefault() ?? "threads")
{
    case "threads": ThreadsBenchmark.Run(); break;
    case "metrics": MetricsBenchmark.Run(); break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'; available: threads, metrics");
        return 2;
}
return 0;
