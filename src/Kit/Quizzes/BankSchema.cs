using System.Text.Json.Nodes;
using Json.Schema;

namespace Kit.Quizzes;

/// <summary>
/// data/quizzes/schema.json, embedded in Kit.dll: every bank file is checked against the schema itself (with
/// JsonSchema.Net) before the Kit's own checks, so the schema and the loader can never disagree.
/// </summary>
static class BankSchema
{
    // One evaluation at a time: JsonSchema.Net resolves references through shared state.
    static readonly object Gate = new();
    static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(BankSchema).Assembly.GetManifestResourceStream("Kit.Quizzes.schema.json")
            ?? throw new InvalidOperationException("Kit.dll carries no quiz schema (Kit.Quizzes.schema.json)");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>The first place the document breaks the schema: the question (or case study) it is in, and what is wrong. Null when valid.</summary>
    public static (string? Id, string Problem)? FirstViolation(JsonNode document)
    {
        EvaluationResults result;
        lock (Gate) result = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return null;
        var failure = result.Details
            .Where(d => d.HasErrors)
            .OrderByDescending(d => d.InstanceLocation.Count)
            .FirstOrDefault();
        if (failure is null) return (null, "does not match data/quizzes/schema.json");
        var location = failure.InstanceLocation.ToString();
        var segments = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (EnclosingId(document, segments), Describe(failure, segments, location, At(document, segments)));
    }

    static string Describe(EvaluationResults failure, string[] segments, string location, JsonNode? instance)
    {
        var (keyword, message) = failure.Errors!.First();
        if (keyword == "false" || failure.SchemaLocation.OriginalString.EndsWith("/additionalProperties", StringComparison.Ordinal))
            return $"unknown property '{segments[^1]}' (at {location}); schema.json allows no other properties";
        var value = instance is JsonValue v ? $" (value {Shorten(v.ToJsonString())})" : "";
        return $"{message.TrimEnd('.')}{value} (at {(location.Length == 0 ? "the top level" : location)}; schema.json, '{keyword}')";
    }

    static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";

    static JsonNode? At(JsonNode document, string[] segments) =>
        segments.Aggregate<string, JsonNode?>(document, (node, segment) =>
            node is JsonArray a && int.TryParse(segment, out var n) && n < a.Count ? a[n]
            : node is JsonObject o ? o[segment] : null);

    /// <summary>The id of the question or case study the location sits in, when it has one.</summary>
    static string? EnclosingId(JsonNode document, string[] segments)
    {
        string? id = null;
        JsonNode? node = document;
        for (int i = 0; i < segments.Length && node is not null; i++)
        {
            node = At(node, [segments[i]]);
            if (i > 0 && segments[i - 1] is "questions" or "caseStudies")
                if (node is JsonObject item && item["id"] is JsonValue v && v.TryGetValue<string>(out var s)) id = s;
        }
        return id;
    }
}
