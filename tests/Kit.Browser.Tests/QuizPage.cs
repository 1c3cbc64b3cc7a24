using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Kit.Browser.Tests;

/// <summary>
/// A page with one rendered quiz, in its own browser context. Every request but the page's own file is aborted
/// and recorded, as is every script error, so <see cref="AssertOfflineAndErrorFree"/> can prove the widget
/// needed nothing from the network.
/// </summary>
public sealed class QuizPage : IAsyncDisposable
{
    readonly IBrowserContext _context;
    readonly string _url;
    readonly ConcurrentQueue<string> _otherRequests = new();
    readonly ConcurrentQueue<string> _errors = new();

    public IPage Page { get; }

    QuizPage(IBrowserContext context, IPage page, string url) { _context = context; Page = page; _url = url; }

    /// <param name="allowed">Other URLs the page may load (a static site's own files); default: none.</param>
    public static async Task<QuizPage> OpenAsync(IBrowserContext context, string url, Func<string, bool>? allowed = null)
    {
        bool Allowed(string u) => u == url || (allowed?.Invoke(u) ?? false);
        var page = await context.NewPageAsync();
        var quizPage = new QuizPage(context, page, url);
        await context.RouteAsync("**/*", route =>
        {
            if (Allowed(route.Request.Url)) return route.ContinueAsync();
            quizPage._otherRequests.Enqueue(route.Request.Url);
            return route.AbortAsync();
        });
        // Requests the router does not see (none are expected) are still counted.
        context.Request += (_, r) => { if (!Allowed(r.Url) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) quizPage._otherRequests.Enqueue(r.Url); };
        page.PageError += (_, e) => quizPage._errors.Enqueue(e);
        page.Console += (_, m) => { if (m.Type == "error") quizPage._errors.Enqueue(m.Text); };
        await page.GotoAsync(url);
        return quizPage;
    }

    public ILocator Score => Page.Locator(".kq-score");
    public ILocator Question(string id) => Page.Locator($".kq-q[data-id='{id}']");
    public ILocator Option(string id, string key) => Question(id).Locator($".kq-opt[data-key='{key}']");
    public ILocator Explanation(string id, string key) => Question(id).Locator($".kq-expl[data-for='{key}']");
    public ILocator Solution(string id) => Question(id).Locator(".kq-expl.kq-all");
    public ILocator Message(string id) => Question(id).Locator(".kq-msg");
    public ILocator Check(string id) => Question(id).Locator(".kq-check");
    public ILocator TryAgain(string id) => Question(id).Locator(".kq-retry");

    public Task<string[]> OrderAsync(string id) =>
        Question(id).Locator(".kq-order > li").EvaluateAllAsync<string[]>("lis => lis.map(li => li.getAttribute('data-key'))");

    /// <summary>Puts an ordering question's steps into <paramref name="target"/> order with its ↑ buttons.</summary>
    public async Task ReorderAsync(string id, params string[] target)
    {
        for (int i = 0; i < target.Length; i++)
        {
            var at = Array.IndexOf(await OrderAsync(id), target[i]);
            for (; at > i; at--) await Question(id).Locator($".kq-order > li[data-key='{target[i]}'] .kq-up").ClickAsync();
        }
        Assert.Equal(target, await OrderAsync(id));
    }

    /// <summary>Presses Tab until the focus is on <paramref name="target"/>; fails if it never gets there.</summary>
    public async Task TabToAsync(ILocator target, int maxPresses = 80)
    {
        for (int i = 0; i < maxPresses; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        Assert.Fail($"Tab never reached {target} in {maxPresses} presses");
    }

    public void AssertOfflineAndErrorFree()
    {
        Assert.Empty(_otherRequests);
        Assert.Empty(_errors);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
