using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kit.Containers;

/// <summary>An answer to POST /invocations: status code, content type and body.</summary>
public sealed record InvocationResponse(int Status, string ContentType, string Body);

/// <summary>
/// The /invocations handler without the HTTP server: decodes a CSV or JSON payload, predicts, encodes the answer.
/// CSV in: one row of features per line. JSON in: <c>{"instances": [[…], …]}</c>, a list of rows, or one row.
/// The answer uses the Accept type when it is text/csv or application/json, else the request's type:
/// CSV out is one predicted class per line; JSON out is <c>{"predictions": [{"label": k, "probabilities": […]}]}</c>.
/// A malformed payload gets 400 with a message; any other content type 415.
/// </summary>
public sealed class Invocations(TabularModel model)
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";
    static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public InvocationResponse Handle(string? contentType, string? accept, ReadOnlySpan<byte> body)
    {
        var type = MediaType(contentType);
        if (type is not (Csv or Json))
            return new(415, "text/plain", $"Content-Type must be {Csv} or {Json}, not '{contentType ?? "(none)"}'.\n");
        try
        {
            string text;
            try { text = StrictUtf8.GetString(body); }
            catch (DecoderFallbackException) { throw new ContractException("the body is not valid UTF-8 text."); }
            var rows = type == Csv ? CsvRows.Parse(text, "request body", model.Features) : JsonRows(text);
            var probabilities = model.PredictProbabilities(rows);
            var answer = MediaType(accept) is Csv or Json ? MediaType(accept)! : type;
            return new(200, answer, answer == Csv ? CsvAnswer(probabilities) : JsonAnswer(probabilities));
        }
        catch (ContractException e)
        {
            return new(400, "text/plain", e.Message + "\n");
        }
    }

    static string? MediaType(string? header) => header?.Split(';')[0].Trim().ToLowerInvariant();

    List<float[]> JsonRows(string text)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ContractException($"the body is not valid JSON: {e.Message}");
        }
        if (root.ValueKind == JsonValueKind.Object)
            root = root.TryGetProperty("instances", out var inst) ? inst
                : throw new ContractException("a JSON object body needs an \"instances\" list, e.g. {\"instances\": [[0.5, 1.2]]}.");
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            throw new ContractException("expected a non-empty list of rows, e.g. {\"instances\": [[0.5, 1.2]]}.");
        var items = root.EnumerateArray().ToList();
        var rowElements = items[0].ValueKind == JsonValueKind.Array ? items : [root];
        var rows = new List<float[]>();
        foreach (var (r, i) in rowElements.Select((r, i) => (r, i)))
        {
            if (r.ValueKind != JsonValueKind.Array || r.GetArrayLength() != model.Features)
                throw new ContractException($"row {i + 1}: expected a list of {model.Features} numbers, got {Clip(r.GetRawText())}.");
            rows.Add(r.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number && v.TryGetSingle(out var f) && float.IsFinite(f)
                ? f : throw new ContractException($"row {i + 1}: {Clip(v.GetRawText())} is not a finite number.")).ToArray());
        }
        return rows;
    }

    static string CsvAnswer(float[][] probabilities) =>
        string.Concat(probabilities.Select(p => Array.IndexOf(p, p.Max()).ToString(CultureInfo.InvariantCulture) + "\n"));

    static string JsonAnswer(float[][] probabilities) => JsonSerializer.Serialize(new
    {
        predictions = probabilities.Select(p => new { label = Array.IndexOf(p, p.Max()), probabilities = p }),
    });

    static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
