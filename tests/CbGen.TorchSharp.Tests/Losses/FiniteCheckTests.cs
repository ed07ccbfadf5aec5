using System;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// Non-finite logits propagate by default (as in PyTorch, and as docs/runtime.md says); the opt-in
/// <see cref="PerClassLoss.CheckFiniteLogits"/> throws naming the first bad row and column instead.
/// </summary>
public class FiniteCheckTests
{
    private static readonly double[] Alpha = { 0.5, 1.0, 1.5 };

    public static TheoryData<CbLoss, ScalarType> Cases() => new()
    {
        { CbLoss.Softmax, ScalarType.Float32 },
        { CbLoss.Sigmoid, ScalarType.Float64 },
        { CbLoss.Focal, ScalarType.Float32 },
        { CbLoss.Focal, ScalarType.Float64 },
    };

    private static Tensor LogitsWith(double bad, int row, int column, ScalarType dtype)
    {
        var z = TestData.Logits(3, 5, 3);
        z[row, column] = bad;
        return TestData.ToTensor(z, dtype);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void By_default_a_NaN_logit_propagates_into_the_loss(CbLoss variant, ScalarType dtype)
    {
        using var loss = CbLosses.Create(variant, Alpha, new CbLossOptions { Device = CbDevice.Cpu });
        using var logits = LogitsWith(double.NaN, 2, 1, dtype);
        using var target = tensor(new long[] { 0, 1, 1, 2, 0 });
        using var value = loss.forward(logits, target);
        Assert.True(double.IsNaN(TestData.Scalar(value)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_opt_in_check_names_the_first_bad_row_and_column(CbLoss variant, ScalarType dtype)
    {
        using var loss = CbLosses.Create(variant, Alpha,
            new CbLossOptions { Device = CbDevice.Cpu, CheckFiniteLogits = true });
        using var target = tensor(new long[] { 0, 1, 1, 2, 0 });
        var cases = new (double Bad, int Row, int Column, string Text)[]
        {
            (double.NaN, 2, 1, "NaN"),
            (double.PositiveInfinity, 0, 2, "Infinity"),
            (double.NegativeInfinity, 4, 0, "-Infinity"),
        };
        foreach (var (bad, row, column, text) in cases)
        {
            using var logits = LogitsWith(bad, row, column, dtype);
            var e = Assert.Throws<ArgumentException>(() => loss.forward(logits, target));
            Assert.Equal("logits", e.ParamName);
            Assert.Contains("(" + text + ") in row " + row + ", column " + column, e.Message, StringComparison.Ordinal);
        }

        // Two bad rows: the first one (row-major) is named.
        var z = TestData.Logits(4, 5, 3);
        z[3, 0] = double.NaN;
        z[1, 2] = double.PositiveInfinity;
        using var two = TestData.ToTensor(z, dtype);
        Assert.Contains("row 1, column 2", Assert.Throws<ArgumentException>(() => loss.forward(two, target)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void With_finite_logits_the_check_changes_nothing()
    {
        using var plain = new ClassBalancedFocalLoss(Alpha, device: CbDevice.Cpu);
        using var checkedLoss = new ClassBalancedFocalLoss(Alpha, device: CbDevice.Cpu) { CheckFiniteLogits = true };
        using var logits = TestData.ToTensor(TestData.Logits(9, 6, 3, scale: 50.0), ScalarType.Float32);
        using var target = tensor(new long[] { 0, 1, 2, 2, 1, 0 });
        using var a = plain.forward(logits, target);
        using var b = checkedLoss.forward(logits, target);
        Assert.Equal(TestData.Scalar(a), TestData.Scalar(b));
    }

    [Fact]
    public void The_DRW_wrapper_passes_the_check_to_both_modules()
    {
        using var drw = new DeferredReweightingLoss(
            new ClassBalancedSoftmaxLoss(Alpha, device: CbDevice.Cpu) { CheckFiniteLogits = true }, 2);
        Assert.True(drw.CheckFiniteLogits);
        using var logits = LogitsWith(double.NaN, 1, 1, ScalarType.Float32);
        using var target = tensor(new long[] { 0, 1, 1, 2, 0 });
        Assert.Throws<ArgumentException>(() => drw.forward(logits, target));     // epoch 0: the unweighted twin
        drw.CheckFiniteLogits = false;
        using var value = drw.forward(logits, target);
        Assert.True(double.IsNaN(TestData.Scalar(value)));
    }
}
