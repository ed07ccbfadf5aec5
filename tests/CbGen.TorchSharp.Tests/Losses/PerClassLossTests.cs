using System;
using System.Linq;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The shared base <see cref="PerClassLoss"/>: its members seen through the base type, its buffer field
/// found by TorchSharp's reflection inside a wrapper (as generated losses are), and the order
/// in which the constructors check their arguments.
/// </summary>
public class PerClassLossTests
{
    private static readonly double[] Alpha = { 0.25, 1.0, 1.75 };

    /// <summary>Like a generated loss: wraps one of the modules, adds no fields.</summary>
    private sealed class GeneratedLikeFocalLoss : PerClassLoss<ClassBalancedFocalLoss>
    {
        public GeneratedLikeFocalLoss()
            : base(new ClassBalancedFocalLoss(Alpha, gamma: 0.5, reduction: Reduction.Sum,
                normalizer: MeanNormalizer.WeightSum, device: CbDevice.Cpu))
        {
        }
    }

    private static PerClassLoss Make(int kind, MeanNormalizer normalizer) => kind switch
    {
        0 => new ClassBalancedSoftmaxLoss(Alpha, normalizer: normalizer, device: CbDevice.Cpu),
        1 => new ClassBalancedSigmoidLoss(Alpha, normalizer: normalizer, device: CbDevice.Cpu),
        _ => new ClassBalancedFocalLoss(Alpha, normalizer: normalizer, gamma: 0.5, device: CbDevice.Cpu),
    };

    [Theory]
    [InlineData(0, MeanNormalizer.PositiveLabels)]
    [InlineData(1, MeanNormalizer.WeightSum)]
    [InlineData(2, MeanNormalizer.AllTerms)]
    public void The_base_exposes_the_buffer_the_class_count_and_the_normalizer(int kind, MeanNormalizer normalizer)
    {
        using var loss = Make(kind, normalizer);
        Assert.Equal(3, loss.NumClasses);
        Assert.Equal(normalizer, loss.Normalizer);
        Assert.Same(loss.ClassWeights, loss.named_buffers().Single().buffer);
        TestData.Close(Alpha, TestData.Vector(loss.ClassWeights!), 0.0);
    }

    [Fact]
    public void To_replaces_the_base_field_of_a_wrapped_module()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(51, 6, 3);
        var y = TestData.Labels(51, 6, 3);
        using var loss = new GeneratedLikeFocalLoss();
        var (t, w) = Reference.IndexTargets(y, Alpha, 3);
        double expected = Reference.FocalElements(z, t, w, 0.5).Cast<double>().Sum();

        var before = loss.ClassWeights!;
        loss.to(ScalarType.Float32);

        Assert.NotSame(before, loss.ClassWeights);
        Assert.True(before.IsInvalid);                                  // .to() disposed the old buffer ...
        Assert.Equal(ScalarType.Float32, loss.ClassWeights!.dtype);      // ... and the base field holds the new one
        Assert.Same(loss.ClassWeights, loss.named_buffers().Single().buffer);
        Assert.True(loss.state_dict().ContainsKey("loss.class_weights"));
        var input = TestData.ToTensor(z, ScalarType.Float32);
        TestData.Close(expected, TestData.Scalar(loss.forward(input, TestData.ToTensor(y))), 1e-5);
    }

    [Fact]
    public void Options_are_checked_before_the_weights_and_the_weights_before_the_device()
    {
        var bad = new[] { 1.0, -1.0 };
        Assert.Equal("reduction", Assert.Throws<ArgumentOutOfRangeException>(
            () => new ClassBalancedSigmoidLoss(bad, (Reduction)7, device: CbDevice.Cpu)).ParamName);
        Assert.Equal("normalizer", Assert.Throws<ArgumentOutOfRangeException>(
            () => new ClassBalancedSoftmaxLoss(bad, normalizer: (MeanNormalizer)7, label_smoothing: 2.0)).ParamName);
        Assert.Equal("label_smoothing", Assert.Throws<ArgumentOutOfRangeException>(
            () => new ClassBalancedSoftmaxLoss(bad, label_smoothing: 2.0)).ParamName);
        using var badTensor = tensor(bad);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(
            () => new ClassBalancedFocalLoss(badTensor, gamma: -1.0)).ParamName);

        // CUDA is requested but the weights are wrong: the weights are reported, whether or not CUDA exists.
        var e = Assert.Throws<ArgumentException>(() => new ClassBalancedFocalLoss(bad, device: CbDevice.Cuda));
        Assert.Equal("weight", e.ParamName);
        Assert.Contains("Class weight 1", e.Message, StringComparison.Ordinal);
    }
}
