using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;
using Reduction = TorchSharp.torch.nn.Reduction;

namespace CbGen.TorchSharp.Internal;

/// <summary>The hyper-parameters of the distribution-balanced loss, validated.</summary>
internal readonly record struct DbSettings(
    double Alpha, double Beta, double Mu, double Lambda, double Kappa, DbInstancePrior InstancePrior)
{
    internal static DbSettings Checked(
        double alpha, double beta, double mu, double lambda, double kappa, DbInstancePrior instancePrior,
        string instancePriorName)
    {
        // Each hint names the default from CbDefaults, and nothing about the paper's values: μ and λ were not
        // verified against its text (docs/losses.md).
        MultiLabelValidation.Finite(alpha, "The smoothing floor α", nameof(alpha), Default(CbDefaults.DbAlpha), 0.0);
        MultiLabelValidation.Finite(beta, "The smoothing slope β", nameof(beta), Default(CbDefaults.DbBeta), 0.0);
        MultiLabelValidation.Finite(mu, "The smoothing centre μ", nameof(mu), Default(CbDefaults.DbMu));
        MultiLabelValidation.Finite(lambda, "The negative-tolerant scale λ", nameof(lambda),
            Default(CbDefaults.DbLambda), 0.0, strict: true);
        MultiLabelValidation.Finite(kappa, "The prior-bias scale κ", nameof(kappa),
            Default(CbDefaults.DbKappa) + "; a negative κ flips the bias's sign, 0 turns it off");
        MultiLabelValidation.InstancePrior(instancePrior, instancePriorName);
        return new DbSettings(alpha, beta, mu, lambda, kappa, instancePrior);
    }

    private static string Default(double value) => "the default is " + Validation.Format(value);
}

/// <summary>
/// The distribution-balanced and asymmetric losses on validated logits and multi-hot targets [B, C]. DB computes
/// the weight r̂, which depends on the targets alone, without a graph and in place in the multi-hot check's scratch,
/// then its value and gradient in one autograd node (<see cref="DbKernel"/>); ASL is written with tracked ops.
/// </summary>
internal static class MultiLabelCore
{
    /// <summary>2^24: every count of ones up to it is exact in Float32, whatever order a sum adds them in.</summary>
    private const long ExactOnes = 1L << 24;

    /// <summary>
    /// DB: element (i, c) is −w_ic·log σ(−a_ic·(z_ic − ν_c)) with a = −1 (positive) or λ (negative) and
    /// w = r̂_ic (positive) or r̂_ic / λ (negative): for a positive log(1 + e^{−(z − ν)}), for a negative
    /// (1/λ)·log(1 + e^{λ(z − ν)}), both times r̂ = α + σ(β·(r − μ)), r_ic = (1/n_c) / (C·P^I(x_i)).
    /// </summary>
    /// <param name="input">Logits [B, C].</param>
    /// <param name="target">Multi-hot targets [B, C] (validated).</param>
    /// <param name="hot">What the multi-hot check learnt: its scratch |t − t·t| (all zeros, the target's dtype),
    /// overwritten with the weight when it has the logits' dtype and no workspace is given, or the host scan's count
    /// and positions of the ones.</param>
    /// <param name="inverseCounts">1/n_c [C] in the logits' dtype and device.</param>
    /// <param name="scaledBias">−λ·ν_c [C] in the logits' dtype and device.</param>
    /// <param name="s">The validated hyper-parameters.</param>
    /// <param name="reduction">None, Mean or Sum.</param>
    /// <param name="normalizer">PositiveLabels or AllTerms (validated).</param>
    /// <param name="workspace">The module's kept scratch tensors, or null (the functional form allocates).</param>
    internal static Tensor DistributionBalanced(
        Tensor input, Tensor target, MultiHotTargets hot, Tensor inverseCounts, Tensor scaledBias, DbSettings s,
        Reduction reduction, MeanNormalizer normalizer, DbWorkspace? workspace = null)
    {
        using var scope = NewDisposeScope();
        var kept = workspace?.Take(input);
        try
        {
            Tensor t;
            Tensor weight;
            double c = 1.0;
            using (no_grad())
            {
                t = target.dtype == input.dtype ? target : target.to(input.dtype);
                var positives = s.InstancePrior == DbInstancePrior.Mean ? t.sum(1) : null;

                // The Mean divisor c, folded into the weight, so that the node's output is the loss and a plain
                // backward() needs no multiply (one read of the positive count; the multi-hot check reads one
                // already).
                if (reduction == Reduction.Mean)
                {
                    c = normalizer == MeanNormalizer.AllTerms
                        ? 1.0 / input.numel()
                        : 1.0 / PositiveCount(target, input, positives, hot.Positives);
                }

                Tensor into;
                if (kept is not null)
                {
                    // The check's buffer is spent: free it now, so that σ(v) can take its memory.
                    hot.Residue?.Dispose();
                    into = kept[0];
                }
                else
                {
                    into = hot.Residue is { } residue && residue.dtype == input.dtype
                        ? residue
                        : torch.empty_like(input);
                }

                weight = Weight(t, inverseCounts, s, c, positives, into);
            }

            // A kept weight is the module's and must not be saved for backward: the node then saves what remakes it.
            var recipe = kept is null ? null : new DbWeightRecipe(inverseCounts, s, c);
            var args = new DbArgs(t, weight, scaledBias, s.Lambda, Elementwise: reduction == Reduction.None,
                kept?[1..], recipe, hot.Positions);
            return DbKernel.Loss(input, args).MoveToOuterDisposeScope();
        }
        finally
        {
            if (kept is not null)
            {
                workspace!.Return(kept);
            }

            hot.Release();
        }
    }

