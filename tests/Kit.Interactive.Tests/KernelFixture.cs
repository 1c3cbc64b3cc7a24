using Kit.Runtime;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Kit.Interactive.Tests;

/// <summary>An in-process C# kernel with the Kit extension loaded, formatting as Jupyter does.</summary>
public sealed class KernelFixture : IAsyncLifetime
{
    public CompositeKernel Kernel { get; } = new() { new CSharpKernel().UseKernelHelpers().UseValueSharing() };

    public async Task InitializeAsync()
    {
        NativeLoader.Prepare();
        Kernel.DefaultKernelName = "csharp";
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
        foreach (var asm in new[] { typeof(KitTorch).Assembly, typeof(KitKernelExtension).Assembly, typeof(XPlot.Plotly.Chart).Assembly })
            await RunAsync($"#r \"{asm.Location}\"");
        await new KitKernelExtension().OnLoadAsync(Kernel);
    }

    /// <summary>Runs a cell and returns what it displayed, as HTML where there is HTML.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(string code)
    {
        var result = await Kernel.SendAsync(new SubmitCode(code, "csharp"));
        var outputs = new List<string>();
        foreach (var e in result.Events)
        {
            if (e is CommandFailed f) throw new InvalidOperationException($"cell failed: {f.Message}");
            if (e is DisplayEvent d)
                outputs.Add((d.FormattedValues.FirstOrDefault(v => v.MimeType == HtmlFormatter.MimeType) ?? d.FormattedValues.First()).Value);
        }
        return outputs;
    }

    public Task DisposeAsync() { Kernel.Dispose(); return Task.CompletedTask; }
}

[CollectionDefinition("kernel", DisableParallelization = true)]
public sealed class KernelCollection : ICollectionFixture<KernelFixture>;
