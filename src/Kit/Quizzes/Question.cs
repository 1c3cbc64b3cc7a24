using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kit.Quizzes;

/// <summary>The exam's question formats (case studies group questions of any format around one scenario).</summary>
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

/// <summary>A formula of the Kit that recomputes a numeric question's value.</summary>
public sealed record NumericCompute(
    [property: JsonPropertyName("formula")] string Formula,
    [property: JsonPropertyName("args")] JsonObject Args);

public sealed record Question
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("type")] public QuestionType Type { get; init; }
    [JsonPropertyName("section")] public required string Section { get; init; }
    [JsonPropertyName("difficulty")] public string Difficulty { get; init; } = "medium";
    [JsonPropertyName("scenario")] public bool Scenario { get; init; }
    [JsonPropertyName("prompt")] public required string Prompt { get; init; }
    [JsonPropertyName("options")] public IReadOnlyList<Option> Options { get; init; } = [];
    /// <summary>Matching: the left-hand items, matched to <see cref="Options"/>.</summary>
    [JsonPropertyName("items")] public IReadOnlyList<Option> Items { get; init; } = [];
    [JsonPropertyName("answer")] public IReadOnlyList<string> Answer { get; init; } = [];
    [JsonPropertyName("choose")] public int? Choose { get; init; }
    [JsonPropertyName("value")] public double? Value { get; init; }
    [JsonPropertyName("tolerance")] public double? Tolerance { get; init; }
    [JsonPropertyName("solution")] public string? Solution { get; init; }
    [JsonPropertyName("compute")] public NumericCompute? Compute { get; init; }
    [JsonPropertyName("covers")] public IReadOnlyList<string> Covers { get; init; } = [];
    [JsonPropertyName("tip")] public string? Tip { get; init; }
    /// <summary>The exam versions it belongs to: C01, C02 or both (<see cref="ExamVersions"/>).</summary>
    [JsonPropertyName("exams")] public IReadOnlyList<string> Exams { get; init; } = [];
    /// <summary>Its MLA-C02 task statement ("2.2", "2.3.8"…); none for a C01-only question.</summary>
    [JsonPropertyName("task")] public string? Task { get; init; }

    [JsonIgnore] public string Topic { get; init; } = "";
    /// <summary>Set for questions that belong to a case study.</summary>
    [JsonIgnore] public CaseStudy? CaseStudy { get; init; }

    /// <summary>What the progress store knows of a question.</summary>
    [JsonIgnore] public Progress.QuestionRef Ref => new(Id, Topic);

    public Option? OptionFor(string key) =>
        Options.FirstOrDefault(o => string.Equals(o.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    public Option? ItemFor(string key) =>
        Items.FirstOrDefault(o => string.Equals(o.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Matching answer as item key → option key.</summary>
    public IReadOnlyDictionary<string, string> Pairs =>
        Answer.Select(a => a.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
}

/// <summary>One scenario and the questions asked about it.</summary>
public sealed record CaseStudy(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("questions")] IReadOnlyList<Question> Questions);

/// <summary>One bank file: a topic of the study guide and its questions.</summary>
public sealed record QuizTopic(
    [property: JsonPropertyName("topic")] string Topic,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("questions")] IReadOnlyList<Question> Questions)
{
    [JsonPropertyName("guideItems")] public IReadOnlyList<string> GuideItems { get; init; } = [];
    [JsonPropertyName("caseStudies")] public IReadOnlyList<CaseStudy> CaseStudies { get; init; } = [];

    /// <summary>Stand-alone questions, then each case study's questions (which carry their scenario).</summary>
    [JsonIgnore]
    public IReadOnlyList<Question> AllQuestions =>
        [.. Questions, .. CaseStudies.SelectMany(c => c.Questions)];
}
