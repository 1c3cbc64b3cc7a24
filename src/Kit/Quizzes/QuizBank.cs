using System.Text.Json;

namespace Kit.Quizzes;

/// <summary>
/// The question bank: data/quizzes/*.json, embedded in Kit.dll so quizzes work wherever the Kit is loaded.
/// Every file is validated on load; a bad file fails with its name, the question id and what is wrong.
/// </summary>
public static class QuizBank
{
    static readonly Lazy<IReadOnlyDictionary<string, QuizTopic>> Embedded = new(LoadEmbedded);
    static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyCollection<string> Topics => Embedded.Value.Keys.ToList();

    public static QuizTopic Topic(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        if (Embedded.Value.TryGetValue(topic.Trim().ToLowerInvariant(), out var t)) return t;
        throw new ArgumentException($"Unknown quiz topic '{topic}'. Valid topics: {string.Join(", ", Embedded.Value.Keys.Order())}.", nameof(topic));
    }

    /// <summary>Parses and validates one bank file's text; <paramref name="source"/> names it in errors.</summary>
    public static QuizTopic Parse(string json, string source)
    {
        QuizTopic? topic;
        try { topic = JsonSerializer.Deserialize<QuizTopic>(json, Json); }
        catch (JsonException e) { throw new QuizBankException(source, null, $"invalid JSON: {e.Message}"); }
        if (topic is null) throw new QuizBankException(source, null, "file is empty");
        if (string.IsNullOrWhiteSpace(topic.Topic)) throw new QuizBankException(source, null, "missing 'topic'");
        if (topic.Questions is null || topic.Questions.Count == 0) throw new QuizBankException(source, null, "no questions");
        var seen = new HashSet<string>();
        foreach (var q in topic.Questions)
        {
            Validate(q, source);
            if (!seen.Add(q.Id)) throw new QuizBankException(source, q.Id, "duplicate id");
        }
        return topic with { Questions = topic.Questions.Select(q => q with { Topic = topic.Topic }).ToList() };
    }

    static void Validate(Question q, string source)
    {
        if (string.IsNullOrWhiteSpace(q.Id)) throw new QuizBankException(source, null, "a question has no id");
        void Fail(string what) => throw new QuizBankException(source, q.Id, what);
        if (string.IsNullOrWhiteSpace(q.Prompt)) Fail("missing prompt");
        if (string.IsNullOrWhiteSpace(q.Section)) Fail("missing study-guide section");
        if (q.Options is null || q.Options.Count < 2) Fail("needs at least two options");
        if (q.Answer is null || q.Answer.Count == 0) Fail("missing answer");
        var keys = q.Options!.Select(o => o.Key).ToList();
        if (keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != keys.Count) Fail("duplicate option keys");
        foreach (var o in q.Options!)
            if (string.IsNullOrWhiteSpace(o.Explanation)) Fail($"option {o.Key} has no explanation");
        foreach (var a in q.Answer!)
            if (q.OptionFor(a) is null) Fail($"answer '{a}' is not among the options ({string.Join(", ", keys)})");
        if (q.Type == QuestionType.Single && q.Answer!.Count != 1) Fail($"a single-choice question needs exactly one answer, not {q.Answer.Count}");
    }

    static IReadOnlyDictionary<string, QuizTopic> LoadEmbedded()
    {
        var asm = typeof(QuizBank).Assembly;
        var result = new Dictionary<string, QuizTopic>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("Kit.Quizzes.bank.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
            var file = name["Kit.Quizzes.bank.".Length..];
            var topic = Parse(reader.ReadToEnd(), $"data/quizzes/{file}");
            result[topic.Topic] = topic;
        }
        return result;
    }
}

public sealed class QuizBankException(string file, string? questionId, string problem)
    : Exception($"{file}{(questionId is null ? "" : $" [{questionId}]")}: {problem}")
{
    public string File { get; } = file;
    public string? QuestionId { get; } = questionId;
    public string Problem { get; } = problem;
}
