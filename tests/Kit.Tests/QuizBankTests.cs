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

    static IReadOnlyList<Question> All => QuizBank.AllQuestions.ToList();

    [Fact]
    public void Every_study_guide_topic_has_at_least_eight_questions_and_the_bank_at_least_150()
    {
        Assert.Equal(StudyGuideTopics.Order(), QuizBank.Topics.Order());
        foreach (var t in StudyGuideTopics)
            Assert.True(QuizBank.Topic(t).AllQuestions.Count >= 8, $"{t} has {QuizBank.Topic(t).AllQuestions.Count} questions");
        Assert.True(All.Count >= 150, $"{All.Count} questions");
    }

    [Fact]
    public void At_least_forty_questions_are_exam_style_scenarios_and_every_format_appears()
    {
        Assert.True(All.Count(q => q.Scenario) >= 40, $"{All.Count(q => q.Scenario)} scenario questions");
        foreach (var type in Enum.GetValues<QuestionType>()) Assert.Contains(All, q => q.Type == type);
        Assert.Contains(All, q => q.CaseStudy is not null);
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
