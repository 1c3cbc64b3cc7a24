using System.Text.Json;

namespace Kit.Tests;

/// <summary>
/// Reference cases written by the make_fixtures.py scripts under Fixtures/: a JSON file with a "cases" array
/// of objects that each have a "name". Files are read once per test run.
/// </summary>
static class FixtureCases
{
    static readonly Dictionary<string, IReadOnlyList<JsonElement>> Loaded = [];

    public static IReadOnlyList<JsonElement> All(string folder, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, file);
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(path, out var cases))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                Loaded[path] = cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToList();
            }
            return cases;
        }
    }

    public static TheoryData<string> Names(string folder, string file) => new(All(folder, file).Select(c => c.GetProperty("name").GetString()!));

    public static JsonElement Named(string folder, string file, string name) =>
        All(folder, file).Single(c => c.GetProperty("name").GetString() == name);
}
