using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>Every wrong argument is an ArgumentException naming the parameter and what was wrong, before libtorch sees it.</summary>
public class ValidationTests
{
    private static readonly double[] Alpha = { 0.5, 1.0, 1.5 };

    private static T Throws<T>(Action action, string paramName, params string[] fragments)
        where T : ArgumentException
    {
        var e = Assert.Throws<T>(action);
        Assert.Equal(paramName, e.ParamName);
        foreach (var f in fragments)
        {
            Assert.Contains(f, e.Message, StringComparison.Ordinal);
        }

        return e;
    }

    private static Tensor Logits(long b = 4, long c = 3, ScalarType dtype = ScalarType.Float32) => randn(b, c, dtype);

    // ---- weights ------------------------------------------------------------------------------------------

    [Fact]
    public void Empty_weights_are_rejected()
    {
        Throws<ArgumentException>(() => new ClassBalancedSoftmaxLoss(ReadOnlySpan<double>.Empty, device: CbDevice.Cpu), "weight", "empty");
        using var empty = zeros(0, ScalarType.Float64);
        Throws<ArgumentException>(() => new ClassBalancedSigmoidLoss(empty, device: CbDevice.Cpu), "weight", "empty", "[0]");
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_weights_are_rejected_with_their_index(double bad)
    {
        var w = new[] { 1.0, bad, 2.0 };
        Throws<ArgumentException>(() => new ClassBalancedFocalLoss(w, device: CbDevice.Cpu), "weight", "Class weight 1", "finite and ≥ 0");
        using var t = tensor(w);
        Throws<ArgumentException>(() => new ClassBalancedSoftmaxLoss(t, device: CbDevice.Cpu), "weight", "Class weight 1");
        using var input = Logits();
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        Throws<ArgumentException>(() => CbFunctional.cb_sigmoid_cross_entropy(input, target, t), "weight", "Class weight 1");
    }

    [Fact]
    public void Weight_tensors_of_the_wrong_rank_or_dtype_are_rejected()
    {
        using var matrix = ones(2, 3);
        Throws<ArgumentException>(() => new ClassBalancedSigmoidLoss(matrix, device: CbDevice.Cpu), "weight", "rank-1", "rank 2", "[2, 3]");
        using var flags = ones(3, ScalarType.Bool);
        Throws<ArgumentException>(() => new ClassBalancedSigmoidLoss(flags, device: CbDevice.Cpu), "weight", "Bool");
        Assert.Throws<ArgumentNullException>(() => new ClassBalancedSigmoidLoss((Tensor)null!, device: CbDevice.Cpu));
        var disposed = ones(3);
        disposed.Dispose();
        Throws<ArgumentException>(() => new ClassBalancedSigmoidLoss(disposed, device: CbDevice.Cpu), "weight", "disposed");
    }

    [Fact]
    public void Integer_weight_tensors_are_accepted_and_converted()
    {
        using var w = tensor(new long[] { 1, 2, 3 });
        using var loss = new ClassBalancedSoftmaxLoss(w, device: CbDevice.Cpu);
        Assert.Equal(ScalarType.Float64, loss.ClassWeights!.dtype);
        TestData.Close(new[] { 1.0, 2.0, 3.0 }, TestData.Vector(loss.ClassWeights), 0.0);
    }

    // ---- options ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Gamma_must_be_finite_and_non_negative(double gamma)
    {
        Throws<ArgumentOutOfRangeException>(() => new ClassBalancedFocalLoss(Alpha, gamma: gamma, device: CbDevice.Cpu), "gamma", "γ");
        using var input = Logits();
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        using var w = tensor(Alpha);
        Throws<ArgumentOutOfRangeException>(() => CbFunctional.cb_focal_loss(input, target, w, gamma: gamma), "gamma", "γ");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Label_smoothing_must_lie_in_zero_one(double eps)
    {
        Throws<ArgumentOutOfRangeException>(() => new ClassBalancedSoftmaxLoss(Alpha, label_smoothing: eps, device: CbDevice.Cpu),
            "label_smoothing", "[0, 1]");
        using var input = Logits();
        using var target = tensor(new long[] { 0, 1, 2, 0 });
        using var w = tensor(Alpha);
        Throws<ArgumentOutOfRangeException>(() => CbFunctional.cb_softmax_cross_entropy(input, target, w, label_smoothing: eps),
            "label_smoothing", "[0, 1]");
    }

    [Fact]
    public void Undefined_enum_values_are_rejected()
    {
        Throws<ArgumentOutOfRangeException>(() => new ClassBalancedSoftmaxLoss(Alpha, (Reduction)7, device: CbDevice.Cpu), "reduction", "Reduction");
        Throws<ArgumentOutOfRangeException>(() => new ClassBalancedSigmoidLoss(Alpha, normalizer: (MeanNormalizer)9, device: CbDevice.Cpu), "normalizer", "MeanNormalizer");
        Throws<ArgumentOutOfRangeException>(() => new ClassBalancedFocalLoss(Alpha, device: (CbDevice)5), "requested", "CbDevice");
    }

    [Fact]
    public void FromCounts_reports_bad_counts_and_beta()
    {
        Throws<ArgumentException>(() => ClassBalancedSoftmaxLoss.FromCounts(new long[] { 10, 0 }, 0.9, device: CbDevice.Cpu), "counts", "count 0");
        Throws<ArgumentOutOfRangeException>(() => ClassBalancedFocalLoss.FromCounts(new long[] { 10, 5 }, 1.5, device: CbDevice.Cpu), "beta");
    }

    // ---- logits -------------------------------------------------------------------------------------------

    public static TheoryData<int> Kinds() => new() { 0, 1, 2 };

    private static Func<Tensor, Tensor, Tensor> Forward(int kind) => kind switch
    {
        0 => (i, t) => { using var l = new ClassBalancedSoftmaxLoss(Alpha, device: CbDevice.Cpu); return l.forward(i, t); }
        ,
        1 => (i, t) => { using var l = new ClassBalancedSigmoidLoss(Alpha, device: CbDevice.Cpu); return l.forward(i, t); }
        ,
        _ => (i, t) => { using var l = new ClassBalancedFocalLoss(Alpha, device: CbDevice.Cpu); return l.forward(i, t); }
        ,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Logits_must_be_rank_two_floating_with_C_columns(int kind)
    {
        using var scope = NewDisposeScope();
        var forward = Forward(kind);
        var target = tensor(new long[] { 0, 1, 2, 0 });
        Throws<ArgumentException>(() => forward(randn(4), target), "logits", "rank 2 [B, C]", "rank 1", "[4]");
        Throws<ArgumentException>(() => forward(randn(4, 3, 1), target), "logits", "rank 3", "[4, 3, 1]");
        Throws<ArgumentException>(() => forward(ones(4, 3, ScalarType.Int64), target), "logits", "floating-point", "Int64");
        Throws<ArgumentException>(() => forward(randn(4, 5), target), "logits", "C = 3", "[4, 5]");
        Throws<ArgumentException>(() => forward(randn(0, 3), tensor(Array.Empty<long>())), "logits", "batch size 0");
        var disposed = randn(4, 3);
        disposed.Dispose();
        Throws<ArgumentException>(() => forward(disposed, target), "logits", "disposed");
        Assert.Throws<ArgumentNullException>(() => forward(null!, target));
        Assert.Throws<ArgumentNullException>(() => forward(randn(4, 3), null!));
    }

    // ---- class-index targets ------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Class_index_targets_must_be_int64_of_length_B_in_range(int kind)
    {
        using var scope = NewDisposeScope();
        var forward = Forward(kind);
        var input = randn(4, 3);
        Throws<ArgumentException>(() => forward(input, tensor(new int[] { 0, 1, 2, 0 })), "target", "Int64", "Int32");
        Throws<ArgumentException>(() => forward(input, tensor(new long[] { 0, 1, 2 })), "target", "shape [4]", "[3]");
        Throws<ArgumentException>(() => forward(input, tensor(new long[] { 0, 1, 3, 0 })), "target", "class index 3", "[0, 3)");
        Throws<ArgumentException>(() => forward(input, tensor(new long[] { 0, -2, 1, 0 })), "target", "class index -2");
        Throws<ArgumentException>(() => forward(input, zeros(4, 3, 2, ScalarType.Int64)), "target", "[4, 3, 2]");
    }

    [Fact]
    public void Softmax_accepts_ignore_index_but_still_rejects_other_bad_labels()
    {
        using var scope = NewDisposeScope();
        var input = randn(4, 3);
        using var loss = new ClassBalancedSoftmaxLoss(Alpha, device: CbDevice.Cpu);
        Assert.True(loss.forward(input, tensor(new long[] { -100, 1, 2, -100 })).isfinite().item<bool>());
        Throws<ArgumentException>(() => loss.forward(input, tensor(new long[] { -100, -5, 2, 0 })), "target", "class index -5", "ignore_index = -100");
        Throws<ArgumentException>(() => loss.forward(input, tensor(new long[] { -100, 7, 2, 0 })), "target", "class index 7");
        Throws<ArgumentException>(() => loss.forward(input, randn(4, 3)), "target", "Int64 class indices of shape [4]");

        // The sigmoid family has no ignore_index: −100 is just out of range.
        using var sigmoid = new ClassBalancedSigmoidLoss(Alpha, device: CbDevice.Cpu);
        Throws<ArgumentException>(() => sigmoid.forward(input, tensor(new long[] { -100, 1, 2, 0 })), "target", "class index -100");
    }

    /// <summary>The same labels, contiguous (read on the host) and as a strided view (checked by a reduction).</summary>
    private static (Tensor Contiguous, Tensor Strided) BothLayouts(long[] labels)
    {
        var contiguous = tensor(labels);
        var strided = stack(new[] { contiguous, zeros_like(contiguous) }, 1).select(1, 0);
        Assert.False(strided.is_contiguous());
        return (contiguous, strided);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Labels_read_on_the_host_and_by_a_reduction_get_the_same_exception(int kind)
    {
        using var scope = NewDisposeScope();
        var forward = Forward(kind);
        var input = randn(19, 3);
        foreach (long bad in new long[] { 3, -2, -100, long.MinValue, long.MaxValue })
        {
            if (kind == 0 && bad == -100)
            {
                continue;   // the softmax loss's ignore_index, covered below
            }

            var labels = new long[19];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = i % 3;
            }

            labels[13] = bad;
            labels[17] = bad < 0 ? 2 : -1;     // a second bad value on the other side: the message names the minimum
            var (contiguous, strided) = BothLayouts(labels);
            string expected = "class index " + (bad < 0 ? bad : -1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var a = Throws<ArgumentException>(() => forward(input, contiguous), "target", expected);
            var b = Throws<ArgumentException>(() => forward(input, strided), "target", expected);
            Assert.Equal(a.Message, b.Message);
        }
    }

    [Theory]
    [InlineData(-100L)]
    [InlineData(1L)]
    [InlineData(5L)]
    public void Softmax_counts_ignored_labels_alike_on_the_host_and_by_a_reduction(long ignoreIndex)
    {
        using var scope = NewDisposeScope();
        var input = randn(21, 3, ScalarType.Float64);
        var labels = new long[21];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = i % 4 == 3 ? ignoreIndex : i % 3;    // ignored labels after a vector-sized clean prefix
        }

        var (contiguous, strided) = BothLayouts(labels);
        foreach (var normalizer in new[] { MeanNormalizer.PositiveLabels, MeanNormalizer.WeightSum, MeanNormalizer.AllTerms })
        {
            using var loss = new ClassBalancedSoftmaxLoss(Alpha, normalizer: normalizer, ignore_index: ignoreIndex,
                device: CbDevice.Cpu);
            double host = loss.forward(input, contiguous).item<double>();
            double reduced = loss.forward(input, strided).item<double>();
            Assert.Equal(reduced, host, 12);
            Assert.True(double.IsFinite(host) && host > 0.0);
        }

        // Every label ignored: 0 on both paths.
        var (allIgnored, allIgnoredStrided) = BothLayouts(new long[] { ignoreIndex, ignoreIndex, ignoreIndex });
        using var mean = new ClassBalancedSoftmaxLoss(Alpha, ignore_index: ignoreIndex, device: CbDevice.Cpu);
        if (ignoreIndex is < 0 or >= 3)
        {
            Assert.Equal(0.0, mean.forward(input[..3], allIgnored).item<double>());
            Assert.Equal(0.0, mean.forward(input[..3], allIgnoredStrided).item<double>());
        }
    }

    // ---- soft targets -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Soft_targets_must_have_the_logits_shape_and_a_floating_dtype(int kind)
    {
        using var scope = NewDisposeScope();
        var forward = Forward(kind);
        var input = randn(4, 3);
        Throws<ArgumentException>(() => forward(input, rand(4, 2)), "target", "[4, 3]", "[4, 2]");
        Throws<ArgumentException>(() => forward(input, rand(3, 3)), "target", "[4, 3]", "[3, 3]");
        Throws<ArgumentException>(() => forward(input, ones(4, 3, ScalarType.Int64)), "target", "floating", "Int64");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Targets_on_another_device_are_rejected(int kind)
    {
        // No GPU here: a "meta" tensor (shape and dtype only) stands in for a tensor on another device.
        using var scope = NewDisposeScope();
        var forward = Forward(kind);
        var meta = new Device(DeviceType.META);
        Throws<ArgumentException>(() => forward(randn(4, 3), zeros(4, ScalarType.Int64, meta)), "target", "device", "cpu", "meta");
        if (kind != 0)
        {
            Throws<ArgumentException>(() => forward(randn(4, 3), zeros(4, 3, ScalarType.Float32, meta)), "target", "device", "meta");
        }
    }

    [Fact]
    public void The_functional_forms_validate_like_the_modules()
    {
        using var scope = NewDisposeScope();
        var w = tensor(Alpha);
        var input = randn(4, 3);
        var target = tensor(new long[] { 0, 1, 2, 0 });
        Throws<ArgumentException>(() => CbFunctional.cb_softmax_cross_entropy(randn(4, 4), target, w), "logits", "C = 3");
        Throws<ArgumentException>(() => CbFunctional.cb_sigmoid_cross_entropy(input, tensor(new long[] { 0, 1, 9, 0 }), w), "target", "class index 9");
        Throws<ArgumentException>(() => CbFunctional.cb_focal_loss(input, rand(4, 5), w), "target", "[4, 5]");
        Throws<ArgumentException>(() => CbFunctional.cb_focal_loss(input, target, ones(3, 1)), "weight", "rank-1");
        Throws<ArgumentOutOfRangeException>(() => CbFunctional.cb_sigmoid_cross_entropy(input, target, w, (Reduction)4), "reduction");
        Throws<ArgumentOutOfRangeException>(() => CbFunctional.cb_softmax_cross_entropy(input, target, w, normalizer: (MeanNormalizer)4), "normalizer");
    }
}
