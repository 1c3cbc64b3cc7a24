using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kit.Data;
using Kit.Ensembles;

namespace Kit.Benchmarks;

/// <summary>
/// Fit time of the Kit's ensembles against scikit-learn 1.2 and XGBoost 1.7 (hist), one thread each, on the same rows
/// in one run: two moons (5,000 points, noise 0.3) and breast cancer, 70/30 stratified split, 100 estimators.
/// The Kit writes the splits to CSV and ensembles_peer.py fits the peers on them. Prints median fit times, test
/// accuracies and the ratios Kit / scikit-learn (target ≤ 1), Kit gradient boosting / XGBoost (target ≤ 3) and
/// LightGBM through ML.NET / XGBoost (reported).
/// </summary>
static class EnsemblesBenchmark
{
    static readonly (string Name, string Peer, Func<IClassifier> Make)[] Models =
    [
        ("random forest", "random_forest", () => new RandomForestClassifier { Estimators = 100, Seed = 0 }),
        ("gradient boosting", "gradient_boosting", () => new GradientBoosting { Estimators = 100, MaxDepth = 3, LearningRate = 0.1, Seed = 0 }),
        ("AdaBoost SAMME", "adaboost", () => new AdaBoostClassifier { Estimators = 100, Seed = 0 }),
        ("LightGBM (ML.NET)", "", () => new LightGbmClassifier { Estimators = 100, Leaves = 8, Threads = 1, Seed = 0 }),
    ];

    public static int Run(int rounds = 3)
    {
        Console.WriteLine($"ensembles benchmark: 100 estimators, 1 thread everywhere, median fit time of {rounds} rounds after a warm-up (the Kit: {rounds} before and {rounds} after the peer); {Environment.ProcessorCount} cores");
        var folder = Directory.CreateTempSubdirectory("kit-ensembles-bench");
        var sets = new[] { ("moons", ToyData.MakeMoons(5000, 0.3, seed: 0)), ("breast_cancer", BreastCancer.Load()) }
            .Select(s => (Name: s.Item1, Split: DataSplit.TrainValidation(s.Item2, 0.3, seed: 0))).ToList();
        var peerArgs = new List<string>();
        foreach (var (name, (train, test)) in sets)
        {
            string trainCsv = Path.Combine(folder.FullName, name + "_train.csv"), testCsv = Path.Combine(folder.FullName, name + "_test.csv");
            WriteCsv(train, trainCsv);
            WriteCsv(test, testCsv);
            peerArgs.AddRange(["--data", $"{name}={trainCsv},{testCsv}"]);
        }
        // The Kit is timed before and after the peer and the median taken over both, so a change of load on a shared
        // machine while the peer runs weighs on both sides alike.
        var before = sets.Select(s => Models.Select(m => Times(m.Make, s.Split.Train, rounds)).ToList()).ToList();
        var peer = Peer(peerArgs, rounds);
        folder.Delete(recursive: true);
        var after = sets.Select(s => Models.Select(m => Times(m.Make, s.Split.Train, rounds)).ToList()).ToList();

        foreach (var ((name, (train, test)), d) in sets.Select((s, d) => (s, d)))
        {
            Console.WriteLine($"\n  {name}: {train.Count} training rows, {test.Count} test rows, {train.FeatureCount} features");
            Console.WriteLine($"  {"model",-20} {"Kit s",8} {"acc",6} {"peer",-26} {"peer s",8} {"acc",6} {"ratio",6}");
            var results = peer?.GetProperty("results").GetProperty(name);
            double xgb = results?.GetProperty("xgboost_hist").GetProperty("seconds").GetDouble() ?? double.NaN;
            foreach (var ((label, peerName, make), m) in Models.Select((model, m) => (model, m)))
            {
                double seconds = Median(before[d][m].Concat(after[d][m]));
                double accuracy = make().Fit(train).Accuracy(test);
                bool vsSklearn = peerName.Length > 0;
                var p = vsSklearn ? results?.GetProperty(peerName) : results?.GetProperty("xgboost_hist");
                double peerSeconds = p?.GetProperty("seconds").GetDouble() ?? double.NaN;
                string peerLabel = vsSklearn ? "scikit-learn" : "XGBoost hist (depth 3)";
                Console.WriteLine($"  {label,-20} {seconds,8:F3} {accuracy,6:F4} {peerLabel,-26} {peerSeconds,8:F3} {p?.GetProperty("accuracy").GetDouble() ?? double.NaN,6:F4} {seconds / peerSeconds,6:F2}");
                if (peerName == "gradient_boosting")
                    Console.WriteLine($"  {"",-20} {"",8} {"",6} {"XGBoost hist (depth 3)",-26} {xgb,8:F3} {results?.GetProperty("xgboost_hist").GetProperty("accuracy").GetDouble() ?? double.NaN,6:F4} {seconds / xgb,6:F2}");
            }
        }
        if (peer is { } v)
            Console.WriteLine($"\n  (peers: scikit-learn {v.GetProperty("sklearn").GetString()}, XGBoost {v.GetProperty("xgboost").GetString()}, {v.GetProperty("threads").GetInt32()} thread (n_jobs=1, nthread=1, OMP_NUM_THREADS={v.GetProperty("omp_num_threads").GetString()}); targets: Kit/scikit-learn ≤ 1, Kit gradient boosting/XGBoost ≤ 3)");
        return 0;
    }

    static List<double> Times(Func<IClassifier> make, ToyDataset train, int rounds)
    {
        make().Fit(train); // warm-up (JIT, ML.NET loading)
        var times = new List<double>();
        for (int i = 0; i < rounds; i++)
        {
            var model = make();
            var clock = Stopwatch.StartNew();
            model.Fit(train);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return times;
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    static void WriteCsv(ToyDataset data, string path)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Enumerable.Range(0, data.FeatureCount).Select(f => $"x{f}").Append("label")));
        for (int i = 0; i < data.Count; i++)
        {
            for (int f = 0; f < data.FeatureCount; f++)
                text.Append(data.Features[i * data.FeatureCount + f].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            text.Append(data.Labels[i]).AppendLine();
        }
        File.WriteAllText(path, text.ToString());
    }

    static JsonElement? Peer(List<string> dataArgs, int rounds)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) { Console.WriteLine($"  ({python} not found: peers skipped)"); return null; }
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["OMP_NUM_THREADS"] = "1";
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ensembles_peer.py"));
        foreach (var a in dataArgs) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--rounds");
        psi.ArgumentList.Add(rounds.ToString(CultureInfo.InvariantCulture));
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) { Console.WriteLine($"  (peer failed, exit {p.ExitCode}: {stderr.Trim()}; install python3-sklearn and python3-xgboost)"); return null; }
        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