    /// <summary>
    /// The weight c·r̂ [B, C] in place in <paramref name="into"/> (whose contents are ignored), from the targets t
    /// in the logits' dtype, 1/n_c and the Mean divisor c; <paramref name="positives"/> is Σ_c t (the Mean instance
    /// prior's row counts) when already computed. Under no_grad.
    /// </summary>
    internal static Tensor Weight(Tensor t, Tensor inverseCounts, DbSettings s, double c, Tensor? positives,
        Tensor into)
    {
        using var scope = NewDisposeScope();

        // C·P^I(x_i) = Σ_{j∈y_i} 1/n_j (Sum) or that over |y_i| (Mean); 0 for a row without positives, whose
        // r is then +∞ and r̂ its limit α + 1 (α + ½ when β = 0).
        var instance = t.mv(inverseCounts);
        if (s.InstancePrior == DbInstancePrior.Mean)
        {
            instance.div_(LossCore.AtLeastOne(positives ?? t.sum(1)));
        }

        // σ(x) = ½ + ½·tanh(x/2): (β/2)·r as one [B, 1] × [1, C] product (β = 0 ignores what the buffer held), a
        // tanh (about half a sigmoid's cost), then c·r̂ = c·(α + ½) + (c/2)·tanh(·), all in place.
        // β = 0 makes the smoothing flat (σ(0) for every r): β·r is 0, also where r = ∞ (0·∞ would be NaN).
        using var halfBeta = (s.Beta / 2.0).ToScalar();
        using var offset = (-s.Beta * s.Mu / 2.0).ToScalar();
        using var halfC = (c / 2.0).ToScalar();
        using var floor = (c * (s.Alpha + 0.5)).ToScalar();
        var rows = (s.Beta == 0.0 ? instance.zero_() : instance.reciprocal_().mul_(halfBeta)).unsqueeze(1);
        return into.addmm_(rows, inverseCounts.unsqueeze(0), 0.0f, 1.0f)
            .add_(offset).tanh_().mul_(halfC).add_(floor);
    }

