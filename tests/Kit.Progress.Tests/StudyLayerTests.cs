using Kit.Cli.Study;
using Kit.Quizzes;
using Spectre.Console.Testing;

namespace Kit.Progress.Tests;

/// <summary>One answer pipeline for every source; errors on standard error; a broken bank is one line; output fit for pipes.</summary>
[Collection(nameof(ProcessWide))]
public class StudyLayerTests
{
    const string Broken = """
        { "topic": "broken", "title": "Broken", "questions": [
          { "id": "b-1", "type": "single", "section": "s", "difficulty": "easy", "exams": ["C01", "C02"], "task": "2.2", "prompt": "Which?", "hint": "a typo of tip",
            "options": [ { "key": "A", "text": "a", "explanation": "x" }, { "key": "B", "text": "b", "explanation": "y" } ],
            "answer": ["A"] } ] }
        """;

    static Task<int> Kit(StudyContext ctx, params string[] args) => StudyCommandTests.Kit(ctx, args);

    [Fact]
    public async Task Code_the_widget_and_the_terminal_answer_through_one_pipeline_with_the_same_shown_letters()
    {
        var (ctx, _, store) = TestBank.Context(seed: Quiz.DefaultSeed);
        var shown = Shuffle.Apply(TestBank.Q("alpha-2"), Quiz.DefaultSeed);
        var pipeline = new AnswerPipeline(new ProgressRecorder(() => store, m => Assert.Fail(m)).Record);

        Assert.Equal(0, await Kit(ctx, ["quiz", "answer", "alpha-2", .. shown.Answer]));
        Assert.True(WidgetAnswers.Submit(pipeline, TestBank.Questions.ToList(), "alpha-2", string.Join(",", shown.Answer), Quiz.DefaultSeed)!.Recorded);
        var before = AnswerPipeline.Shared;
        AnswerPipeline.Shared = pipeline;
        try { Assert.True(Quiz.From(TestBank.Topics[0], Quiz.DefaultSeed).Answer("alpha-2", [.. shown.Answer]).Correct); }
        finally { AnswerPipeline.Shared = before; }

        var answers = store.Answers();
        Assert.Equal([AnswerSource.Terminal, AnswerSource.Widget, AnswerSource.Code], answers.Select(a => a.Source));
        Assert.All(answers, a => Assert.True(a.Correct));
        Assert.Single(answers.Select(a => a.Response).Distinct());
    }

    [Theory]
    [InlineData("quiz")]
    [InlineData("quiz answer b-1 A")]
    [InlineData("progress")]
    public async Task A_broken_bank_file_ends_the_command_with_one_line_naming_the_file_the_question_and_the_problem(string command)
    {
        var console = new TestConsole().Interactive().Width(200);
        var error = new StringWriter();
        var ctx = new StudyContext(console, error, () => [.. QuizBank.ParseAll([("data/quizzes/broken.json", Broken)]).Values],
            () => new ProgressStore(TestHome.NewDatabasePath()), TimeProvider.System);

        Assert.Equal(1, await Kit(ctx, command.Split(' ')));

        var line = Assert.Single(error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("The question bank is broken: data/quizzes/broken.json [b-1]: unknown property 'hint'", line);
        Assert.Equal("", console.Output);
    }

    [Fact]
    public async Task Kit_quiz_answer_writes_its_errors_to_standard_error_and_its_feedback_to_standard_output()
    {
        var (ctx, console, store) = TestBank.Context();

        Assert.Equal(2, await Kit(ctx, "quiz", "answer", "alpha-9", "A"));
        Assert.Equal(2, await Kit(ctx, "quiz", "answer", "alpha-2", "A"));
        Assert.Equal("", console.Output);
        var error = ctx.Error.ToString()!;
        Assert.Contains("No question 'alpha-9' in the bank. Valid ids: alpha-1", error);
        Assert.Contains("alpha-2: choose exactly 2, not 1", error);
        Assert.DoesNotContain("(Parameter", error);

        Assert.Equal(0, await Kit(ctx, "quiz", "answer", "alpha-2", "A", "C"));
        Assert.Contains("Correct.", console.Output);
        Assert.DoesNotContain("Correct.", ctx.Error.ToString());
        Assert.Single(store.Answers());
    }

    [Fact]
    public async Task Kit_progress_into_a_file_or_pipe_prints_whole_rows_however_narrow_the_console()
    {
        var console = new TestConsole().Width(40);
        var ctx = new StudyContext(console, new StringWriter(), () => [.. QuizBank.Topics.Select(QuizBank.Topic)],
            () => new ProgressStore(TestHome.NewDatabasePath()), TimeProvider.System) { Plain = true };

        Assert.Equal(0, await Kit(ctx, "progress"));

        var lines = console.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var topic in QuizBank.Topics)
        {
            var count = QuizBank.Topic(topic).AllQuestions.Count;
            Assert.Contains(lines, l => l.StartsWith(topic + " ", StringComparison.Ordinal) && l.Contains($"0/{count} seen") && l.EndsWith("0%", StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.StartsWith("Topic ", StringComparison.Ordinal) && l.EndsWith("Mastery", StringComparison.Ordinal));
        Assert.DoesNotContain("█", console.Output);
        Assert.Contains("Nothing answered yet: start with kit quiz", console.Output);
    }
}
