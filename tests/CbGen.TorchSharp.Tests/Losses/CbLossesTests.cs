using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>
/// One constructor shape for the three modules, one factory from a <see cref="CbLoss"/>, int counts wherever
/// long counts are taken, and the functional forms' managed weight sources (array, span, counts + β). Numbers
/// are checked against the float64 loops of <see cref="Reference"/> with weights computed here from the paper's
/// formula.
/// </summary>
public class CbLossesTests
{
    private static readonly long[] Counts = { 900, 90, 9, 30 };
    private const double Beta = 0.99;

    /// <summary>α_c = (1 − β) / (1 − β^{n_c}), scaled to sum to C, as a plain loop.</summary>
    internal static double[] HandWeights(long[] counts, double beta)
    {
        var w = counts.Select(n => (1.0 - beta) / (1.0 - Math.Pow(beta, n))).ToArray();
        double scale = w.Length / w.Sum();
        return w.Select(x => x * scale).ToArray();
    }

    private static readonly Type[] Modules =
        { typeof(ClassBalancedSoftmaxLoss), typeof(ClassBalancedSigmoidLoss), typeof(ClassBalancedFocalLoss) };

    // ---- item 3: one constructor shape ---------------------------------------------------------------------

    public static TheoryData<Type> ModuleTypes() => new() { Modules[0], Modules[1], Modules[2] };

