using System;
using System.Threading.Tasks;
using CbGen.TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// The distribution-balanced module keeps its [B, C] scratch tensors between calls. Nothing a call returns or saves
/// for backward may share them: a later call must not change an earlier call's value or gradient.
/// </summary>
public class DistributionBalancedWorkspaceTests
{
    private static readonly long[] Counts = { 300, 90, 20, 4, 1 };

    private const long Samples = 400;

    private static (Tensor Z1, Tensor T1, Tensor Z2, Tensor T2) Data(ScalarType dtype = ScalarType.Float64)
    {
        var z1 = TestData.ToTensor(TestData.Logits(1, 6, Counts.Length), dtype);
        var z2 = TestData.ToTensor(TestData.Logits(2, 6, Counts.Length), dtype);
        var t1 = TestData.ToTensor(TestData.MultiHot(3, 6, Counts.Length), dtype);
        var t2 = TestData.ToTensor(TestData.MultiHot(4, 6, Counts.Length), dtype);
        return (z1, t1, z2, t2);
    }

    private static Tensor Leaf(Tensor z) => z.detach().clone().requires_grad_(true);

    /// <summary>Value and gradient of one call on a fresh module.</summary>
    private static (Tensor Value, Tensor Gradient) Alone(Tensor z, Tensor t, Reduction reduction)
    {
        using var loss = new DistributionBalancedLoss(Counts, Samples, reduction, device: CbDevice.Cpu);
        var input = Leaf(z);
        var value = loss.forward(input, t);
        value.sum().backward();
        return (value.detach(), input.grad!);
    }

    [Theory]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.None)]
    public void Two_forwards_before_one_backward_give_the_gradients_of_separate_calls(Reduction reduction)
    {
        using var scope = NewDisposeScope();
        var (z1, t1, z2, t2) = Data();
        using var loss = new DistributionBalancedLoss(Counts, Samples, reduction, device: CbDevice.Cpu);
        var a = Leaf(z1);
        var b = Leaf(z2);
        var first = loss.forward(a, t1);
        var second = loss.forward(b, t2);
        first.sum().add(second.sum()).backward();

        var (value1, gradient1) = Alone(z1, t1, reduction);
        var (value2, gradient2) = Alone(z2, t2, reduction);
        Assert.True(first.detach().equal(value1).all().item<bool>(), "the first call's value changed after the second call");
        Assert.True(second.detach().equal(value2).all().item<bool>());
        Assert.True(a.grad!.equal(gradient1).all().item<bool>(), "the first call's gradient is not that of a call alone");
        Assert.True(b.grad!.equal(gradient2).all().item<bool>());
    }

    [Fact]
    public void A_call_inside_another_losss_sum_keeps_both_gradients()
    {
        using var scope = NewDisposeScope();
        var (z1, t1, z2, t2) = Data();
        using var outer = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        using var inner = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var a = Leaf(z1);
        // The inner loss runs between the outer one's two calls on the same module.
        var total = outer.forward(a, t1).add(inner.forward(a, t2)).add(outer.forward(a, t2));
        total.backward();

        var (_, g1) = Alone(z1, t1, Reduction.Mean);
        var (_, g2) = Alone(z1, t2, Reduction.Mean);
        TestData.Close(TestData.Matrix(g1.add(g2).add(g2)), TestData.Matrix(a.grad!), 1e-15, "summed gradient");
    }

    [Fact]
    public void Second_derivatives_after_a_later_call_are_those_of_a_call_alone()
    {
        using var scope = NewDisposeScope();
        var (z1, t1, z2, t2) = Data();
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var direction = TestData.ToTensor(TestData.Logits(5, 6, Counts.Length), ScalarType.Float64);
        var a = Leaf(z1);
        var gradient = autograd.grad(new[] { loss.forward(a, t1) }, new[] { a }, create_graph: true)[0];
        _ = loss.forward(Leaf(z2), t2);   // reuses the scratch tensors before the second backward
        var hessian = autograd.grad(new[] { gradient.mul(direction).sum() }, new[] { a })[0];

        using var fresh = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var b = Leaf(z1);
        var freshGradient = autograd.grad(new[] { fresh.forward(b, t1) }, new[] { b }, create_graph: true)[0];
        var freshHessian = autograd.grad(new[] { freshGradient.mul(direction).sum() }, new[] { b })[0];
        Assert.True(gradient.detach().equal(freshGradient.detach()).all().item<bool>());
        Assert.True(hessian.equal(freshHessian).all().item<bool>());
    }

    [Fact]
    public void A_new_shape_or_dtype_gives_the_values_of_calls_alone()
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var (z1, t1, _, _) = Data(ScalarType.Float32);
        var (z2, t2, _, _) = Data(ScalarType.Float64);
        var (wide, wideTargets) = Wide();
        foreach (var (z, t) in new[] { (z1, t1), (z2, t2), (wide, wideTargets), (z1, t1) })
        {
            Assert.Equal(TestData.Scalar(Alone(z, t, Reduction.Mean).Value), TestData.Scalar(loss.forward(z, t)));
        }
    }

    [Fact]
    public void Concurrent_calls_give_the_values_of_calls_alone()
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        // Batches large enough that the two threads' passes overlap.
        var z1 = TestData.ToTensor(TestData.Logits(8, 3000, Counts.Length), ScalarType.Float64);
        var t1 = TestData.ToTensor(TestData.MultiHot(9, 3000, Counts.Length), ScalarType.Float64);
        var z2 = TestData.ToTensor(TestData.Logits(10, 3000, Counts.Length), ScalarType.Float64);
        var t2 = TestData.ToTensor(TestData.MultiHot(11, 3000, Counts.Length), ScalarType.Float64);
        var cases = new[] { (z1, t1), (z2, t2) };
        var expected = Array.ConvertAll(cases, c => TestData.Scalar(Alone(c.Item1, c.Item2, Reduction.Mean).Value));

        // One dtype and shape throughout: the kept tensors are what the threads contend for.
        var results = new double[cases.Length * 100];
        Parallel.For(0, results.Length, i =>
        {
            using var inner = NewDisposeScope();
            var (z, t) = cases[i % cases.Length];
            results[i] = TestData.Scalar(loss.forward(z, t));
        });
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % cases.Length], results[i]);
        }
    }

    private static (Tensor Logits, Tensor Targets) Wide() =>
        (TestData.ToTensor(TestData.Logits(6, 11, Counts.Length), ScalarType.Float64),
            TestData.ToTensor(TestData.MultiHot(7, 11, Counts.Length), ScalarType.Float64));

    [Fact]
    public void A_disposed_module_still_refuses_calls()
    {
        var (z1, t1, _, _) = Data();
        var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        _ = loss.forward(z1, t1);
        loss.Dispose();
        Assert.Throws<ObjectDisposedException>(() => loss.forward(z1, t1));
    }
}
