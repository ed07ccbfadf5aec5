using System;
using System.Collections.Generic;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// A class-balanced loss under deferred re-weighting (DRW, Cao et al. 2019): before epoch
/// <see cref="DeferUntilEpoch"/> it computes the unweighted twin of its class-balanced loss (same variant,
/// reduction, normaliser, γ, ignore index and label smoothing, every weight 1), from that epoch on the
/// class-balanced loss itself. Set <see cref="Epoch"/> (or call <see cref="Step(int)"/>) at the start of each
/// epoch; epochs count from 0, so with K = 160 epoch 159 is the last unweighted one.
/// </summary>
/// <remarks>
/// <para>With <see cref="MeanNormalizer.PositiveLabels"/> (the default) the unweighted twin is exactly the plain
/// loss (cross-entropy, binary cross-entropy or focal loss); with <see cref="MeanNormalizer.WeightSum"/> all-ones
/// weights make the normaliser the number of positive labels too.</para>
/// <para>The wrapper owns both modules (registered as the sub-modules <c>weighted_loss</c> and
/// <c>unweighted_loss</c>): <c>.to()</c> moves both, <c>state_dict</c> holds both weight buffers, and disposing
/// the wrapper disposes both. The epoch is not part of the state: set it again after loading a checkpoint.</para>
/// </remarks>
/// <example>
/// <code>
/// using var loss = DeferredReweightingLoss.FromCounts(CbLoss.Softmax, counts, beta: 0.9999, deferUntilEpoch: 160);
/// for (int epoch = 0; epoch &lt; 200; epoch++)
/// {
///     loss.Step(epoch);          // weights 1 for epochs 0..159, class-balanced from 160
///     /* train one epoch with loss.forward(logits, labels) */
/// }
/// </code>
/// </example>
public sealed partial class DeferredReweightingLoss : PerClassLoss
{
    private readonly PerClassLoss _weighted;
    private readonly PerClassLoss _unweighted;
    private int _epoch;

    /// <summary>
    /// Wraps a loss with class weights; the wrapper takes it over (and disposes it). Before epoch
    /// <paramref name="deferUntilEpoch"/> it uses an unweighted twin built from the same options: a class-balanced
    /// loss with every weight 1, or an <see cref="LdamLoss"/> with the same margins and scale and no class weights
    /// (LDAM-DRW; <see cref="Variant"/> reports <see cref="CbLoss.Softmax"/>, since LDAM is a softmax
    /// cross-entropy on margin-shifted logits).
    /// </summary>
    /// <param name="weighted">The loss used from epoch <paramref name="deferUntilEpoch"/> on.</param>
    /// <param name="deferUntilEpoch">K ≥ 0, the first (0-based) epoch that uses the class weights.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weighted"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="weighted"/> has no class weights to defer (a
    /// <see cref="LogitAdjustedLoss"/>, an <see cref="LdamLoss"/> without class weights, or a
    /// <see cref="DeferredReweightingLoss"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deferUntilEpoch"/> is negative.</exception>
    public DeferredReweightingLoss(PerClassLoss weighted, int deferUntilEpoch)
        : base(Deferrable(weighted))
    {
        Schedule = new DeferredReweighting(deferUntilEpoch);
        Variant = weighted switch
        {
            ClassBalancedSigmoidLoss => CbLoss.Sigmoid,
            ClassBalancedFocalLoss => CbLoss.Focal,
            _ => CbLoss.Softmax,
        };
        _weighted = weighted;
        register_module("weighted_loss", _weighted);
        _unweighted = UnweightedTwin(weighted);
        register_module("unweighted_loss", _unweighted);
    }

