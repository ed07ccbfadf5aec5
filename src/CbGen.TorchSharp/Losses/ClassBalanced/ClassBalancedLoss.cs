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
    /// What the class-balanced loss modules (<see cref="ClassBalancedSoftmaxLoss"/>,
    /// <see cref="ClassBalancedSigmoidLoss"/>, <see cref="ClassBalancedFocalLoss"/>) share: the per-class weights
    /// α_c in a registered buffer, the number of classes and the Mean normaliser. Only those three derive from it
    /// directly; derive from one of them.
    /// </summary>
    /// <remarks>
    /// <b>Weights</b> live in the float64 buffer <c>class_weights</c> (<see cref="ClassWeights"/>), a copy the
    /// module owns: <c>.to(device)</c> and <c>.to(dtype)</c> move it, <c>state_dict</c> saves it, and a dispose
    /// scope around the constructor does not dispose it. <c>forward</c> gathers the weights it needs from the buffer,
    /// or from copies cached by the module — the buffer cast once to the logits' dtype/device, and α / n when the
    /// Mean normaliser n is known without reading the batch — so no managed data is copied into a tensor per call.
    /// </remarks>
    public abstract class ClassBalancedLoss : Loss<Tensor, Tensor, Tensor>
    {
        private const string BufferName = "class_weights";

        // TorchSharp's .to() finds this field through the base types (GetFieldsRecursive) by its component name
        // and replaces it together with the registered buffer.
        [ComponentName(Name = BufferName)]
        private Tensor _classWeights;

        private readonly ClassWeightStore _store;
        private bool _disposed;

        /// <summary>Validates and copies managed weights. The caller has validated <paramref name="reduction"/> and
        /// <paramref name="normalizer"/> (and its own options) first, with <see cref="CheckOptions"/>.</summary>
        private protected ClassBalancedLoss(
            ReadOnlySpan<double> weights, Reduction reduction, MeanNormalizer normalizer, CbDevice device)
            : this(Validation.Weights(weights, nameof(weights)),
                ClassWeightStore.Create(weights, CbDevices.Resolve(device)), reduction, normalizer)
        {
        }

        /// <summary>Validates and copies a weight tensor (never takes it over). The caller has validated the options
        /// first, with <see cref="CheckOptions"/>.</summary>
        private protected ClassBalancedLoss(
            Tensor weights, Reduction reduction, MeanNormalizer normalizer, CbDevice device)
            : this(Validation.Weights(weights, nameof(weights)),
                ClassWeightStore.Create(weights, CbDevices.Resolve(device)), reduction, normalizer)
        {
        }

        /// <summary>The one path both weight constructors take: registers the module's own float64 copy.</summary>
        private ClassBalancedLoss(bool allPositive, Tensor buffer, Reduction reduction, MeanNormalizer normalizer)
            : base(reduction)
        {
            _store = new ClassWeightStore(allPositive);
            _classWeights = buffer;
            register_buffer(BufferName, _classWeights);
            NumClasses = checked((int)buffer.numel());
            Normalizer = normalizer;
        }

        /// <summary>The registered buffer <c>class_weights</c> [C] (float64 unless the module was converted with
        /// <c>.to(dtype)</c>); it moves with <c>.to()</c>. Treat it as read-only: <c>forward</c> may use a cached cast
        /// copy (dropped by <c>.to()</c>, <c>load_state_dict</c> and <c>load</c> on this module), so other
        /// in-place edits — including a <c>load_state_dict</c> on a parent module — are not guaranteed to be seen:
        /// build a new loss instead.</summary>
        public Tensor ClassWeights => _classWeights;

        /// <summary>The number of classes C (the logits' column count).</summary>
        public int NumClasses { get; }

        /// <summary>What <see cref="Reduction.Mean"/> divides the summed loss by.</summary>
        public MeanNormalizer Normalizer { get; }

        /// <summary>
        /// Opt-in check that the logits are finite (default false). Like PyTorch, the losses let a NaN or ±∞ logit
        /// propagate into a NaN or ∞ loss; with this set, <c>forward</c> throws an <see cref="ArgumentException"/>
        /// naming the first row (and column) holding one instead. It costs one min/max reduction over [B, C] and a
        /// device-to-host read per call (see the benchmarks), so turn it on while hunting a divergence.
        /// </summary>
        public bool CheckFiniteLogits { get; set; }

        /// <summary>Loads the state dictionary (TorchSharp's <c>load_state_dict</c>) and drops the copies of the
        /// weights that <c>forward</c> cached, since the buffer was overwritten in place.</summary>
        /// <inheritdoc/>
        public override (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(
            Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
        {
            var result = base.load_state_dict(source, strict, skip);
            _store.Dispose();
            return result;
        }

        /// <summary>Loads parameters and buffers (TorchSharp's <c>load</c>) and drops the copies of the weights that
        /// <c>forward</c> cached, since the buffer was overwritten in place.</summary>
        /// <inheritdoc/>
        public override nn.Module load(
            BinaryReader reader, bool strict = true, IList<string>? skip = null,
            Dictionary<string, bool>? loadedParameters = null)
        {
            var result = base.load(reader, strict, skip, loadedParameters);
            _store.Dispose();
            return result;
        }

        /// <summary>Checks the options every variant takes; returns <paramref name="reduction"/> so a constructor
        /// can run it in its base-constructor arguments, before the weights are checked.</summary>
        private protected static Reduction CheckOptions(Reduction reduction, MeanNormalizer normalizer)
        {
            Validation.Reduction(reduction, nameof(reduction));
            Validation.Normalizer(normalizer, nameof(normalizer));
            return reduction;
        }

        /// <summary>Checks <c>forward</c>'s arguments and returns the weights for this call (the buffer and the
        /// copies cached from it).</summary>
        /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
        private protected WeightSource WeightsFor(Tensor logits, Tensor target)
        {
            ThrowIfDisposed();
            Validation.Logits(logits, NumClasses, Validation.LogitsName);
            if (CheckFiniteLogits)
            {
                Validation.Finite(logits, Validation.LogitsName);
            }
            Validation.NotNullOrDisposed(target, nameof(target));
            return _store.Using(_classWeights);
        }

        /// <summary>Throws <see cref="ObjectDisposedException"/> naming this module's type once it is disposed (or
        /// its weight buffer was), instead of letting libtorch report an empty handle.</summary>
        private protected void ThrowIfDisposed()
        {
            if (_disposed || _classWeights.IsInvalid)
            {
                throw Validation.Disposed(this);
            }
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _disposed = true;
                _store.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
