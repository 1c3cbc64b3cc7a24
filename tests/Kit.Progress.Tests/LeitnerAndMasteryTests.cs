using Kit.Quizzes;

namespace Kit.Progress.Tests;

public class LeitnerAndMasteryTests
{
    static readonly DateTimeOffset T0 = TestBank.Start;

    [Fact]
    public void A_right_answer_moves_a_question_up_one_box_and_a_wrong_one_back_to_box_1()
    {
        Assert.Equal(2, Leitner.Next(1, correct: true));
        Assert.Equal(5, Leitner.Next(4, correct: true));
        Assert.Equal(5, Leitner.Next(5, correct: true));
        Assert.Equal(1, Leitner.Next(4, correct: false));

        var states = Leitner.Replay([
            TestBank.Answer("alpha-1", true, T0),
            TestBank.Answer("alpha-1", true, T0.AddDays(2)),
            TestBank.Answer("alpha-1", true, T0.AddDays(6)),
            TestBank.Answer("alpha-2", true, T0),
            TestBank.Answer("alpha-2", false, T0.AddDays(3)),
        ]);
        Assert.Equal(4, states["alpha-1"].Box);
        Assert.Equal(1, states["alpha-2"].Box);
        Assert.Equal(2, states["alpha-2"].Answered);
        Assert.Equal(1, states["alpha-2"].CorrectAnswers);
    }

    [Fact]
    public void Answers_are_replayed_in_time_order_whatever_order_they_are_stored_in()
    {
        var states = Leitner.Replay([TestBank.Answer("alpha-1", true, T0.AddDays(1)), TestBank.Answer("alpha-1", false, T0)]);
        Assert.Equal(2, states["alpha-1"].Box);
        Assert.True(states["alpha-1"].LastCorrect);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    public void A_question_in_box_n_is_due_after_1_2_4_8_16_days(int box, int days)
    {
        Assert.Equal(TimeSpan.FromDays(days), Leitner.Interval(box));
        var state = new QuestionState("alpha-1", "alpha", box, 1, 1, T0, true);
        Assert.False(state.IsDue(T0.AddDays(days).AddMinutes(-1)));
        Assert.True(state.IsDue(T0.AddDays(days)));
    }

    [Fact]
    public void Due_questions_follow_the_injected_clock()
    {
        var answers = new[] { TestBank.Answer("alpha-1", true, T0), TestBank.Answer("alpha-2", false, T0) }; // box 2 and box 1
        Assert.Empty(new ProgressReport(answers, TestBank.Refs, T0.AddHours(23)).DueQuestions);
        Assert.Equal(["alpha-2"], new ProgressReport(answers, TestBank.Refs, T0.AddDays(1)).DueQuestions.Select(s => s.QuestionId));
        Assert.Equal(["alpha-2", "alpha-1"], new ProgressReport(answers, TestBank.Refs, T0.AddDays(2)).DueQuestions.Select(s => s.QuestionId));
    }

    [Fact]
    public void Mastery_counts_answers_accuracy_last_seen_and_Leitner_progress_per_topic()
    {
        var answers = new[]
        {
            TestBank.Answer("alpha-1", true, T0),
            TestBank.Answer("alpha-1", true, T0.AddDays(2)),   // box 3
            TestBank.Answer("alpha-2", false, T0.AddDays(1)),  // box 1
            TestBank.Answer("alpha-3", true, T0.AddDays(3)),   // box 2
        };
        var report = new ProgressReport(answers, TestBank.Refs, T0.AddDays(4));
        var alpha = report.TopicOf("alpha")!;
        Assert.Equal(3, alpha.Questions);
        Assert.Equal(3, alpha.Seen);
        Assert.Equal(4, alpha.Answered);
        Assert.Equal(3, alpha.Correct);
        Assert.Equal(0.75, alpha.Accuracy, 6);
        Assert.Equal(T0.AddDays(3), alpha.LastSeen);
        // (box - 1) / 4 per question: (2 + 0 + 1) / 4 / 3 questions
        Assert.Equal(3 / 12.0, alpha.Mastery, 6);

        var beta = report.TopicOf("beta")!;
        Assert.Equal(0, beta.Answered);
        Assert.Equal(0, beta.Mastery);
        Assert.Null(beta.LastSeen);
        Assert.Equal(["beta", "alpha"], report.WeakestTopics.Select(t => t.Topic));
    }

    [Fact]
    public void Practice_order_puts_due_questions_first_then_new_ones_then_the_rest()
    {
        var answers = new[]
        {
            TestBank.Answer("alpha-1", true, T0),   // box 2, due on day 2
            TestBank.Answer("alpha-2", false, T0),  // box 1, due on day 1
        };
        var report = new ProgressReport(answers, TestBank.Refs, T0.AddDays(1));
        var order = report.PracticeOrder(TestBank.Topics[0].AllQuestions, q => q.Id).Select(q => q.Id);
        Assert.Equal(["alpha-2", "alpha-3", "alpha-1"], order);
    }

    [Fact]
    public void Answers_to_questions_no_longer_in_the_bank_count_for_their_topic_but_are_never_due()
    {
        var report = new ProgressReport([new AnswerRecord("gone-1", "gone", false, "A", AnswerSource.Code, T0, "s")], TestBank.Refs, T0.AddDays(30));
        Assert.Empty(report.DueQuestions);
        Assert.Equal(1, report.TopicOf("gone")!.Answered);
        Assert.DoesNotContain(report.WeakestTopics, t => t.Topic == "gone");
    }

    [Fact]
    public void The_store_computes_the_same_report_from_what_it_recorded()
    {
        var clock = new ManualClock(T0);
        var store = new ProgressStore(TestHome.NewDatabasePath(), clock);
        TestBank.Record(store, Grader.Grade(TestBank.Q("alpha-1"), ["A"]), AnswerSource.Terminal);
        clock.Advance(TimeSpan.FromDays(1));
        TestBank.Record(store, Grader.Grade(TestBank.Q("beta-1"), ["A", "B", "C"]), AnswerSource.Exam);
        var answers = store.Answers();
        Assert.Equal(2, answers.Count);
        Assert.Equal(("alpha-1", "alpha", true, "A", AnswerSource.Terminal, T0), (answers[0].QuestionId, answers[0].Topic, answers[0].Correct, answers[0].Response, answers[0].Source, answers[0].AnsweredAt));
        Assert.Equal(("beta-1", false, "A,B,C", AnswerSource.Exam), (answers[1].QuestionId, answers[1].Correct, answers[1].Response, answers[1].Source));
        Assert.Equal(store.SessionId, answers[1].SessionId);
        Assert.Equal(TimeSpan.Zero, answers[1].AnsweredAt.Offset);

        clock.Advance(TimeSpan.FromDays(1));
        var report = store.Report(TestBank.Refs);
        Assert.Equal(["beta-1", "alpha-1"], report.DueQuestions.Select(s => s.QuestionId));
    }
}
