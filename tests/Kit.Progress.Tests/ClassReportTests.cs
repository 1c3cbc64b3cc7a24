using System.Security.Cryptography;
using Kit.Cli.Study;
using Microsoft.Data.Sqlite;

namespace Kit.Progress.Tests;

/// <summary>
/// The instructor's view over four synthetic students, each written through the real store (so the files are the
/// Kit's own, in WAL mode, some with answers still in the write-ahead log). Every expected number is worked by hand
/// from the Leitner rules: box n is due 2^(n-1) days after its last answer, and a question counts (box − 1) / 4.
/// </summary>
public class ClassReportTests
{
    static readonly DateTimeOffset T0 = TestBank.Start;
    static readonly DateTimeOffset Now = T0.AddDays(10);

    /// <summary>
    /// ann: alpha-1 right (day 0) and right (day 1) → box 3, due day 5; alpha-2 wrong (day 0) → box 1, due day 1.
    /// bob: alpha-1 wrong, alpha-2 wrong, beta-1 right (all day 0) → boxes 1, 1, 2, due days 1, 1, 2.
    /// cat: a store with no answers. dan: alpha-1 right on day 9 → box 2, due day 11 (not yet).
    /// ann's kernel is still running: a connection stays open, so her answers are still in ann.db-wal, not in ann.db.
    /// </summary>
    sealed class Classroom : IDisposable
    {
        public string Folder { get; } = TestHome.NewFolder();
        readonly SqliteConnection annKernel;

