using System.Text.Json;
using Kit.GenAIEvaluation;

namespace Kit.Tests;

/// <summary>
/// BLEU against Debian's NLTK 3.8 (sentence and corpus, four smoothing choices, on every candidate of the shipped set
/// and on Papineni et al.'s example), Cohen's kappa against scikit-learn 1.2 and Spearman against scipy 1.10, all
/// written by Fixtures/GenAIEvaluation/make_fixtures.py.
/// </summary>
public class GenAIEvaluationFixtureTests
{
    const string Folder = "GenAIEvaluation", File = "genai.json";

    public static TheoryData<string> BleuCases => new(FixtureCases.All(Folder, File).Where(c => c.GetProperty("kind").GetString() == "bleu").Select(c => c.GetProperty("name").GetString()!));
    public static TheoryData<string> KappaCases => new(FixtureCases.All(Folder, File).Where(c => c.GetProperty("kind").GetString() == "kappa").Select(c => c.GetProperty("name").GetString()!));

    static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    [Theory, MemberData(nameof(BleuCases))]
    public void Bleu_equals_nltk(string name)
    {
        var c = FixtureCases.Named(Folder, File, name);
        var candidates = c.GetProperty("candidates").EnumerateArray().Select(x => x.GetString()!).ToList();
        var references = c.GetProperty("references").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetString()!)).ToList();
        var smoothing = Enum.Parse<BleuSmoothing>(c.GetProperty("smoothing").GetString()!);
        double expected = c.GetProperty("bleu").GetDouble();
        double actual = Bleu.Corpus(candidates, references, smoothing: smoothing).Score;
        // NLTK replaces a zero precision by the smallest double (a score near 1e-155); BLEU without smoothing is 0 there.
        Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{name}: NLTK {expected:R}, Kit {actual:R}");
    }

    [Fact]
    public void The_nltk_cases_cover_every_candidate_of_the_shipped_set_with_every_smoothing_and_the_corpus()
    {
        int candidates = LabelledAnswers.Load().Sum(i => i.Candidates.Count);
        var names = FixtureCases.All(Folder, File).Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Equal(4 * candidates, names.Count(n => n.StartsWith("sentence ", StringComparison.Ordinal)));
        Assert.Equal(4, names.Count(n => n.StartsWith("corpus ", StringComparison.Ordinal)));
        Assert.Contains(FixtureCases.All(Folder, File), c => c.GetProperty("kind").GetString() == "bleu" && c.GetProperty("bleu").GetDouble() > 0.5);
    }

    [Theory, MemberData(nameof(KappaCases))]
    public void Cohens_kappa_equals_scikit_learn(string name)
    {
        var c = FixtureCases.Named(Folder, File, name);
        var weights = Enum.Parse<KappaWeights>(c.GetProperty("weights").GetString()!, ignoreCase: true);
        double expected = c.GetProperty("kappa").GetDouble();
        double actual = Agreement.CohenKappa(Ints(c.GetProperty("a")), Ints(c.GetProperty("b")), weights);
        Assert.True(Math.Abs(expected - actual) <= 1e-12, $"{name}: scikit-learn {expected:R}, Kit {actual:R}");
    }

    [Fact]
    public void Spearman_equals_scipy_on_the_two_raters_grades()
    {
        var c = FixtureCases.Named(Folder, File, "spearman raters");
        double actual = Ranking.Spearman(Ints(c.GetProperty("a")).Select(x => (double)x).ToList(), Ints(c.GetProperty("b")).Select(x => (double)x).ToList());
        Assert.Equal(c.GetProperty("rho").GetDouble(), actual, 12);
    }
}
