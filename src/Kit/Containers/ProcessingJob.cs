using System.Globalization;
using System.Text;
using System.Text.Json;
using Kit.Runtime;

namespace Kit.Containers;

/// <summary>What a processing run did: rows read, rows dropped (a missing or non-numeric value), rows per output split.</summary>
public sealed record ProcessingReport(int RowsRead, int RowsDropped, int TrainRows, int ValidationRows, IReadOnlyList<string> Features);

/// <summary>
/// <c>kit container process</c>: SageMaker Processing's contract, a job that is not training. It reads every CSV file
/// (with a header row) under <c>/opt/ml/processing/input</c>, drops rows with a missing or non-numeric value, moves the
/// label column first, splits the rows (seeded) and writes <c>output/train/train.csv</c>,
/// <c>output/validation/validation.csv</c> (headerless, label first: the training channels' format) and
/// <c>output/report.json</c> under <c>/opt/ml/processing</c>. SageMaker uploads the output folder to S3.
/// </summary>
public static class ProcessingJob
{
    public static ProcessingReport Run(OptMl ml, string label = "label", double validationFraction = 0.2, int seed = 0)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ContractException($"the validation fraction must be between 0 and 1 (exclusive), not {validationFraction}.");
        var files = Directory.Exists(ml.ProcessingInput)
            ? Directory.GetFiles(ml.ProcessingInput, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0) throw new ContractException($"no .csv files under {ml.ProcessingInput}.");
        string[]? header = null;
        var rows = new List<float[]>();
        int read = 0, dropped = 0;
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file, new UTF8Encoding(false, true)).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0) continue;
            var names = lines[0].Split(',', StringSplitOptions.TrimEntries);
            if (header is not null && !names.SequenceEqual(header))
                throw new ContractException($"{Path.GetFileName(file)} has the columns [{string.Join(", ", names)}], other files [{string.Join(", ", header)}].");
            header = names;
            int labelAt = Array.IndexOf(names, label);
            if (labelAt < 0) throw new ContractException($"{Path.GetFileName(file)} has no column \"{label}\" (columns: {string.Join(", ", names)}).");
            foreach (var line in lines.Skip(1))
            {
                read++;
                var row = Numbers(line.Split(','), names.Length, labelAt);
                if (row is null) dropped++; else rows.Add(row);
            }
        }
        if (rows.Count < 2) throw new ContractException($"only {rows.Count} usable row(s) after dropping {dropped}; need at least 2 to split.");
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(seed).Shuffle(order);
        int nVal = Math.Clamp((int)Math.Round(rows.Count * validationFraction), 1, rows.Count - 1);
        Write(Path.Combine(ml.ProcessingOutput, "validation", "validation.csv"), order.Take(nVal).Select(i => rows[i]));
        Write(Path.Combine(ml.ProcessingOutput, "train", "train.csv"), order.Skip(nVal).Select(i => rows[i]));
        var features = header!.Where(h => h != label).ToList();
        var report = new ProcessingReport(read, dropped, rows.Count - nVal, nVal, features);
        KitPaths.WriteAtomically(Path.Combine(ml.ProcessingOutput, "report.json"), JsonSerializer.Serialize(report));
        return report;
    }

    /// <summary>The row with its label first, or null when a value is missing or not a finite number.</summary>
    static float[]? Numbers(string[] cells, int width, int labelAt)
    {
        if (cells.Length != width) return null;
        var row = new float[width];
        int k = 1;
        for (int i = 0; i < width; i++)
        {
            if (!float.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !float.IsFinite(v)) return null;
            row[i == labelAt ? 0 : k++] = v;
        }
        return row;
    }

    static void Write(string path, IEnumerable<float[]> rows) =>
        KitPaths.WriteAtomically(path, string.Concat(rows.Select(r => CsvRows.Format(r) + "\n")));
}
