using Kit.Runtime;
using TorchSharp;

namespace Kit.Tests;

public class KitTorchTests
{
    [Fact]
    public void Without_a_request_cuda_is_chosen_when_available_and_cpu_otherwise()
    {
        Assert.Equal(DeviceType.CUDA, KitTorch.ChooseDevice(null, cudaAvailable: true).Device);
        var (cpu, why) = KitTorch.ChooseDevice("", cudaAvailable: false);
        Assert.Equal(DeviceType.CPU, cpu);
        Assert.Contains("no CUDA", why);
    }

    [Fact]
    public void KIT_DEVICE_cpu_wins_even_when_cuda_is_available()
    {
        var (d, why) = KitTorch.ChooseDevice("CPU", cudaAvailable: true);
        Assert.Equal(DeviceType.CPU, d);
        Assert.Equal("KIT_DEVICE=cpu", why);
    }

    [Fact]
    public void Asking_for_cuda_where_there_is_none_says_how_to_get_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => KitTorch.ChooseDevice("cuda", cudaAvailable: false));
        Assert.Contains("TorchBackend=cuda", e.Message);
    }

    [Fact]
    public void An_unknown_device_request_names_the_variable_and_the_valid_values()
    {
        var e = Assert.Throws<ArgumentException>(() => KitTorch.ChooseDevice("tpu", cudaAvailable: false));
        Assert.Equal("KIT_DEVICE", e.ParamName);
        Assert.Contains("'cpu', 'cuda' or 'auto'", e.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(4, 2)]
    [InlineData(16, 4)]
    public void Small_machines_get_one_thread_and_larger_ones_half_their_cores_up_to_four(int cores, int expected) =>
        Assert.Equal(expected, KitTorch.ChooseThreads(requested: "", cores: cores).Threads);

    [Fact]
    public void KIT_THREADS_overrides_the_choice_and_rejects_nonsense()
    {
        Assert.Equal(3, KitTorch.ChooseThreads("3", cores: 2).Threads);
        var e = Assert.Throws<ArgumentException>(() => KitTorch.ChooseThreads("0", cores: 2));
        Assert.Equal("KIT_THREADS", e.ParamName);
    }

    [Fact]
    public void Setup_applies_the_chosen_thread_count_to_libtorch()
    {
        var report = KitTorch.Setup();
        Assert.Equal(report.Threads, torch.get_num_threads());
    }
}
