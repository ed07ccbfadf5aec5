using System;
using System.Linq;
using CbGen.TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Tests;

/// <summary>The distribution-balanced loss against <see cref="MultiLabelLoops.Db"/> (value and gradient to 1e-12
/// in float64), central finite differences, the readings' options and the functional twin.</summary>
public class DistributionBalancedLossTests
{
    private static readonly long[] Counts = { 400, 120, 35, 9, 2 };

    private const long Samples = 500;

    /// <summary>The defaults, read from a module built without options (CbDefaults is internal to CbGen).</summary>
    private static readonly (double Alpha, double Beta, double Mu, double Lambda, double Kappa) D = ReadDefaults();

    private static (double, double, double, double, double) ReadDefaults()
    {
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        return (loss.Alpha, loss.Beta, loss.Mu, loss.Lambda, loss.Kappa);
    }

    /// <summary>Multi-hot targets with a row without positives (row 1) and a row with one rare label (row 2).</summary>
    private static double[,] Targets(int seed, int b)
    {
        var t = TestData.MultiHot(seed, b, Counts.Length);
        for (int k = 0; k < Counts.Length; k++)
        {
            t[1, k] = 0.0;
            t[2, k] = k == 4 ? 1.0 : 0.0;
        }

        return t;
    }

    public static TheoryData<Reduction, MeanNormalizer, DbInstancePrior, double> Cases() => new()
    {
        { Reduction.Mean, MeanNormalizer.PositiveLabels, DbInstancePrior.Sum, 0.05 },
        { Reduction.Mean, MeanNormalizer.AllTerms, DbInstancePrior.Sum, 0.05 },
        { Reduction.Sum, MeanNormalizer.PositiveLabels, DbInstancePrior.Mean, 0.05 },
        { Reduction.Mean, MeanNormalizer.PositiveLabels, DbInstancePrior.Mean, -0.2 },
        { Reduction.Sum, MeanNormalizer.PositiveLabels, DbInstancePrior.Sum, 0.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Value_and_gradient_match_the_float64_reference(
        Reduction reduction, MeanNormalizer normalizer, DbInstancePrior prior, double kappa)
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(11, 7, Counts.Length);
        var t = Targets(11, 7);
        using var loss = new DistributionBalancedLoss(Counts, Samples, reduction, normalizer, alpha: 0.15, beta: 8.0,
            mu: 0.25, lambda: 3.0, kappa: kappa, instancePrior: prior, device: CbDevice.Cpu);
        var (elements, grads) = MultiLabelLoops.Db(z, t, Counts, Samples, 0.15, 8.0, 0.25, 3.0, kappa,
            prior == DbInstancePrior.Mean);
        double divisor = reduction == Reduction.Mean ? MultiLabelLoops.Divisor(t, normalizer) : 1.0;

        var input = TestData.ToTensor(z, ScalarType.Float64, requiresGrad: true);
        var value = loss.forward(input, TestData.ToTensor(t, ScalarType.Float64));
        TestData.Close(MultiLabelLoops.Sum(elements) / divisor, TestData.Scalar(value), 1e-12, "loss");
        value.backward();
        TestData.Close(MultiLabelLoops.Scale(grads, 1.0 / divisor), TestData.Matrix(input.grad!), 1e-12, "∂L/∂z");
    }

    [Fact]
    public void None_gives_the_reference_element_losses()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(3, 6, Counts.Length, scale: 8.0);
        var t = Targets(3, 6);
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.None, device: CbDevice.Cpu);
        var expected = MultiLabelLoops.Db(z, t, Counts, Samples, D.Alpha, D.Beta,
            D.Mu, D.Lambda, D.Kappa, false).Loss;
        var actual = loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(t, ScalarType.Float64));
        TestData.Close(expected, TestData.Matrix(actual), 1e-12, "element");
    }

    [Fact]
    public void Gradients_match_central_finite_differences()
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        FiniteDifferences.Check(loss, TestData.Logits(5, 6, Counts.Length), TestData.ToTensor(Targets(5, 6), ScalarType.Float64));
    }

    [Fact]
    public void A_row_without_positives_weighs_every_term_by_the_limit_alpha_plus_one()
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.None, kappa: 0.0, device: CbDevice.Cpu);
        var z = zeros(1, Counts.Length, ScalarType.Float64);
        var values = TestData.Matrix(loss.forward(z, zeros(1, Counts.Length, ScalarType.Float64)));
        for (int k = 0; k < Counts.Length; k++)
        {
            TestData.Close((D.Alpha + 1.0) / D.Lambda * Math.Log(2.0), values[0, k], 1e-12, "element");
        }
    }

    /// <summary>β = 0 makes the smoothing flat, r̂ = α + σ(0) for every term, a row without positives included (its
    /// r = ∞ once gave 0·∞ = NaN there).</summary>
    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void A_flat_smoothing_weighs_a_row_without_positives_by_alpha_plus_one_half(ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.None, beta: 0.0, kappa: 0.0, device: CbDevice.Cpu);
        var t = zeros(2, Counts.Length, dtype);
        t[0, 3] = tensor(1.0, dtype);
        var values = TestData.Matrix(loss.forward(zeros(2, Counts.Length, dtype), t).to(ScalarType.Float64));
        double tolerance = dtype == ScalarType.Float64 ? 1e-12 : 1e-6;
        for (int k = 0; k < Counts.Length; k++)
        {
            double negative = (D.Alpha + 0.5) / D.Lambda * Math.Log(2.0);
            TestData.Close(negative, values[1, k], tolerance, "row without positives");
            TestData.Close(k == 3 ? (D.Alpha + 0.5) * Math.Log(2.0) : negative, values[0, k], tolerance, "row with one positive");
        }
    }

    [Fact]
    public void Float32_logits_agree_with_float64()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(8, 9, Counts.Length);
        var t = Targets(8, 9);
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        double f64 = TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float64), TestData.ToTensor(t, ScalarType.Float64)));
        double f32 = TestData.Scalar(loss.forward(TestData.ToTensor(z, ScalarType.Float32), TestData.ToTensor(t, ScalarType.Float32)));
        TestData.Close(f64, f32, 1e-5, "float32");
    }

    /// <summary>The weight is computed in place in the multi-hot check's scratch (t − t·t); a target of another
    /// dtype than the logits takes a fresh buffer instead, and neither call writes into the caller's target.</summary>
    [Fact]
    public void A_target_of_another_dtype_gives_the_same_loss_and_no_call_writes_into_the_target()
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(12, 6, Counts.Length), ScalarType.Float32);
        var t32 = TestData.ToTensor(Targets(12, 6), ScalarType.Float32);
        var t64 = TestData.ToTensor(Targets(12, 6), ScalarType.Float64);
        var before = TestData.Matrix(t32);
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.None, device: CbDevice.Cpu);
        var same = TestData.Matrix(loss.forward(z, t32));
        var other = TestData.Matrix(loss.forward(z, t64));
        var again = TestData.Matrix(loss.forward(z, t32));
        TestData.Close(same, other, 0.0, "float64 target");
        TestData.Close(same, again, 0.0, "second call");
        TestData.Close(before, TestData.Matrix(t32), 0.0, "target after the calls");
        TestData.Close(Targets(12, 6), TestData.Matrix(t64), 0.0, "float64 target after the call");
    }

    /// <summary>The module caches 1/n_c and −λ·ν per dtype: switching the logits' dtype back and forth gives each
    /// dtype's own value every time.</summary>
    [Fact]
    public void Switching_the_logits_dtype_recomputes_the_cached_tables()
    {
        using var scope = NewDisposeScope();
        var z = TestData.Logits(13, 5, Counts.Length);
        var t = Targets(13, 5);
        using var loss = new DistributionBalancedLoss(Counts, Samples, lambda: 3.0, device: CbDevice.Cpu);
        double Run(ScalarType dtype) => TestData.Scalar(
            loss.forward(TestData.ToTensor(z, dtype), TestData.ToTensor(t, dtype)).to(ScalarType.Float64));
        double first = Run(ScalarType.Float64);
        double f32 = Run(ScalarType.Float32);
        double second = Run(ScalarType.Float64);
        var (elements, _) = MultiLabelLoops.Db(z, t, Counts, Samples, D.Alpha, D.Beta, D.Mu, 3.0, D.Kappa, false);
        double expected = MultiLabelLoops.Sum(elements) / MultiLabelLoops.Divisor(t, MeanNormalizer.PositiveLabels);
        TestData.Close(expected, first, 1e-12, "float64");
        TestData.Close(first, second, 0.0, "float64 again");
        TestData.Close(expected, f32, 1e-5, "float32");
    }

    [Fact]
    public void The_functional_form_computes_what_the_module_computes()
    {
        using var scope = NewDisposeScope();
        var z = TestData.ToTensor(TestData.Logits(2, 5, Counts.Length), ScalarType.Float64);
        var t = TestData.ToTensor(Targets(2, 5), ScalarType.Float64);
        using var loss = new DistributionBalancedLoss(Counts, Samples, Reduction.None, mu: 0.4, lambda: 2.0,
            instancePrior: DbInstancePrior.Mean, device: CbDevice.Cpu);
        var expected = TestData.Matrix(loss.forward(z, t));
        var actual = TestData.Matrix(CbFunctional.distribution_balanced_loss(z, t, Counts, Samples, mu: 0.4, lambda: 2.0,
            instance_prior: DbInstancePrior.Mean, reduction: Reduction.None));
        TestData.Close(expected, actual, 0.0, "functional");
    }

    [Fact]
    public void The_buffers_hold_the_inverse_counts_and_the_prior_bias()
    {
        using var loss = new DistributionBalancedLoss(Counts, Samples, device: CbDevice.Cpu);
        var inverse = TestData.Vector(loss.InverseCounts);
        var bias = TestData.Vector(loss.PriorBias);
        for (int k = 0; k < Counts.Length; k++)
        {
            double p = (double)Counts[k] / Samples;
            TestData.Close(1.0 / Counts[k], inverse[k], 1e-15, "1/n");
            TestData.Close(D.Kappa * -Math.Log(1.0 / p - 1.0), bias[k], 1e-13, "ν");
        }

        Assert.Equal(new[] { "inverse_counts", "prior_bias" }, loss.named_buffers().Select(b => b.name).ToArray());
    }
}
