using System.Globalization;

namespace Kit.Containers;

/// <summary>Numeric CSV without a header, the format SageMaker's built-in algorithms use (label first when training).</summary>
public static class CsvRows
{
    /// <param name="source">named in errors (a file name, "request body")</param>
    /// <param name="width">the number of values every row must have; null takes the first row's</param>
    public static List<float[]> Parse(string text, string source, int? width = null)
    {
        var rows = new List<float[]>();
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var cells = line.Split(',');
            width ??= cells.Length;
            if (cells.Length != width)
                throw new ContractException($"{source}, line {lineNumber}: {cells.Length} values, expected {width}.");
            var row = new float[cells.Length];
            for (int i = 0; i < cells.Length; i++)
                if (!float.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out row[i]) || !float.IsFinite(row[i]))
                    throw new ContractException($"{source}, line {lineNumber}, column {i + 1}: \"{Clip(cells[i])}\" is not a finite number.");
            rows.Add(row);
        }
        if (rows.Count == 0) throw new ContractException($"{source} holds no rows.");
        return rows;
    }

    public static string Format(IEnumerable<float> row) =>
        string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    static string Clip(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
