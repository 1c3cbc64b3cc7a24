using System.Text.Json.Nodes;
using Kit.Quizzes;

namespace Kit.Tests;

/// <summary>Every question says which exam versions it belongs to (MLA-C01, MLA-C02 or both) and its C02 task statement; an exam draws from one version.</summary>
public class QuizVersionTests
{
    static IReadOnlyList<QuizTopic> Bank => QuizBank.Topics.Select(QuizBank.Topic).ToList();
    static IReadOnlyList<Question> Pool => QuizBank.AllQuestions.ToList();

    static QuizBankException Refused(Action<JsonObject> breakIt) => QuizSchemaTests.Refused(breakIt);

    static JsonObject First(JsonObject doc) => QuizSchemaTests.First(doc);

    [Fact]
    public void A_question_without_exam_versions_is_refused_naming_the_question()
    {
        var e = Refused(d => First(d).Remove("exams"));
        Assert.Equal("t-1", e.QuestionId);
        Assert.Contains("exams", e.Problem);
    }

    [Fact]
    public void An_unknown_exam_version_is_refused_naming_the_question_and_the_known_versions()
    {
        var e = Refused(d => First(d)["exams"] = new JsonArray("C01", "C03"));
        Assert.Equal("bad.json [t-1]: unknown exam version 'C03' in 'exams' (known: C01, C02)", e.Message);
    }

    [Fact]
    public void An_unknown_task_statement_is_refused_naming_the_question_and_the_known_ones()
    {
        var e = Refused(d => First(d)["task"] = "2.3.11");
        Assert.Equal("t-1", e.QuestionId);
        Assert.StartsWith("unknown C02 task statement '2.3.11' in 'task' (known: 2.1, 2.1.1,", e.Problem);
        Assert.Contains("2.3.10)", e.Problem);
    }

    [Fact]
    public void A_c02_question_needs_its_task_statement_and_a_c01_only_question_has_none()
    {
        Assert.StartsWith("a C02 question needs its C02 task statement", Refused(d => First(d).Remove("task")).Problem);
        var e = Refused(d => First(d)["exams"] = new JsonArray("C01"));
        Assert.Equal("'task' names C02 task statement '2.2', but 'exams' does not list C02", e.Problem);
        var c01Only = JsonNode.Parse(QuizTests.Valid)!.AsObject();
        First(c01Only)["exams"] = new JsonArray("C01");
        First(c01Only).Remove("task");
        Assert.Equal(["C01"], QuizBank.Parse(c01Only.ToJsonString(), "ok.json").Questions.Single().Exams);
    }

    [Fact]
    public void A_case_study_whose_questions_belong_to_different_versions_is_refused()
    {
        var e = Refused(d =>
        {
            var q1 = First(d).DeepClone().AsObject();
            var q2 = First(d).DeepClone().AsObject();
            q2["id"] = "t-2";
            q2["exams"] = new JsonArray("C02");
            q2["prompt"] = "Which other?";
            d["caseStudies"] = new JsonArray(new JsonObject { ["id"] = "case-1", ["title"] = "T", ["section"] = "S", ["scenario"] = "A team…", ["questions"] = new JsonArray(q1.AsObject(), q2) });
            q1["id"] = "t-1c";
        });
        Assert.Equal("case-1", e.QuestionId);
        Assert.Contains("same exam versions", e.Problem);
    }

    [Theory]
    [InlineData("C02", "C02")]
    [InlineData("c01", "C01")]
    [InlineData(" MLA-C02 ", "C02")]
    public void A_version_is_read_in_any_case_with_or_without_the_exam_code(string given, string expected) =>
        Assert.Equal(expected, ExamVersions.Parse(given));

