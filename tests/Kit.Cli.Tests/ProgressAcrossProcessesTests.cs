using Microsoft.Data.Sqlite;

namespace Kit.Cli.Tests;

public class ProgressAcrossProcessesTests
{
    [Fact]
    public async Task Answers_recorded_by_two_processes_at_once_are_all_kept()
    {
        var home = KitProcess.TempFolder("progress-two-processes");
        var env = new Dictionary<string, string> { ["KIT_HOME"] = home, ["KIT_PROGRESS"] = "on" };
        const int perProcess = 8;
        // Two "kernels": two chains of kit processes writing to the same database at the same time.
        var chains = Enumerable.Range(0, 2).Select(chain => Task.Run(() =>
        {
            for (int i = 0; i < perProcess; i++)
            {
                var r = KitProcess.Run(home, env, "quiz", "answer", "kf-02", "--bank-order", "A");
                Assert.True(r.ExitCode == 0, r.All);
            }
        })).ToArray();
        await Task.WhenAll(chains);

        using var db = new SqliteConnection($"Data Source={Path.Combine(home, "progress.db")};Mode=ReadOnly");
        db.Open();
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM answers WHERE question_id = 'kf-02' AND correct = 1";
        Assert.Equal(2L * perProcess, (long)count.ExecuteScalar()!);
    }

    [Fact]
    public void Answering_from_the_command_line_explains_and_an_unknown_id_lists_topics_on_standard_error()
    {
        var home = KitProcess.TempFolder("progress-answer");
        var env = new Dictionary<string, string> { ["KIT_HOME"] = home, ["KIT_PROGRESS"] = "off" };
        var wrong = KitProcess.Run(home, env, "quiz", "answer", "kf-04", "--bank-order", "0.2");
        Assert.Equal(0, wrong.ExitCode);
        Assert.Contains("Not quite", wrong.All);
        Assert.Contains("Specificity = 180/(180+20)", wrong.All);
        var unknown = KitProcess.Run(home, env, "quiz", "answer", "no-such-id", "A");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("key-formulas", unknown.Stderr);
        Assert.Equal("", unknown.Stdout);
    }

    [Fact]
    public void Kit_progress_into_a_pipe_keeps_every_row_whole()
    {
        var home = KitProcess.TempFolder("progress-pipe");
        var env = new Dictionary<string, string> { ["KIT_HOME"] = home, ["KIT_PROGRESS"] = "off", ["COLUMNS"] = "80" };
        var r = KitProcess.Run(home, env, "progress");
        Assert.True(r.ExitCode == 0, r.All);
        var row = Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("transfer-incremental-learning ", StringComparison.Ordinal));
        Assert.Matches(@"0/\d+ seen .* 0%$", row.TrimEnd('\r'));
    }
}
