using System.Globalization;

namespace Kit.Quizzes;

/// <summary>
/// A topic's questions, shown as a widget in notebooks and answerable from C#:
/// <c>var quiz = Quiz.For("evaluation-metrics"); quiz.Answer("metrics-07", "B", "D");</c>
/// Options are shuffled with a fixed seed (the same letters every run); pass <c>shuffleSeed: null</c> for bank order.
/// </summary>
public sealed class Quiz
{
    public const int DefaultSeed = 2024;

    public string Topic { get; }
    public string Title { get; }
    public IReadOnlyList<Question> Questions { get; }
    /// <summary>The seed the options were shuffled with (null: bank order); the widget passes it back with answers.</summary>
    public int? ShuffleSeed { get; }

    /// <summary>The questions in bank order: answers go through the <see cref="AnswerPipeline"/>, which shuffles as shown.</summary>
    readonly IReadOnlyList<Question> bankOrder;

    Quiz(string topic, string title, IEnumerable<Question> questions, int? seed)
    {
        Topic = topic;
        Title = title;
        ShuffleSeed = seed;
        bankOrder = questions.ToList();
        Questions = bankOrder.Select(q => AnswerPipeline.Shown(q, seed)).ToList();
        if (Questions.Count == 0) throw new ArgumentException("a quiz needs at least one question", nameof(questions));
    }

    public static Quiz For(string topic, int? shuffleSeed = DefaultSeed)
    {
        var t = QuizBank.Topic(topic);
        return new Quiz(t.Topic, t.Title, t.AllQuestions, shuffleSeed);
    }

    /// <summary>A single question, to embed inline after a concept.</summary>
    public static Quiz Question(string id, int? shuffleSeed = DefaultSeed)
    {
        var q = QuizBank.Find(id);
        return new Quiz(q.Topic, QuizBank.Topic(q.Topic).Title, [q], shuffleSeed);
    }

    /// <summary>A quiz of any topic, e.g. one parsed with <see cref="QuizBank.Parse"/>.</summary>
    public static Quiz From(QuizTopic topic, int? shuffleSeed = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return new Quiz(topic.Topic, topic.Title, topic.AllQuestions, shuffleSeed);
    }

    /// <summary>Any set of bank questions, e.g. an exam simulation drawn across topics.</summary>
    public static Quiz Of(string title, IEnumerable<Question> questions, int? shuffleSeed = DefaultSeed) =>
        new("mixed", title, questions, shuffleSeed);

    /// <summary>
    /// Grades an answer and explains it. Single/multiple: option keys; ordering: keys in order; matching: "1=B" pairs;
    /// numeric: the number. Recorded when the host (the notebook extension) attached a recorder to <see cref="AnswerPipeline.Shared"/>.
    /// </summary>
    public Feedback Answer(string id, params string[] response) =>
        AnswerPipeline.Shared.Submit(bankOrder, Where, id, ShuffleSeed, response, Progress.AnswerSource.Code).Feedback;

    public Feedback Answer(string id, double value) => Answer(id, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A question as this quiz shows it.</summary>
    public Question Find(string id) => AnswerPipeline.Shown(AnswerPipeline.Find(bankOrder, Where, id), ShuffleSeed);

    string Where => $"this quiz ({Title})";

    public string ToHtml() => QuizHtml.Render(this);

    public override string ToString() =>
        $"Quiz '{Title}': {Questions.Count} question(s). Answer in code: quiz.Answer(\"{Questions[0].Id}\", {Example(Questions[0])}).";

    static string Example(Question q) => q.Type switch
    {
        QuestionType.Numeric => "0.75",
        QuestionType.Matching => string.Join(", ", q.Items.Select(i => $"\"{i.Key}=A\"")),
        QuestionType.Ordering => string.Join(", ", q.Options.Select(o => $"\"{o.Key}\"")),
        QuestionType.Multiple => string.Join(", ", q.Options.Take(q.Choose ?? 2).Select(o => $"\"{o.Key}\"")),
        _ => "\"A\"",
    };
}