    /// <summary>
    /// Creates a class-balanced loss of <paramref name="loss"/>'s variant from training samples per class and β
    /// (as <see cref="CbLosses.FromCounts(CbLoss, ClassCounts, double, CbLossOptions?)"/>) and wraps it;
    /// <see cref="CbLoss.Ldam"/> gives LDAM-DRW (<see cref="LdamDrw"/> with the options' m_max, s, reduction,
    /// normaliser, ignore index and device). <see cref="CbLossOptions.DeferUntilEpoch"/> may be left unset (or equal
    /// <paramref name="deferUntilEpoch"/>); a different value is an error, not silently overridden.
    /// </summary>
    /// <param name="loss">The variant.</param>
    /// <param name="counts">Training samples per class, indexed like the logits' columns.</param>
    /// <param name="beta">β in [0, 1] (the LDAM-DRW recipe uses <see cref="DeferredReweighting.LdamDrwBeta"/>).</param>
    /// <param name="deferUntilEpoch">K ≥ 0, the first (0-based) epoch that uses the class-balanced weights.</param>
    /// <param name="options">The options of both modules (<see cref="CbLossOptions.Default"/> when null).</param>
    /// <returns>A new wrapper at epoch 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loss"/> is undefined or
    /// <see cref="CbLoss.LogitAdjusted"/> (no weights to defer), or as the modules.</exception>
    /// <exception cref="ArgumentException">The options set one that <paramref name="loss"/> does not use (see
    /// <see cref="CbLossOptions"/>) or a <see cref="CbLossOptions.DeferUntilEpoch"/> other than
    /// <paramref name="deferUntilEpoch"/>, or as the modules.</exception>
    public static DeferredReweightingLoss FromCounts(
        CbLoss loss,
        ClassCounts counts,
        double beta,
        int deferUntilEpoch,
        CbLossOptions? options = null)
    {
        // Checked before the inner module is built, so nothing is left undisposed.
        if (deferUntilEpoch < 0)
        {
            _ = new DeferredReweighting(deferUntilEpoch);
        }

        if (options?.DeferUntilEpoch is int fromOptions && fromOptions != deferUntilEpoch)
        {
            throw new ArgumentException(
                "CbLossOptions.DeferUntilEpoch is " + Validation.Format(fromOptions) + " but deferUntilEpoch is "
                + Validation.Format(deferUntilEpoch) + "; leave the option unset (null) here, or pass the same epoch.",
                nameof(options));
        }

        var o = (options ?? CbLossOptions.Default) with { DeferUntilEpoch = null };
        CbLosses.CheckVariant(loss, nameof(loss));
        if (loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling or CbLoss.DistributionBalanced or CbLoss.Asymmetric)
        {
            throw Validation.OutOfRange(nameof(loss), loss,
                "This variant has no class weights, so there is nothing to defer; build it with "
                + "CbLosses.FromCounts(CbLoss." + loss.ToString() + ", counts, beta, options) without DeferUntilEpoch.");
        }

        OptionRules.CheckApplies(o, loss, nameof(options));
        if (loss == CbLoss.Ldam)
        {
            var ldamDrw = LdamDrw(counts, deferUntilEpoch, beta, o.Reduction, o.NormalizerFor(loss), o.IgnoreIndexValue,
                o.MaxMarginValue, o.ScaleValue, o.Device);
            ldamDrw.CheckFiniteLogits = o.CheckFiniteLogits;
            return ldamDrw;
        }

        var weighted = CbLosses.FromCounts(loss, counts, beta, o);
        return new DeferredReweightingLoss(weighted, deferUntilEpoch) { CheckFiniteLogits = o.CheckFiniteLogits };
    }

    /// <summary>The schedule (K).</summary>
    public DeferredReweighting Schedule { get; }

    /// <summary>K: the first (0-based) epoch that uses the class-balanced weights.</summary>
    public int DeferUntilEpoch => Schedule.DeferUntilEpoch;

    /// <summary>The loss variant of both modules.</summary>
    public CbLoss Variant { get; }

    /// <summary>The current 0-based epoch (0 after construction); <c>forward</c> re-weights when it is ≥ K.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int Epoch
    {
        get => _epoch;
        set
        {
            DeferredReweighting.CheckEpoch(value, nameof(Epoch));
            _epoch = value;
        }
    }

    /// <summary>Whether <c>forward</c> uses the class-balanced weights at the current <see cref="Epoch"/>.</summary>
    public bool IsReweighting => _epoch >= Schedule.DeferUntilEpoch;

    /// <summary>The class-balanced loss (used from epoch K on).</summary>
    public PerClassLoss Weighted => _weighted;

    /// <summary>The unweighted twin (all weights 1; used before epoch K).</summary>
    public PerClassLoss Unweighted => _unweighted;

    /// <summary>The module <c>forward</c> uses at the current <see cref="Epoch"/>.</summary>
    public PerClassLoss Active => IsReweighting ? _weighted : _unweighted;

    /// <summary>Moves to <paramref name="epoch"/> (call it at the start of each epoch).</summary>
    /// <param name="epoch">The 0-based epoch about to be trained.</param>
    /// <returns>Whether this epoch re-weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    public bool Step(int epoch)
    {
        DeferredReweighting.CheckEpoch(epoch, nameof(epoch));
        _epoch = epoch;
        return IsReweighting;
    }

    /// <summary>The loss of the module that is active at the current <see cref="Epoch"/>.</summary>
    /// <param name="logits">Logits [B, C].</param>
    /// <param name="target">The targets the wrapped variant accepts.</param>
    /// <returns>As the wrapped module.</returns>
    /// <exception cref="ObjectDisposedException">The wrapper has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target)
    {
        ThrowIfDisposed();
        return Active.forward(logits, target);
    }

    /// <summary>Sets the finite check of both wrapped modules.</summary>
    private protected override void OnCheckFiniteLogitsChanged(bool value)
    {
        _weighted.CheckFiniteLogits = value;
        _unweighted.CheckFiniteLogits = value;
    }
}
