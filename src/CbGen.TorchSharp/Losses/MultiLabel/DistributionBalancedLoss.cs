using System;
using CbGen.TorchSharp.Internal;
using TorchSharp;
using TorchSharp.Utils;
using static TorchSharp.torch;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp;

/// <summary>
/// The distribution-balanced (DB) loss of Wu et al. (ECCV 2020) for multi-label, long-tailed data, written from the
/// paper's equations. For sample i with positive labels y_i and class c:
/// <list type="bullet">
/// <item>re-balanced weighting: r_ic = P^C_c / P^I(x_i) with P^C_c = (1/C)·(1/n_c) and
/// P^I(x_i) = (1/C)·Σ_{j∈y_i} 1/n_j (<see cref="DbInstancePrior.Sum"/>, or the mean over y_i), smoothed to
/// r̂_ic = α + σ(β·(r_ic − μ));</item>
/// <item>negative-tolerant regularisation: with the class-prior bias ν_c = κ·b̂_c, b̂_c = −log(1/p_c − 1),
/// p_c = n_c / N, a positive costs r̂·log(1 + e^{−(z − ν)}) and a negative r̂·(1/λ)·log(1 + e^{λ(z − ν)}).</item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>Targets:</b> floating multi-hot [B, C], every value 0 or 1 (checked: one read per call). A row without
/// positives has P^I = 0, r = +∞ and r̂ = α + 1, the limit. <b>Reductions:</b> None gives the element losses
/// [B, C], Sum their sum, Mean divides by the number of positive labels (<see cref="MeanNormalizer.PositiveLabels"/>,
/// at least 1) or by B·C (<see cref="MeanNormalizer.AllTerms"/>); the loss has no class weights, so
/// <see cref="MeanNormalizer.WeightSum"/> is refused. The readings the paper leaves open, and which one each
/// default takes, are in docs/losses.md. The buffers <c>inverse_counts</c> (1/n_c) and <c>prior_bias</c> (ν_c) are
/// float64 copies the module owns.</para>
/// </remarks>
public sealed class DistributionBalancedLoss : PerClassLoss
{
    private const string InverseName = "inverse_counts";

    private const string BiasName = "prior_bias";

    [ComponentName(Name = InverseName)]
    private Tensor _inverseCounts;

    [ComponentName(Name = BiasName)]
    private Tensor _priorBias;

    private readonly DbSettings _settings;

    private readonly DbWorkspace _workspace = new();

    /// <summary>Creates the loss from the positives per class and the number of samples.</summary>
    /// <param name="counts">Positive samples per class n_c, indexed like the logits' columns; each in [1, N]
    /// (and &lt; N unless κ = 0).</param>
    /// <param name="samples">N, the number of training samples (not of labels).</param>
    /// <param name="reduction">None (element losses [B, C]), Mean (default) or Sum.</param>
    /// <param name="normalizer">PositiveLabels (default) or AllTerms.</param>
    /// <param name="alpha">The smoothing floor α ≥ 0 (default 0.1).</param>
    /// <param name="beta">The smoothing slope β ≥ 0 (default 10).</param>
    /// <param name="mu">The smoothing centre μ (default 0.3).</param>
    /// <param name="lambda">The negative-tolerant scale λ &gt; 0 (default 5).</param>
    /// <param name="kappa">The prior-bias scale κ (default 0.05; 0 turns the bias off, a negative κ flips its sign).</param>
    /// <param name="instancePrior">How P^I(x) is normalised (default the paper's <see cref="DbInstancePrior.Sum"/>).</param>
    /// <param name="device">Where to keep the buffers; <see cref="CbDevice.Auto"/> picks CUDA when available.</param>
    /// <exception cref="ArgumentException">The counts are empty, hold a count below 1 or above N (or equal to N with
    /// κ ≠ 0).</exception>
    /// <exception cref="ArgumentOutOfRangeException">N, a hyper-parameter or an enum value is out of range.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CbDevice.Cuda"/> without CUDA.</exception>
    public DistributionBalancedLoss(
        ClassCounts counts,
        long samples,
        Reduction reduction = Reduction.Mean,
        MeanNormalizer normalizer = MeanNormalizer.PositiveLabels,
        double alpha = CbDefaults.DbAlpha,
        double beta = CbDefaults.DbBeta,
        double mu = CbDefaults.DbMu,
        double lambda = CbDefaults.DbLambda,
        double kappa = CbDefaults.DbKappa,
        DbInstancePrior instancePrior = DbInstancePrior.Sum,
        CbDevice device = CbDevice.Auto)
        : this(Check(counts, samples, reduction, normalizer, alpha, beta, mu, lambda, kappa, instancePrior),
            counts.Span, samples, reduction, normalizer, CbDevices.Resolve(device))
    {
    }

