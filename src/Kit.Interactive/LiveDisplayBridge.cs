using Kit.Training;
using Microsoft.DotNet.Interactive;

namespace Kit.Interactive;

/// <summary>
/// Connects the core library's <see cref="LiveDisplay"/> to the kernel: a value is shown with
/// <c>KernelInvocationContext.Current.Display(…)</c> and replaced through the returned <c>DisplayedValue.Update(…)</c>.
/// </summary>
public static class LiveDisplayBridge
{
    public static void Register() => LiveDisplay.Show = Show;

    static Action<object>? Show(object value, string? mimeType)
    {
        if (KernelInvocationContext.Current is not { } context) return null;
        var shown = mimeType is null ? context.Display(value) : context.Display(value, mimeType);
        return v => shown.Update(v);
    }
}
