using Kit.Quizzes;
using Microsoft.Data.Sqlite;

namespace Kit.Progress.Tests;

public class ProgressStoreTests
{
    static readonly DateTimeOffset T0 = TestBank.Start;

    [Fact]
    public void Parallel_writers_with_their_own_connections_lose_no_answer()
    {
        var path = TestHome.NewDatabasePath();
        const int writers = 4, each = 100;
        // Each writer is its own store (its own connections, its own first-open check of a file that does not exist yet).
        var stores = Enumerable.Range(0, writers).Select(i => new ProgressStore(path, sessionId: $"writer-{i}")).ToList();
        using var go = new Barrier(writers);
        var threads = stores.Select(store => new Thread(() =>
        {
            go.SignalAndWait();
            for (int i = 0; i < each; i++) store.Record("alpha-1", "alpha", true, "A", AnswerSource.Code);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var answers = new ProgressStore(path).Answers();
        Assert.Equal(writers * each, answers.Count);
        foreach (var s in stores) Assert.Equal(each, answers.Count(a => a.SessionId == s.SessionId));
        Assert.Equal("wal", Pragma(path, "journal_mode"));
    }

    [Fact]
    public void The_database_carries_the_Kit_application_id_and_schema_version()
    {
        var path = TestHome.NewDatabasePath();
        new ProgressStore(path).Record("alpha-1", "alpha", true, "A", AnswerSource.Code);
        Assert.Equal(ProgressStore.ApplicationId.ToString(), Pragma(path, "application_id"));
        Assert.Equal(ProgressStore.SchemaVersion.ToString(), Pragma(path, "user_version"));
    }

    [Fact]
    public void A_corrupt_file_is_moved_aside_with_a_message_and_a_new_database_is_started()
    {
        var path = TestHome.NewDatabasePath();
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(path, garbage);
        var messages = new List<string>();

        var store = new ProgressStore(path, new ManualClock(T0), notify: messages.Add);
        store.Record("alpha-1", "alpha", true, "A", AnswerSource.Code);

        var aside = path + ".corrupt-20260301T090000Z";
        Assert.True(File.Exists(aside));
        Assert.Equal(garbage, File.ReadAllBytes(aside));
        var message = Assert.Single(messages);
        Assert.Contains("is not an SQLite database", message);
        Assert.Contains(aside, message);
        Assert.Contains("nothing was deleted", message);
        Assert.Single(store.Answers());
    }

    [Fact]
    public void A_Kit_database_damaged_inside_is_moved_aside_as_corrupt()
    {
        var path = TestHome.NewDatabasePath();
        var first = new ProgressStore(path);
        for (int i = 0; i < 200; i++) first.Record("alpha-1", "alpha", true, "A", AnswerSource.Code);
        SqliteConnection.ClearAllPools(); // the last connection checkpoints the WAL into the file
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 3 * 4096);
        for (int i = 4096; i < bytes.Length; i++) bytes[i] = 0x5A;
        File.WriteAllBytes(path, bytes);
        var messages = new List<string>();

        var store = new ProgressStore(path, new ManualClock(T0), notify: messages.Add);
        Assert.Empty(store.Answers());

        Assert.True(File.Exists(path + ".corrupt-20260301T090000Z"));
        Assert.Contains("is damaged", Assert.Single(messages));
    }

    [Fact]
    public void A_foreign_SQLite_file_is_moved_aside_untouched_with_a_message()
    {
        var path = TestHome.NewDatabasePath();
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('my thesis');";
            cmd.ExecuteNonQuery();
        }
        var messages = new List<string>();

        var store = new ProgressStore(path, new ManualClock(T0), notify: messages.Add);
        store.Record("alpha-1", "alpha", true, "A", AnswerSource.Code);

        var aside = path + ".foreign-20260301T090000Z";
        Assert.True(File.Exists(aside));
        using (var c = new SqliteConnection($"Data Source={aside};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT text FROM notes";
            Assert.Equal("my thesis", cmd.ExecuteScalar());
        }
        var message = Assert.Single(messages);
        Assert.Contains("another program", message);
        Assert.Contains("notes", message);
        Assert.Contains(aside, message);
        Assert.Single(store.Answers());
    }

    [Fact]
    public void A_database_from_a_newer_Kit_is_left_alone_with_an_error()
    {
        var path = TestHome.NewDatabasePath();
        new ProgressStore(path).Record("alpha-1", "alpha", true, "A", AnswerSource.Code);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var e = Assert.Throws<ProgressStoreException>(() => new ProgressStore(path).Answers());
        Assert.Contains("newer Kit", e.Message);
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "progress.db.*-*"));
    }

