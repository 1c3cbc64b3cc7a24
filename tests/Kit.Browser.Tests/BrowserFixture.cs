using Microsoft.Playwright;

namespace Kit.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "chromium";
}

/// <summary>
/// One Debian Chromium for all browser tests, driven by Playwright's .NET driver (the Node runtime it needs ships
/// inside the Microsoft.Playwright package; no browser is downloaded). Missing Chromium skips the tests, unless
/// KIT_REQUIRE_BROWSER=1 (CI), where it fails them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    IPlaywright? _playwright;
    IBrowser? _browser;
    readonly string _dir = Path.Combine(Path.GetTempPath(), $"kit-browser-tests-{Guid.NewGuid():N}"[..30]);

    /// <summary>Why the tests are skipped, or null when the browser runs.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            if (Environment.GetEnvironmentVariable("KIT_REQUIRE_BROWSER") == "1")
                throw new InvalidOperationException($"{Chromium} is required (KIT_REQUIRE_BROWSER=1) but missing; environment/install-debian.sh installs it.");
            SkipReason = $"{Chromium} is not installed (environment/install-debian.sh installs it)";
            return;
        }
        Directory.CreateDirectory(_dir);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = Flags, Timeout = 60_000 });
    }

    /// <summary>Writes <paramref name="body"/> into a page of its own and opens it in a fresh browser context with the network cut off.</summary>
    public async Task<QuizPage> OpenAsync(string body, ColorScheme scheme = ColorScheme.Light, string bodyCss = "")
    {
        Skip.If(SkipReason is not null, SkipReason);
        var file = Path.Combine(_dir, $"{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Kit quiz</title><style>{bodyCss}</style></head>
            <body>{body}</body></html>
            """);
        var context = await _browser!.NewContextAsync(new() { ColorScheme = scheme });
        context.SetDefaultTimeout(10_000);
        return await QuizPage.OpenAsync(context, new Uri(file).AbsoluteUri);
    }

    /// <summary>Opens a file of a static site (network cut off) that may load only the files under <paramref name="siteDir"/>.</summary>
    public async Task<QuizPage> OpenSiteAsync(string siteDir, string file)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var root = new Uri(Path.GetFullPath(siteDir) + "/").AbsoluteUri;
        var context = await _browser!.NewContextAsync();
        context.SetDefaultTimeout(20_000);
        return await QuizPage.OpenAsync(context, new Uri(Path.Combine(siteDir, file)).AbsoluteUri, u => u.StartsWith(root, StringComparison.Ordinal));
    }

    /// <summary>Opens a page already on disk (a lesson page, the contact sheet) in a window <paramref name="width"/> px wide, network cut off.</summary>
    public async Task<QuizPage> OpenFileAsync(string file, int width = 1100)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        return await QuizPage.OpenAsync(context, new Uri(Path.GetFullPath(file)).AbsoluteUri);
    }

    /// <summary>A fresh browser context for a page served elsewhere (a local notebook server).</summary>
    public Task<IBrowserContext> NewContextAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        return _browser!.NewContextAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        try { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
