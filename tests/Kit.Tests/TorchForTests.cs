using System.Runtime.CompilerServices;
using Kit.Runtime;

namespace Kit.Tests;

static class TorchForTests
{
    /// <summary>Tests call torch directly too, so the Kit's native set-up must come first.</summary>
    [ModuleInitializer]
    internal static void Init() => NativeLoader.Prepare();
}
