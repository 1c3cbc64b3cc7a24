using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace KitTestExtension;

public sealed record Greeting(string Name);

/// <summary>Registers an HTML formatter and says so in the cell that loaded it.</summary>
public sealed class GreetingExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        Formatter.Register<Greeting>((greeting, writer) => writer.Write($"<b class=\"greeting\">Hello, {greeting.Name}!</b>"), HtmlFormatter.MimeType);
        if (KernelInvocationContext.Current is { } context)
            KernelInvocationContextExtensions.Display(context, "greeting extension loaded", PlainTextFormatter.MimeType);
        return Task.CompletedTask;
    }
}
