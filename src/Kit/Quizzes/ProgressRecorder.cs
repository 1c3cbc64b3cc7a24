using Kit.Progress;

namespace Kit.Quizzes;

/// <summary>
/// Records graded answers in a progress store, unless <c>KIT_PROGRESS=off</c>. Recording never breaks answering: a
/// failure (a read-only home, a native library that will not load…) goes to <c>warn</c> and the answer is not kept.
/// The host (notebook extension, <c>kit</c>) creates one and attaches it to its <see cref="AnswerPipeline"/>.
/// </summary>
public sealed class ProgressRecorder(Func<ProgressStore> store, Action<string> warn)
{
    public bool Record(Feedback feedback, AnswerSource source)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (!ProgressStore.Enabled) return false;
        ProgressStore? target = null;
        try
        {
            target = store();
            target.Record(feedback.Question.Id, feedback.Question.Topic, feedback.Correct, string.Join(",", feedback.Response), source);
            return true;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            warn($"This answer was not recorded in {target?.Path ?? ProgressStore.DefaultPath}: {e.Message} (KIT_PROGRESS=off stops recording.)");
            return false;
        }
    }
}
