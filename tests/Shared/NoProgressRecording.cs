using System.Runtime.CompilerServices;

namespace Kit.TestSupport;

/// <summary>
/// Tests answer quizzes (and run notebooks and kernels that do): none of that is a student's progress, so these
/// test processes, and every process they start, record nothing in ~/.kit/progress.db unless KIT_PROGRESS is set.
/// </summary>
static class NoProgressRecording
{
    [ModuleInitializer]
    internal static void Init()
    {
        if (Environment.GetEnvironmentVariable("KIT_PROGRESS") is null) Environment.SetEnvironmentVariable("KIT_PROGRESS", "off");
    }
}
