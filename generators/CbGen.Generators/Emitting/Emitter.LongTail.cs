using System;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>The parts of <c>{Name}Weights</c> beyond class-balanced weighting: the knobs of the logit-adjusted, LDAM and VS
/// losses, the priors and log-priors of every config (when no class is empty and the total fits), LDAM's margins, VS's scales and offsets, and with TorchSharp
/// the typed post-hoc <c>AdjustLogits</c>. Every table is computed with the runtime's own maths (linked in).</summary>
internal static partial class Emitter
{
    /// <summary>Whether the priors exist: every class has samples (else a log-prior is −∞) and the counts' total fits
    /// in an Int64 (<see cref="CountTotals"/>).</summary>
    private static bool HasPriors(long[] counts) => NoPriorsReason(counts) is null;

    /// <summary>Why <paramref name="counts"/> have no priors, as the comment that replaces the tables; null when they have.</summary>
    private static string? NoPriorsReason(long[] counts) =>
        !Array.TrueForAll(counts, n => n > 0)
            ? "// No Priors, LogPriors or AdjustLogits: an empty class has prior 0 and log-prior −∞, which is not a usable logit shift."
            : CountTotals.FirstOverflow(counts) >= 0
                ? "// No Priors, LogPriors or AdjustLogits: the counts sum past Int64.MaxValue, the limit of ClassPriors' exact total."
                : null;

    private static void WriteLongTailSummary(SourceWriter w, ConfigSpec config, string enumType)
    {
        if (config.Loss == CbLoss.LogitAdjusted)
        {
            w.WriteLine("/// The logit-adjusted loss's tables (Menon et al., ICLR 2021) of <see cref=\"" + enumType + "\"/> as compile-time");
            w.WriteLine("/// constants: the class priors π_c = n_c / Σn and the shift τ·log π_c added to the logits (τ = "
                + Literals.Text(config.Tau) + "). No class-balanced weights: this loss uses none.");
        }
        else if (config.Loss == CbLoss.VectorScaling)
        {
            w.WriteLine("/// The VS loss's tables (Kini et al., NeurIPS 2021) of <see cref=\"" + enumType + "\"/> as compile-time constants:");
            w.WriteLine("/// the scales Δ_c = (n_c / n_max)^γ and the offsets ι_c = τ·log π_c of CE(Δ ⊙ z + ι, y) (γ = "
                + Literals.Text(config.VsGamma) + ", τ = " + Literals.Text(config.Tau) + ") and the class priors. No class-balanced weights: this loss uses none.");
        }
        else
        {
            w.WriteLine("/// The LDAM loss's tables (Cao et al., NeurIPS 2019) of <see cref=\"" + enumType + "\"/> as compile-time constants:");
            w.WriteLine("/// the margins Δ_c = m_max·(n_min / n_c)^(1/4) (m_max = " + Literals.Text(config.MaxMargin) + ", scale s = "
                + Literals.Text(config.Scale) + ") and the class priors. No class-balanced weights: without DeferUntilEpoch LDAM uses none.");
        }
    }

    private static void WriteLongTailTables(SourceWriter w, EnumSpec spec, ConfigSpec config, CompilationFeatures features, long[] counts)
    {
        if (NoPriorsReason(counts) is { } reason)
        {
            // Only class-balanced configs get here: every long-tail one is invalid (CB002, CB031, CB032).
            w.WriteLine();
            w.WriteLine(reason);
            return;
        }

        PriorTables tables = PriorsOf(config, counts);
        double[] priors = tables.Priors;
        double[] logPriors = tables.LogPriors;
        if (IsCompact(spec))
        {
            WriteComputedLongTailTables(w, config, counts, tables);
            return;
        }

        WriteTable(w, features, "double", "Priors", "s_priors", tables.PriorsSummary + ".", priors.Length,
            i => Literals.Double(Literals.RequireFinite(priors[i], "A prior")));
        WriteTable(w, features, "double", "LogPriors", "s_logPriors", tables.LogPriorsSummary, logPriors.Length,
            i => Literals.Double(Literals.RequireFinite(logPriors[i], "A log-prior")));
        if (config.Loss == CbLoss.Ldam)
        {
            double[] margins = LdamMargins.Compute(counts, config.MaxMargin);
            WriteTable(w, features, "double", "Margins", "s_margins",
                "LDAM margins Δ_c = m_max·(n_min / n_c)^(1/4) per class, equal to <c>LdamMargins.Compute(Counts, MaxMargin)</c>.",
                margins.Length, i => Literals.Double(Literals.RequireFinite(margins[i], "A margin")));
        }
        else if (config.Loss == CbLoss.VectorScaling)
        {
            double[] scales = VectorScalingTables.Scales(counts, config.VsGamma);
            double[] offsets = VectorScalingTables.Offsets(counts, config.Tau);
            WriteTable(w, features, "double", "Scales", "s_scales", ScalesSummary, scales.Length,
                i => Literals.Double(Literals.RequireFinite(scales[i], "A scale")));
            WriteTable(w, features, "double", "Offsets", "s_offsets", OffsetsSummary, offsets.Length,
                i => Literals.Double(Literals.RequireFinite(offsets[i], "An offset")));
        }
    }

