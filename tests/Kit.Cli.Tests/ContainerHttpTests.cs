using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kit.Containers;
using Kit.Data;
using Kit.Serving;

namespace Kit.Cli.Tests;

/// <summary>One trained model served on 127.0.0.1 (a free port) for all HTTP tests.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const long MaxBody = 64 * 1024;
    public InferenceServer Server { get; private set; } = null!;
    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        var ml = LocalJob.Create(KitProcess.TempFolder("serve"), new Dictionary<string, string> { ["epochs"] = "5", ["batch_size"] = "16" },
            ToyData.MakeMoons(400, 0.15, seed: 1));
        Assert.Equal(0, TrainingJob.Run(ml, default, TextWriter.Null).ExitCode);
        Server = await InferenceServer.StartAsync(new ServeOptions(ml.Model, "127.0.0.1", 0, MaxBody));
        Client.BaseAddress = Server.Address;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

public class ContainerHttpTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    HttpClient Client => fixture.Client;

    Task<HttpResponseMessage> Post(string body, string? type) => Post(Encoding.UTF8.GetBytes(body), type);

    Task<HttpResponseMessage> Post(byte[] body, string? type)
    {
        var content = new ByteArrayContent(body);
        if (type is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return Client.PostAsync("/invocations", content);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_and_ping_answers_200()
    {
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(fixture.Server.Address.Host)));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/ping")).StatusCode);
    }

    [Fact]
    public async Task Invocations_answer_csv_and_json()
    {
        var csv = await Post("-1,0.2\n2,-0.2\n", "text/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("0\n1\n", await csv.Content.ReadAsStringAsync());
        var json = await Post("""{"instances": [[2, -0.2]]}""", "application/json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("{\"predictions\":[{\"label\":1,", await json.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, byte[], string?, int> Catalogue => new()
    {
        { "wrong content type", "1,2"u8.ToArray(), "text/plain", 415 },
        { "no content type", "1,2"u8.ToArray(), null, 415 },
        { "truncated JSON", "{\"instances\": [[1, 2]"u8.ToArray(), "application/json", 400 },
        { "wrong width", "1,2,3\n"u8.ToArray(), "text/csv", 400 },
        { "text where numbers go", "1,two\n"u8.ToArray(), "text/csv", 400 },
        { "non-UTF-8", new byte[] { 0x31, 0x2C, 0xFF, 0xFE }, "text/csv", 400 },
        { "empty body", [], "text/csv", 400 },
        { "huge body", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1,2\n", (int)(ServerFixture.MaxBody / 4) + 10))), "text/csv", 413 },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public async Task Malformed_payloads_get_a_4xx_with_a_message_and_the_server_stays_up(string what, byte[] body, string? type, int status)
    {
        var answer = await Post(body, type);
        Assert.True((int)answer.StatusCode == status, $"{what}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        if (status != 413) Assert.NotEmpty(await answer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/ping")).StatusCode);
        Assert.Equal("1\n", await (await Post("2,-0.2", "text/csv")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_huge_chunked_body_without_content_length_is_cut_off_at_the_limit()
    {
        var content = new StreamContent(new MemoryStream(new byte[ServerFixture.MaxBody * 2]));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/ping")).StatusCode);
    }
}
