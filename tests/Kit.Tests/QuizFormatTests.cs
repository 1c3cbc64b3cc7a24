using Kit.Quizzes;

namespace Kit.Tests;

public class QuizFormatTests
{
    static Quiz Load(string questions, string extra = "") => Quiz.From(QuizBank.Parse(
        $$"""{"topic":"t","title":"T","questions":[{{questions}}]{{extra}}}""", "t.json"));

    const string Opts = """[{"key":"A","text":"a","explanation":"ea"},{"key":"B","text":"b","explanation":"eb"},{"key":"C","text":"c","explanation":"ec"},{"key":"D","text":"d","explanation":"ed"}]""";

    [Fact]
    public void A_multiple_response_question_is_right_only_with_exactly_the_answer_set()
    {
        var quiz = Load($$"""{"id":"m","type":"multiple","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"(Choose TWO.)","options":{{Opts}},"answer":["B","D"],"choose":2}""");
        Assert.True(quiz.Answer("m", "D", "B").Correct);
        Assert.False(quiz.Answer("m", "A", "B").Correct);
        var e = Assert.Throws<ArgumentException>(() => quiz.Answer("m", "B"));
        Assert.Contains("choose exactly 2, not 1", e.Message);
    }

    [Fact]
    public void An_ordering_question_needs_every_step_and_explains_each_position()
    {
        var quiz = Load($$"""{"id":"o","type":"ordering","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Order","options":{{Opts}},"answer":["C","A","D","B"]}""");
        Assert.True(quiz.Answer("o", "C", "A", "D", "B").Correct);
        var wrong = quiz.Answer("o", "A", "C", "D", "B");
        Assert.False(wrong.Correct);
        Assert.Contains("1. C ✗ (you put A here)", wrong.ToString());
        Assert.Contains("3. D ✓", wrong.ToString());
        Assert.Throws<ArgumentException>(() => quiz.Answer("o", "C", "A", "D"));
    }

    [Fact]
    public void A_matching_question_grades_every_pair()
    {
        var quiz = Load($$"""
            {"id":"x","type":"matching","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Match",
             "items":[{"key":"1","text":"spam","explanation":"false positives cost most"},{"key":"2","text":"cancer","explanation":"false negatives cost most"}],
             "options":[{"key":"A","text":"precision","explanation":"p"},{"key":"B","text":"recall","explanation":"r"},{"key":"C","text":"accuracy","explanation":"a"}],
             "answer":["1=A","2=B"]}
            """);
        Assert.True(quiz.Answer("x", "2=B", "1=A").Correct);
        var wrong = quiz.Answer("x", "1=B", "2=B");
        Assert.False(wrong.Correct);
        Assert.Contains("1. spam → A. precision ✗ (you chose B)", wrong.ToString());
        Assert.Throws<ArgumentException>(() => quiz.Answer("x", "1=A"));
        Assert.Throws<ArgumentException>(() => quiz.Answer("x", "1=A", "1=B"));
    }

    [Fact]
    public void A_numeric_question_accepts_answers_within_its_tolerance_and_shows_the_solution()
    {
        var quiz = Load("""
            {"id":"n","type":"numeric","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"Precision with TP=40, FP=10?",
             "value":0.8,"tolerance":0.005,"solution":"40/(40+10)=0.8","compute":{"formula":"precision","args":{"tp":40,"fp":10}}}
            """);
        Assert.True(quiz.Answer("n", 0.803).Correct);
        Assert.False(quiz.Answer("n", "0.81").Correct);
        Assert.Contains("Solution: 40/(40+10)=0.8", quiz.Answer("n", 0.5).ToString());
        Assert.Throws<ArgumentException>(() => quiz.Answer("n", "eighty percent"));
    }

    [Fact]
    public void A_numeric_value_that_disagrees_with_the_kits_formula_is_refused()
    {
        var e = Assert.Throws<QuizBankException>(() => Load("""
            {"id":"n","type":"numeric","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"?",
             "value":0.7,"tolerance":0.005,"solution":"s","compute":{"formula":"precision","args":{"tp":40,"fp":10}}}
            """));
        Assert.Equal("t.json [n]: value 0.7 differs from the Kit's precision = 0.8 by more than the tolerance 0.005", e.Message);
    }

