using System.Text.RegularExpressions;
using Kit.Quizzes;

namespace Kit.Tests;

/// <summary>The exam writer's rules for the whole bank: no cue that answers a question without the knowledge it tests.</summary>
public class QuizBankQualityTests
{
    static IReadOnlyList<Question> All => QuizBank.AllQuestions.ToList();

    static int Length(Question q, string key) => q.OptionFor(key)!.Text.Length;

    /// <summary>Single-answer questions whose answer is strictly longer (or shorter) than every distractor.</summary>
    static List<string> StrictlyExtreme(IEnumerable<Question> singles, Func<int, int, bool> beats) =>
        singles.Where(q => q.Options.Where(o => o.Key != q.Answer[0]).All(o => beats(Length(q, q.Answer[0]), o.Text.Length)))
            .Select(q => q.Id).ToList();

    [Fact]
    public void The_correct_option_is_strictly_the_longest_no_more_often_than_chance_allows()
    {
        var singles = All.Where(q => q.Type == QuestionType.Single).ToList();
        var longest = StrictlyExtreme(singles, (answer, other) => answer > other);
        Assert.True(longest.Count <= 0.35 * singles.Count, $"{longest.Count} of {singles.Count} single-answer questions: {string.Join(", ", longest)}");
    }

    [Fact]
    public void The_correct_option_is_strictly_the_shortest_no_more_often_than_chance_allows()
    {
        // Tightening keys must not turn the cue round: "pick the shortest" must not pay either.
        var singles = All.Where(q => q.Type == QuestionType.Single).ToList();
        var shortest = StrictlyExtreme(singles, (answer, other) => answer < other);
        Assert.True(shortest.Count <= 0.35 * singles.Count, $"{shortest.Count} of {singles.Count} single-answer questions: {string.Join(", ", shortest)}");
    }

    [Fact]
    public void Correct_options_are_on_average_as_long_as_the_distractors()
    {
        var choice = All.Where(q => q.Type is QuestionType.Single or QuestionType.Multiple).ToList();
        var correct = choice.SelectMany(q => q.Options.Where(o => q.Answer.Contains(o.Key))).Average(o => o.Text.Length);
        var distractors = choice.SelectMany(q => q.Options.Where(o => !q.Answer.Contains(o.Key))).Average(o => o.Text.Length);
        Assert.InRange(correct / distractors, 0.85, 1.15);
    }

    [Fact]
    public void Ordering_questions_have_three_to_five_steps_and_matching_three_to_seven_prompts_as_on_the_exam()
    {
        Assert.All(All.Where(q => q.Type == QuestionType.Ordering), q => Assert.InRange(q.Options.Count, 3, 5));
        Assert.All(All.Where(q => q.Type == QuestionType.Matching), q => Assert.InRange(q.Items.Count, 3, 7));
    }

    static readonly Regex Negation = new(@"\b(not|never|no|always|only)\b", RegexOptions.IgnoreCase);

    /// <summary>An option's text with its negations taken out: "without early stopping" and "with early stopping" meet.</summary>
    internal static string Affirmed(string text)
    {
        var t = text.ToLowerInvariant().Replace("without", "with").Replace("cannot", "can").Replace("n't", "");
        return Regex.Replace(Negation.Replace(t, ""), @"[^\p{L}\p{N}]+", " ").Trim();
    }

    [Fact]
    public void No_two_options_differ_only_by_a_negation()
    {
        // A pair that differs only by "not"/"without" tells the student the answer is one of the two.
        var offenders = (from q in All
                         from a in q.Options
                         from b in q.Options
                         where string.CompareOrdinal(a.Key, b.Key) < 0 && Regex.IsMatch(a.Text, @"\p{L}{3}")
                               && Affirmed(a.Text) == Affirmed(b.Text)
                         select $"{q.Id}: \"{a.Text}\" / \"{b.Text}\"").ToList();
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void The_negation_check_pairs_an_option_with_its_negated_twin_and_nothing_else()
    {
        Assert.Equal(Affirmed("Train with early stopping"), Affirmed("Train without early stopping"));
        Assert.Equal(Affirmed("Dropout is used at inference"), Affirmed("Dropout is not used at inference"));
        Assert.NotEqual(Affirmed("Use L1 regularisation"), Affirmed("Use L2 regularisation"));
    }

    [Fact]
    public void No_computation_is_drilled_twice_in_one_topic_and_no_numeric_question_repeats_another()
    {
        var numeric = QuizBank.Topics.SelectMany(t => QuizBank.Topic(t).AllQuestions.Where(q => q.Type == QuestionType.Numeric)).ToList();
        var twiceInATopic = numeric.GroupBy(q => (q.Topic, q.Compute!.Formula)).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Topic}: {g.Key.Formula} in {string.Join(", ", g.Select(q => q.Id))}").ToList();
        Assert.True(twiceInATopic.Count == 0, string.Join(Environment.NewLine, twiceInATopic));
        var sameInputs = numeric.GroupBy(q => q.Compute!.Formula + q.Compute.Args.ToJsonString()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(sameInputs);
    }

    [Fact]
    public void No_two_questions_share_a_prompt_and_no_question_repeats_an_option()
    {
        var prompts = All.Where(q => q.CaseStudy is null).GroupBy(q => q.Prompt.Trim()).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(q => q.Id)));
        Assert.Empty(prompts);
        Assert.All(All, q => Assert.Equal(q.Options.Count, q.Options.Select(o => o.Text.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count()));
    }
}
