using System.Reflection;
using Microsoft.DotNet.Interactive;

namespace Kit.Interactive;

/// <summary>
/// TorchSharp is built against .NET 8, so any cell whose overloads touch System.Runtime.Numerics (e.g.
/// <c>tensor(new[] {…})</c>) makes Roslyn print "warning CS1701: Assuming assembly reference … 8.0.0.0 … matches
/// 10.0.0.0", a level-2 warning that ordinary builds suppress. The retired C# kernel has no switch for it, so the
/// Kit lowers the kernel's script warning level to 1 (errors and level-1 warnings still show). Done by reflection on
/// the frozen 1.0.712001 kernel; if its shape differs, nothing is changed.
/// </summary>
static class QuietReferenceWarnings
{
    public static bool Apply(Kernel kernel)
    {
        try
        {
            var csharp = Kernels(kernel).FirstOrDefault(k => k.GetType().FullName == "Microsoft.DotNet.Interactive.CSharp.CSharpKernel");
            var field = csharp?.GetType().GetField("_scriptOptions", BindingFlags.Instance | BindingFlags.NonPublic);
            var options = field?.GetValue(csharp);
            var withLevel = options?.GetType().GetMethod("WithWarningLevel", [typeof(int)]);
            if (field is null || options is null || withLevel is null) return false;
            field.SetValue(csharp, withLevel.Invoke(options, [1]));
            return true;
        }
        catch (Exception e) when (e is TargetInvocationException or FieldAccessException or ArgumentException or MemberAccessException)
        {
            return false;
        }
    }

    static IEnumerable<Kernel> Kernels(Kernel kernel) =>
        kernel is CompositeKernel composite ? composite.ChildKernels.SelectMany(Kernels).Prepend(kernel) : [kernel];
}