    private DistributionBalancedLoss(
        DbSettings settings, ReadOnlySpan<long> counts, long samples, Reduction reduction, MeanNormalizer normalizer,
        Device device)
        : base(counts.Length, default, reduction, normalizer, cast => cast, cast => MulInPlace(cast, -settings.Lambda))
    {
        _settings = settings;
        Samples = samples;
        var inverse = new double[counts.Length];
        var bias = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            inverse[c] = 1.0 / counts[c];
            bias[c] = settings.Kappa == 0.0 ? 0.0 : settings.Kappa * MultiLabelCounts.PriorLogit(counts[c], samples);
        }

        _inverseCounts = ClassWeightStore.Create(inverse, device);
        register_buffer(InverseName, _inverseCounts);
        _priorBias = ClassWeightStore.Create(bias, device);
        register_buffer(BiasName, _priorBias);
    }

    /// <summary>N, the number of training samples the priors p_c = n_c / N count.</summary>
    public long Samples { get; }

    /// <summary>α, the floor of the smoothed weight r̂.</summary>
    public double Alpha => _settings.Alpha;

    /// <summary>β, the slope of the smoothing function.</summary>
    public double Beta => _settings.Beta;

    /// <summary>μ, the centre of the smoothing function.</summary>
    public double Mu => _settings.Mu;

    /// <summary>λ, the scale of the negatives' logits.</summary>
    public double Lambda => _settings.Lambda;

    /// <summary>κ, the scale of the class-prior bias ν = κ·b̂.</summary>
    public double Kappa => _settings.Kappa;

    /// <summary>How P^I(x) is normalised.</summary>
    public DbInstancePrior InstancePrior => _settings.InstancePrior;

    /// <summary>The registered buffer <c>inverse_counts</c> [C]: 1/n_c. Treat it as read-only.</summary>
    public Tensor InverseCounts => _inverseCounts;

    /// <summary>The registered buffer <c>prior_bias</c> [C]: ν_c = κ·(−log(1/p_c − 1)). Treat it as read-only.</summary>
    public Tensor PriorBias => _priorBias;

    /// <inheritdoc/>
    private protected override string ClassesFrom => "one per class of the loss's counts";

    /// <summary>Computes the loss.</summary>
    /// <param name="logits">Logits [B, C] of a floating dtype, on the buffers' device.</param>
    /// <param name="target">Floating multi-hot targets [B, C] (every value 0 or 1).</param>
    /// <returns>A scalar for Mean/Sum, element losses [B, C] for None, in the logits' dtype.</returns>
    /// <exception cref="ArgumentException">A shape, dtype, device or target value is wrong; the message names it.</exception>
    /// <exception cref="ObjectDisposedException">The module has been disposed.</exception>
    public override Tensor forward(Tensor logits, Tensor target)
    {
        ThrowIfDisposed(_priorBias);
        WeightsFor(logits, target, _inverseCounts);
        using var scope = NewDisposeScope();
        var hot = MultiLabelValidation.MultiHot(logits, target, MultiLabelValidation.DbName, LossCore.TargetName);
        var inverse = ShiftFor(_inverseCounts, logits);
        var scaledBias = FactorFor(_priorBias, logits);
        return MultiLabelCore.DistributionBalanced(logits, target, hot, inverse, scaledBias, _settings, reduction,
            Normalizer, _workspace).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _workspace.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Checks the constructor's arguments; <paramref name="functional"/> names the instance prior as
    /// <c>CbFunctional.distribution_balanced_loss</c> does (<c>instance_prior</c>).</summary>
    internal static DbSettings Check(
        ClassCounts counts, long samples, Reduction reduction, MeanNormalizer normalizer, double alpha, double beta,
        double mu, double lambda, double kappa, DbInstancePrior instancePrior, bool functional = false)
    {
        Validation.Reduction(reduction, nameof(reduction));
        MultiLabelValidation.Normalizer(normalizer, MultiLabelValidation.DbName, nameof(normalizer));
        var settings = DbSettings.Checked(alpha, beta, mu, lambda, kappa, instancePrior,
            functional ? "instance_prior" : nameof(instancePrior));
        MultiLabelValidation.Counts(counts.Span, samples, kappa, nameof(counts), nameof(samples));
        return settings;
    }
}
