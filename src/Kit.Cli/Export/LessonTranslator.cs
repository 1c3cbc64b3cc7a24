using System.Text;
using System.Text.RegularExpressions;
using Kit.Cli.Run;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kit.Cli.Export;

/// <summary>
/// A notebook's C# as one file-based app (<c>dotnet run lesson.cs</c>): the notebook-only parts are translated.
/// The setup cell becomes <c>#:package</c> directives for the Kit and <c>Lesson.Start</c>; other <c>#r "nuget:…"</c> and
/// <c>#i</c> lines become directives too; magics (<c>#!…</c>) are dropped; a cell's last expression, which the notebook
/// displayed, and <c>display(…)</c> go to <c>Lesson.Show</c>, <c>HTML(…)</c> to <c>Lesson.Html</c>. Usings move to the
/// top and type declarations to the end, where a C# program needs them; markdown becomes comments, its headings
/// <c>Lesson.Heading</c> lines.
/// </summary>
internal static partial class LessonTranslator
{
    public sealed record KitPackage(string Version, string Feed);

    static readonly CSharpParseOptions Script = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static string Translate(NotebookFile notebook, KitPackage kit, string sourceLabel)
    {
        var usings = new List<string> { "using Kit.Terminal;" };
        var packages = new List<string> { $"Kit@{kit.Version}", $"Kit.Terminal@{kit.Version}" };
        var sources = new List<string> { kit.Feed };
        var body = new StringBuilder();
        var types = new StringBuilder();
        var title = notebook.Cells.FirstOrDefault(c => c.Type == "markdown")?.Source.Split('\n')
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? notebook.Name;

        body.Append($"Lesson.Start({Literal(notebook.Name)});\n");
        int number = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Type == "markdown")
            {
                body.Append('\n');
                foreach (var line in cell.Source.TrimEnd().Split('\n')) body.Append(("// " + line).TrimEnd()).Append('\n');
                foreach (var heading in cell.Source.Split('\n').Where(l => Heading().IsMatch(l)))
                    body.Append($"Lesson.Heading({Literal(Heading().Replace(heading, "").Trim())});\n");
                continue;
            }
            if (!cell.IsCode) continue;
            number++;
            body.Append($"\n// ── cell {number} ──\n");
            if (IsSetupCell(cell.Source))
            {
                body.Append("// The notebook's setup cell loaded the Kit; here the #:package lines at the top do, and Lesson.Start above.\n");
                continue;
            }
            Cell(cell.Source, usings, packages, sources, body, types);
        }
        body.Append("\nLesson.End();\n");

        var file = new StringBuilder();
        file.Append("#!/usr/bin/env dotnet\n");
        file.Append($"// {title}\n");
        file.Append($"// Exported from {sourceLabel} by `kit export --to cs`. Run it in a terminal: dotnet run {notebook.Name}.cs\n");
        file.Append("// Charts are saved as HTML pages (they need no network) in ./" + notebook.Name + "-output/; the quizzes are asked here.\n");
        foreach (var p in packages.Distinct(StringComparer.OrdinalIgnoreCase)) file.Append($"#:package {p}\n");
        // Where the Kit's own packages come from: this checkout's feed, written by `dotnet build`.
        file.Append($"#:property RestoreAdditionalProjectSources={string.Join(";", sources.Distinct())}\n");
        // Written inside a repository (the Kit's own, say), the app would inherit its central package versions and its
        // warnings-as-errors; a lesson's file stands alone.
        file.Append("#:property ManagePackageVersionsCentrally=false\n#:property TreatWarningsAsErrors=false\n#:property PublishAot=false\n");
        foreach (var u in usings.Distinct(StringComparer.Ordinal)) file.Append(u).Append('\n');
        file.Append('\n').Append(body);
        if (types.Length > 0) file.Append("\n// Types the lesson declares (a C# program declares them after its statements).\n").Append(types);
        return file.ToString();
    }

    static bool IsSetupCell(string source) => source.Contains("kit-package.txt", StringComparison.Ordinal);

    static void Cell(string source, List<string> usings, List<string> packages, List<string> sources, StringBuilder body, StringBuilder types)
    {
        var code = new StringBuilder();
        foreach (var line in source.Split('\n'))
        {
            var t = line.Trim();
            if (NugetReference().Match(t) is { Success: true } r)
            {
                var version = r.Groups["version"].Success ? r.Groups["version"].Value.Trim() : "*";
                packages.Add($"{r.Groups["id"].Value.Trim()}@{version}");
                code.Append($"// {t} (now a #:package line at the top)\n");
            }
            else if (NugetSource().Match(t) is { Success: true } i)
            {
                sources.Add(i.Groups["source"].Value.Trim());
                code.Append($"// {t} (now a package source at the top)\n");
            }
            else if (t.StartsWith("#!", StringComparison.Ordinal) || t.StartsWith("#r ", StringComparison.Ordinal) || t.StartsWith("#i ", StringComparison.Ordinal))
                code.Append($"// {t} (a notebook directive; not needed in a program)\n");
            else code.Append(line).Append('\n');
        }

        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code.ToString(), Script).GetRoot();
        root = (CompilationUnitSyntax)new NotebookCalls().Visit(root);
        foreach (var u in root.Usings) usings.Add(u.WithoutTrivia().ToFullString());
        if (root.Usings.Count > 0 && root.Members.Count == 0) return;
        var members = root.Members;
        for (int m = 0; m < members.Count; m++)
        {
            var member = members[m];
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                    types.Append(member.ToFullString().TrimEnd()).Append('\n');
                    break;
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } e } when m == members.Count - 1:
                    var shown = e.Expression.WithoutTrivia().ToFullString();
                    // display(…) and HTML(…), already the host's calls, show their value themselves.
                    var call = e.Expression is InvocationExpressionSyntax { Expression: var callee } && callee.ToString() is "Lesson.Show" or "Lesson.Html";
                    body.Append(e.GetLeadingTrivia().ToFullString()).Append(call ? $"{shown};\n" : $"Lesson.Show({shown});\n");
                    break;
                case MethodDeclarationSyntax method:
                    // A script's method is a local function in a program, which takes no access modifier.
                    body.Append(method.WithModifiers(new SyntaxTokenList(method.Modifiers.Where(k => !k.IsKind(SyntaxKind.PublicKeyword) && !k.IsKind(SyntaxKind.PrivateKeyword) && !k.IsKind(SyntaxKind.InternalKeyword)))).ToFullString().TrimEnd()).Append('\n');
                    break;
                default:
                    body.Append(member.ToFullString().TrimEnd()).Append('\n');
                    break;
            }
        }
        var tail = root.EndOfFileToken.LeadingTrivia.ToFullString().Trim();
        if (tail.Length > 0) body.Append(tail).Append('\n');
    }

    /// <summary><c>display(x)</c> and <c>HTML(s)</c>, the notebook's helpers, become the terminal host's.</summary>
    sealed class NotebookCalls : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
        {
            var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
            if (visited.Expression is not IdentifierNameSyntax { Identifier.Text: "display" or "HTML" } name) return visited;
            var target = name.Identifier.Text == "display" ? "Lesson.Show" : "Lesson.Html";
            return visited.WithExpression(SyntaxFactory.ParseExpression(target).WithTriviaFrom(name));
        }
    }

    static string Literal(string s) => SymbolDisplay.FormatLiteral(s, quote: true);

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<id>[^,"]+)(,\s*(?<version>[^"]+))?"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^#i\s+"nuget:\s*(?<source>[^"]+)"\s*$""")]
    private static partial Regex NugetSource();

    [GeneratedRegex(@"^#{1,3}\s+")]
    private static partial Regex Heading();
}
