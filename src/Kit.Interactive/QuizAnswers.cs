using Kit.Progress;
using Kit.Quizzes;

namespace Kit.Interactive;

/// <summary>
/// The notebook host's part in answering quizzes: on load it attaches the progress store to the shared answer pipeline,
/// so answers given in code and in the widget are recorded in ~/.kit/progress.db (<c>KIT_PROGRESS=off</c>: not at all);
/// and it gives the widget its transport to the kernel, .NET Interactive's <c>window.interactive</c> API.
/// </summary>
public static class QuizAnswers
{
    static int warned;

    public static void Attach() =>
        AnswerPipeline.Shared = new AnswerPipeline(new ProgressRecorder(() => ProgressStore.Default, WarnOnce).Record);

    /// <summary>The quiz widget, sending each answer to this kernel to be graded again and recorded.</summary>
    public static string Html(Quiz quiz) => QuizHtml.Render(quiz, SendToKernel);

    /// <summary>
    /// Runs one line of C# in the page's .NET Interactive kernel, where the front-end offers the API (Jupyter with the
    /// kernel's JS, VS Code Polyglot Notebooks); a silent no-op elsewhere. Errors of the call are swallowed: recording is best effort.
    /// </summary>
    internal const string SendToKernel =
        "function(code){var ik=window.interactive,k=ik&&ik.csharp;" +
        "var p=(k&&typeof k.submitCode==='function')?k.submitCode(code):(ik&&typeof ik.submitCode==='function')?ik.submitCode(code,'csharp'):null;" +
        "if(p&&typeof p.catch==='function'){p.catch(function(){});}}";

    static void WarnOnce(string message)
    {
        if (Interlocked.Exchange(ref warned, 1) == 0) Console.Error.WriteLine(message);
    }
}
