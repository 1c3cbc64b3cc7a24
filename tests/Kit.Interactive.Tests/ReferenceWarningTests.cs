using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace Kit.Interactive.Tests;

[Collection("kernel")]
public class ReferenceWarningTests
{
    static async Task<List<string>> DiagnosticCodes(bool quiet, string code)
    {
        Kit.Runtime.NativeLoader.Prepare(); // the cell runs torch: TorchSharp must not start before the Kit's set-up
        using var kernel = new Microsoft.DotNet.Interactive.CompositeKernel { new CSharpKernel() };
        kernel.DefaultKernelName = "csharp";
        await kernel.SendAsync(new SubmitCode($"#r \"{typeof(TorchSharp.torch).Assembly.Location}\""));
        if (quiet) Assert.True(QuietReferenceWarnings.Apply(kernel), "the C# kernel's script options were not found");
        var result = await kernel.SendAsync(new SubmitCode(code));
        return result.Events.OfType<DiagnosticsProduced>().SelectMany(d => d.Diagnostics).Select(d => d.Code).ToList();
    }

    const string TensorCell = "var t = TorchSharp.torch.tensor(new double[] { 1, 2, 3 });";

    [Fact]
    public async Task A_tensor_cell_warns_about_torchsharps_net8_references_in_a_plain_kernel()
    {
        Assert.Contains("CS1701", await DiagnosticCodes(quiet: false, TensorCell));
    }

    [Fact]
    public async Task With_the_kit_loaded_the_cs1701_warning_is_gone_but_errors_still_show()
    {
        Assert.DoesNotContain("CS1701", await DiagnosticCodes(quiet: true, TensorCell));
        Assert.Contains("CS0103", await DiagnosticCodes(quiet: true, "var x = noSuchName;"));
    }
}