    [Fact]
    public void A_widget_answer_is_graded_again_on_the_kernel_side_with_the_widget_shuffle()
    {
        var store = new ProgressStore(TestHome.NewDatabasePath());
        var pipeline = new AnswerPipeline(new ProgressRecorder(() => store, m => Assert.Fail(m)).Record);
        var bank = QuizBank.AllQuestions.ToList();
        var bankQuestion = bank.First(q => q.Type == QuestionType.Single);
        var shown = Shuffle.Apply(bankQuestion, Quiz.DefaultSeed);
        var wrong = shown.Options.First(o => !shown.Answer.Contains(o.Key)).Key;

        Assert.True(WidgetAnswers.Submit(pipeline, bank, shown.Id, shown.Answer[0], Quiz.DefaultSeed)!.Feedback.Correct);
        Assert.False(WidgetAnswers.Submit(pipeline, bank, shown.Id, wrong, Quiz.DefaultSeed)!.Feedback.Correct);
        Assert.Null(WidgetAnswers.Submit(pipeline, bank, shown.Id, "Z", Quiz.DefaultSeed));            // not an option: not recorded
        Assert.Null(WidgetAnswers.Submit(pipeline, bank, "no-such-question", "A", Quiz.DefaultSeed));  // not in the bank: not recorded

        var answers = store.Answers();
        Assert.Equal([true, false], answers.Select(a => a.Correct));
        Assert.All(answers, a => Assert.Equal(AnswerSource.Widget, a.Source));
        Assert.All(answers, a => Assert.Equal(bankQuestion.Topic, a.Topic));
    }

    [Fact]
    public void The_widget_sends_answers_only_through_the_transport_its_host_gives()
    {
        var quiz = Quiz.For(QuizBank.Topics.First());
        Assert.Contains("data-seed=\"2024\"", quiz.ToHtml());
        Assert.Contains("var send=null,", quiz.ToHtml());                      // the core knows no notebook host
        Assert.DoesNotContain("interactive", quiz.ToHtml());
        var hosted = QuizHtml.Render(quiz, "function(code){window.sent=code;}");
        Assert.Contains("var send=function(code){window.sent=code;},", hosted);
        Assert.Contains("Kit.Quizzes.WidgetAnswers.Save(", hosted);
        Assert.Contains("data-seed=\"null\"", Quiz.For(QuizBank.Topics.First(), shuffleSeed: null).ToHtml());
    }

    static string Pragma(string path, string name)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

/// <summary>Tests that change KIT_PROGRESS or use the process's default store run alone.</summary>
[CollectionDefinition(nameof(ProcessWide), DisableParallelization = true)]
public sealed class ProcessWide;

[Collection(nameof(ProcessWide))]
public class SharedPipelineTests
{
    [Fact]
    public void Answers_given_in_code_are_recorded_once_a_host_attaches_a_recorder()
    {
        var store = new ProgressStore(TestHome.NewDatabasePath());
        var quiz = Quiz.From(TestBank.Topics[0]);
        quiz.Answer("alpha-1", "A");                                   // no host yet: graded, recorded nowhere
        var before = AnswerPipeline.Shared;
        AnswerPipeline.Shared = new AnswerPipeline(new ProgressRecorder(() => store, m => Assert.Fail(m)).Record);
        try { quiz.Answer("alpha-1", "A"); }
        finally { AnswerPipeline.Shared = before; }
        var a = Assert.Single(store.Answers());
        Assert.Equal(("alpha-1", true, AnswerSource.Code), (a.QuestionId, a.Correct, a.Source));
    }

    [Fact]
    public void KIT_PROGRESS_off_records_nothing()
    {
        var store = new ProgressStore(TestHome.NewDatabasePath());
        var recorder = new ProgressRecorder(() => store, m => Assert.Fail(m));
        var feedback = Grader.Grade(TestBank.Q("alpha-1"), ["A"]);
        Environment.SetEnvironmentVariable("KIT_PROGRESS", "off");
        try
        {
            Assert.False(ProgressStore.Enabled);
            Assert.False(recorder.Record(feedback, AnswerSource.Code));
        }
        finally { Environment.SetEnvironmentVariable("KIT_PROGRESS", null); }
        Assert.Empty(store.Answers());
        Assert.True(recorder.Record(feedback, AnswerSource.Code));
    }

    [Fact]
    public void A_store_that_cannot_be_written_costs_the_answer_a_warning_never_an_exception()
    {
        var warnings = new List<string>();
        var recorder = new ProgressRecorder(() => throw new IOException("read-only home"), warnings.Add);
        Assert.False(recorder.Record(Grader.Grade(TestBank.Q("alpha-1"), ["A"]), AnswerSource.Widget));
        Assert.Contains("read-only home", Assert.Single(warnings));
    }
}
