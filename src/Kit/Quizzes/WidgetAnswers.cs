using Kit.Progress;

namespace Kit.Quizzes;

/// <summary>
/// Where the quiz widget's answers enter the pipeline. The page builds a call to <see cref="Submit(string, string, int?)"/>
/// and hands it to whatever transport the notebook host gave <see cref="QuizHtml.Render"/>; the answer is graded again
/// here (the page's verdict is not trusted) and recorded as a widget answer by the host's pipeline.
/// </summary>
public static class WidgetAnswers
{
    /// <summary><paramref name="response"/> as the page shows it: option keys or item=option pairs separated by commas, or a number.
    /// <paramref name="seed"/>: the widget's shuffle seed (null: bank order). False, silently, when the answer is not gradable or not recorded.</summary>
    public static bool Submit(string questionId, string response, int? seed = Quiz.DefaultSeed) =>
        Submit(AnswerPipeline.Shared, QuizBank.AllQuestions.ToList(), questionId, response, seed)?.Recorded ?? false;

    /// <summary>The graded answer, or null when it cannot be graded (unknown id, not an option, empty).</summary>
    public static AnswerOutcome? Submit(AnswerPipeline pipeline, IReadOnlyList<Question> pool, string questionId, string response, int? seed)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (string.IsNullOrWhiteSpace(questionId) || string.IsNullOrWhiteSpace(response)) return null;
        try { return pipeline.Submit(pool, "the bank", questionId, seed, [response], AnswerSource.Widget); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>A JavaScript function (id, response, seed) → the C# line that submits the answer; every argument is sanitised.</summary>
    internal static string CallScript =>
        $$"""function(id,resp,seed){return '{{typeof(WidgetAnswers).FullName}}.{{nameof(Submit)}}("'+String(id).replace(/[^a-z0-9-]/g,'')+'", "'+String(resp).replace(/[^A-Za-z0-9=,.+ -]/g,'')+'", '+(/^-?[0-9]{1,10}$/.test(seed)?seed:'null')+');';}""";
}
