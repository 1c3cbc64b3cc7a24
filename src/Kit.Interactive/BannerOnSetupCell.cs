using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace Kit.Interactive;

/// <summary>
/// A kernel loads an extension once, so only the setup cell's first run shows the banner (and with it plotly.js). A
/// reloaded page has lost it, and the student's fix is to run the setup cell again: so every later run of a cell that
/// loads the Kit (the setup cell, which reads kit-package.txt, or a plain <c>#r "nuget: Kit.Interactive…"</c>) shows the
/// banner again. The nested command the setup cell sends never reaches the root kernel's pipeline, so the cell is matched.
/// </summary>
static partial class BannerOnSetupCell
{
    static int _registered, _shown;

    /// <summary>Shows the banner in the running cell.</summary>
    public static void Show(KernelInvocationContext context)
    {
        Interlocked.Increment(ref _shown);
        context.DisplayAs(Banner.Create(), "text/html");
    }

    public static void Register(Kernel root)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        root.AddMiddleware(async (command, context, next) =>
        {
            var before = Volatile.Read(ref _shown);
            await next(command, context);
            if (command is SubmitCode { Code: var code } && LoadsTheKit().IsMatch(code) && Volatile.Read(ref _shown) == before) Show(context);
        }, "kit-banner-on-setup-cell");
    }

    [GeneratedRegex("""(^\s*#r\s+"nuget:\s*Kit\.Interactive\s*[,"])|kit-package\.txt""", RegexOptions.Multiline)]
    private static partial Regex LoadsTheKit();
}
