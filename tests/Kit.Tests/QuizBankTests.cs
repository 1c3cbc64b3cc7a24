using System.Text.Json.Nodes;
using Kit.Quizzes;

namespace Kit.Tests;

/// <summary>The whole question bank, as the study kit promises it.</summary>
public class QuizBankTests
{
    static readonly string[] StudyGuideTopics =
    [
        "neural-network-basics", "cnn", "rnn", "training-concepts", "regularization", "evaluation-metrics", "loss-functions",
        "cross-validation", "ensembles", "hyperparameter-tuning", "clarify", "distributed-training", "containers",
        "transfer-incremental-learning", "key-formulas",
    ];

    /// <summary>Topics of lessons that MLA-C02 added (not in MLA-C01's study guide): smaller banks, at least eight questions each.</summary>
    static readonly string[] C02Topics = ["genai-evaluation"];

    static IReadOnlyList<Question> All => QuizBank.AllQuestions.ToList();

    [Fact]
    public void Every_study_guide_topic_has_at_least_eighteen_questions_and_the_bank_at_least_320()
    {
        Assert.Equal(StudyGuideTopics.Concat(C02Topics).Order(), QuizBank.Topics.Order());
        foreach (var t in C02Topics)
            Assert.True(QuizBank.Topic(t).AllQuestions.Count >= 8, $"{t} has {QuizBank.Topic(t).AllQuestions.Count} questions");
        foreach (var t in StudyGuideTopics)
            Assert.True(QuizBank.Topic(t).AllQuestions.Count >= 18, $"{t} has {QuizBank.Topic(t).AllQuestions.Count} questions");
        Assert.True(All.Count >= 320, $"{All.Count} questions");
    }

    [Fact]
    public void At_least_sixty_percent_are_exam_style_scenarios_in_at_least_fourteen_case_studies_and_every_format_appears()
    {
        Assert.True(All.Count(q => q.Scenario) >= 0.6 * All.Count, $"{All.Count(q => q.Scenario)} of {All.Count} are scenario questions");
        foreach (var type in Enum.GetValues<QuestionType>()) Assert.Contains(All, q => q.Type == type);
        var cases = All.Where(q => q.CaseStudy is not null).Select(q => q.CaseStudy!.Id).Distinct().Count();
        Assert.True(cases >= 14, $"{cases} case studies");
    }

    [Fact]
    public void Every_numeric_answer_is_recomputed_by_the_kits_own_code()
    {
        var numeric = All.Where(q => q.Type == QuestionType.Numeric).ToList();
        Assert.NotEmpty(numeric);
        Assert.All(numeric, q => Assert.InRange(NumericFormulas.Compute(q.Compute!), q.Value!.Value - q.Tolerance!.Value, q.Value.Value + q.Tolerance.Value));
        foreach (var formula in new[] { "precision", "recall", "f1", "fbeta", "specificity", "rmse", "r2", "disparate_impact", "tfidf", "gd_step" })
            Assert.True(numeric.Any(q => q.Compute!.Formula == formula), $"no numeric question uses {formula}");
    }

    [Theory]
    [InlineData(4, 2, 25088)] // PyTorch 1.13: sum(p.numel() for p in nn.LSTM(32, 64).parameters())
    [InlineData(3, 2, 18816)] // nn.GRU(32, 64)
    [InlineData(1, 2, 6272)]  // nn.RNN(32, 64)
    [InlineData(4, 1, 24832)] // Keras LSTM(64) on 32 features: 4 · (96 · 64 + 64), one bias vector per gate
    public void The_recurrent_parameter_formula_counts_what_pytorch_and_keras_layers_hold(int blocks, int biasVectors, double expected)
    {
        var args = JsonNode.Parse($$"""{"inputs":32,"hidden":64,"blocks":{{blocks}},"bias_vectors":{{biasVectors}}}""")!.AsObject();
        Assert.Equal(expected, NumericFormulas.Compute(new NumericCompute("recurrent_params", args)));
    }

    [Fact]
    public void Every_topic_lists_its_study_guide_items_and_covers_each_of_them()
    {
        // The loader refuses an uncovered item; here: no topic may skip the list altogether.
        foreach (var t in StudyGuideTopics) Assert.True(QuizBank.Topic(t).GuideItems.Count >= 5, $"{t} lists {QuizBank.Topic(t).GuideItems.Count} guide items");
    }

