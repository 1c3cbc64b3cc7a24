using System.Net;
using System.Reflection;
using Kit.Accelerators;
using Kit.Charts;
using Kit.Runtime;

namespace Kit.Interactive;

/// <summary>The setup cell's output: plotly.js for every chart on the page, and one line saying what the Kit loaded.</summary>
public static class Banner
{
    public static string KitVersion =>
        typeof(KitTorch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static string Text()
    {
        try
        {
            var r = KitTorch.Setup();
            var native = r.Native.Patched ? "; libstdc++ too old for TorchSharp, loaded a patched copy (kit doctor explains)" : "";
            return $"Kit {KitVersion} · TorchSharp {r.TorchSharpVersion} (libtorch {r.LibTorchVersion}) · device {r.DeviceName} ({r.DeviceReason}) · {r.Threads} thread(s) · {KernelDevice.Summary()}{native}";
        }
        catch (Exception e)
        {
            return $"Kit {KitVersion} loaded, but TorchSharp did not: {e.Message}";
        }
    }

    public static string Create() =>
        PlotlyJs.ScriptTag() +
        "<div class=\"kit-banner\" style=\"font-family:system-ui,sans-serif;font-size:13px;opacity:.85\">" +
        WebUtility.HtmlEncode(Text()) + "</div>";
}
