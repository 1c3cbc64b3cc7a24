using Microsoft.DotNet.Interactive;

namespace Kit.Interactive;

/// <summary>
/// Loaded by the dotnet-interactive tool (and the Kit's own runner) from the package's
/// interactive-extensions/dotnet/ folder after <c>#r "nuget: Kit.Interactive, …"</c>.
/// </summary>
public sealed class KitKernelExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        KitFormatters.Register();
        QuizAnswers.Attach();
        LiveDisplayBridge.Register();
        QuietReferenceWarnings.Apply(kernel.RootKernel);
        BannerOnSetupCell.Register(kernel.RootKernel);
        if (KernelInvocationContext.Current is { } context) BannerOnSetupCell.Show(context);
        return Task.CompletedTask;
    }
}
