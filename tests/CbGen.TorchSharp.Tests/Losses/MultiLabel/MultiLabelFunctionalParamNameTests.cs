using System;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>A bad knob of a functional form is reported under that function's own parameter name (snake case), not
/// the module constructor's.</summary>
public class MultiLabelFunctionalParamNameTests
{
    [Theory]
    [InlineData(-1.0, 4.0, 0.0, "gamma_pos")]
    [InlineData(0.0, double.NaN, 0.0, "gamma_neg")]
    [InlineData(0.0, 4.0, -1.0, "eps")]
    public void Asymmetric_loss_names_its_own_parameters(double gammaPos, double gammaNeg, double eps, string param)
    {
        using var logits = zeros(2, 3);
        using var target = zeros(2, 3);
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            CbFunctional.asymmetric_loss(logits, target, gamma_pos: gammaPos, gamma_neg: gammaNeg, eps: eps));
        Assert.Equal(param, e.ParamName);
    }

    [Fact]
    public void Distribution_balanced_loss_names_instance_prior()
    {
        using var logits = zeros(2, 3);
        using var target = zeros(2, 3);
        var e = Assert.ThrowsAny<ArgumentException>(() => CbFunctional.distribution_balanced_loss(
            logits, target, new long[] { 5, 3, 1 }, 10, instance_prior: (DbInstancePrior)42));
        Assert.Equal("instance_prior", e.ParamName);
    }

    [Fact]
    public void The_modules_keep_their_constructor_names()
    {
        Assert.Equal("gammaPositive", Assert.ThrowsAny<ArgumentException>(() => new AsymmetricLoss(3, gammaPositive: -1)).ParamName);
        Assert.Equal("instancePrior", Assert.ThrowsAny<ArgumentException>(() =>
            new DistributionBalancedLoss(new long[] { 5, 3, 1 }, 10, instancePrior: (DbInstancePrior)42, device: CbDevice.Cpu)).ParamName);
    }
}
