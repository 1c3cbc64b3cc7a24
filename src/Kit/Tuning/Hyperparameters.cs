using System.Globalization;
using System.Text.Json.Nodes;

namespace Kit.Tuning;

/// <summary>One trial's hyperparameter values, in search-space order: double for continuous, int for integer, string for categorical.</summary>
public sealed class Hyperparameters
{
    readonly List<(string Name, object Value)> _values;

    internal Hyperparameters(List<(string Name, object Value)> values) => _values = values;

    public IEnumerable<string> Names => _values.Select(v => v.Name);

    public object this[string name] =>
        _values.FirstOrDefault(v => v.Name == name).Value
        ?? throw new KeyNotFoundException($"No hyperparameter '{name}'; this trial has {string.Join(", ", Names)}.");

    /// <summary>A numeric value as a double (an integer range's value, or a categorical value that reads as a number).</summary>
    public double Double(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        var v => throw new InvalidCastException($"'{name}' is '{v}', not a number."),
    };

    public int Int(string name) => this[name] switch
    {
        int i => i,
        string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        var v => throw new InvalidCastException($"'{name}' is '{v}', not an integer."),
    };

    public string Text(string name) => Format(this[name]);

    /// <summary>As the JSON object AMT passes to a training job (values as written in the trial table).</summary>
    public string ToJson()
    {
        var o = new JsonObject();
        foreach (var (name, value) in _values)
            o[name] = value switch { double d => JsonValue.Create(d), int i => JsonValue.Create(i), _ => JsonValue.Create((string)value) };
        return o.ToJsonString();
    }

    internal static Hyperparameters FromJson(string json, SearchSpace space)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var values = new List<(string, object)>();
        foreach (var range in space.Ranges)
        {
            var node = o[range.Name] ?? throw new InvalidDataException($"stored hyperparameters {json} lack '{range.Name}'.");
            values.Add((range.Name, range switch
            {
                ContinuousParameter => node.GetValue<double>(),
                IntegerParameter => node.GetValue<int>(),
                _ => node.GetValue<string>(),
            }));
        }
        return new Hyperparameters(values);
    }

    public override string ToString() => string.Join(", ", _values.Select(v => $"{v.Name}={Format(v.Value)}"));

    static string Format(object value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

}
