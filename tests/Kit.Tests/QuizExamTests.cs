using Kit.Quizzes;

namespace Kit.Tests;

/// <summary>The exam simulation's draw and sitting, on the real bank, with a clock the test moves by hand.</summary>
public class QuizExamTests
{
    static IReadOnlyList<QuizTopic> Bank => QuizBank.Topics.Select(QuizBank.Topic).ToList();
    static IReadOnlyList<Question> Pool => QuizBank.AllQuestions.ToList();
    static IReadOnlyDictionary<string, double> Weights => ExamDraw.GuideWeights(Bank);

    sealed class HandClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(17, 1)]
    [InlineData(17, 2)]
    [InlineData(65, 3)]
    public void The_draw_has_the_forms_length_no_repeats_and_every_case_study_whole_and_together(int count, int seed)
    {
        var drawn = ExamDraw.Draw(Pool, count, seed, Weights);
        Assert.Equal(count, drawn.Count);
        Assert.Equal(count, drawn.Select(q => q.Id).Distinct().Count());
        foreach (var group in drawn.Select((q, i) => (q, i)).Where(x => x.q.CaseStudy is not null).GroupBy(x => x.q.CaseStudy!.Id))
        {
            var whole = Pool.Where(q => q.CaseStudy?.Id == group.Key).Select(q => q.Id);
            Assert.Equal(whole, group.Select(x => x.q.Id));                                   // all of it, in bank order
            Assert.Equal(group.Count() - 1, group.Max(x => x.i) - group.Min(x => x.i));      // side by side
        }
    }

    [Fact]
    public void The_long_practice_follows_the_study_guides_weights()
    {
        var drawn = ExamDraw.Draw(Pool, ExamForm.LongPractice.Questions, seed: 7, Weights);
        double total = Weights.Values.Sum();
        int biggestCase = Bank.SelectMany(t => t.CaseStudies).Max(c => c.Questions.Count);
        foreach (var (topic, weight) in Weights)
        {
            double share = ExamForm.LongPractice.Questions * weight / total;
            int got = drawn.Count(q => q.Topic == topic);
            Assert.True(Math.Abs(got - share) <= biggestCase, $"{topic}: {got} questions for a share of {share:F1}");
        }
        var heaviest = Weights.MaxBy(kv => kv.Value).Key;
        var lightest = Weights.MinBy(kv => kv.Value).Key;
        Assert.True(drawn.Count(q => q.Topic == heaviest) > drawn.Count(q => q.Topic == lightest), $"{heaviest} vs {lightest}");
    }

    [Fact]
    public void The_same_seed_draws_the_same_exam_and_another_seed_another()
    {
        var a = ExamDraw.Draw(Pool, 17, 42, Weights).Select(q => q.Id).ToList();
        Assert.Equal(a, ExamDraw.Draw(Pool, 17, 42, Weights).Select(q => q.Id));
        Assert.NotEqual(a, ExamDraw.Draw(Pool, 17, 43, Weights).Select(q => q.Id));
    }

    [Fact]
    public void The_domain_2_block_and_the_long_practice_keep_the_exams_pace_of_two_minutes_a_question()
    {
        Assert.Equal((16, 32.0), (ExamForm.Domain2Block.Questions, ExamForm.Domain2Block.Time.TotalMinutes)); // MLA-C02: 24 % of 65
        Assert.Equal((65, 130.0), (ExamForm.LongPractice.Questions, ExamForm.LongPractice.Time.TotalMinutes));
    }

    static ExamSession Sitting(HandClock clock, int count = 4) =>
        new(ExamDraw.Draw(Pool.Where(q => q.Type == QuestionType.Single && q.CaseStudy is null), count, 5, Weights), TimeSpan.FromMinutes(8), 5, clock);

    [Fact]
    public void A_sitting_counts_down_on_its_clock_and_allows_flag_skip_back_and_jump()
    {
        var clock = new HandClock(T0);
        var s = Sitting(clock);
        Assert.Equal(TimeSpan.FromMinutes(8), s.Left());
        s.ToggleFlag();
        Assert.True(s.Next());
        Assert.True(s.Back());
        Assert.False(s.Back());
        s.GoTo(3);
        Assert.False(s.Next());
        s.Answer([s.CurrentQuestion.Answer[0]]);
        Assert.Equal([0], s.Flagged);
        Assert.Equal([0, 1, 2], s.Unanswered);
        clock.Now += TimeSpan.FromMinutes(9);
        Assert.Equal(TimeSpan.Zero, s.Left());
        Assert.Throws<ArgumentOutOfRangeException>(() => s.GoTo(4));
    }

    [Fact]
    public void An_answer_of_the_wrong_shape_is_refused_and_nothing_is_graded_before_submit()
    {
        var s = Sitting(new HandClock(T0));
        var e = Assert.Throws<ArgumentException>(() => s.Answer(["Z"]));
        Assert.Contains("'Z' is not an option", e.Message);
        Assert.Null(s.AnswerOf(0));
    }

    [Fact]
    public void Submitting_grades_through_the_pipeline_counts_unanswered_as_missed_and_names_the_weakest_topics()
    {
        var s = Sitting(new HandClock(T0));
        var recorded = new List<(string Id, bool Correct, string Response)>();
        var pipeline = new AnswerPipeline((f, source) => { recorded.Add((f.Question.Id, f.Correct, string.Join(",", f.Response))); return source == Progress.AnswerSource.Exam; });
        s.Answer([s.CurrentQuestion.Answer[0]]);                                          // right
        s.Next();
        s.Answer([s.CurrentQuestion.Options.First(o => o.Key != s.CurrentQuestion.Answer[0]).Key]); // wrong
        // questions 3 and 4 left open

        var result = s.Submit(pipeline, Pool);

        Assert.Equal((1, 4, 250), (result.Right, result.Questions.Count, result.Scaled));
        Assert.False(result.Passed);
        Assert.Equal([true, true, false, false], result.Answered);
        Assert.Equal(3, result.Missed.Count);
        Assert.All(result.Missed.Skip(1), f => Assert.StartsWith("Not answered. The answer is", f.Expected));
        Assert.All(result.Missed.Skip(1), f => Assert.DoesNotContain("your choice", string.Join(" ", f.Explanations)));
        Assert.Equal(s.Questions.Select(q => q.Id), recorded.Select(r => r.Id));
        Assert.Equal(["", ""], recorded.Skip(2).Select(r => r.Response));
        Assert.Equal(result.ByTopic.Where(t => t.Fraction < ExamForm.PassMark).Select(t => t.Topic).Order(), result.Weakest.Select(t => t.Topic).Order());
        Assert.Equal(0, result.Weakest[0].Right);
    }
}
