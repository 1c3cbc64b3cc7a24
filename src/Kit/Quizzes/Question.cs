using System.Text.Json.Serialization;

namespace Kit.Quizzes;

/// <summary>The exam's question formats. The foundation renders and grades <see cref="Single"/>; the rest grow in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    [JsonStringEnumMemberName("single")] Single,
    [JsonStringEnumMemberName("multiple")] Multiple,
    [JsonStringEnumMemberName("ordering")] Ordering,
    [JsonStringEnumMemberName("matching")] Matching,
    [JsonStringEnumMemberName("numeric")] Numeric,
}

public sealed record Option(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("explanation")] string Explanation);

public sealed record Question(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] QuestionType Type,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("difficulty")] string Difficulty,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("options")] IReadOnlyList<Option> Options,
    [property: JsonPropertyName("answer")] IReadOnlyList<string> Answer,
    [property: JsonPropertyName("tip")] string? Tip = null)
{
    [JsonIgnore] public string Topic { get; init; } = "";

    public Option? OptionFor(string key) =>
        Options.FirstOrDefault(o => string.Equals(o.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One bank file: a topic of the study guide and its questions.</summary>
public sealed record QuizTopic(
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("questions")] IReadOnlyList<Question> Questions);
