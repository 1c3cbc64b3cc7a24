using Kit.Quizzes;

namespace Kit.Tests;

public class QuizTests
{
    /// <summary>A one-question bank file that passes every check.</summary>
    internal const string Valid = """
        {"topic":"t","title":"T","questions":[
          {"id":"t-1","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Which?",
           "options":[{"key":"A","text":"a","explanation":"why not a"},{"key":"B","text":"b","explanation":"why b"}],
           "answer":["B"],"tip":"remember b"}]}
        """;

    [Fact]
    public void A_right_answer_is_graded_correct_and_explained()
    {
        var f = Quiz.From(QuizBank.Parse(Valid, "t.json")).Answer("t-1", "b");
        Assert.True(f.Correct);
        Assert.Contains("why b", f.ToString());
        Assert.Contains("Exam tip: remember b", f.ToString());
    }

    [Fact]
    public void A_wrong_answer_names_the_right_one_and_explains_both()
    {
        var f = Quiz.From(QuizBank.Parse(Valid, "t.json")).Answer("t-1", "A");
        Assert.False(f.Correct);
        Assert.Contains("The answer is B", f.ToString());
        Assert.Contains("why not a", f.ToString());
        Assert.Contains("why b", f.ToString());
    }

    [Theory]
    [InlineData("\"answer\":[\"B\"]", "\"answer\":[\"C\"]", "[t-1]: answer 'C' is not among the options (A, B)")]
    [InlineData("\"answer\":[\"B\"]", "\"answer\":[\"A\",\"B\"]", "[t-1]: a single-choice question needs exactly one answer, not 2")]
    public void A_malformed_bank_file_names_the_file_the_question_and_the_problem(string from, string to, string expected)
    {
        var e = Assert.Throws<QuizBankException>(() => QuizBank.Parse(Valid.Replace(from, to), "bad.json"));
        Assert.Equal($"bad.json {expected}", e.Message);
    }

    [Fact]
    public void A_duplicate_id_is_refused()
    {
        var twice = Valid.Replace("]}\n", "").TrimEnd();
        var doc = System.Text.Json.Nodes.JsonNode.Parse(Valid)!;
        doc["questions"]!.AsArray().Add(doc["questions"]![0]!.DeepClone());
        var e = Assert.Throws<QuizBankException>(() => QuizBank.Parse(doc.ToJsonString(), "dup.json"));
        Assert.Equal("dup.json [t-1]: duplicate id", e.Message);
        _ = twice;
    }

    [Fact]
    public void Unknown_topics_and_ids_list_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Quiz.For("no-such-topic"));
        Assert.Contains("Valid topics:", e.Message);
        var quiz = Quiz.From(QuizBank.Parse(Valid, "t.json"));
        var e2 = Assert.Throws<ArgumentException>(() => quiz.Answer("t-9", "A"));
        Assert.Contains("Valid ids: t-1", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => quiz.Answer("t-1", "Z"));
        Assert.Contains("'Z' is not an option. Expected one option key (A, B)", e3.Message);
    }

    [Fact]
    public void The_widget_encodes_question_text_so_markup_cannot_run()
    {
        var quiz = Quiz.From(QuizBank.Parse(Valid.Replace("Which?", "<img src=x onerror=alert(1)>"), "t.json"));
        var html = quiz.ToHtml();
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Every_embedded_bank_file_is_valid()
    {
        foreach (var topic in QuizBank.Topics) Assert.NotEmpty(Quiz.For(topic).Questions);
    }
}
