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

    /// <summary>
    /// What the widget's line runs: records the answer, or throws with the reason it was not recorded, so the kernel's
    /// reply itself (ok or error) tells the page whether the answer was saved.
    /// </summary>
    public static void Save(string questionId, string response, int? seed = Quiz.DefaultSeed)
    {
        if (!ProgressStore.Enabled) throw new InvalidOperationException("Recording is off in this kernel (KIT_PROGRESS=off).");
        var outcome = Submit(AnswerPipeline.Shared, QuizBank.AllQuestions.ToList(), questionId, response, seed)
            ?? throw new ArgumentException($"'{response}' is not an answer to question '{questionId}' of the bank.", nameof(response));
        if (!outcome.Recorded)
            throw new InvalidOperationException($"The answer could not be written to {ProgressStore.DefaultPath} (the kernel's standard error says why).");
    }

    /// <summary>A JavaScript function (id, response, seed) → the C# line that saves the answer; every argument is sanitised.</summary>
    internal static string CallScript =>
        $$"""function(id,resp,seed){return '{{typeof(WidgetAnswers).FullName}}.{{nameof(Save)}}("'+String(id).replace(/[^a-z0-9-]/g,'')+'", "'+String(resp).replace(/[^A-Za-z0-9=,.+ -]/g,'')+'", '+(/^-?[0-9]{1,10}$/.test(seed)?seed:'null')+');';}""";
}