    [Fact]
    public void An_unknown_version_argument_is_refused_naming_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ExamVersions.Parse("C03", "--version"));
        Assert.Equal("--version", e.ParamName);
        Assert.Contains("Unknown exam version 'C03'. Known versions: C01, C02", e.Message);
    }

    [Fact]
    public void Every_question_in_the_bank_is_tagged_and_both_versions_have_questions_of_their_own()
    {
        Assert.All(Pool, q => Assert.NotEmpty(q.Exams));
        Assert.All(Pool.Where(q => q.Exams.Contains("C02")), q => Assert.True(ExamVersions.C02TaskStatements.ContainsKey(q.Task!), q.Id));
        Assert.Contains(Pool, q => q.Exams.SequenceEqual(["C01"]));
        Assert.True(Pool.Count(q => q.Exams.SequenceEqual(["C02"])) >= 60, $"{Pool.Count(q => q.Exams.SequenceEqual(["C02"]))} C02-only questions");
    }

    [Fact]
    public void The_c02_only_questions_cover_every_task_statement_c02_added_in_every_format_and_in_case_studies()
    {
        var c02Only = Pool.Where(q => q.Exams.SequenceEqual(["C02"])).ToList();
        var added = ExamVersions.C02TaskStatements.Keys.Where(k => k.Count(ch => ch == '.') == 2);
        foreach (var task in added) Assert.True(c02Only.Any(q => q.Task == task), $"no C02-only question on {task}");
        foreach (var type in new[] { QuestionType.Single, QuestionType.Multiple, QuestionType.Ordering, QuestionType.Matching })
            Assert.True(c02Only.Count(q => q.Type == type) >= 3, $"{c02Only.Count(q => q.Type == type)} C02-only {type} questions");
        Assert.True(c02Only.Select(q => q.CaseStudy?.Id).Where(id => id is not null).Distinct().Count() >= 2);
    }

    [Theory]
    [InlineData("C01", 1)]
    [InlineData("C01", 2)]
    [InlineData("C02", 1)]
    [InlineData("C02", 2)]
    public void An_exam_of_one_version_never_draws_a_question_of_the_other_only(string version, int seed)
    {
        var other = version == "C01" ? "C02" : "C01";
        var pool = ExamVersions.For(Pool, version).ToList();
        foreach (var count in new[] { ExamForm.Domain2BlockFor(version).Questions, ExamForm.LongPractice.Questions })
        {
            var drawn = ExamDraw.Draw(pool, count, seed, ExamDraw.GuideWeights(Bank));
            Assert.Equal(count, drawn.Count);
            Assert.DoesNotContain(drawn, q => q.Exams.SequenceEqual([other]));
            Assert.All(drawn, q => Assert.Contains(version, q.Exams));
        }
        // Drawing the whole version's pool shows the filter itself: every own-version question and none of the other's alone.
        var all = ExamDraw.Draw(pool, pool.Count, seed).Select(q => q.Id).ToHashSet();
        Assert.Equal(Pool.Where(q => q.Exams.Contains(version)).Select(q => q.Id).ToHashSet(), all);
    }

    [Fact]
    public void The_c02_long_practice_draws_the_new_foundation_model_topics_and_the_c01_one_never_does()
    {
        var c02 = ExamDraw.Draw(ExamVersions.For(Pool, "C02"), 65, 3, ExamDraw.GuideWeights(Bank));
        Assert.Contains(c02, q => q.Exams.SequenceEqual(["C02"]));
        var c01 = ExamDraw.Draw(ExamVersions.For(Pool, "C01"), 65, 3, ExamDraw.GuideWeights(Bank));
        Assert.Contains(c01, q => q.Exams.SequenceEqual(["C01"]) || q.Exams.Count == 2);
        Assert.DoesNotContain(c01, q => q.Exams.SequenceEqual(["C02"]));
    }

    [Fact]
    public void A_c02_draw_gives_the_topics_of_the_added_skills_their_share_of_c02s_26_skills_and_a_c01_draw_the_study_guides_weights()
    {
        Assert.Equal(26, ExamVersions.C02SkillCount); // 2.1.1–2.1.7, 2.2.1–2.2.9, 2.3.1–2.3.10
        var weights = ExamDraw.VersionWeights(Bank, "C02");
        Assert.Equal(11.0 / 26, (weights["foundation-models"] + weights["generative-ai-evaluation"]) / weights.Values.Sum(), 6);
        Assert.Equal(7.0 / 4, weights["foundation-models"] / weights["generative-ai-evaluation"], 6); // added skills each covers
        Assert.Equal(ExamDraw.GuideWeights(Bank), ExamDraw.VersionWeights(Bank, "C01"));

        int biggestCase = Bank.SelectMany(t => t.CaseStudies).Max(c => c.Questions.Count);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var drawn = ExamDraw.Draw(ExamVersions.For(Pool, "C02"), 65, seed, weights);
            int added = drawn.Count(q => q.Exams.SequenceEqual(["C02"]));
            Assert.InRange(added, 65 * 11 / 26 - biggestCase, 65 * 11 / 26 + biggestCase + 1);
        }
    }

    [Fact]
    public void The_domain_2_block_is_each_versions_share_of_65_questions_at_two_minutes_a_question()
    {
        // 65 · 24 % = 15.6 → 16 questions (C02); 65 · 26 % = 16.9 → 17 (C01).
        Assert.Equal((16, 32.0), (ExamForm.Domain2BlockFor("C02").Questions, ExamForm.Domain2BlockFor("C02").Time.TotalMinutes));
        Assert.Equal((17, 34.0), (ExamForm.Domain2BlockFor("C01").Questions, ExamForm.Domain2BlockFor("C01").Time.TotalMinutes));
        Assert.Equal(ExamForm.Domain2BlockFor("C02"), ExamForm.Domain2Block);
        Assert.Equal((0.24, 0.26), (ExamVersions.Domain2Share("C02"), ExamVersions.Domain2Share("C01")));
    }
}
