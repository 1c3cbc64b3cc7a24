using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace Kit.Cli.Run;

/// <summary>
/// Loads the kernel extensions that NuGet packages bring, as the dotnet-interactive tool does (the library leaves
/// this to its host): after a package is added, every public <see cref="IKernelExtension"/> in
/// <c>&lt;package root&gt;/interactive-extensions/dotnet/*.dll</c> is created and loaded, then that folder's
/// <c>extension.dib</c> is run. It happens inside the command that added the package, so whatever an extension
/// displays while loading belongs to that cell.
/// </summary>
internal sealed class ExtensionLoader
{
    private const string ExtensionFolder = "interactive-extensions/dotnet";
    private const string ExtensionScript = "extension.dib";

    private readonly CompositeKernel _kernel;
    private readonly ConcurrentQueue<ResolvedPackageReference> _added = new();
    private readonly HashSet<string> _scanned = new(StringComparer.Ordinal);

    private ExtensionLoader(CompositeKernel kernel) => _kernel = kernel;

    public static void Attach(CompositeKernel kernel)
    {
        var loader = new ExtensionLoader(kernel);
        kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded added) loader._added.Enqueue(added.PackageReference);
        });
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            await loader.LoadAddedAsync(command, context);
        }, "kit-extension-loader");
    }

    private async Task LoadAddedAsync(KernelCommand command, KernelInvocationContext context)
    {
        while (_added.TryDequeue(out var package))
        {
            var folder = Path.Combine(package.PackageRoot, ExtensionFolder);
            if (!_scanned.Add(Path.GetFullPath(folder)) || !Directory.Exists(folder)) continue;
            try
            {
                foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
                {
                    foreach (var type in ExtensionTypes(LoadAssembly(dll, package)))
                    {
                        var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                        await extension.OnLoadAsync(_kernel);
                        context.Publish(new KernelExtensionLoaded(extension, command));
                    }
                }
                var script = Path.Combine(folder, ExtensionScript);
                if (File.Exists(script)) await _kernel.LoadAndRunInteractiveDocument(new FileInfo(script), command);
            }
            catch (Exception e)
            {
                var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
                context.Fail(command, inner, $"Kernel extension from {package.PackageName} {package.PackageVersion} failed to load: {inner.Message}");
                return;
            }
        }
    }

    private static IEnumerable<Type> ExtensionTypes(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>
    /// One copy of each assembly: one already loaded wins, then the package's lib/ copy (the one cells compile
    /// against), then the file in the extension folder. Two copies would make two sets of types, and formatters
    /// registered for one would never match values of the other.
    /// </summary>
    private static Assembly LoadAssembly(string dll, ResolvedPackageReference package)
    {
        var name = AssemblyName.GetAssemblyName(dll);
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Version == name.Version);
        if (loaded is not null) return loaded;
        var lib = package.AssemblyPaths.FirstOrDefault(p => string.Equals(Path.GetFileName(p), Path.GetFileName(dll), StringComparison.OrdinalIgnoreCase));
        return Assembly.LoadFrom(lib ?? dll);
    }
}
