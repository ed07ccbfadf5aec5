using System;
using System.Collections.Generic;
using System.IO;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The base of every CbGen loss module, the job TorchSharp's <c>WeightedLoss</c> does for its losses: the
/// per-class data in float64 buffers the module owns, the number of classes, the Mean normaliser, the opt-in
/// finite check, the copies <c>forward</c> caches and disposal. <see cref="ClassBalancedSoftmaxLoss"/>,
/// <see cref="ClassBalancedSigmoidLoss"/>, <see cref="ClassBalancedFocalLoss"/>, <see cref="LogitAdjustedLoss"/>,
/// <see cref="LdamLoss"/>, <see cref="VectorScalingLoss"/> and <see cref="DeferredReweightingLoss"/> derive from it, and
/// <see cref="CbLosses"/> returns it.
/// </summary>
/// <remarks>
/// <para><b>Buffers</b> (<c>class_weights</c>, and <c>log_priors</c> or <c>margins</c> for the long-tail losses)
/// are float64 copies the module owns: <c>.to(device)</c> and <c>.to(dtype)</c> move them, <c>state_dict</c>
/// saves them, and a dispose scope around the constructor does not dispose them. <c>forward</c> uses copies cast
/// once to the logits' dtype and device (and α / n when the Mean normaliser n is known without reading the batch),
/// so a training loop copies no managed data into a tensor per call. The copies are dropped when a buffer is
/// replaced (<c>.to()</c>) and by <c>load_state_dict</c> and <c>load</c> on this module or on a CbGen loss that
/// wraps it.</para>
/// <para>The losses are sealed, and a class outside this assembly cannot derive from this base directly: a type of
/// your own for a loss (as the generated <c>{Name}Loss</c> classes are) derives from
/// <see cref="PerClassLoss{TLoss}"/>, which wraps one.</para>
/// </remarks>
public abstract class PerClassLoss : Loss<Tensor, Tensor, Tensor>
{
    private const string WeightsName = "class_weights";

    // TorchSharp's .to() finds this field through the base types (GetFieldsRecursive) by its component name
    // and replaces it together with the registered buffer.
    [ComponentName(Name = WeightsName)]
    private Tensor? _classWeights;

    private readonly ClassWeightStore? _weightStore;
    private readonly ShiftCache? _shiftCache;
    private readonly ShiftCache? _factorCache;
    private readonly PerClassLoss? _reweighted;
    private bool _checkFiniteLogits;
    private bool _disposed;

    /// <summary>Registers the validated class weights (none for an unweighted loss) as <c>class_weights</c>.
    /// <paramref name="deriveShift"/>, when given, makes the tensor <see cref="ShiftFor"/> caches from a leaf's
    /// own per-class buffer, and <paramref name="deriveFactor"/> the one <see cref="FactorFor"/> caches from a second
    /// buffer (the VS loss's scales).</summary>
    private protected PerClassLoss(
        int numClasses, OwnedWeights weight, Reduction reduction, MeanNormalizer normalizer,
        Func<Tensor, Tensor>? deriveShift = null, Func<Tensor, Tensor>? deriveFactor = null)
        : base(reduction)
    {
        NumClasses = numClasses;
        Normalizer = normalizer;
        if (weight.Buffer is not null)
        {
            _weightStore = new ClassWeightStore(weight.AllPositive);
            _classWeights = weight.Buffer;
            register_buffer(WeightsName, _classWeights);
        }

        if (deriveShift is not null)
        {
            _shiftCache = new ShiftCache(deriveShift);
        }

        if (deriveFactor is not null)
        {
            _factorCache = new ShiftCache(deriveFactor);
        }
    }

    /// <summary>For a loss that wraps <paramref name="reweighted"/> (validated, not null) and owns no buffer of its
    /// own: it reports that module's classes, normaliser and class weights.</summary>
    private protected PerClassLoss(PerClassLoss reweighted)
        : base(reweighted.reduction)
    {
        NumClasses = reweighted.NumClasses;
        Normalizer = reweighted.Normalizer;
        _reweighted = reweighted;
        _checkFiniteLogits = reweighted.CheckFiniteLogits;
    }

    /// <summary>The number of classes C (the logits' column count).</summary>
    public int NumClasses { get; }

    /// <summary>What <see cref="Reduction.Mean"/> divides the summed loss by; see each loss's remarks.</summary>
    public MeanNormalizer Normalizer { get; }

    /// <summary>The registered buffer <c>class_weights</c> [C] (float64 unless the module was converted with
    /// <c>.to(dtype)</c>), or null for a long-tail loss built without class weights; a
    /// <see cref="DeferredReweightingLoss"/> reports its weighted module's. Treat it as read-only: <c>forward</c>
    /// may use a cached cast copy (dropped by <c>.to()</c>, <c>load_state_dict</c> and <c>load</c> on this
    /// module or a CbGen loss that wraps it), so other in-place edits — including a <c>load_state_dict</c> on a
    /// parent module of your own — are not guaranteed to be seen: build a new loss instead.</summary>
    public Tensor? ClassWeights => _reweighted is null ? _classWeights : _reweighted.ClassWeights;

