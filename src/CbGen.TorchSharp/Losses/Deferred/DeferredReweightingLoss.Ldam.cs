using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp
{
    /// <summary>LDAM-DRW (Cao et al., NeurIPS 2019): the LDAM loss unweighted before epoch K, with the
    /// class-balanced weights from K on.</summary>
    public partial class DeferredReweightingLoss
    {
        /// <summary>
        /// Wraps an LDAM loss with class weights (LDAM-DRW); the wrapper takes it over (and disposes it). Before epoch
        /// <paramref name="deferUntilEpoch"/> it uses a twin with the same margins, scale, reduction, normaliser and
        /// ignore index and no class weights. <see cref="Variant"/> reports <see cref="CbLoss.Softmax"/> (LDAM is a
        /// softmax cross-entropy on margin-shifted logits); <see cref="Weighted"/> is the <see cref="LdamLoss"/>.
        /// </summary>
        /// <param name="weighted">The LDAM loss with class weights, used from epoch <paramref name="deferUntilEpoch"/> on.</param>
        /// <param name="deferUntilEpoch">K ≥ 0, the first (0-based) epoch that uses the class weights.</param>
        /// <exception cref="ArgumentNullException"><paramref name="weighted"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="weighted"/> has no class weights.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="deferUntilEpoch"/> is negative.</exception>
        public DeferredReweightingLoss(LdamLoss weighted, int deferUntilEpoch)
            : this(weighted, deferUntilEpoch, CbLoss.Softmax, NumClassesOf(weighted, RequireWeights))
        {
            _unweighted = UnweightedTwin(weighted);
            register_module("unweighted_loss", _unweighted);
        }

        /// <summary>
        /// LDAM-DRW from training samples per class, as in the official code: LDAM with margins
        /// <see cref="LdamMargins.Compute"/>, unweighted before epoch K, then weighted by
        /// <see cref="ClassBalancedWeights.Compute(ReadOnlySpan{long}, double, WeightNormalization, ZeroCountPolicy)"/>
        /// (β = 0.9999, normalised to sum to C) through PyTorch's weighted mean (<see cref="MeanNormalizer.WeightSum"/>:
        /// Σ_i α_{y_i}·ℓ_i / Σ_i α_{y_i}); pass <see cref="MeanNormalizer.PositiveLabels"/> to divide by B instead, as
        /// the class-balanced losses do.
        /// </summary>
        /// <param name="counts">Training samples per class, indexed like the logits' columns; every count ≥ 1.</param>
        /// <param name="deferUntilEpoch">K ≥ 0 (the official schedule: 160 of 200 epochs, the first lr decay).</param>
        /// <param name="beta">β of the class-balanced weights in [0, 1].</param>
        /// <param name="reduction">None, Mean (default) or Sum.</param>
        /// <param name="normalizer">What Mean divides by (WeightSum by default).</param>
        /// <param name="ignoreIndex">A label value that contributes nothing.</param>
        /// <param name="maxMargin">m_max &gt; 0 (finite).</param>
        /// <param name="scale">s &gt; 0 (finite).</param>
        /// <param name="device">Where to keep the buffers.</param>
        /// <returns>A new wrapper at epoch 0.</returns>
        /// <exception cref="ArgumentException">The counts are empty, negative or hold a 0.</exception>
        /// <exception cref="ArgumentOutOfRangeException">K is negative, or β, m_max, s or an enum is out of range.</exception>
        public static DeferredReweightingLoss LdamDrw(
            ReadOnlySpan<long> counts,
            int deferUntilEpoch = DeferredReweighting.LdamDrwEpoch,
            double beta = DeferredReweighting.LdamDrwBeta,
            Reduction reduction = Reduction.Mean,
            MeanNormalizer normalizer = MeanNormalizer.WeightSum,
            long ignoreIndex = Validation.DefaultIgnoreIndex,
            double maxMargin = LdamMargins.DefaultMaxMargin,
            double scale = LdamLoss.DefaultScale,
            CbDevice device = CbDevice.Auto)
        {
            // Everything is checked before a module is built, so nothing is left undisposed.
            if (deferUntilEpoch < 0)
            {
                _ = new DeferredReweighting(deferUntilEpoch);
            }

            LongTailValidation.NoEmptyClass(counts, LongTailValidation.LdamName, nameof(counts));
            double[] weights = ClassBalancedWeights.Compute(counts, beta);
            return new DeferredReweightingLoss(
                new LdamLoss(counts, reduction, normalizer, ignoreIndex, maxMargin, scale, weights, device),
                deferUntilEpoch);
        }

        /// <summary>The LDAM twin without class weights, built on the CPU and moved to the weighted module's device.</summary>
        private static LdamLoss UnweightedTwin(LdamLoss weighted)
        {
            var twin = LdamLoss.FromMargins(weighted.MarginValues(), weighted.reduction, weighted.Normalizer,
                weighted.IgnoreIndex, weighted.Scale, device: CbDevice.Cpu);
            Device device = weighted.Margins.device;
            // Stryker disable once all : CUDA only (the twin is built on the CPU); .to(cpu) would change nothing
            if (device.type != DeviceType.CPU)
            {
                twin.to(device);
            }

            return twin;
        }

        private static int RequireWeights(LdamLoss weighted)
        {
            if (weighted.ClassWeights is null)
            {
                throw new ArgumentException(
                    "The LDAM loss has no class weights, so deferring them changes nothing; build it with classWeights "
                    + "(e.g. ClassBalancedWeights.Compute(counts, DeferredReweighting.LdamDrwBeta)) or use "
                    + "DeferredReweightingLoss.LdamDrw(counts, deferUntilEpoch).", nameof(weighted));
            }

            return weighted.NumClasses;
        }
    }
}