        public Classroom()
        {
            var ann = Path.Combine(Folder, "ann.db");
            new ProgressStore(ann).EnsureReady();
            annKernel = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ann, Pooling = false }.ToString());
            annKernel.Open();
            // A connection takes part in the WAL only once it has read: until then another's close checkpoints and removes the log.
            using (var read = annKernel.CreateCommand()) { read.CommandText = "SELECT count(*) FROM answers"; read.ExecuteScalar(); }
            Write(ann, ("alpha-1", true, 0), ("alpha-1", true, 1), ("alpha-2", false, 0));
            Write(Path.Combine(Folder, "bob", "progress.db"), ("alpha-1", false, 0), ("alpha-2", false, 0), ("beta-1", true, 0));
            Write(Path.Combine(Folder, "cat.db"));
            Write(Path.Combine(Folder, "dan.db"), ("alpha-1", true, 9));
            // Close this process's pooled connections now, so that no other test's pool clearing checkpoints these files later.
            SqliteConnection.ClearAllPools();
            Assert.True(new FileInfo(ann + "-wal").Length > 0);
        }

        public void Dispose() => annKernel.Dispose();
    }

    static void Write(string path, params (string Id, bool Correct, int Day)[] answers)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = new ManualClock(T0);
        var store = new ProgressStore(path, clock);
        store.EnsureReady();
        foreach (var (id, correct, day) in answers)
        {
            clock.Now = T0.AddDays(day);
            store.Record(id, TestBank.Q(id).Topic, correct, "x", AnswerSource.Terminal);
        }
    }

    static ClassReport Report(string folder, TimeSpan? behindAfter = null) =>
        new(ClassCommand.StudentFiles(folder).Select(f => new StudentAnswers(f.Name, ProgressStore.ReadSnapshot(f.Path))), TestBank.Refs, Now, behindAfter);

    [Fact]
    public void Students_are_named_by_their_file_or_by_the_folder_of_a_progress_db()
    {
        using var c = new Classroom();
        Assert.Equal(["ann", "bob", "cat", "dan"], ClassCommand.StudentFiles(c.Folder).Select(f => f.Name).Order());
    }

    [Fact]
    public void Mastery_per_topic_is_each_students_leitner_mastery_and_the_class_average_counts_everyone()
    {
        using var c = new Classroom();
        var r = Report(c.Folder);
        Assert.Equal(["alpha", "beta"], r.Topics);
        int ann = Index(r, "ann"), bob = Index(r, "bob"), cat = Index(r, "cat"), dan = Index(r, "dan");
        // alpha has 3 questions: ann (box 3 → 0.5) + (box 1 → 0) = 0.5 / 3; dan box 2 → 0.25 / 3.
        Assert.Equal(0.5 / 3, r.Mastery[ann][0], 12);
        Assert.Equal(0.0, r.Mastery[bob][0], 12);
        Assert.Equal(0.25 / 3, r.Mastery[dan][0], 12);
        // beta has 4 questions: bob box 2 → 0.25 / 4.
        Assert.Equal(0.0625, r.Mastery[bob][1], 12);
        Assert.Equal([0.0, 0.0], r.Mastery[cat]);
        Assert.Equal((0.5 / 3 + 0.25 / 3) / 4, r.ClassMastery[0], 12);
        Assert.Equal(0.0625 / 4, r.ClassMastery[1], 12);
    }

    [Fact]
    public void The_question_missed_by_most_students_comes_first_and_right_only_questions_are_not_listed()
    {
        using var c = new Classroom();
        var r = Report(c.Folder);
        Assert.Equal(["alpha-2", "alpha-1"], r.MostMissed.Select(m => m.QuestionId));
        var a2 = r.MostMissed[0];
        Assert.Equal((2, 2, 2, 2), (a2.StudentsAnswered, a2.StudentsMissed, a2.Answers, a2.WrongAnswers));
        // alpha-1: ann twice right, bob once wrong, dan once right → 3 students, 1 missed, 1 of 4 answers wrong.
        var a1 = r.MostMissed[1];
        Assert.Equal((3, 1, 4, 1), (a1.StudentsAnswered, a1.StudentsMissed, a1.Answers, a1.WrongAnswers));
        Assert.Equal(0.25, a1.WrongRate);
    }

    [Fact]
    public void A_student_is_behind_when_a_review_has_waited_longer_than_the_grace_period()
    {
        using var c = new Classroom();
        var r = Report(c.Folder);
        var s = r.Standings.ToDictionary(x => x.Name);
        // Day 10: ann's reviews were due on days 5 and 1 (5 and 9 days late); bob's on days 1, 1 and 2.
        Assert.Equal((2, 2, true), (s["ann"].Due, s["ann"].Overdue, s["ann"].Behind));
        Assert.Equal((3, 3, true), (s["bob"].Due, s["bob"].Overdue, s["bob"].Behind));
        Assert.Equal((0, 0, false), (s["dan"].Due, s["dan"].Overdue, s["dan"].Behind));
        Assert.Equal((0, false, (DateTimeOffset?)null), (s["cat"].Answers, s["cat"].Behind, s["cat"].LastAnswer));
        Assert.Equal(["bob", "ann", "cat", "dan"], r.Standings.Select(x => x.Name));
        // Overall mastery over the 7 questions of the bank: ann 0.5 / 7.
        Assert.Equal(0.5 / 7, s["ann"].Mastery, 12);

        // With a 6-day grace period only the reviews 9 and 8 days late count: ann's day-5 review (5 days late) does not.
        Assert.Equal(1, Report(c.Folder, TimeSpan.FromDays(6)).Standings.Single(x => x.Name == "ann").Overdue);
    }

    static int Index(ClassReport r, string name) => r.StudentNames.ToList().IndexOf(name);

    [Fact]
    public void Kit_class_report_writes_one_offline_page_and_leaves_every_students_file_exactly_as_it_was()
    {
        using var c = new Classroom();
        var folder = c.Folder;
        File.WriteAllText(Path.Combine(folder, "eve.db"), "not a database");
        var before = Snapshot(folder);
        var page = Path.Combine(TestHome.NewFolder(), "class.html");
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = ClassCommand.Run(new ClassCommand.Settings(folder, page, TimeSpan.FromDays(3), TestBank.Topics, Now), output, error);

        Assert.Equal(0, code);
        Assert.Equal(before, Snapshot(folder));
        Assert.Contains("4 student(s), 7 answers; 2 behind on reviews", output.ToString());
        Assert.Contains("eve.db is not an SQLite database", error.ToString());
        var html = File.ReadAllText(page);
        Assert.Equal(4, html.Split("class=\"kit-chart\"").Length - 1);
        Assert.Contains("Which two are regularisers?", html); // alpha-2's prompt, the most missed question
        Assert.Contains("<td>2 of 2</td>", html);
        Assert.DoesNotContain("<script src=\"http", html);
        Assert.Contains("eve.db", html);
    }

    [Fact]
    public void Kit_class_report_on_a_missing_or_empty_folder_says_what_it_expected()
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var missing = Path.Combine(TestHome.NewFolder(), "nope");
        Assert.Equal(2, ClassCommand.Run(new ClassCommand.Settings(missing, "x.html", TimeSpan.FromDays(3), TestBank.Topics, Now), output, error));
        Assert.Contains("does not exist (expected a folder of students' progress.db files)", error.ToString());
        Assert.Equal(2, ClassCommand.Run(new ClassCommand.Settings(TestHome.NewFolder(), "x.html", TimeSpan.FromDays(3), TestBank.Topics, Now), output, error));
        Assert.Contains("no *.db files", error.ToString());
        Assert.False(File.Exists("x.html"));
    }

    /// <summary>Every file under the folder (the databases, their -wal and -shm files): name, bytes and modification time.</summary>
    static List<string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))} {File.GetLastWriteTimeUtc(f):O}")
            .ToList();
}
