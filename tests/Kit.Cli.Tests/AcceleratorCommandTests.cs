using Kit.Cli.Doctor;
using Kit.Cli.GpuCheck;

namespace Kit.Cli.Tests;

public class AcceleratorCommandTests
{
    [Fact]
    public void Kit_doctor_says_which_accelerators_ilgpu_sees_and_how_to_override_it()
    {
        var check = DoctorCommand.Accelerators();
        Assert.Equal(CheckStatus.Pass, check.Status);
        Assert.Contains("ILGPU", check.Detail);
        Assert.Contains("KIT_ACCELERATOR", check.Detail);
    }

    [Fact]
    public void Gpu_check_refuses_a_size_it_does_not_know_and_writes_no_report()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kit-gpu-check-{Guid.NewGuid():N}.json");
        Assert.Equal(2, GpuCheckCommand.Run(path, "cpu", "medium", TextWriter.Null));
        Assert.False(File.Exists(path));
    }
}
