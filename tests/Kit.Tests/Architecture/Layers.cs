namespace Kit.Tests.Architecture;

/// <summary>
/// The layers of src/Kit, each allowed to use only the ones below it: the foundation, then the topic folders (one per
/// study-guide concept, never using each other), then the study layer. A folder in no layer is itself a violation.
/// </summary>
static class Layers
{
    public static readonly IReadOnlySet<string> Foundation = new HashSet<string> { "Runtime", "Data", "Charts", "Training", "Embeddings", "Accelerators" };

    public static readonly IReadOnlySet<string> Topics = new HashSet<string>
    {
        "NetworkBasics", "Cnn", "Rnn", "TrainingConcepts", "Regularization", "Losses", "Metrics", "CrossValidation",
        "Clustering", "Clarify", "Text", "Ensembles", "TransferVsIncremental", "Containers", "Distributed",
        "Tuning", "Registry", "Debugging", "Experiments", "AutoML", "GenAIEvaluation", "Retrieval", "FoundationModels",
    };

    /// <summary>The study layer: quizzes (questions, grading, the answer pipeline) on top of progress (the store).</summary>
    public static readonly IReadOnlySet<string> Study = new HashSet<string> { "Quizzes", "Progress" };

    /// <summary>Every use that breaks the layering, as "A → B: why".</summary>
    public static List<string> Violations(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var found = new List<string>();
        foreach (var (from, uses) in graph)
        {
            if (!Foundation.Contains(from) && !Topics.Contains(from) && !Study.Contains(from))
                found.Add($"{from}: a folder in no layer (add it to the foundation, the topics or the study layer)");
            foreach (var to in uses)
            {
                if (Foundation.Contains(from) && Topics.Contains(to)) found.Add($"{from} → {to}: the foundation uses a topic");
                if (Foundation.Contains(from) && Study.Contains(to)) found.Add($"{from} → {to}: the foundation uses the study layer");
                if (Topics.Contains(from) && Topics.Contains(to)) found.Add($"{from} → {to}: a topic uses another topic (move what they share into the foundation)");
                if (Topics.Contains(from) && Study.Contains(to)) found.Add($"{from} → {to}: a topic uses the study layer");
                if (from == "Progress" && to == "Quizzes") found.Add($"{from} → {to}: progress only stores; the quizzes above it record through it");
            }
        }
        return found;
    }

    /// <summary>Each cycle of the graph once, as "A → B → A" (a group of folders that all reach each other).</summary>
    public static List<string> Cycles(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var cycles = new List<string>();
        var done = new HashSet<string>();
        foreach (var start in graph.Keys.Order())
        {
            if (done.Contains(start)) continue;
            var group = graph.Keys.Where(k => k == start || (Reaches(graph, start, k) && Reaches(graph, k, start))).Order().ToList();
            done.UnionWith(group);
            if (group.Count > 1) cycles.Add(string.Join(" → ", group.Append(group[0])));
        }
        return cycles;
    }

    static bool Reaches(IReadOnlyDictionary<string, SortedSet<string>> graph, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (next == to) return true;
                if (seen.Add(next)) queue.Enqueue(next);
            }
        return false;
    }
}
