using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

public class DeviceAndTrainingTests
{
    // ---- device choice ------------------------------------------------------------------------------------

    [Theory]
    [InlineData(CbDevice.Auto, true, DeviceType.CUDA)]
    [InlineData(CbDevice.Auto, false, DeviceType.CPU)]
    [InlineData(CbDevice.Cpu, true, DeviceType.CPU)]
    [InlineData(CbDevice.Cpu, false, DeviceType.CPU)]
    [InlineData(CbDevice.Cuda, true, DeviceType.CUDA)]
    public void Choose_maps_requests_to_device_types(CbDevice requested, bool cudaAvailable, DeviceType expected)
    {
        Assert.Equal(expected, CbDevices.Choose(requested, cudaAvailable));
    }

    [Fact]
    public void Cuda_without_CUDA_says_what_to_do()
    {
        var e = Assert.Throws<InvalidOperationException>(() => CbDevices.Choose(CbDevice.Cuda, cudaAvailable: false));
        Assert.Contains("CUDA is unavailable", e.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA backend package", e.Message, StringComparison.Ordinal);
        Assert.Contains("CbDevice.Cpu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_device_values_are_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbDevices.Choose((CbDevice)42, true));
        Assert.Equal("requested", e.ParamName);
    }

    [Fact]
    public void Resolve_on_this_machine_follows_cuda_is_available()
    {
        bool cudaAvailable = cuda.is_available();
        Assert.Equal(DeviceType.CPU, CbDevices.Resolve(CbDevice.Cpu).type);
        Assert.Equal(cudaAvailable ? DeviceType.CUDA : DeviceType.CPU, CbDevices.Resolve(CbDevice.Auto).type);
        if (!cudaAvailable)
        {
            // The constructors fail the same way, before anything is allocated on a device.
            var e = Assert.Throws<InvalidOperationException>(() => new ClassBalancedSoftmaxLoss(new[] { 1.0, 2.0 }, device: CbDevice.Cuda));
            Assert.Contains("CUDA is unavailable", e.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => new ClassBalancedFocalLoss(new[] { 1.0, 2.0 }, device: CbDevice.Cuda));
            Assert.Throws<InvalidOperationException>(() => ClassBalancedSigmoidLoss.FromCounts(new long[] { 5, 2 }, 0.9, device: CbDevice.Cuda));
            using var auto = new ClassBalancedSigmoidLoss(new[] { 1.0, 2.0 });
            Assert.Equal(DeviceType.CPU, auto.ClassWeights!.device_type);
        }
    }

    // ---- bias initialisation ------------------------------------------------------------------------------

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(100)]
    public void Sigmoid_bias_is_minus_log_C_minus_one(int classes)
    {
        using var layer = nn.Linear(8, classes);
        CbTraining.InitializeBiasForSigmoid(layer);
        var bias = TestData.Vector(layer.bias!);
        Assert.All(bias, b => Assert.Equal(-Math.Log(classes - 1), b, 6));
        Assert.True(layer.bias!.requires_grad);

        // σ(b) = 1/C: every class starts at the uniform prior.
        Assert.Equal(1.0 / classes, 1.0 / (1.0 + Math.Exp(-bias[0])), 6);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.01)]
    [InlineData(0.5)]
    public void Prior_bias_is_minus_log_one_minus_pi_over_pi(double prior)
    {
        using var layer = nn.Linear(4, 3);
        CbTraining.InitializeBiasFromPrior(layer, prior);
        Assert.All(TestData.Vector(layer.bias!), b => Assert.Equal(-Math.Log((1 - prior) / prior), b, 6));
    }

    [Fact]
    public void Bias_initialisation_reports_bad_layers_and_priors()
    {
        using var noBias = nn.Linear(4, 3, hasBias: false);
        var e = Assert.Throws<ArgumentException>(() => CbTraining.InitializeBiasForSigmoid(noBias));
        Assert.Equal("layer", e.ParamName);
        Assert.Contains("no bias", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CbTraining.InitializeBiasFromPrior(noBias, 0.1));

        using var single = nn.Linear(4, 1);
        e = Assert.Throws<ArgumentException>(() => CbTraining.InitializeBiasForSigmoid(single));
        Assert.Contains("C ≥ 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("out_features = 1", e.Message, StringComparison.Ordinal);

        using var layer = nn.Linear(4, 3);
        foreach (double bad in new[] { 0.0, 1.0, -0.5, double.NaN })
        {
            var r = Assert.Throws<ArgumentOutOfRangeException>(() => CbTraining.InitializeBiasFromPrior(layer, bad));
            Assert.Equal("prior", r.ParamName);
            Assert.Contains("(0, 1)", r.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentNullException>(() => CbTraining.InitializeBiasForSigmoid(null!));
    }

    // ---- SGD without bias decay ---------------------------------------------------------------------------

    [Fact]
    public void Sgd_decays_weights_but_not_biases_or_norm_parameters()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(3, 4)), ("bn", nn.BatchNorm1d(4)), ("fc2", nn.Linear(4, 2)));
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, lr: 0.1, momentum: 0.0, weightDecay: 0.5);
        Assert.Equal(2, optimizer.ParamGroups.Count());

        var before = model.named_parameters().ToDictionary(p => p.name, p => TestData.Vector(p.parameter.flatten()));
        foreach (var p in model.parameters())
        {
            p.grad = zeros_like(p);   // only the decay moves parameters
        }

        optimizer.step();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var after = TestData.Vector(parameter.flatten());
            bool decays = name is "fc1.weight" or "fc2.weight";
            for (int i = 0; i < after.Length; i++)
            {
                double expected = decays ? before[name][i] * (1 - 0.1 * 0.5) : before[name][i];
                Assert.Equal(expected, after[i], 1e-6);
            }
        }
    }

    [Fact]
    public void Sgd_reports_bad_hyper_parameters()
    {
        using var model = nn.Linear(3, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbTraining.SgdWithoutBiasDecay(model, 0.0, 0.9, 1e-4));
        Assert.Equal("lr", e.ParamName);
        Assert.Contains("learning rate", e.Message, StringComparison.Ordinal);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => CbTraining.SgdWithoutBiasDecay(model, 0.1, -1, 1e-4)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => CbTraining.SgdWithoutBiasDecay(model, 0.1, 0.9, double.NaN)).ParamName);
        Assert.Throws<ArgumentNullException>(() => CbTraining.SgdWithoutBiasDecay(null!, 0.1, 0.9, 1e-4));
    }

    [Fact]
    public void A_training_step_with_the_focal_loss_and_the_helpers_lowers_the_loss()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        using var model = nn.Linear(5, 3);
        CbTraining.InitializeBiasFromPrior(model, 0.1);
        using var loss = ClassBalancedFocalLoss.FromCounts(new long[] { 500, 50, 5 }, 0.99, gamma: 2.0, device: CbDevice.Cpu);
        using var optimizer = CbTraining.SgdWithoutBiasDecay(model, 0.5, 0.9, 1e-4);
        var x = randn(64, 5);
        var y = x.narrow(1, 0, 3).argmax(1);
        double first = 0;
        double last = 0;
        for (int step = 0; step < 30; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var value = loss.forward(model.forward(x), y);
            value.backward();
            optimizer.step();
            last = value.item<float>();
            if (step == 0)
            {
                first = last;
            }
        }

        Assert.True(last < 0.7 * first, $"loss went from {first} to {last}");
    }
}