    private const string ScalesSummary =
        "VS scales Δ_c = (n_c / n_max)^γ per class, equal to <c>VectorScalingTables.Scales(Counts, VsGamma)</c>: the logits' per-class factor.";

    private const string OffsetsSummary =
        "VS offsets ι_c = τ·log π_c per class, equal to <c>VectorScalingTables.Offsets(Counts, Tau)</c>: the per-class shift added after the scales.";

    /// <summary>Past <see cref="DocumentedClassCount"/> classes: the priors, log-priors and margins computed at type
    /// initialisation by the runtime maths (checked finite here, as the written tables are).</summary>
    private static void WriteComputedLongTailTables(SourceWriter w, ConfigSpec config, long[] counts, PriorTables tables)
    {
        RequireFinite(tables.Priors, "A prior");
        RequireFinite(tables.LogPriors, "A log-prior");
        WriteComputedTable(w, "Priors", "s_priors", tables.PriorsSummary + ".", "global::CbGen." + tables.PriorsCall);
        WriteComputedTable(w, "LogPriors", "s_logPriors", tables.LogPriorsSummary, "global::CbGen." + tables.LogPriorsCall);
        if (config.Loss == CbLoss.Ldam)
        {
            RequireFinite(LdamMargins.Compute(counts, config.MaxMargin), "A margin");
            WriteComputedTable(w, "Margins", "s_margins",
                "LDAM margins Δ_c = m_max·(n_min / n_c)^(1/4) per class, equal to <c>LdamMargins.Compute(Counts, MaxMargin)</c>.",
                "global::CbGen.LdamMargins.Compute(Counts, MaxMargin)");
        }
        else if (config.Loss == CbLoss.VectorScaling)
        {
            RequireFinite(VectorScalingTables.Scales(counts, config.VsGamma), "A scale");
            RequireFinite(VectorScalingTables.Offsets(counts, config.Tau), "An offset");
            WriteComputedTable(w, "Scales", "s_scales", ScalesSummary, "global::CbGen.VectorScalingTables.Scales(Counts, VsGamma)");
            WriteComputedTable(w, "Offsets", "s_offsets", OffsetsSummary, "global::CbGen.VectorScalingTables.Offsets(Counts, Tau)");
        }
    }

    /// <summary>Throws (a generator failure) when a computed table holds a value that is not finite.</summary>
    private static void RequireFinite(double[] values, string what)
    {
        foreach (double value in values)
        {
            Literals.RequireFinite(value, what);
        }
    }

