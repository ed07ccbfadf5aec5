using System;
using System.Globalization;
using System.Linq;
using CbGen;
using CbGen.TorchSharp;
using FashionMnistLongTail.Data;
using static TorchSharp.torch;

namespace FashionMnistLongTail;

/// <summary>
/// The compile-time path: the types the CbGen generator made from the <see cref="FashionMnist"/> enum's
/// <see cref="ClassBalancedAttribute"/>s (<c>FashionMnistSoftmaxWeights</c>/<c>FashionMnistSoftmaxLoss</c>, …),
/// and a start-up check that their constants equal what the runtime computes.
/// </summary>
public static class GeneratedLosses
{
    /// <summary>The imbalance factor the enum's <see cref="SamplesAttribute"/> counts were written for.</summary>
    public const int Imbalance = 100;

    /// <summary>Whether <paramref name="counts"/> are exactly the counts declared on <see cref="FashionMnist"/>.</summary>
    public static bool Matches(ReadOnlySpan<long> counts) => counts.SequenceEqual(FashionMnistSoftmaxWeights.Counts);

    /// <summary>The generated loss of <paramref name="kind"/>, or <c>null</c> for the baseline (and for LDAM-DRW when
    /// the compile-time K is not the first lr drop of <paramref name="epochs"/>).</summary>
    public static nn.Module<Tensor, Tensor, Tensor>? TryCreate(LossKind kind, int epochs = Protocol.Epochs) => kind switch
    {
        LossKind.CbSoftmax => new FashionMnistSoftmaxLoss(),
        LossKind.CbSigmoid => new FashionMnistSigmoidLoss(),
        LossKind.CbFocalGamma1 => new FashionMnistFocal1Loss(),
        LossKind.CbFocalGammaHalf => new FashionMnistFocalHalfLoss(),
        LossKind.LogitAdjusted => new FashionMnistLaLoss(),
        LossKind.VectorScaling => new FashionMnistVsLoss(),
        LossKind.LdamDrw when FashionMnistLdamDrwWeights.DeferUntilEpoch == Protocol.FirstDrop(epochs) => new FashionMnistLdamDrwLoss(),
        _ => null,
    };

    /// <summary>
    /// Checks that the generated tables equal the runtime maths: the counts equal <see cref="LongTail.Counts"/> at
    /// IF 100, and each config's β, γ and weights equal <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
    /// (relative difference ≤ 1e-12); then that each generated loss, called with typed <see cref="FashionMnist"/>
    /// labels, gives the runtime <c>FromCounts</c> loss's value on a 4-sample batch. Costs a few milliseconds.
    /// </summary>
    /// <exception cref="InvalidOperationException">A generated constant disagrees; the message says which.</exception>
    public static void Verify()
    {
        long[] expectedCounts = LongTail.Counts(Imbalance);
        Check("FashionMnistSoftmax", FashionMnistSoftmaxWeights.Counts, FashionMnistSoftmaxWeights.Weights,
            FashionMnistSoftmaxWeights.Beta, double.NaN, LossCatalog.Get(LossKind.CbSoftmax), expectedCounts);
        Check("FashionMnistSigmoid", FashionMnistSigmoidWeights.Counts, FashionMnistSigmoidWeights.Weights,
            FashionMnistSigmoidWeights.Beta, double.NaN, LossCatalog.Get(LossKind.CbSigmoid), expectedCounts);
        Check("FashionMnistFocal1", FashionMnistFocal1Weights.Counts, FashionMnistFocal1Weights.Weights,
            FashionMnistFocal1Weights.Beta, FashionMnistFocal1Weights.Gamma, LossCatalog.Get(LossKind.CbFocalGamma1), expectedCounts);
        Check("FashionMnistFocalHalf", FashionMnistFocalHalfWeights.Counts, FashionMnistFocalHalfWeights.Weights,
            FashionMnistFocalHalfWeights.Beta, FashionMnistFocalHalfWeights.Gamma, LossCatalog.Get(LossKind.CbFocalGammaHalf), expectedCounts);
        VerifyTypedForward(expectedCounts);
        GeneratedLongTail.Verify(expectedCounts);
    }

