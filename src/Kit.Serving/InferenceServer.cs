using System.Net;
using Kit.Containers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kit.Serving;

/// <param name="Host">address to listen on: 127.0.0.1 locally; 0.0.0.0 inside a container, where SageMaker calls it from outside</param>
/// <param name="Port">8080 is what SageMaker calls; 0 picks a free port</param>
/// <param name="MaxBodyBytes">larger requests get 413 (SageMaker real-time endpoints accept at most 6 MB)</param>
public sealed record ServeOptions(string ModelFolder, string Host = "127.0.0.1", int Port = 8080, long MaxBodyBytes = 6 * 1024 * 1024);

/// <summary>
/// SageMaker's inference contract on Kestrel: <c>GET /ping</c> answers 200 once the model is loaded (it is loaded
/// before the server listens), <c>POST /invocations</c> predicts CSV or JSON rows (see <see cref="Invocations"/>).
/// </summary>
public sealed class InferenceServer : IAsyncDisposable
{
    readonly WebApplication _app;

    InferenceServer(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    /// <exception cref="ContractException">the model folder is missing, malformed or of another architecture</exception>
    public static async Task<InferenceServer> StartAsync(ServeOptions options, CancellationToken cancel = default)
    {
        var invocations = new Invocations(TabularModel.Load(options.ModelFolder));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        var app = builder.Build();
        app.MapGet("/ping", () => Results.Ok());
        app.MapPost("/invocations", async (HttpRequest request) =>
        {
            byte[] body;
            try
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
                body = buffer.ToArray();
            }
            catch (BadHttpRequestException e)
            {
                return Results.Text($"{e.Message}\n", "text/plain", statusCode: e.StatusCode);
            }
            var answer = invocations.Handle(request.ContentType, request.Headers.Accept.ToString(), body);
            return Results.Text(answer.Body, answer.ContentType, statusCode: answer.Status);
        });
        await app.StartAsync(cancel);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InferenceServer(app, new Uri(bound));
    }

    public Task WaitForShutdownAsync(CancellationToken cancel) => _app.WaitForShutdownAsync(cancel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
