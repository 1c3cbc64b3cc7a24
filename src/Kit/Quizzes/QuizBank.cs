using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kit.Quizzes;

/// <summary>
/// The question bank: data/quizzes/*.json, embedded in Kit.dll so quizzes work wherever the Kit is loaded.
/// Every file is validated on load; a bad file fails with its name, the question id and what is wrong.
/// </summary>
public static class QuizBank
{
    static readonly Lazy<IReadOnlyDictionary<string, QuizTopic>> Embedded = new(LoadEmbedded);
    static readonly JsonSerializerOptions Json = new();

    public static IReadOnlyCollection<string> Topics => Embedded.Value.Keys.Order().ToList();

    public static IEnumerable<Question> AllQuestions => Embedded.Value.Values.SelectMany(t => t.AllQuestions);

    public static QuizTopic Topic(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        if (Embedded.Value.TryGetValue(topic.Trim().ToLowerInvariant(), out var t)) return t;
        throw new ArgumentException($"Unknown quiz topic '{topic}'. Valid topics: {string.Join(", ", Topics)}.", nameof(topic));
    }

    /// <summary>Finds a question anywhere in the bank.</summary>
    public static Question Find(string id) => AnswerPipeline.Find(AllQuestions.ToList(), "the bank", id);

    /// <summary>
    /// Parses and validates one bank file's text: first against data/quizzes/schema.json, then the Kit's own checks
    /// (answers among the options, numeric values recomputed, study-guide items covered…). <paramref name="source"/> names it in errors.
    /// </summary>
    public static QuizTopic Parse(string json, string source)
    {
        JsonNode? document;
        try { document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new QuizBankException(source, null, $"invalid JSON: {e.Message}"); }
        if (document is null) throw new QuizBankException(source, null, "file is empty");
        if (BankSchema.FirstViolation(document) is { } violation) throw new QuizBankException(source, violation.Id, violation.Problem);
        var topic = document.Deserialize<QuizTopic>(Json)!;
        if (topic.Questions.Count + topic.CaseStudies.Count == 0) throw new QuizBankException(source, null, "no questions");

        var cases = topic.CaseStudies.Select(c =>
        {
            var withCase = c with { Questions = [] };
            return c with { Questions = c.Questions.Select(q => q with { Topic = topic.Topic, CaseStudy = withCase }).ToList() };
        }).ToList();
        var parsed = topic with
        {
            Questions = topic.Questions.Select(q => q with { Topic = topic.Topic }).ToList(),
            CaseStudies = cases,
        };

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var q in parsed.AllQuestions)
        {
            if (!seen.Add(q.Id)) throw new QuizBankException(source, q.Id, "duplicate id");
            var problem = QuestionRules.Problems(q).FirstOrDefault();
            if (problem is not null) throw new QuizBankException(source, q.Id, problem);
            foreach (var c in q.Covers)
                if (!parsed.GuideItems.Contains(c)) throw new QuizBankException(source, q.Id, $"covers '{c}', which is not one of the file's guideItems");
        }
        foreach (var c in parsed.CaseStudies)
            if (c.Questions.Select(q => string.Join("+", q.Exams.Order(StringComparer.Ordinal))).Distinct().Count() > 1)
                throw new QuizBankException(source, c.Id, "a case study's questions must list the same exam versions, so a version's draw keeps it whole");
        foreach (var item in parsed.GuideItems)
            if (!parsed.AllQuestions.Any(q => q.Covers.Contains(item)))
                throw new QuizBankException(source, null, $"study-guide item '{item}' is not covered by any question");
        return parsed;
    }

    /// <summary>Parses several files and checks that ids are unique across all of them.</summary>
    public static IReadOnlyDictionary<string, QuizTopic> ParseAll(IEnumerable<(string Source, string Json)> files)
    {
        var result = new Dictionary<string, QuizTopic>();
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, json) in files)
        {
            var topic = Parse(json, source);
            if (result.ContainsKey(topic.Topic)) throw new QuizBankException(source, null, $"topic '{topic.Topic}' is defined twice");
            foreach (var q in topic.AllQuestions)
                if (!owner.TryAdd(q.Id, source)) throw new QuizBankException(source, q.Id, $"duplicate id (also in {owner[q.Id]})");
            result[topic.Topic] = topic;
        }
        return result;
    }

    static IReadOnlyDictionary<string, QuizTopic> LoadEmbedded()
    {
        var asm = typeof(QuizBank).Assembly;
        var files = asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("Kit.Quizzes.bank.", StringComparison.Ordinal))
            .Order()
            .Select(name =>
            {
                using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
                return ($"data/quizzes/{name["Kit.Quizzes.bank.".Length..]}", reader.ReadToEnd());
            })
            .ToList();
        return ParseAll(files);
    }
}

public sealed class QuizBankException(string file, string? questionId, string problem)
    : Exception($"{file}{(questionId is null ? "" : $" [{questionId}]")}: {problem}")
{
    public string File { get; } = file;
    public string? QuestionId { get; } = questionId;
    public string Problem { get; } = problem;
}
