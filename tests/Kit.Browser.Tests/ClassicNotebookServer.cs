using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kit.Notebooks.Tests;

namespace Kit.Browser.Tests;

/// <summary>
/// Debian's classic Jupyter Notebook (python3-notebook 6.4) on 127.0.0.1 with a token, serving a private folder whose
/// kernel is the Kit's kernelspec from `kit jupyter install` and whose KIT_HOME is private too, so the progress rows the
/// page's answers write can be read back. Missing notebook skips, unless KIT_REQUIRE_JUPYTER=1.
/// </summary>
public sealed class ClassicNotebookServer : IDisposable
{
    const string Python = "/usr/bin/python3";
    readonly Process? _server;
    readonly System.Text.StringBuilder _log = new();
    readonly string _config = Repo.TempDir("classic-config"), _runtime = Repo.TempDir("classic-runtime");

    /// <summary>Why the tests are skipped, or null when the server runs.</summary>
    public string? SkipReason { get; }
    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Repo.TempDir("classic-nb"), "notebooks")).FullName;
    public string KitHome { get; } = Repo.TempDir("classic-home");
    public string Token { get; } = Guid.NewGuid().ToString("N");
    public int Port { get; }

    public ClassicNotebookServer()
    {
        if (!File.Exists(Python) || Repo.Run(Python, ["-c", "import notebook"]).ExitCode != 0)
        {
            if (Environment.GetEnvironmentVariable("KIT_REQUIRE_JUPYTER") == "1")
                throw new InvalidOperationException("python3-notebook is required (KIT_REQUIRE_JUPYTER=1) but missing; environment/install-debian.sh installs it.");
            SkipReason = "the classic Jupyter Notebook (python3-notebook) is not installed; environment/install-debian.sh installs it";
            return;
        }
        var kernels = new JupyterKernelFixture();
        // The notebook's setup cell finds the Kit at ../artifacts/packages, as it does in the checkout.
        Directory.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(Folder)!, "artifacts"), Path.Combine(Repo.Root, "artifacts"));
        Port = FreePort();
        var psi = new ProcessStartInfo(Python) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-m", "notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={Port}", "--NotebookApp.port_retries=0",
                                  $"--NotebookApp.token={Token}", $"--notebook-dir={Folder}" })
            psi.ArgumentList.Add(a);
        foreach (var (k, v) in kernels.Environment) psi.Environment[k] = v;
        psi.Environment["JUPYTER_CONFIG_DIR"] = _config;
        psi.Environment["JUPYTER_RUNTIME_DIR"] = _runtime;
        psi.Environment["KIT_HOME"] = KitHome;
        psi.Environment.Remove("KIT_PROGRESS"); // this test is about recording
        _server = Process.Start(psi)!;
        _server.OutputDataReceived += (_, e) => Log(e.Data);
        _server.ErrorDataReceived += (_, e) => Log(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        WaitUntilListening();
    }

    public string BaseUrl => $"http://127.0.0.1:{Port}/";

    public string ProgressDb => Path.Combine(KitHome, "progress.db");

    /// <summary>Writes a notebook of C# cells into the served folder; returns its page's address (with the token).</summary>
    public string AddNotebook(string name, params string[] cells)
    {
        var nb = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" } },
            ["cells"] = new JsonArray(cells.Select((c, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["id"] = $"c{i}", ["metadata"] = new JsonObject(), ["execution_count"] = null,
                ["outputs"] = new JsonArray(), ["source"] = c,
            }).ToArray()),
        };
        File.WriteAllText(Path.Combine(Folder, name), nb.ToJsonString());
        return $"{BaseUrl}notebooks/{name}?token={Token}";
    }

    void Log(string? line)
    {
        if (line is not null) lock (_log) _log.AppendLine(line);
    }

    /// <summary>What the server (and its kernels) printed so far, for failure messages.</summary>
    public string Output { get { lock (_log) return _log.ToString(); } }

    static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    void WaitUntilListening()
    {
        using var http = new HttpClient();
        for (var until = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < until; Thread.Sleep(300))
        {
            if (_server!.HasExited) throw new InvalidOperationException($"the notebook server exited with {_server.ExitCode}:\n{Output}");
            try { if (http.GetAsync($"{BaseUrl}api/status?token={Token}").Result.IsSuccessStatusCode) return; }
            catch (AggregateException) { }
        }
        throw new TimeoutException($"the notebook server did not answer on {BaseUrl} within 60 s:\n{Output}");
    }

    public void Dispose()
    {
        if (_server is { HasExited: false }) _server.Kill(entireProcessTree: true);
        _server?.Dispose();
        var served = Path.GetDirectoryName(Folder)!;
        var link = Path.Combine(served, "artifacts");
        if (File.Exists(link) || Directory.Exists(link)) File.Delete(link); // the link only, never the checkout's artifacts
        foreach (var dir in new[] { served, KitHome, _config, _runtime })
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}
