using Kit.Runtime;
using static TorchSharp.torch;

namespace Kit.Tests;

public class NativeLoaderTests
{
    [Fact]
    public void TorchSharp_loads_and_computes_after_the_kit_prepares_it()
    {
        var report = KitTorch.Setup();
        Assert.True(report.Native.Ok, report.Native.Message);
        using var a = tensor(new float[] { 1, 2, 3 });
        Assert.Equal(14f, (a * a).sum().item<float>());
    }

    [Fact]
    public void The_report_says_whether_libstdcxx_needed_help()
    {
        var report = NativeLoader.Prepare();
        Assert.NotNull(report.LibStdCxx);
        var provided = ElfVersionInfo.Read(report.LibStdCxx!).Definitions;
        // Whether a patch was needed is decided by the machine, so check the report agrees with it.
        Assert.Equal(!provided.Contains("GLIBCXX_3.4.32"), report.Patched);
    }

    [Fact]
    public void The_weakened_copy_marks_only_the_missing_version_weak()
    {
        var report = NativeLoader.Prepare();
        var original = ElfVersionInfo.Read(report.Original!);
        var weakened = ElfVersionInfo.Read(WriteTemp(original.WithWeakRequirements(["GLIBCXX_3.4.32"])));
        Assert.Contains(original.Requirements, r => r.Version == "GLIBCXX_3.4.32" && !r.IsWeak);
        Assert.Contains(weakened.Requirements, r => r.Version == "GLIBCXX_3.4.32" && r.IsWeak);
        Assert.All(weakened.Requirements.Where(r => r.Version != "GLIBCXX_3.4.32"), r => Assert.False(r.IsWeak));
        Assert.Equal(["_ZSt21ios_base_library_initv"], original.SymbolsBoundTo(["GLIBCXX_3.4.32"]));
    }

    [Fact]
    public void A_file_that_is_not_elf_is_refused_with_its_name()
    {
        var path = WriteTemp("not a library"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionInfo.Read(path));
        Assert.Contains(path, e.Message);
    }

    static string WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kit-elf-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
