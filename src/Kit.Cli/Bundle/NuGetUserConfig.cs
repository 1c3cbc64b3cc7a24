using System.Xml.Linq;
using Kit.Runtime;

namespace Kit.Cli.Bundle;

/// <summary>
/// This user's NuGet.Config, the one every restore on the machine reads: builds, `dotnet tool install`, and the
/// restores a notebook kernel makes for <c>#r "nuget:"</c> (those run in a temporary project outside the checkout,
/// so a NuGet.config in the checkout would not reach them).
/// </summary>
public static class NuGetUserConfig
{
    public const string SourceName = "kit-bundle";
    const string NuGetOrg = "nuget.org";

    public static string Path => OperatingSystem.IsWindows()
        ? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "NuGet", "NuGet.Config")
        : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");

    /// <summary>
    /// Adds (or moves) the source <see cref="SourceName"/> to <paramref name="feed"/> and disables nuget.org: offline,
    /// a source that cannot be reached fails the restore even when another source has every package.
    /// </summary>
    public static void UseFeed(string feed, string? configFile = null)
    {
        var path = configFile ?? Path;
        var doc = File.Exists(path) ? XDocument.Load(path) : new XDocument(new XElement("configuration"));
        var config = doc.Root ?? throw new BundleException($"{path} has no root element; fix or remove it");
        Set(Section(config, "packageSources"), SourceName, feed);
        Set(Section(config, "disabledPackageSources"), NuGetOrg, "true");
        KitPaths.WriteAtomically(path, doc.Declaration is null ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + doc : doc.Declaration + "\n" + doc.Root);
    }

    /// <summary>The folder the Kit's bundle source points to, or null when none is configured.</summary>
    public static string? ConfiguredFeed(string? configFile = null)
    {
        var path = configFile ?? Path;
        if (!File.Exists(path)) return null;
        try
        {
            return XDocument.Load(path).Root?.Element("packageSources")?.Elements("add")
                .FirstOrDefault(e => (string?)e.Attribute("key") == SourceName)?.Attribute("value")?.Value;
        }
        catch (System.Xml.XmlException) { return null; }
    }

    static XElement Section(XElement config, string name)
    {
        var section = config.Element(name);
        if (section is null) config.Add(section = new XElement(name));
        return section;
    }

    static void Set(XElement section, string key, string value)
    {
        section.Elements("add").Where(e => (string?)e.Attribute("key") == key).Remove();
        section.Add(new XElement("add", new XAttribute("key", key), new XAttribute("value", value)));
    }
}