    /// <summary>With TorchSharp, in the loss file: a second part of <c>{Name}Weights</c> with
    /// <c>AdjustLogits(logits, tau)</c>, post-hoc logit adjustment z − τ·log π with the generated log-priors, without
    /// gradient. It lives there so that the weights file is the same text with and without TorchSharp. No attributes on
    /// this part: the first part carries them (a second [GeneratedCode] or [Obsolete] would be a duplicate).</summary>
    private static void WriteAdjustLogits(SourceWriter w, EnumSpec spec, ConfigSpec config)
    {
        long[] counts = CountsOf(spec);
        // A distribution-balanced or asymmetric model's logits feed per-class sigmoids, whose balanced thresholds are
        // the prior logits, which need N: without it the softmax's log π would be the wrong shift.
        bool multiLabelWithoutN = KindOf(config.Loss).MultiLabel && !IsMultiLabel(config);
        if (!HasPriors(counts) || multiLabelWithoutN || (IsMultiLabel(config) && !HasPriorLogits(config, counts)))
        {
            return;
        }

        w.WriteLine();
        w.WriteLine((spec.IsPublic ? "public" : "internal") + " static partial class " + config.TypeName + "Weights");
        w.OpenBrace();
        if (IsMultiLabel(config))
        {
            WriteMultiLabelAdjustLogits(w, spec);
            w.CloseBrace();
            return;
        }

        w.WriteLine("/// <summary>Post-hoc logit adjustment (Menon et al., ICLR 2021): z − τ·log π for the logits of a model of");
        w.WriteLine("/// <see cref=\"" + spec.FullyQualifiedEnumName + "\"/> trained with plain cross-entropy, so that the argmax favours the");
        w.WriteLine("/// rare classes as a balanced classifier would. No retraining and no gradient (computed under <c>no_grad</c>).</summary>");
        w.WriteLine("/// <param name=\"logits\">Logits [B, C] of a floating dtype, on any device.</param>");
        w.WriteLine("/// <param name=\"tau\">τ ≥ 0 (finite): 1 (the default) is Bayes-optimal for the balanced error, 0 returns the logits unchanged.</param>");
        w.WriteLine("/// <returns>New adjusted logits [B, C] in the logits' dtype and device.</returns>");
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("public static " + Tensor + " AdjustLogits(" + Tensor + " logits, double tau = 1.0)");
        WriteAdjustLogitsBody(w, "LogPriors");
        w.CloseBrace();
    }

    /// <summary>A multi-label <c>AdjustLogits</c>: each logit feeds its own sigmoid, whose balanced threshold is the
    /// class's prior logit log(p_c / (1 − p_c)) (log p_c would shift a frequent class by log(1 − p_c) too little).</summary>
    private static void WriteMultiLabelAdjustLogits(SourceWriter w, EnumSpec spec)
    {
        w.WriteLine("/// <summary>Post-hoc logit adjustment for per-class sigmoids: z_c − τ·log(p_c / (1 − p_c)) for the logits of a multi-label");
        w.WriteLine("/// model of <see cref=\"" + spec.FullyQualifiedEnumName + "\"/>, with the prior logits <c>PriorLogits</c>, so that the threshold 0");
        w.WriteLine("/// (σ = ½) decides each class as a classifier balanced between its positives and negatives would. No retraining and no");
        w.WriteLine("/// gradient (computed under <c>no_grad</c>). A class's ranking of the samples, and so its average precision, does not change.</summary>");
        w.WriteLine("/// <param name=\"logits\">Logits [B, C] of a floating dtype, on any device.</param>");
        w.WriteLine("/// <param name=\"tau\">τ ≥ 0 (finite): 1 (the default) makes each class's threshold its balanced one, 0 returns the logits unchanged.</param>");
        w.WriteLine("/// <returns>New adjusted logits [B, C] in the logits' dtype and device.</returns>");
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine("public static " + Tensor + " AdjustLogits(" + Tensor + " logits, double tau = 1.0)");
        WriteAdjustLogitsBody(w, "PriorLogits");
    }

    /// <summary>The body of <c>AdjustLogits</c>: the runtime's <c>adjust_logits</c> with the table <paramref name="shifts"/>.</summary>
    private static void WriteAdjustLogitsBody(SourceWriter w, string shifts)
    {
        w.OpenBrace();
        w.WriteLine("using (global::TorchSharp.torch.no_grad())");
        w.WriteLine("using (" + Tensor + " priors = global::TorchSharp.torch.tensor(" + shifts + ".ToArray(), dtype: global::TorchSharp.torch.ScalarType.Float64))");
        w.OpenBrace();
        w.WriteLine("return global::CbGen.TorchSharp.CbFunctional.adjust_logits(logits, priors, tau);");
        w.CloseBrace();
        w.CloseBrace();
    }
}
