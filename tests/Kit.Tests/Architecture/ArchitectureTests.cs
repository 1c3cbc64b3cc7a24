using System.Reflection;
using NetArchTest.Rules;

namespace Kit.Tests.Architecture;

public class ArchitectureTests
{
    static readonly Assembly Kit = typeof(global::Kit.Runtime.KitTorch).Assembly;
    static readonly Lazy<Dictionary<string, SortedSet<string>>> KitGraph = new(() => NamespaceGraph.Read(Kit, "Kit"));

    [Fact]
    public void The_folders_of_the_kit_form_no_cycle()
    {
        None(Layers.Cycles(KitGraph.Value), "cycles between namespaces of src/Kit");
    }

    [Fact]
    public void Every_folder_of_the_kit_uses_only_the_layers_below_it_and_no_topic_uses_another()
    {
        Assert.Contains("Training", KitGraph.Value.Keys);   // the graph really was read
        Assert.Contains("Runtime", KitGraph.Value["Training"]);
        None(Layers.Violations(KitGraph.Value), "layering broken");
    }

    [Fact]
    public void The_core_library_does_not_reference_dotnet_interactive()
    {
        Assert.Empty(ReferencesTo(Kit, "Microsoft.DotNet.Interactive"));
    }

    [Fact]
    public void The_rules_catch_a_cycle_a_sideways_import_and_a_foundation_using_a_topic_in_sample_code()
    {
        var graph = NamespaceGraph.Read(typeof(ArchitectureTests).Assembly, "Kit.Tests.Architecture.Samples");
        Assert.Equal(["Cnn", "Rnn", "Training"], graph.Keys.Order());
        Assert.Equal(["Cnn → Rnn → Cnn"], Layers.Cycles(graph));
        var violations = Layers.Violations(graph);
        Assert.Contains("Cnn → Rnn: a topic uses another topic (move what they share into the foundation)", violations);
        Assert.Contains("Rnn → Cnn: a topic uses another topic (move what they share into the foundation)", violations);
        Assert.Contains("Training → Cnn: the foundation uses a topic", violations);
        Assert.Equal(3, violations.Count);
        Assert.Contains("Study", Layers.Violations(new Dictionary<string, SortedSet<string>> { ["Study"] = [] }).Single());   // a folder in no layer
        Assert.Equal(["Progress → Quizzes: progress only stores; the quizzes above it record through it"],
            Layers.Violations(new Dictionary<string, SortedSet<string>> { ["Progress"] = ["Quizzes"], ["Quizzes"] = ["Progress", "Metrics"] }));
        Assert.NotEmpty(ReferencesTo(typeof(ArchitectureTests).Assembly, "Xunit"));     // the reference check sees a real one
    }

    static void None(List<string> found, string what) =>
        Assert.True(found.Count == 0, $"{what}:\n" + string.Join("\n", found));

    static List<string> ReferencesTo(Assembly assembly, string prefix)
    {
        var found = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(prefix).GetResult();
        if (!result.IsSuccessful) found.AddRange(result.FailingTypeNames ?? []);
        return found;
    }
}