    private static void VerifyTypedForward(long[] counts)
    {
        FashionMnist[] labels = [FashionMnist.TShirtTop, FashionMnist.Shirt, FashionMnist.Bag, FashionMnist.AnkleBoot];
        using var scope = NewDisposeScope();
        var logits = linspace(-2.0, 2.0, 4 * counts.Length).reshape(4, counts.Length);
        var target = tensor(labels.Select(l => (long)l).ToArray());
        var softmax = LossCatalog.Get(LossKind.CbSoftmax);
        var sigmoid = LossCatalog.Get(LossKind.CbSigmoid);
        var focal1 = LossCatalog.Get(LossKind.CbFocalGamma1);
        var focalHalf = LossCatalog.Get(LossKind.CbFocalGammaHalf);
        using (var generated = new FashionMnistSoftmaxLoss())
        using (var runtime = ClassBalancedSoftmaxLoss.FromCounts(counts, softmax.Beta))
        {
            Same(nameof(FashionMnistSoftmaxLoss), generated.forward(logits, labels), runtime.call(logits, target));
        }

        using (var generated = new FashionMnistSigmoidLoss())
        using (var runtime = ClassBalancedSigmoidLoss.FromCounts(counts, sigmoid.Beta))
        {
            Same(nameof(FashionMnistSigmoidLoss), generated.forward(logits, labels), runtime.call(logits, target));
        }

        using (var generated = new FashionMnistFocal1Loss())
        using (var runtime = ClassBalancedFocalLoss.FromCounts(counts, focal1.Beta, gamma: focal1.Gamma))
        {
            Same(nameof(FashionMnistFocal1Loss), generated.forward(logits, labels), runtime.call(logits, target));
        }

        using (var generated = new FashionMnistFocalHalfLoss())
        using (var runtime = ClassBalancedFocalLoss.FromCounts(counts, focalHalf.Beta, gamma: focalHalf.Gamma))
        {
            Same(nameof(FashionMnistFocalHalfLoss), generated.forward(logits, labels), runtime.call(logits, target));
        }
    }

    internal static void Same(string name, Tensor generated, Tensor runtime)
    {
        double g = generated.to(ScalarType.Float64).item<double>();
        double r = runtime.to(ScalarType.Float64).item<double>();
        if (!(Math.Abs(g - r) <= 1e-6 * Math.Max(1.0, Math.Abs(r))))
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                "{0}.forward with typed labels gives {1:R}; the runtime FromCounts loss gives {2:R} on the same batch.",
                name, g, r));
        }
    }

    private static void Check(string name, ReadOnlySpan<long> counts, ReadOnlySpan<double> weights, double beta,
        double gamma, LossSpec spec, long[] expectedCounts)
    {
        if (!counts.SequenceEqual(expectedCounts))
        {
            throw new InvalidOperationException(
                $"{name}Weights.Counts is [{string.Join(", ", counts.ToArray())}] but the IF {Imbalance} protocol gives "
                + $"[{string.Join(", ", expectedCounts)}]; fix the [Samples] counts on the FashionMnist enum.");
        }

        if (beta != spec.Beta || (!double.IsNaN(gamma) && gamma != spec.Gamma))
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"{name}Weights has β={beta}, γ={gamma}; the run {spec.Key} expects β={spec.Beta}, γ={spec.Gamma}."));
        }

        Close(name + "Weights.Weights", weights, ClassBalancedWeights.Compute(expectedCounts, spec.Beta));
    }

    /// <summary>Throws unless each generated constant is within 1e-12 (relative) of the runtime maths' value.</summary>
    internal static void Close(string name, ReadOnlySpan<double> generated, double[] runtime)
    {
        for (int c = 0; c < runtime.Length; c++)
        {
            if (Math.Abs(generated[c] - runtime[c]) > 1e-12 * Math.Abs(runtime[c]))
            {
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "{0}[{1}] is {2:R} but the runtime maths give {3:R}.", name, c, generated[c], runtime[c]));
            }
        }
    }
}
