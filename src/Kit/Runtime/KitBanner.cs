using System.Reflection;

namespace Kit.Runtime;

/// <summary>The one line that says what the Kit loaded (a notebook's setup cell, an exported lesson's start).</summary>
public static class KitBanner
{
    public static string KitVersion =>
        typeof(KitTorch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static string Line()
    {
        try
        {
            var r = KitTorch.Setup();
            var native = r.Native.Patched ? "; libstdc++ too old for TorchSharp, loaded a patched copy (kit doctor explains)" : "";
            return $"Kit {KitVersion} · TorchSharp {r.TorchSharpVersion} (libtorch {r.LibTorchVersion}) · device {r.DeviceName} ({r.DeviceReason}) · {r.Threads} thread(s){native}";
        }
        catch (Exception e)
        {
            return $"Kit {KitVersion} loaded, but TorchSharp did not: {e.Message}";
        }
    }
}
