using Kit.Benchmarks;

switch (args.FirstOrDefault() ?? "threads")
{
    case "threads": ThreadsBenchmark.Run(); break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{args[0]}'; available: threads");
        return 2;
}
return 0;
