using System.Text.RegularExpressions;

namespace Kit.Cli.Run;

/// <summary>
/// Makes relative <c>#i "nuget: &lt;folder&gt;"</c> sources absolute before a cell is submitted.
/// In .NET Interactive (in-process and in the dotnet-interactive tool alike) a relative source fails with
/// "PackageManagement Error 999 Invalid URI: The format of the URI could not be determined.": the F# dependency
/// manager underneath turns each source into a <see cref="Uri"/>, which takes absolute paths only. The runner
/// resolves such a path against the notebook's folder, the working directory Jupyter gives a kernel.
/// The notebook itself keeps the text as written.
/// </summary>
internal static partial class RestoreSources
{
    [GeneratedRegex("""^(?<head>[ \t]*#i[ \t]+"[ \t]*nuget[ \t]*:[ \t]*)(?<source>[^"\r\n]+?)(?<tail>[ \t]*".*)$""", RegexOptions.Multiline)]
    private static partial Regex Directive();

    /// <summary>The code with relative restore sources made absolute against <paramref name="baseDirectory"/>.</summary>
    public static string Absolutize(string code, string baseDirectory, Action<string, string>? onRewrite = null) =>
        Directive().Replace(code, m =>
        {
            var source = m.Groups["source"].Value;
            if (IsAbsolute(source)) return m.Value;
            var full = Path.GetFullPath(source, baseDirectory);
            onRewrite?.Invoke(source, full);
            return m.Groups["head"].Value + full + m.Groups["tail"].Value;
        });

    private static bool IsAbsolute(string source) =>
        Path.IsPathRooted(source) || Uri.TryCreate(source, UriKind.Absolute, out _) || source.StartsWith('~');
}
