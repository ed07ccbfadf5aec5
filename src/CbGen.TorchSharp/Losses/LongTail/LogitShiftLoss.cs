using System;
using System.Collections.Generic;
using System.IO;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp
{
    /// <summary>
    /// What <see cref="LogitAdjustedLoss"/> and <see cref="LdamLoss"/> share: a softmax cross-entropy on logits shifted
    /// per class by a float64 buffer the module owns (the log-priors or the margins), optional per-class weights in a
    /// second buffer <c>class_weights</c>, the number of classes, the Mean normaliser and the ignore index. Only those
    /// two derive from it.
    /// </summary>
    /// <remarks>
    /// <para><b>Buffers</b> are copies the module owns: <c>.to(device)</c> and <c>.to(dtype)</c> move them,
    /// <c>state_dict</c> saves them, a dispose scope around the constructor does not dispose them. <c>forward</c>
    /// uses copies cast once to the logits' dtype and device (with τ or −s folded in), dropped when a buffer is
    /// replaced, by <c>load_state_dict</c> and <c>load</c> on this module.</para>
    /// <para><b>Reductions</b> are those of <see cref="ClassBalancedSoftmaxLoss"/>. Without class weights every
    /// <see cref="MeanNormalizer"/> but <see cref="MeanNormalizer.AllTerms"/> divides by the number of non-ignored
    /// samples (PyTorch's mean), AllTerms by B. With class weights the default <see cref="MeanNormalizer.WeightSum"/>
    /// divides by Σ_{i not ignored} α_{y_i}, PyTorch's weighted mean, which is what the official LDAM-DRW code gets from
    /// <c>cross_entropy(weight=…)</c>; <see cref="MeanNormalizer.PositiveLabels"/> (the class-balanced losses'
    /// default) divides by the number of non-ignored samples. An all-ignored batch gives 0.</para>
    /// </remarks>
    public abstract class LogitShiftLoss : Loss<Tensor, Tensor, Tensor>
    {
        private const string WeightsName = "class_weights";

        [ComponentName(Name = WeightsName)]
        private Tensor? _classWeights;

        private readonly ClassWeightStore? _weightStore;
        private readonly ShiftCache _shiftCache;

        /// <summary>Registers the per-class buffer (already the module's own float64 copy, registered by the caller
        /// under its name) and the optional class weights. Options and weights have been validated.</summary>
        private protected LogitShiftLoss(
            int numClasses, ReadOnlySpan<double> classWeights, bool? allPositive, Reduction reduction,
            MeanNormalizer normalizer, long ignoreIndex, Device device, Func<Tensor, Tensor> deriveShift)
            : base(reduction)
        {
            NumClasses = numClasses;
            Normalizer = normalizer;
            IgnoreIndex = ignoreIndex;
            _shiftCache = new ShiftCache(deriveShift);
            if (allPositive is bool positive)
            {
                _weightStore = new ClassWeightStore(positive);
                _classWeights = ClassWeightStore.Create(classWeights, device);
                register_buffer(WeightsName, _classWeights);
            }
        }

        /// <summary>The number of classes C (the logits' column count).</summary>
        public int NumClasses { get; }

        /// <summary>What <see cref="Reduction.Mean"/> divides the summed loss by; see the class remarks.</summary>
        public MeanNormalizer Normalizer { get; }

        /// <summary>The label value that contributes nothing to the loss.</summary>
        public long IgnoreIndex { get; }

        /// <summary>The registered buffer <c>class_weights</c> [C], or null when the loss is unweighted. Treat it as
        /// read-only (see <see cref="ClassBalancedLoss.ClassWeights"/>).</summary>
        public Tensor? ClassWeights => _classWeights;

        /// <summary>
        /// Opt-in check that the logits are finite (default false), as <see cref="ClassBalancedLoss.CheckFiniteLogits"/>:
        /// with it set, <c>forward</c> throws an <see cref="ArgumentException"/> naming the first row (and column)
        /// holding a NaN or ±∞ instead of returning a NaN or ∞ loss. It costs one reduction over [B, C] and a
        /// device-to-host read per call.
        /// </summary>
        public bool CheckFiniteLogits { get; set; }

        /// <summary>The per-class buffer the logits are shifted by (in its current dtype and device).</summary>
        private protected abstract Tensor ShiftBuffer { get; }

        /// <summary>Loads the state dictionary and drops the cached copies of the buffers.</summary>
        /// <inheritdoc/>
        public override (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(
            Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
        {
            var result = base.load_state_dict(source, strict, skip);
            DropCaches();
            return result;
        }

        /// <summary>Loads parameters and buffers and drops the cached copies of the buffers.</summary>
        /// <inheritdoc/>
        public override nn.Module load(
            BinaryReader reader, bool strict = true, IList<string>? skip = null,
            Dictionary<string, bool>? loadedParameters = null)
        {
            var result = base.load(reader, strict, skip, loadedParameters);
            DropCaches();
            return result;
        }

        /// <summary>Checks the options every variant takes, in the constructors' order.</summary>
        private protected static void CheckOptions(Reduction reduction, MeanNormalizer normalizer)
        {
            Validation.Reduction(reduction, nameof(reduction));
            Validation.Normalizer(normalizer, nameof(normalizer));
        }

        /// <summary>Checks that the module is alive, <c>forward</c>'s logits and the target's presence; returns the cached shift for the
        /// logits' dtype/device and the class weights (null when unweighted).</summary>
        /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
        private protected (Tensor Shift, WeightSource? Weights) Prepare(Tensor logits, Tensor target)
        {
            // Dispose disposes the registered buffers; so does a caller who disposes the (read-only) buffer itself.
            if (ShiftBuffer.IsInvalid)
            {
                string name = GetType().Name;
                throw new ObjectDisposedException(name,
                    "This " + name + " has been disposed, and its buffers with it; create a new loss module (and "
                    + "dispose it only after its last forward call).");
            }

            Validation.Logits(logits, NumClasses, nameof(logits));
            if (CheckFiniteLogits)
            {
                Validation.Finite(logits, nameof(logits));
            }

            Validation.NotNullOrDisposed(target, nameof(target));
            var shift = _shiftCache.For(ShiftBuffer, logits);
            return (shift, _weightStore?.Using(_classWeights!));
        }

        /// <summary>A float64 copy of a managed per-class vector on <paramref name="device"/>, owned by the module.</summary>
        private protected static Tensor OwnedBuffer(ReadOnlySpan<double> values, Device device) =>
            ClassWeightStore.Create(values, device);

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                DropCaches();
            }

            base.Dispose(disposing);
        }

        private void DropCaches()
        {
            _weightStore?.Dispose();
            _shiftCache.Dispose();
        }
    }
}