    [Fact]
    public void Maths_is_plain_unicode_and_no_text_carries_markup()
    {
        foreach (var q in All)
        {
            var texts = new[] { q.Prompt, q.Tip ?? "", q.Solution ?? "" }.Concat(q.Options.Concat(q.Items).SelectMany(o => new[] { o.Text, o.Explanation }));
            foreach (var text in texts)
            {
                Assert.DoesNotContain("\\frac", text);
                Assert.DoesNotMatch("</?(script|img|b|i|p|div|span|br|a|code|sup|sub|em|strong)[\\s>/]", text);
            }
        }
    }

    /// <summary>Ways a text can name an option by its letter: "(B)", "option C", "options B and D", "→ E", "B and D", "A, C".</summary>
    static readonly System.Text.RegularExpressions.Regex[] LetterReferences =
    [
        new(@"\(([A-Z])\)"),
        new(@"\b(?:[Oo]ptions?|[Cc]hoices?|[Aa]nswers?|[Ll]etters?)\s+([A-Z])(?:\s*(?:,|and|or)\s*([A-Z]))*\b"),
        new(@"→\s*([A-Z])\b"),
        new(@"\b([A-Z])\s*(?:,|and|or)\s*([A-Z])\b"),
    ];

    [Fact]
    public void No_prompt_tip_or_explanation_names_an_option_letter_that_shuffling_changes()
    {
        // Options are shuffled and relabelled in every widget and in the terminal: "a true positive (B)" would then point at the wrong option.
        var offenders = new List<string>();
        foreach (var q in All.Where(q => q.Type != QuestionType.Numeric))
        {
            var keys = q.Options.Select(o => o.Key).ToHashSet();
            var texts = new[] { q.Prompt, q.Tip ?? "" }.Concat(q.Options.Concat(q.Items).SelectMany(o => new[] { o.Text, o.Explanation }));
            foreach (var text in texts)
                foreach (var re in LetterReferences)
                    foreach (System.Text.RegularExpressions.Match m in re.Matches(text))
                        if (m.Groups.Cast<System.Text.RegularExpressions.Group>().Skip(1).SelectMany(g => g.Captures).Any(c => keys.Contains(c.Value)))
                            offenders.Add($"{q.Id}: \"{m.Value}\" in \"{text}\"");
        }
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders.Distinct()));
    }

    [Fact]
    public void The_widgets_matching_feedback_names_only_the_letters_it_shows()
    {
        foreach (var q in All.Where(q => q.Type == QuestionType.Matching))
        {
            var shown = Shuffle.Apply(q, Quiz.DefaultSeed);
            var html = System.Net.WebUtility.HtmlDecode(Quiz.Of("m", [q]).ToHtml());
            var feedback = html[html.IndexOf("The matches:", StringComparison.Ordinal)..];
            var arrows = System.Text.RegularExpressions.Regex.Matches(feedback, @"(?:(\w+) )?→ ([A-Z])\b").Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}");
            Assert.Equal(shown.Answer.Order(), arrows.Order());
        }
    }

    [Fact]
    public void The_letter_check_catches_every_way_of_naming_a_shuffled_option()
    {
        string[] named = ["a true positive (B)", "option C is wrong", "options B and D", "1 → E.", "B and D are right", "A, C"];
        Assert.All(named, text => Assert.Contains(LetterReferences, re => re.IsMatch(text)));
    }

    [Fact]
    public void Multiple_response_prompts_state_how_many_to_choose()
    {
        string[] words = ["", "", "TWO", "THREE", "FOUR"];
        foreach (var q in All.Where(q => q.Type == QuestionType.Multiple))
            Assert.Contains($"Choose {words[q.Choose!.Value]}", q.Prompt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_bank_files_on_disk_are_the_ones_embedded_in_the_kit()
    {
        var dir = Path.Combine(RepoRoot(), "data", "quizzes");
        var files = Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith("schema.json")).ToList();
        var topics = files.Select(f => JsonNode.Parse(File.ReadAllText(f))!["topic"]!.GetValue<string>()).Order();
        Assert.Equal(topics, QuizBank.Topics.Order());
    }

    [Fact]
    public void The_first_lesson_quiz_grades_a_right_and_a_wrong_choice_in_bank_order()
    {
        var quiz = Quiz.For("neural-network-basics", shuffleSeed: null);
        var q = quiz.Find("nnb-binary-output");
        var right = q.Answer[0];
        var wrong = q.Options.First(o => o.Key != right).Key;
        Assert.True(quiz.Answer(q.Id, right).Correct);
        var feedback = quiz.Answer(q.Id, wrong);
        Assert.False(feedback.Correct);
        Assert.Contains($"The answer is {right}", feedback.ToString());
    }

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Kit.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("Kit.sln");
    }
}
