namespace Kit.Interactive.Tests;

/// <summary>
/// Output checked against a file in Approved/. A mismatch writes *.received.* beside the approved file
/// in the source tree; review it and rename it to approve.
/// </summary>
static class Approvals
{
    public static void Verify(string name, string actual)
    {
        var approved = Path.Combine(AppContext.BaseDirectory, "Approved", name);
        var source = Path.Combine(SourceDir(), "Approved", name);
        var received = Path.ChangeExtension(source, ".received" + Path.GetExtension(name));
        if (!File.Exists(approved) || File.ReadAllText(approved).ReplaceLineEndings() != actual.ReplaceLineEndings())
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"Output differs from Approved/{name} (or it does not exist). Review {received} and rename it to approve.");
        }
        if (File.Exists(received)) File.Delete(received);
    }

    static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
