using Kit.Quizzes;
using Microsoft.Data.Sqlite;

namespace Kit.Progress.Tests;

public class ProgressStoreTests
{
    static readonly DateTimeOffset T0 = TestBank.Start;

    static Feedback Right(string id) => Grader.Grade(TestBank.Q(id), TestBank.Q(id).Type == QuestionType.Numeric ? ["0.75"] : TestBank.Q(id).Answer);

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
            for (int i = 0; i < each; i++) store.Record(Right("alpha-1"), AnswerSource.Code);
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
        new ProgressStore(path).Record(Right("alpha-1"), AnswerSource.Code);
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
        store.Record(Right("alpha-1"), AnswerSource.Code);

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
        for (int i = 0; i < 200; i++) first.Record(Right("alpha-1"), AnswerSource.Code);
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
        store.Record(Right("alpha-1"), AnswerSource.Code);

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
        new ProgressStore(path).Record(Right("alpha-1"), AnswerSource.Code);
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
        var bankQuestion = QuizBank.AllQuestions.First(q => q.Type == QuestionType.Single);
        var shown = Shuffle.Apply(bankQuestion, Quiz.DefaultSeed);
        var wrong = shown.Options.First(o => !shown.Answer.Contains(o.Key)).Key;

        Assert.True(store.RecordWidgetAnswer(shown.Id, shown.Answer[0])!.Correct);
        Assert.False(store.RecordWidgetAnswer(shown.Id, wrong)!.Correct);
        Assert.Null(store.RecordWidgetAnswer(shown.Id, "Z"));            // not an option: not recorded
        Assert.Null(store.RecordWidgetAnswer("no-such-question", "A"));  // not in the bank: not recorded

        var answers = store.Answers();
        Assert.Equal([true, false], answers.Select(a => a.Correct));
        Assert.All(answers, a => Assert.Equal(AnswerSource.Widget, a.Source));
        Assert.All(answers, a => Assert.Equal(bankQuestion.Topic, a.Topic));
    }

    [Fact]
    public void The_widget_posts_answers_to_the_kernel_only_through_a_present_kernel_API()
    {
        var html = Quiz.For(QuizBank.Topics.First()).ToHtml();
        Assert.Contains("data-seed=\"2024\"", html);
        Assert.Contains("Kit.Progress.ProgressStore.RecordFromWidget(", html);
        Assert.Contains("typeof k.submitCode==='function'", html);
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
public class DefaultStoreTests
{
    [Fact]
    public void Answers_given_in_code_are_recorded_in_KIT_HOME_without_any_setup()
    {
        Assert.StartsWith(TestHome.Root, ProgressStore.DefaultPath);
        var before = ProgressStore.Default.Answers().Count;
        Quiz.From(TestBank.Topics[0]).Answer("alpha-1", "A");
        var after = ProgressStore.Default.Answers();
        Assert.Equal(before + 1, after.Count);
        Assert.Equal(("alpha-1", true, AnswerSource.Code), (after[^1].QuestionId, after[^1].Correct, after[^1].Source));
    }

    [Fact]
    public void KIT_PROGRESS_off_records_nothing()
    {
        var before = ProgressStore.Default.Answers().Count;
        Environment.SetEnvironmentVariable("KIT_PROGRESS", "off");
        try
        {
            Assert.False(ProgressStore.Enabled);
            Quiz.From(TestBank.Topics[0]).Answer("alpha-1", "B");
            var q = QuizBank.AllQuestions.First(q => q.Type == QuestionType.Single);
            Assert.False(ProgressStore.RecordFromWidget(q.Id, Shuffle.Apply(q, Quiz.DefaultSeed).Answer[0]));
        }
        finally { Environment.SetEnvironmentVariable("KIT_PROGRESS", null); }
        Assert.Equal(before, ProgressStore.Default.Answers().Count);
    }
}