    [Theory]
    [MemberData(nameof(ModuleTypes))]
    public void Every_constructor_and_FromCounts_puts_the_shared_parameters_in_one_order(Type module)
    {
        var signatures = module.GetConstructors().Select(c => c.GetParameters())
            .Concat(module.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == "FromCounts").Select(m => m.GetParameters()))
            .ToList();
        Assert.Equal(4, signatures.Count);     // weights array (C# 12 binds it), span, tensor; counts (one type for long and int)
        foreach (var parameters in signatures)
        {
            var names = parameters.Select(p => p.Name!).ToList();
            string shape = module.Name + "(" + string.Join(", ", names) + ")";
            bool fromCounts = names[0] == "counts";
            Assert.True(!fromCounts || parameters[0].ParameterType == typeof(ClassCounts), shape);
            Assert.True(names[0] == "weight" || fromCounts, shape);
            int first = fromCounts ? 2 : 1;
            Assert.True(fromCounts ? names[1] == "beta" : true, shape);
            Assert.Equal("reduction", names[first]);
            Assert.Equal("normalizer", names[first + 1]);
            Assert.Equal("device", names[^1]);
        }
    }

    [Fact]
    public void The_options_record_defaults_are_the_constructor_defaults()
    {
        var options = CbLossOptions.Default;
        var defaults = new Dictionary<string, object?>();
        foreach (var ctor in Modules.SelectMany(t => t.GetConstructors()))
        {
            foreach (var p in ctor.GetParameters().Where(p => p.HasDefaultValue))
            {
                defaults[p.Name!] = p.DefaultValue;
            }
        }

        Assert.Equal((int)Reduction.Mean, Convert.ToInt32(defaults["reduction"]));
        Assert.Equal(options.Reduction, (Reduction)Convert.ToInt32(defaults["reduction"]));
        Assert.Null(options.Normalizer);
        Assert.Equal(options.NormalizerFor(CbLoss.Focal), (MeanNormalizer)Convert.ToInt32(defaults["normalizer"]));
        Assert.Equal(options.Device, (CbDevice)Convert.ToInt32(defaults["device"]));
        Assert.Equal(options.GammaValue, (double)defaults["gamma"]!);
        Assert.Equal(options.IgnoreIndexValue, (long)defaults["ignore_index"]!);
        Assert.Equal(options.LabelSmoothingValue, (double)defaults["label_smoothing"]!);
        Assert.False(options.CheckFiniteLogits);
    }

    // ---- item 3: the factory -------------------------------------------------------------------------------

    [Fact]
    public void The_factory_builds_each_variant_with_the_options_and_the_right_numbers()
    {
        var options = new CbLossOptions
        {
            Reduction = Reduction.Sum,
            Normalizer = MeanNormalizer.AllTerms,
            Device = CbDevice.Cpu,
            CheckFiniteLogits = true,
        };
        // Each variant gets the options it uses (one it does not use is an error, see CbLossOptionsTests).
        CbLossOptions For(CbLoss variant) => variant switch
        {
            CbLoss.Softmax => options with { IgnoreIndex = 3, LabelSmoothing = 0.1 },
            CbLoss.Focal => options with { Gamma = 0.5 },
            _ => options,
        };
        var alpha = HandWeights(Counts, Beta);
        var z = TestData.Logits(7, 6, 4);
        var y = new long[] { 0, 1, 2, 3, 1, 0 };
        using var logits = TestData.ToTensor(z, ScalarType.Float64);
        using var target = TestData.ToTensor(y);
        var (t, w) = Reference.IndexTargets(y, alpha, 4);

        foreach (CbLoss variant in new[] { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal })
        {
            using var loss = CbLosses.FromCounts(variant, Counts, Beta, For(variant));
            var cb = Assert.IsAssignableFrom<PerClassLoss>(loss);
            Assert.Equal(Reduction.Sum, cb.reduction);
            Assert.Equal(MeanNormalizer.AllTerms, cb.Normalizer);
            Assert.True(cb.CheckFiniteLogits);
            TestData.Close(alpha, TestData.Vector(cb.ClassWeights!), 1e-12, "weights");
            double expected = variant switch
            {
                CbLoss.Softmax => Reference.Sum(Reference.SoftmaxPerSample(z, y, alpha, 3, 0.1)),
                CbLoss.Sigmoid => Reference.Sum(Reference.SigmoidElements(z, t, w)),
                _ => Reference.Sum(Reference.FocalElements(z, t, w, 0.5)),
            };
            using var value = loss.forward(logits, target);
            TestData.Close(expected, TestData.Scalar(value), 1e-9, variant.ToString());
        }

        using var softmax = (ClassBalancedSoftmaxLoss)CbLosses.Create(CbLoss.Softmax, alpha, For(CbLoss.Softmax));
        Assert.Equal(3, softmax.IgnoreIndex);
        Assert.Equal(0.1, softmax.LabelSmoothing);
        using var focal = (ClassBalancedFocalLoss)CbLosses.Create(CbLoss.Focal, alpha, For(CbLoss.Focal));
        Assert.Equal(0.5, focal.Gamma);
        using var defaults = (ClassBalancedFocalLoss)CbLosses.Create(CbLoss.Focal, alpha);
        Assert.Equal(2.0, defaults.Gamma);
        Assert.Equal(Reduction.Mean, defaults.reduction);
    }

    [Fact]
    public void The_factory_has_one_Create_so_an_array_of_weights_binds_to_it_in_every_language_version()
    {
        // A span and a Tensor overload made CbLosses.Create(loss, double[]) ambiguous under C# 12 (an array
        // converts to both); a tensor of weights goes to the module's tensor constructor instead.
        Assert.Single(typeof(CbLosses).GetMethods(), m => m.Name == nameof(CbLosses.Create));
    }

    [Fact]
    public void The_factory_rejects_an_undefined_variant_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CbLosses.FromCounts((CbLoss)42, Counts, Beta));
        Assert.Equal("loss", e.ParamName);
        Assert.Contains("42", e.Message, StringComparison.Ordinal);
        Assert.Equal("loss", Assert.Throws<ArgumentOutOfRangeException>(
            () => CbLosses.Create((CbLoss)42, new[] { 1.0, 2.0 })).ParamName);
    }

    [Fact]
    public void DRW_FromCounts_takes_the_same_options_and_int_counts()
    {
        var options = new CbLossOptions { Gamma = 0.5, Normalizer = MeanNormalizer.WeightSum, Device = CbDevice.Cpu };
        using var drw = DeferredReweightingLoss.FromCounts(CbLoss.Focal, new[] { 900, 90, 9, 30 }, Beta, 2, options);
        var weighted = Assert.IsType<ClassBalancedFocalLoss>(drw.Weighted);
        Assert.Equal(0.5, weighted.Gamma);
        Assert.Equal(MeanNormalizer.WeightSum, weighted.Normalizer);
        Assert.Equal(0.5, Assert.IsType<ClassBalancedFocalLoss>(drw.Unweighted).Gamma);
        TestData.Close(HandWeights(Counts, Beta), TestData.Vector(weighted.ClassWeights!), 1e-12, "weights");
    }

    // ---- item 3: int counts --------------------------------------------------------------------------------

    [Fact]
    public void Int_counts_are_accepted_wherever_long_counts_are()
    {
        int[] ints = { 900, 90, 9, 30 };
        var lists = new ClassCounts[] { ints, (ReadOnlySpan<int>)ints };
        var alpha = HandWeights(Counts, Beta);
        foreach (var counts in lists)
        {
            using var softmax = ClassBalancedSoftmaxLoss.FromCounts(counts, Beta, device: CbDevice.Cpu);
            using var sigmoid = ClassBalancedSigmoidLoss.FromCounts(counts, Beta, device: CbDevice.Cpu);
            using var focal = ClassBalancedFocalLoss.FromCounts(counts, Beta, gamma: 1.0, device: CbDevice.Cpu);
            using var factory = CbLosses.FromCounts(CbLoss.Sigmoid, counts, Beta,
                new CbLossOptions { Device = CbDevice.Cpu });
            foreach (var loss in new PerClassLoss[] { softmax, sigmoid, focal, factory })
            {
                TestData.Close(alpha, TestData.Vector(loss.ClassWeights!), 1e-12, loss.GetType().Name);
            }
        }
    }

    [Fact]
    public void Bad_int_counts_get_the_long_counts_messages()
    {
        var e = Assert.Throws<ArgumentException>(
            () => ClassBalancedSoftmaxLoss.FromCounts(new[] { 10, 0 }, 0.9, device: CbDevice.Cpu));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("count 0", e.Message, StringComparison.Ordinal);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(
            () => ClassBalancedFocalLoss.FromCounts(new[] { 10, -3 }, 0.9, device: CbDevice.Cpu)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(
            () => ClassBalancedSigmoidLoss.FromCounts((int[])null!, 0.9)).ParamName);
    }
}