    /// <summary>
    /// ASL: element (i, c) is −t·(1 − p)^{γ+}·log p − (1 − t)·p_m^{γ−}·log(1 − p_m) with p = σ(z) and
    /// p_m = max(p − m, 0). log p = log σ(z) and, for m = 0, log(1 − p) = log σ(−z) (exact for any z); for m &gt; 0,
    /// 1 − p_m = σ(−z) + m where p &gt; m (no cancellation near p = 1), and the term is exactly 0 with a zero
    /// gradient where p ≤ m. With ε &gt; 0 each log is floored at log ε (the official code's clamp: gradient 0
    /// below it).
    /// </summary>
    internal static Tensor Asymmetric(
        Tensor input, Tensor target, double gammaPos, double gammaNeg, double clip, double eps,
        Reduction reduction, MeanNormalizer normalizer)
    {
        using var scope = NewDisposeScope();
        var t = target.dtype == input.dtype ? target : target.to(input.dtype);
        var logP = logsigmoid(input);
        // −z and log(1 − p) = log σ(−z) only when a term uses them: the default (γ+ = 0, m > 0) uses neither log σ(−z)
        // nor, outside the clip, −z, and log σ costs several sigmoids.
        Tensor? negInput = null;
        Tensor? logQ = null;
        Tensor NegInput() => negInput ??= input.neg();
        Tensor LogQ() => logQ ??= logsigmoid(NegInput());
        // Every scalar argument is an explicit Scalar disposed at the end (an implicit double → Scalar temporary can be
        // finalised while the native call still reads it).
        using var logEps = (eps > 0.0 ? Math.Log(eps) : double.NegativeInfinity).ToScalar();
        using var gPos = gammaPos.ToScalar();
        using var gNeg = gammaNeg.ToScalar();
        using var m = clip.ToScalar();
        using var half = 0.5.ToScalar();
        using var zero = 0.0.ToScalar();

        // Positive term: −(1 − p)^{γ+}·log p.
        var posLog = eps > 0.0 ? logP.clamp_min(logEps) : logP;
        var pos = gammaPos == 0.0 ? posLog.neg() : LogQ().mul(gPos).exp_().mul(posLog).neg_();

        // Negative term: −p_m^{γ−}·log(1 − p_m).
        Tensor neg;
        if (clip == 0.0)
        {
            var negLog = eps > 0.0 ? LogQ().clamp_min(logEps) : LogQ();
            neg = gammaNeg == 0.0 ? negLog.neg() : logP.mul(gNeg).exp_().mul(negLog).neg_();
        }
        else
        {
            // One sigmoid for the mask and the shifted probability (the mask read without gradient).
            var p = input.sigmoid();
            Tensor inactive;
            using (no_grad())
            {
                inactive = p.le(m);
            }

            // Where p ≤ m the shifted probability is replaced by 1/2 before pow and log (so neither sees 0 and the
            // masked gradient is an exact 0), then the term by 0.
            var shifted = p.sub(m).masked_fill(inactive, half);
            var oneMinus = NegInput().sigmoid().add(m).masked_fill(inactive, half);
            var negLog = oneMinus.log();
            if (eps > 0.0)
            {
                negLog = negLog.clamp_min(logEps);
            }

            var focused = gammaNeg == 0.0 ? negLog.neg() : shifted.pow(gNeg).mul(negLog).neg_();
            neg = focused.masked_fill(inactive, zero);
        }

        // t·pos + (1 − t)·neg = neg + t·(pos − neg).
        using var one = 1.0.ToScalar();
        using var terms = ((double)input.numel()).ToScalar();
        var elements = torch.addcmul(neg, t, pos.sub(neg), one);
        Tensor result = reduction switch
        {
            Reduction.None => elements,
            Reduction.Sum => elements.sum(),
            _ => normalizer == MeanNormalizer.AllTerms
                ? elements.sum().div(terms)
                : elements.sum().div(PositiveCountTensor(target, input)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>max(Σ t, 1): the PositiveLabels divisor, as for the class-balanced sigmoid loss's float targets.</summary>
    private static Tensor PositiveCountTensor(Tensor target, Tensor input)
    {
        using var guard = no_grad();
        return LossCore.AtLeastOne(target.sum().to(input.dtype));
    }

    /// <summary>max(Σ t, 1) in the logits' dtype, read as a double (Σ t from <paramref name="rowSums"/> when given):
    /// the same number as <see cref="PositiveCountTensor"/> with one read and no conversion ops when the dtypes
    /// agree (max with 1 is exact in any dtype). The host scan's <paramref name="counted"/> ones (−1 if it did not
    /// run) are that number without an op for Float32 and Float64 logits up to 2^24 ones, below which every partial
    /// sum of ones is exact in either dtype.</summary>
    private static double PositiveCount(Tensor target, Tensor input, Tensor? rowSums, long counted)
    {
        if (counted >= 0 && counted <= ExactOnes
            && (input.dtype == ScalarType.Float32 || input.dtype == ScalarType.Float64))
        {
            return Math.Max(counted, 1L);
        }

        using var guard = no_grad();
        using var scope = NewDisposeScope();
        var total = rowSums is null ? target.sum() : rowSums.sum();
        if (total.dtype != input.dtype)
        {
            total = total.to(input.dtype);
        }

        return Math.Max(MultiLabelValidation.HostValue(total), 1.0);
    }
}
