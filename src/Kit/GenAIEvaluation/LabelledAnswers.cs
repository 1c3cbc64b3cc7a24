using System.Text.Json;

namespace Kit.GenAIEvaluation;

/// <summary>One candidate answer with its kind and the grades (1–5) two human raters gave it.</summary>
public sealed record Candidate(string Id, string Kind, string Text, int RaterA, int RaterB);

/// <summary>A question, its reference answer and the candidates to score against it.</summary>
public sealed record LabelledItem(string Id, string Question, string Reference, IReadOnlyList<Candidate> Candidates);

/// <summary>
/// The Kit's small labelled set (data/genai-eval/answers.json, written for the Kit, CC0): 10 questions from this
/// study guide, each with a reference answer and four candidates: a paraphrase, a near-copy that gets the facts wrong,
/// a partial answer and an off-topic one, each graded 1–5 by two raters.
/// </summary>
public static class LabelledAnswers
{
    static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<LabelledItem> Load()
    {
        using var stream = typeof(LabelledAnswers).Assembly.GetManifestResourceStream("Kit.GenAIEvaluation.answers.json")
            ?? throw new FileNotFoundException("The labelled answers (resource Kit.GenAIEvaluation.answers.json from data/genai-eval/answers.json) are not embedded in Kit.dll.");
        var file = JsonSerializer.Deserialize<FileShape>(stream, Options) ?? throw new InvalidDataException("data/genai-eval/answers.json is empty.");
        return file.Items;
    }

    /// <summary>The three categories the agreement statistics use: 0 = poor (grade 1–2), 1 = partial (3), 2 = good (4–5).</summary>
    public static int Category(int grade) => grade switch
    {
        < 1 or > 5 => throw new ArgumentOutOfRangeException(nameof(grade), grade, "grades run from 1 to 5."),
        <= 2 => 0,
        3 => 1,
        _ => 2,
    };

    public static IReadOnlyList<string> CategoryNames { get; } = ["poor", "partial", "good"];

    sealed record FileShape(List<LabelledItem> Items);
}
