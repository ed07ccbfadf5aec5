using System;
using System.Collections.Generic;
using System.Linq;
using CbGen;
using CbGen.TorchSharp;
using static TorchSharp.torch;

namespace FashionMnistLongTail
{
    /// <summary>The five runs of the demo.</summary>
    public enum LossKind
    {
        /// <summary>Plain softmax cross-entropy, the baseline.</summary>
        CrossEntropy,

        /// <summary>Class-balanced softmax cross-entropy, β = 0.9999.</summary>
        CbSoftmax,

        /// <summary>Class-balanced sigmoid cross-entropy, β = 0.9999.</summary>
        CbSigmoid,

        /// <summary>Class-balanced focal loss, γ = 1, β = 0.9999.</summary>
        CbFocalGamma1,

        /// <summary>Class-balanced focal loss, γ = 0.5, β = 0.999.</summary>
        CbFocalGammaHalf,

        /// <summary>A point of the β × loss × γ grid of <c>--search</c> (never in <c>--losses</c>).</summary>
        SweepPoint,
    }

    /// <summary>One run's loss.</summary>
    /// <param name="Kind">Which run.</param>
    /// <param name="Key">The name on the command line (<c>--losses</c>) and in results.json.</param>
    /// <param name="Display">The name in tables and plots.</param>
    /// <param name="Variant">The class-balanced variant, or <c>null</c> for the plain cross-entropy baseline.</param>
    /// <param name="Beta">β of the effective number (0 for the baseline).</param>
    /// <param name="Gamma">γ of the focal loss (0 otherwise).</param>
    public sealed record LossSpec(LossKind Kind, string Key, string Display, CbLoss? Variant, double Beta, double Gamma)
    {
        /// <summary>Whether the run uses a class-balanced loss.</summary>
        public bool IsClassBalanced => Variant is not null;

        /// <summary>Whether the last bias starts at <c>-log(C-1)</c> (sigmoid and focal: the paper's prior init).</summary>
        public bool UsesSigmoidBias => Variant is CbLoss.Sigmoid or CbLoss.Focal;
    }

    /// <summary>A loss ready to train with, and where its weights came from.</summary>
    /// <param name="Module">The loss module: <c>loss.call(logits, labels)</c> with int64 labels.</param>
    /// <param name="Source">"torch" (baseline), "generated" (the compile-time <c>{Name}Loss</c>) or "runtime"
    /// (<c>ClassBalanced*Loss.FromCounts</c>).</param>
    /// <param name="Weights">The class weights α (all 1 for the baseline).</param>
    public sealed record LossInstance(nn.Module<Tensor, Tensor, Tensor> Module, string Source, double[] Weights);

    /// <summary>The runs and how to build their losses.</summary>
    public static class LossCatalog
    {
        /// <summary>The five runs, in table order.</summary>
        public static IReadOnlyList<LossSpec> All { get; } =
        [
            new(LossKind.CrossEntropy, "ce", "Softmax CE (baseline)", null, 0.0, 0.0),
            new(LossKind.CbSoftmax, "cb-softmax", "CB softmax β=0.9999", CbLoss.Softmax, 0.9999, 0.0),
            new(LossKind.CbSigmoid, "cb-sigmoid", "CB sigmoid β=0.9999", CbLoss.Sigmoid, 0.9999, 0.0),
            new(LossKind.CbFocalGamma1, "cb-focal1", "CB focal γ=1 β=0.9999", CbLoss.Focal, 0.9999, 1.0),
            new(LossKind.CbFocalGammaHalf, "cb-focal0.5", "CB focal γ=0.5 β=0.999", CbLoss.Focal, 0.999, 0.5),
        ];

        /// <summary>The spec of <paramref name="kind"/>.</summary>
        public static LossSpec Get(LossKind kind) => All.First(s => s.Kind == kind);

        /// <summary>
        /// Builds the loss of <paramref name="spec"/> for a training set with <paramref name="counts"/> images per class.
        /// When the counts are exactly the ones the <see cref="FashionMnist"/> enum declares (IF 100, no cap), the
        /// class-balanced losses are the generated <c>FashionMnist*Loss</c> types; otherwise they come from the runtime
        /// API, <c>CbLosses.FromCounts</c>, with the same formula evaluated at run time.
        /// </summary>
        public static LossInstance Create(LossSpec spec, ReadOnlySpan<long> counts)
        {
            ArgumentNullException.ThrowIfNull(spec);
            if (spec.Variant is not CbLoss variant)
            {
                var ones = Enumerable.Repeat(1.0, counts.Length).ToArray();
                return new LossInstance(nn.CrossEntropyLoss(), "torch", ones);
            }

            double[] weights = ClassBalancedWeights.Compute(counts, spec.Beta);
            if (GeneratedLosses.Matches(counts) && GeneratedLosses.TryCreate(spec.Kind) is { } generated)
            {
                return new LossInstance(generated, "generated", weights);
            }

            var runtime = CreateRuntime(variant, counts, spec.Beta, spec.Gamma);
            return new LossInstance(runtime, "runtime", weights);
        }

        /// <summary>The runtime class-balanced loss of <paramref name="variant"/> with weights from <paramref name="counts"/>.</summary>
        public static nn.Module<Tensor, Tensor, Tensor> CreateRuntime(CbLoss variant, ReadOnlySpan<long> counts, double beta, double gamma) =>
            CbLosses.FromCounts(variant, counts, beta, new CbLossOptions { Gamma = gamma }); // one factory; γ is read by focal only
    }
}