    [Fact]
    public void Case_study_questions_carry_their_scenario()
    {
        var quiz = Load(
            $$"""{"id":"s","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":{{Opts}},"answer":["A"]}""",
            "," + $$"""
            "caseStudies":[{"id":"cs","title":"Fraud","section":"S","scenario":"A bank scores card payments.","questions":[
                {"id":"c1","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p1","options":{{Opts}},"answer":["A"]},
                {"id":"c2","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p2","options":{{Opts}},"answer":["B"]}]}]
            """);
        Assert.Equal(3, quiz.Questions.Count);
        Assert.Equal("A bank scores card payments.", quiz.Find("c2").CaseStudy!.Scenario);
        Assert.Contains("Case study: Fraud", quiz.ToHtml());
    }

    [Theory]
    [InlineData("""{"id":"m","type":"multiple","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":OPTS,"answer":["B","D"],"choose":3}""", "'choose' is 3 but the answer has 2 keys")]
    [InlineData("""{"id":"m","type":"multiple","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":OPTS,"answer":["B","D"]}""", "must say how many to choose")]
    [InlineData("""{"id":"o","type":"ordering","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":OPTS,"answer":["A","B","C"]}""", "must list every option exactly once")]
    [InlineData("""{"id":"n","type":"numeric","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","value":1,"tolerance":0.1,"solution":"s"}""", "needs 'compute'")]
    [InlineData("""{"id":"s","type":"single","section":"S","difficulty":"trivial","exams":["C01","C02"],"task":"2.2","prompt":"p","options":OPTS,"answer":["A"]}""", "/questions/0/difficulty")]
    public void Each_format_rule_names_what_is_wrong(string question, string expected)
    {
        var e = Assert.Throws<QuizBankException>(() => Load(question.Replace("OPTS", Opts)));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("t.json [", e.Message);
    }

    [Fact]
    public void An_uncovered_study_guide_item_is_reported()
    {
        var e = Assert.Throws<QuizBankException>(() => Load(
            $$"""{"id":"s","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":{{Opts}},"answer":["A"],"covers":["Row 1"]}""",
            ""","guideItems":["Row 1","Row 2"]"""));
        Assert.Equal("t.json: study-guide item 'Row 2' is not covered by any question", e.Message);
    }

    [Fact]
    public void Ids_must_be_unique_across_bank_files()
    {
        var a = ("a.json", $$"""{"topic":"a","title":"A","questions":[{"id":"q","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":{{Opts}},"answer":["A"]}]}""");
        var b = ("b.json", a.Item2.Replace("\"topic\":\"a\"", "\"topic\":\"b\""));
        var e = Assert.Throws<QuizBankException>(() => QuizBank.ParseAll([a, b]));
        Assert.Equal("b.json [q]: duplicate id (also in a.json)", e.Message);
    }

    [Fact]
    public void Shuffling_relabels_options_in_order_and_the_answer_follows_the_same_text()
    {
        var q = QuizBank.Parse($$"""{"topic":"t","title":"T","questions":[{"id":"s1","type":"single","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":{{Opts}},"answer":["C"]}]}""", "t.json").Questions[0];
        var shuffled = Shuffle.Apply(q, 7);
        Assert.Equal(["A", "B", "C", "D"], shuffled.Options.Select(o => o.Key));
        Assert.Equal("c", shuffled.OptionFor(shuffled.Answer[0])!.Text);
        Assert.Equal(shuffled.Options.Select(o => o.Text), Shuffle.Apply(q, 7).Options.Select(o => o.Text));
        Assert.NotEqual(q.Options.Select(o => o.Text), Enumerable.Range(1, 20).Select(s => Shuffle.Apply(q, s)).Select(x => x.Options.Select(o => o.Text)).First(x => !x.SequenceEqual(q.Options.Select(o => o.Text))));
    }

    [Fact]
    public void The_widget_renders_a_control_for_every_format()
    {
        var quiz = Load(string.Join(",",
            $$"""{"id":"m","type":"multiple","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":{{Opts}},"answer":["B","D"],"choose":2}""",
            $$"""{"id":"o","type":"ordering","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","options":{{Opts}},"answer":["C","A","D","B"]}""",
            """{"id":"n","type":"numeric","section":"S","difficulty":"easy","exams":["C01","C02"],"task":"2.2","prompt":"p","value":0.8,"tolerance":0.01,"solution":"s","compute":{"formula":"precision","args":{"tp":4,"fp":1}}}"""));
        var html = quiz.ToHtml();
        Assert.Contains("data-type=\"multiple\"", html);
        Assert.Contains("data-choose=\"2\"", html);
        Assert.Contains("class=\"kq-order\"", html);
        Assert.Contains("class=\"kq-num\"", html);
        Assert.DoesNotContain("<script src", html);
    }
}
