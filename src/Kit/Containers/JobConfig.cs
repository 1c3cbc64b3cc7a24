using System.Globalization;
using System.Text.Json;

namespace Kit.Containers;

/// <summary>One input channel as <c>inputdataconfig.json</c> declares it.</summary>
public sealed record ChannelConfig(string Name, string ContentType, string InputMode);

/// <summary>The three config files SageMaker writes into <c>/opt/ml/input/config</c> before it starts the container.</summary>
public sealed record JobConfig(IReadOnlyDictionary<string, string> Hyperparameters, IReadOnlyList<ChannelConfig> Channels,
    string CurrentHost, IReadOnlyList<string> Hosts)
{
    public static JobConfig Read(OptMl ml)
    {
        var hyper = ReadObject(ml.Hyperparameters);
        var values = new Dictionary<string, string>();
        foreach (var p in hyper.EnumerateObject())
            values[p.Name] = p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!
                : throw new ContractException(
                    $"hyperparameters.json: \"{p.Name}\" is a JSON {p.Value.ValueKind.ToString().ToLowerInvariant()} ({p.Value.GetRawText()}); " +
                    $"SageMaker passes every hyperparameter as a string, so write \"{p.Name}\": \"{p.Value.GetRawText().Trim('"')}\".");

        var channels = new List<ChannelConfig>();
        foreach (var c in ReadObject(ml.InputDataConfig).EnumerateObject())
        {
            if (c.Value.ValueKind != JsonValueKind.Object)
                throw new ContractException($"inputdataconfig.json: channel \"{c.Name}\" must be an object like {{\"ContentType\": \"text/csv\"}}, not {c.Value.GetRawText()}.");
            channels.Add(new ChannelConfig(c.Name, Text(c.Value, "ContentType") ?? "text/csv", Text(c.Value, "TrainingInputMode") ?? "File"));
        }

        var resource = ReadObject(ml.ResourceConfig);
        var current = Text(resource, "current_host")
            ?? throw new ContractException("resourceconfig.json: \"current_host\" is missing (e.g. \"algo-1\").");
        var hosts = resource.TryGetProperty("hosts", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : throw new ContractException("resourceconfig.json: \"hosts\" must be a list of host names (e.g. [\"algo-1\"]).");
        if (!hosts.Contains(current))
            throw new ContractException($"resourceconfig.json: current_host \"{current}\" is not among hosts [{string.Join(", ", hosts)}].");
        return new JobConfig(values, channels, current, hosts);
    }

    public string Text(string name, string fallback) => Hyperparameters.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback, int min)
    {
        if (!Hyperparameters.TryGetValue(name, out var s)) return fallback;
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min
            ? v : throw new ContractException($"hyperparameter {name} = \"{s}\" is not a whole number ≥ {min}.");
    }

    public double Positive(string name, double fallback)
    {
        if (!Hyperparameters.TryGetValue(name, out var s)) return fallback;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0
            ? v : throw new ContractException($"hyperparameter {name} = \"{s}\" is not a number > 0.");
    }

    static JsonElement ReadObject(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ContractException($"{name} is missing: expected {path} (SageMaker writes it before starting the container).");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ContractException($"{name} must hold a JSON object, not a {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ContractException($"{name} is not valid JSON: {e.Message}", e);
        }
    }

    static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
