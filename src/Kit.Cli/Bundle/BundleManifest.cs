using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kit.Cli.Bundle;

/// <summary>One file of a bundle, with what it must be: a copy from a USB stick can be short or damaged.</summary>
public sealed record BundleFile(string Path, long Bytes, string Sha256);

/// <summary><c>kit-bundle.json</c>, at the root of every bundle: what it holds and for which Kit.</summary>
public sealed record BundleManifest(
    string Format, DateTimeOffset Created, string KitCommit, string Platform,
    string ToolPackage, string ToolVersion, IReadOnlyList<BundleFile> Files)
{
    public const string FileName = "kit-bundle.json";
    public const string CurrentFormat = "kit-bundle/1";
    public const string FeedFolder = "feed";
    public const string SourceArchive = "kit-source.tar.gz";
    public const string SetupScript = "setup.sh";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public long TotalBytes => Files.Sum(f => f.Bytes);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The manifest of <paramref name="bundle"/>, or an error that says what is wrong with the folder.</summary>
    public static BundleManifest Read(string bundle)
    {
        if (!Directory.Exists(bundle))
            throw new BundleException($"--from: {bundle} does not exist (expected the folder `kit bundle` wrote, e.g. on the USB stick)");
        var file = System.IO.Path.Combine(bundle, FileName);
        if (!File.Exists(file))
            throw new BundleException($"--from: {bundle} is not a Kit bundle: it has no {FileName} (write one with `kit bundle <folder>`)");
        BundleManifest? manifest;
        try { manifest = JsonSerializer.Deserialize<BundleManifest>(File.ReadAllText(file), Json); }
        catch (JsonException e) { throw new BundleException($"--from: {file} is not readable ({e.Message}); copy the bundle again"); }
        if (manifest?.Format != CurrentFormat || manifest.Files is null)
            throw new BundleException($"--from: {file} has format '{manifest?.Format}', this Kit reads '{CurrentFormat}'; write the bundle again with this Kit's `kit bundle`");
        return manifest;
    }
}

/// <summary>A bundle that cannot be written or used, with a message for the person at the keyboard.</summary>
public sealed class BundleException(string message) : Exception(message);
