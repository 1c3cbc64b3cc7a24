using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Kit.Tests.Architecture;

/// <summary>
/// Which folder (namespace under a root, e.g. Kit.Cnn → "Cnn") uses which, read from compiled IL by NetArchTest:
/// a using directive that is never used does not count, a fully qualified name does.
/// </summary>
static class NamespaceGraph
{
    public static Dictionary<string, SortedSet<string>> Read(Assembly assembly, string root)
    {
        var folders = Folders(assembly, root);
        var graph = folders.ToDictionary(f => f, _ => new SortedSet<string>());
        foreach (var from in folders)
            foreach (var to in folders.Where(t => t != from))
                if (UsesFolder(assembly, root, from, to)) graph[from].Add(to);
        return graph;
    }

    /// <summary>Folders whose types live directly in root.Folder or below it.</summary>
    public static SortedSet<string> Folders(Assembly assembly, string root) =>
        new(assembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(root.Length + 1)..].Split('.')[0]));

    static string Pattern(string root, string folder) => $"^{Regex.Escape(root)}\\.{Regex.Escape(folder)}(\\..*)?$";

    // NetArchTest matches a dependency by name prefix (Kit.Training would also match Kit.TrainingConcepts),
    // so the folder's own type names are asked for, each of which is a prefix only of itself and its nested types.
    static bool UsesFolder(Assembly assembly, string root, string from, string to)
    {
        var exact = Types.InAssembly(assembly).That().ResideInNamespaceMatching(Pattern(root, to)).GetTypes()
            .Select(t => t.FullName!.Replace('+', '/')).ToArray();
        return exact.Length > 0 && Types.InAssembly(assembly).That().ResideInNamespaceMatching(Pattern(root, from))
            .And().HaveDependencyOnAny(exact).GetTypes().Any();
    }
}
