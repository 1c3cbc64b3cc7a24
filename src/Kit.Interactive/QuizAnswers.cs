using Kit.Progress;
using Kit.Quizzes;

namespace Kit.Interactive;

/// <summary>
/// The notebook host's part in answering quizzes: on load it attaches the progress store to the shared answer pipeline,
/// so answers given in code and in the widget are recorded in ~/.kit/progress.db (<c>KIT_PROGRESS=off</c>: not at all);
/// and it gives the widget its transport to the kernel (<see cref="KernelTransport"/>).
/// </summary>
public static class QuizAnswers
{
    static int warned;

    public static void Attach() =>
        AnswerPipeline.Shared = new AnswerPipeline(new ProgressRecorder(() => ProgressStore.Default, WarnOnce).Record);

    /// <summary>The quiz widget, sending each answer to this kernel to be graded again and recorded.</summary>
    public static string Html(Quiz quiz) => QuizHtml.Render(quiz, KernelTransport.Script);

    static void WarnOnce(string message)
    {
        if (Interlocked.Exchange(ref warned, 1) == 0) Console.Error.WriteLine(message);
    }
}
