namespace Kit.Retrieval;

/// <summary>Retrieval accuracy of three indexing policies in one week of a drifting document set.</summary>
/// <remarks><see cref="KeepOldTop3"/> is recall@3 of the index that keeps old versions: the current document is there, just not first.</remarks>
public sealed record DriftWeek(int Week, int Documents, int FactsChanged, double Stale, double KeepOld, double KeepOldTop3, double Replace)
{
    public override string ToString() =>
        $"week {Week,2}: {Documents} documents, {FactsChanged} facts changed; recall@1: stale {Stale:P0}, keep old versions {KeepOld:P0} (recall@3 {KeepOldTop3:P0}), replace them {Replace:P0}";
}

/// <summary>
/// A knowledge base that drifts: internal services, each with four facts (request timeout, region, owning team,
/// request limit) written as short documents. Every week a share of the facts change and a new document states the
/// new value. A fixed probe set of questions, one per fact, whose right answer is the document with the current value,
/// is run against three ways of keeping the index: never re-indexed (stale), re-indexed with every version kept, and
/// re-indexed with superseded versions removed. This is the retrieval-accuracy monitor of a RAG system.
/// </summary>
public static class DocumentDrift
{
    static readonly string[] Services =
    [
        "atlas", "beacon", "cobalt", "dynamo", "ember", "falcon", "granite", "harbor", "iris", "juniper", "krypton", "lumen",
        "meridian", "nimbus", "onyx", "pylon", "quartz", "raven", "sierra", "tundra", "umbra", "vertex", "willow", "xenon",
    ];
    static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1"];
    static readonly string[] Teams = ["payments", "search", "identity", "billing", "platform", "analytics", "messaging", "storage"];

    sealed record Fact(string Service, int Attribute);

    static string Value(int attribute, Random rng) => attribute switch
    {
        0 => $"{5 * rng.Next(1, 25)}",
        1 => Regions[rng.Next(Regions.Length)],
        2 => Teams[rng.Next(Teams.Length)],
        _ => $"{100 * rng.Next(1, 50)}",
    };

    static string Document(Fact f, string value, int week) => (f.Attribute, week) switch
    {
        (0, 0) => $"The request timeout of {f.Service} is {value} seconds.",
        (1, 0) => $"{f.Service} runs in the {value} region.",
        (2, 0) => $"The team that owns {f.Service} is {value}.",
        (_, 0) => $"{f.Service} accepts at most {value} requests per minute.",
        (0, _) => $"Change notice, week {week}: the request timeout of {f.Service} is now {value} seconds after the latest configuration review.",
        (1, _) => $"Change notice, week {week}: {f.Service} now runs in the {value} region following the migration.",
        (2, _) => $"Change notice, week {week}: the team that owns {f.Service} is now {value} after the reorganisation.",
        _ => $"Change notice, week {week}: {f.Service} now accepts at most {value} requests per minute under the new quota.",
    };

    static string Question(Fact f) => f.Attribute switch
    {
        0 => $"What is the request timeout of {f.Service}?",
        1 => $"Which region does {f.Service} run in?",
        2 => $"Which team owns {f.Service}?",
        _ => $"How many requests per minute does {f.Service} accept?",
    };

    /// <summary>
    /// Runs <paramref name="weeks"/> weeks in which each fact changes with probability <paramref name="changeRate"/>,
    /// and measures recall@1 of the probe questions each week. <paramref name="retriever"/> builds the index (BM25 by default).
    /// </summary>
    public static List<DriftWeek> Simulate(int weeks, double changeRate, int seed, Func<IReadOnlyList<string>, IRetriever>? retriever = null)
    {
        if (weeks < 1) throw new ArgumentOutOfRangeException(nameof(weeks), weeks, "simulate at least one week.");
        if (!(changeRate >= 0 && changeRate <= 1)) throw new ArgumentOutOfRangeException(nameof(changeRate), changeRate, "a weekly change rate is a probability in [0, 1].");
        retriever ??= docs => new Bm25(docs);
        var rng = new Random(seed);
        var facts = Services.SelectMany(s => Enumerable.Range(0, 4).Select(a => new Fact(s, a))).ToList();
        var documents = new List<string>();
        var current = new int[facts.Count];          // index of the document with each fact's current value
        for (int i = 0; i < facts.Count; i++)
        {
            current[i] = documents.Count;
            documents.Add(Document(facts[i], Value(facts[i].Attribute, rng), 0));
        }
        var firstIndex = retriever(documents.ToList());
        int weekZeroCount = documents.Count;
        var result = new List<DriftWeek>();
        var changed = new HashSet<int>();
        for (int week = 0; week <= weeks; week++)
        {
            if (week > 0)
                for (int i = 0; i < facts.Count; i++)
                {
                    if (rng.NextDouble() >= changeRate) continue;
                    current[i] = documents.Count;
                    documents.Add(Document(facts[i], Value(facts[i].Attribute, rng), week));
                    changed.Add(i);
                }
            var everything = week == 0 ? firstIndex : retriever(documents.ToList());
            var latestOnly = current.Select(d => documents[d]).ToList();   // one document per fact, in fact order
            var latest = retriever(latestOnly);
            double stale = 0, keep = 0, keep3 = 0, replace = 0;
            for (int i = 0; i < facts.Count; i++)
            {
                string q = Question(facts[i]);
                stale += current[i] < weekZeroCount && firstIndex.Search(q, 1)[0] == current[i] ? 1 : 0;
                var top3 = everything.Search(q, 3);
                keep += top3[0] == current[i] ? 1 : 0;
                keep3 += top3.Contains(current[i]) ? 1 : 0;
                replace += latest.Search(q, 1)[0] == i ? 1 : 0;
            }
            result.Add(new DriftWeek(week, documents.Count, changed.Count, stale / facts.Count, keep / facts.Count, keep3 / facts.Count, replace / facts.Count));
        }
        return result;
    }
}
