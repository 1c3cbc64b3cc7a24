using System.CommandLine;
using Kit.Cli.Study;
using Kit.Quizzes;

namespace Kit.Progress.Tests;

public class StudyCommandTests
{
    static readonly DateTimeOffset T0 = TestBank.Start;

    /// <summary>Runs <c>kit</c>'s study commands in this process against <paramref name="ctx"/>.</summary>
    internal static async Task<int> Kit(StudyContext ctx, params string[] args)
    {
        var root = new RootCommand { QuizCommand.Create(() => ctx), ProgressCommand.Create(() => ctx) };
        return await root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task Kit_quiz_answered_right_says_correct_explains_and_records_a_terminal_answer()
    {
        var (ctx, console, store) = TestBank.Context();
        Keys.Answer(console, TestBank.Q("alpha-1"), correct: true);

        Assert.Equal(0, await Kit(ctx, "quiz", "alpha", "--count", "1"));

        Assert.Contains("Which is a metric?", console.Output);
        Assert.Contains("Correct.", console.Output);
        Assert.Contains("Recall is a metric.", console.Output);
        Assert.Contains("Box 2 of 5: next review in 2 days", console.Output);
        var a = Assert.Single(store.Answers());
        Assert.Equal(("alpha-1", true, "A", AnswerSource.Terminal), (a.QuestionId, a.Correct, a.Response, a.Source));
    }

    [Fact]
    public async Task Kit_quiz_answered_wrong_shows_the_answer_and_every_explanation_and_records_it()
    {
        var (ctx, console, store) = TestBank.Context();
        Keys.Answer(console, TestBank.Q("alpha-1"), correct: false);

        Assert.Equal(0, await Kit(ctx, "quiz", "alpha", "--count", "1"));

        Assert.Contains("Not quite. The answer is A.", console.Output);
        Assert.Contains("A batch is not a metric.", console.Output);
        Assert.Contains("Box 1 of 5: next review in 1 day", console.Output);
        Assert.False(Assert.Single(store.Answers()).Correct);
    }

    [Fact]
    public async Task Kit_quiz_takes_every_format_in_its_own_shape_and_shows_the_case_study_first()
    {
        var (ctx, console, store) = TestBank.Context();
        // Nothing answered yet: bank order. beta has ordering, matching, then a case study of two questions.
        foreach (var id in new[] { "beta-1", "beta-2", "beta-3", "beta-4" }) Keys.Answer(console, TestBank.Q(id), correct: id != "beta-2");

        Assert.Equal(0, await Kit(ctx, "quiz", "beta"));

        var output = console.Output;
        Assert.True(output.IndexOf("A telecom trains a churn model", StringComparison.Ordinal) < output.IndexOf("What first?", StringComparison.Ordinal));
        Assert.Contains("3 of 4 right.", output);
        Assert.Equal([true, false, true, true], store.Answers().Select(a => a.Correct));
        Assert.Equal("2=B", store.Answers()[1].Response.Split(',')[1]);
    }

    [Fact]
    public async Task Kit_quiz_asks_again_when_an_answer_has_the_wrong_shape()
    {
        var (ctx, console, store) = TestBank.Context();
        console.Input.PushTextWithEnter("A B");      // ordering needs all three keys
        console.Input.PushTextWithEnter("B A C");

        Assert.Equal(0, await Kit(ctx, "quiz", "beta", "--count", "1"));

        Assert.Contains("list every option exactly once", console.Output);
        Assert.True(Assert.Single(store.Answers()).Correct);
    }

    [Fact]
    public async Task Kit_quiz_multiple_response_insists_on_exactly_N_choices()
    {
        var (ctx, console, store) = TestBank.Context();
        Keys.Answer(console, TestBank.Q("alpha-1"), correct: true);
        console.Input.PushKey(ConsoleKey.Spacebar);  // alpha-2: only one option chosen
        console.Input.PushKey(ConsoleKey.Enter);
        Keys.Answer(console, TestBank.Q("alpha-2"), correct: true);

        Assert.Equal(0, await Kit(ctx, "quiz", "alpha", "--count", "2"));

        Assert.Contains("Choose exactly 2, not 1.", console.Output);
        Assert.Equal(["A", "A,C"], store.Answers().Select(a => a.Response));
    }

    [Fact]
    public async Task Kit_quiz_practises_due_questions_before_new_ones()
    {
        var clock = new ManualClock(T0);
        var (ctx, console, store) = TestBank.Context(clock);
        TestBank.Record(store, Grader.Grade(TestBank.Q("alpha-3"), ["0.1"]), AnswerSource.Code); // wrong: box 1, due tomorrow
        clock.Advance(TimeSpan.FromDays(1));
        Keys.Answer(console, TestBank.Q("alpha-3"), correct: true);

        Assert.Equal(0, await Kit(ctx, "quiz", "alpha", "--count", "1"));

        Assert.Contains("Precision with tp=3", console.Output);
        Assert.Contains("box 1, due", console.Output);
    }

    [Fact]
    public async Task An_unknown_topic_is_an_error_that_lists_the_valid_topics_with_exit_code_2()
    {
        var (ctx, console, store) = TestBank.Context();

        Assert.Equal(2, await Kit(ctx, "quiz", "gamma"));

        var error = ctx.Error.ToString()!;
        Assert.Contains("Unknown topic 'gamma'", error);
        Assert.Contains("alpha", error);
        Assert.Contains("beta", error);
        Assert.DoesNotContain("gamma", console.Output);
        Assert.Equal(2, await Kit(ctx, "quiz", "gamma", "--exam"));
    }

    static IReadOnlyList<Question> Drawn(StudyContext ctx, int count, int seed) =>
        ExamDraw.Draw(ctx.AllQuestions, count, seed, ExamDraw.GuideWeights(ctx.Bank));

    [Fact]
    public async Task The_exam_gives_no_feedback_until_it_is_submitted_then_explains_the_missed_questions_and_scores_each_topic()
    {
        var (ctx, console, store) = TestBank.Context();
        var drawn = Drawn(ctx, 4, seed: 11);
        Assert.Equal(2, drawn.Select(q => q.Topic).Distinct().Count()); // both topics get their share
        for (int i = 0; i < drawn.Count; i++) ExamKeys.Answer(console, drawn[i], correct: i != 0);
        console.Input.PushKey(ConsoleKey.Enter); // the review screen: submit

        Assert.Equal(0, await Kit(ctx, "quiz", "--exam", "--count", "4", "--seed", "11"));

        var output = console.Output;
        int report = output.IndexOf("Exam report", StringComparison.Ordinal);
        Assert.True(report > 0);
        var during = output[..report];
        Assert.DoesNotContain("Correct.", during);
        Assert.DoesNotContain("Not quite", during);
        Assert.Contains("0 not answered, 0 flagged", during);
        Assert.Contains("MLA-C02 · ML Model and Foundation Model (FM) Development, Domain 2: 24% of the exam's 65 questions.", during); // C02 by default
        var after = output[report..];
        Assert.Contains("Score: 3/4 (75%), about 750/1000 scaled.", after);
        Assert.Contains("Pass mark: 72% (720/1000)", after);
        Assert.Contains("PASS", after);
        Assert.Contains("Score by topic", after);
        Assert.Contains($"1. {drawn[0].Id}", after);
        Assert.Contains("wrong", after);
        Assert.Contains(drawn[0].Options.Count > 0 ? drawn[0].Options[0].Explanation : drawn[0].Solution!, after);
        Assert.Equal(4, store.Answers().Count(a => a.Source == AnswerSource.Exam));
    }

    [Fact]
    public async Task An_unknown_exam_version_is_refused_with_exit_code_2_naming_the_known_ones()
    {
        var (ctx, console, _) = TestBank.Context();
        Assert.Equal(2, await Kit(ctx, "quiz", "--exam", "--version", "C03"));
        Assert.Contains("Unknown exam version 'C03'. Known versions: C01, C02", ctx.Error.ToString());
        Assert.DoesNotContain("Domain 2 block", console.Output);
    }

    [Fact]
    public async Task The_c01_exam_says_so_and_states_its_domain_2_share()
    {
        var (ctx, console, _) = TestBank.Context();
        var drawn = Drawn(ctx, 2, seed: 3);
        foreach (var q in drawn) ExamKeys.Answer(console, q, correct: true);
        console.Input.PushKey(ConsoleKey.Enter);

        Assert.Equal(0, await Kit(ctx, "quiz", "--exam", "--version", "c01", "--count", "2", "--seed", "3"));

        Assert.Contains("MLA-C01 · ML Model Development, Domain 2: 26% of the exam's 65 questions.", console.Output);
        Assert.Contains("MLA-C01 Domain 2 block", console.Output);
        Assert.Contains("On MLA-C01 Domain 2 is 26% of the scored questions", console.Output);
    }

    [Fact]
    public void The_exam_draw_is_the_same_for_the_same_seed()
    {
        var pool = TestBank.Questions.ToList();
        Assert.Equal(ExamDraw.Draw(pool, 3, 5).Select(q => q.Id), ExamDraw.Draw(pool, 3, 5).Select(q => q.Id));
        Assert.Equal(pool.Count, ExamDraw.Draw(pool, 50, 5).Count);
    }

    [Fact]
    public async Task When_time_runs_out_the_exam_ends_and_the_unanswered_questions_count_as_missed()
    {
        // Every look at the clock costs a minute: the start, then question 1's screen (1 minute left), then the next screen (time is up).
        var clock = new SteppingClock(T0, TimeSpan.FromMinutes(1));
        var (ctx, console, store) = TestBank.Context(clock);
        var drawn = Drawn(ctx, 3, seed: 4);
        ExamKeys.Answer(console, drawn[0], correct: true);

        Assert.Equal(0, await Kit(ctx, "quiz", "--exam", "--count", "3", "--minutes", "2", "--seed", "4"));

        var output = console.Output;
        Assert.Contains("Time is up.", output);
        Assert.Contains("Score: 1/3 (33%)", output);
        Assert.Contains("not answered", output);
        Assert.Contains("NOT YET", output);
        Assert.Contains("2 missed question(s) went into your practice queue", output);
        var answers = store.Answers();
        Assert.Equal(drawn.Select(q => q.Id).Order(), answers.Select(a => a.QuestionId).Order());
        Assert.Equal(drawn[0].Id, Assert.Single(answers, a => a.Correct).QuestionId);
    }

    [Fact]
    public async Task In_the_exam_a_student_can_flag_skip_go_back_review_and_jump_to_an_open_question_before_submitting()
    {
        var (ctx, console, store) = TestBank.Context();
        var drawn = Drawn(ctx, 3, seed: 2);
        var input = console.Input;
        ExamKeys.Menu(console, 1);                  // question 1: flag it
        ExamKeys.Menu(console, 2);                  // question 1: skip
        ExamKeys.Menu(console, 3);                  // question 2: back
        ExamKeys.Answer(console, drawn[0], true);   // question 1: answer, on to question 2
        ExamKeys.Menu(console, 2);                  // question 2: skip
        ExamKeys.Answer(console, drawn[2], true);   // question 3: answer, the review screen opens
        ExamKeys.Menu(console, 3);                  // review: Submit, Back to the question, Go to question 1 (flagged), Go to question 2
        ExamKeys.Answer(console, drawn[1], false);  // question 2: answer, on to question 3
        ExamKeys.Menu(console, 4);                  // question 3: review screen
        input.PushKey(ConsoleKey.Enter);            // submit

        Assert.Equal(0, await Kit(ctx, "quiz", "--exam", "--count", "3", "--seed", "2"));

        var output = console.Output;
        Assert.Contains("Question 1/3 · not answered · flagged", output);
        Assert.Contains("1 not answered, 1 flagged", output);
        Assert.Contains("Go to question 1 (flagged)", output);
        Assert.Contains("Go to question 2 (not answered)", output);
        Assert.Contains("0 not answered, 1 flagged", output);
        Assert.Contains("Score: 2/3 (67%)", output);
        Assert.Equal([true, false, true], drawn.Select(q => store.Answers().Single(a => a.QuestionId == q.Id).Correct));
    }

    [Fact]
    public async Task Long_without_exam_is_refused_with_exit_code_2()
    {
        var (ctx, _, _) = TestBank.Context();
        Assert.Equal(2, await Kit(ctx, "quiz", "--long"));
        Assert.Contains("--long goes with --exam", ctx.Error.ToString());
    }

    [Fact]
    public async Task Kit_progress_shows_mastery_a_chart_and_what_to_revisit_and_writes_a_chart_page()
    {
        var clock = new ManualClock(T0);
        var (ctx, console, store) = TestBank.Context(clock);
        TestBank.Record(store, Grader.Grade(TestBank.Q("alpha-1"), ["A"]), AnswerSource.Terminal);
        TestBank.Record(store, Grader.Grade(TestBank.Q("alpha-2"), ["B", "D"]), AnswerSource.Terminal);
        clock.Advance(TimeSpan.FromDays(1));
        var page = Path.Combine(TestHome.NewFolder(), "progress.html");

        Assert.Equal(0, await Kit(ctx, "progress", "--html", page));

        var output = console.Output;
        Assert.Contains("2 answers recorded", output);
        Assert.Contains("Mastery per topic", output);
        Assert.Contains("50%", output);          // alpha accuracy
        Assert.Contains("Due now (1)", output);
        Assert.Contains("alpha-2", output);
        Assert.Contains("Weakest topics: beta (0%), alpha (8%)", output);
        var html = File.ReadAllText(page);
        Assert.Contains("mastery (Leitner)", html);
        Assert.Contains("alpha", html);
    }

    [Fact]
    public async Task Kit_progress_with_nothing_recorded_says_where_to_start()
    {
        var (ctx, console, _) = TestBank.Context();
        Assert.Equal(0, await Kit(ctx, "progress"));
        Assert.Contains("Nothing answered yet", console.Output);
    }
}