    /// <summary>
    /// Opt-in check that the logits are finite (default false). Like PyTorch, the losses let a NaN or ±∞ logit
    /// propagate into a NaN or ∞ loss; with this set, <c>forward</c> throws an <see cref="ArgumentException"/>
    /// naming the first row (and column) holding one instead. It costs one min/max reduction over [B, C] and a
    /// device-to-host read per call (see the benchmarks), so turn it on while hunting a divergence.
    /// </summary>
    public bool CheckFiniteLogits
    {
        get => _checkFiniteLogits;
        set
        {
            _checkFiniteLogits = value;
            OnCheckFiniteLogitsChanged(value);
        }
    }

    /// <summary>Loads the state dictionary (TorchSharp's <c>load_state_dict</c>) and drops the copies of the
    /// buffers that <c>forward</c> cached, since the buffers were overwritten in place.</summary>
    /// <inheritdoc/>
    public override (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(
        Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
    {
        var result = base.load_state_dict(source, strict, skip);
        DropCaches();
        return result;
    }

    /// <summary>Loads parameters and buffers (TorchSharp's <c>load</c>) and drops the copies of the buffers that
    /// <c>forward</c> cached, since the buffers were overwritten in place.</summary>
    /// <inheritdoc/>
    public override nn.Module load(
        BinaryReader reader, bool strict = true, IList<string>? skip = null,
        Dictionary<string, bool>? loadedParameters = null)
    {
        var result = base.load(reader, strict, skip, loadedParameters);
        DropCaches();
        return result;
    }

    /// <summary>Where the module's C comes from, as a logits-width error says it: its class weights unless a leaf
    /// has none or takes C from another table.</summary>
    private protected virtual string ClassesFrom => Validation.OnePerClassWeight;

    /// <summary>Called after <see cref="CheckFiniteLogits"/> is set (a wrapper passes it on).</summary>
    private protected virtual void OnCheckFiniteLogitsChanged(bool value)
    {
    }

    /// <summary>Checks the options every loss takes; returns <paramref name="reduction"/> so a constructor can run
    /// it in its base-constructor arguments, before its data is checked.</summary>
    private protected static Reduction CheckOptions(Reduction reduction, MeanNormalizer normalizer)
    {
        Validation.Reduction(reduction, nameof(reduction));
        Validation.Normalizer(normalizer, nameof(normalizer));
        return reduction;
    }

    /// <summary>Checks that the module is alive, <c>forward</c>'s logits and the target's presence; returns the
    /// class weights for this call (null when unweighted).</summary>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    private protected WeightSource? WeightsFor(Tensor logits, Tensor target, Tensor? ownBuffer = null)
    {
        ThrowIfDisposed(ownBuffer);
        Validation.Logits(logits, NumClasses, Validation.LogitsName, ClassesFrom);
        if (_checkFiniteLogits)
        {
            Validation.Finite(logits, Validation.LogitsName);
        }

        Validation.NotNullOrDisposed(target, nameof(target));
        return _weightStore?.Using(_classWeights!);
    }

    /// <summary>The tensor derived from <paramref name="ownBuffer"/> (the leaf's per-class buffer in its current
    /// dtype and device) for the logits' dtype and device; owned by the module's cache.</summary>
    private protected Tensor ShiftFor(Tensor ownBuffer, Tensor logits) => _shiftCache!.For(ownBuffer, logits);

    /// <summary>As <see cref="ShiftFor"/>, for a leaf's second per-class buffer.</summary>
    private protected Tensor FactorFor(Tensor ownBuffer, Tensor logits) => _factorCache!.For(ownBuffer, logits);

    /// <summary><paramref name="cast"/> times <paramref name="factor"/>, in place, through an explicit Scalar (what the
    /// caches' derivations use).</summary>
    private protected static Tensor MulInPlace(Tensor cast, double factor)
    {
        using var by = factor.ToScalar();
        return cast.mul_(by);
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming this module's type once it is disposed (or
    /// one of its buffers was), instead of letting libtorch report an empty handle.</summary>
    private protected void ThrowIfDisposed(Tensor? ownBuffer = null)
    {
        if (_disposed || (_classWeights?.IsInvalid ?? false) || (ownBuffer?.IsInvalid ?? false))
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
            DropCaches();
        }

        base.Dispose(disposing);
    }

    /// <summary>Drops the copies of the buffers that <c>forward</c> cached, this module's and those of every loss
    /// registered under it (a wrapper's inner loss, a deferred loss's two modules): TorchSharp's <c>load_state_dict</c>
    /// and <c>load</c> overwrite the sub-modules' buffers in place without calling theirs.</summary>
    private void DropCaches()
    {
        _weightStore?.Dispose();
        _shiftCache?.Dispose();
        _factorCache?.Dispose();
        foreach (var child in children())
        {
            if (child is PerClassLoss loss)
            {
                loss.DropCaches();
            }
        }
    }
}
