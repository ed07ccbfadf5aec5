using System.Linq;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>The loss factory of a sweep point: <c>CreateLoss</c> from the compile-time counts or a split's, and the
/// switch over the point's loss.</summary>
internal static partial class Emitter
{
    private static void WriteCreateLoss(SourceWriter w, SweepSpec sweep, string sweepType, string normalizer, string device)
    {
        string deferred = sweep.DeferUntilEpoch > 0 ? "deferred re-weighting " : string.Empty;
        bool anyDb = sweep.Points.Any(p => p.Loss == CbLoss.DistributionBalanced);
        string samplesArgument = anyDb ? sweepType + ".SampleCount, " : string.Empty;
        w.WriteLine();
        w.WriteLine("/// <summary>A new loss module for this point with <c>Reduction.Mean</c>"
            + (sweep.DeferUntilEpoch > 0 ? " (a <c>DeferredReweightingLoss</c>: unweighted before epoch " + Literals.Int(sweep.DeferUntilEpoch) + ")" : string.Empty)
            + ", from the compile-time counts; dispose it after use.</summary>");
        w.WriteLine("/// <returns>A " + deferred + "loss module for <see cref=\"Loss\"/>.</returns>");
        w.WriteLine("public " + LossBase + " CreateLoss() => CreateLoss(" + Reduction + ".Mean);");
        w.WriteLine();
        w.WriteLine("/// <summary>A new loss module for this point, from the compile-time counts; dispose it after use.</summary>");
        w.WriteLine("/// <param name=\"reduction\">How the per-sample losses are reduced.</param>");
        w.WriteLine("/// <returns>A " + deferred + "loss module for <see cref=\"Loss\"/>.</returns>");
        w.WriteLine("public " + LossBase + " CreateLoss(" + Reduction + " reduction) => NewLoss(" + sweepType + ".Counts, Weights, " + samplesArgument + "reduction);");
        w.WriteLine();
        w.WriteLine("/// <summary>A new loss module for this point with <c>Reduction.Mean</c>, from <paramref name=\"counts\"/> instead of the");
        w.WriteLine("/// compile-time counts, e.g. a training split's (<c>StratifiedSplitResult.TrainCounts</c>): the class-balanced weights");
        w.WriteLine("/// for <see cref=\"Beta\"/>, the log-priors and the margins are computed from them. Dispose it after use.</summary>");
        w.WriteLine("/// <param name=\"counts\">Training samples per class, indexed by class: <see cref=\"" + sweepType + ".ClassCount\"/> counts.</param>");
        w.WriteLine("/// <returns>A " + deferred + "loss module for <see cref=\"Loss\"/>.</returns>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">There is not one count per class, or a count is negative or 0.</exception>");
        w.WriteLine("public " + LossBase + " CreateLoss(global::System.ReadOnlySpan<long> counts) => CreateLoss(counts, " + Reduction + ".Mean);");
        w.WriteLine();
        w.WriteLine("/// <summary>A new loss module for this point from <paramref name=\"counts\"/> (see <see cref=\"CreateLoss(global::System.ReadOnlySpan{long})\"/>); dispose it after use.</summary>");
        w.WriteLine("/// <param name=\"counts\">Training samples per class, indexed by class.</param>");
        w.WriteLine("/// <param name=\"reduction\">How the per-sample losses are reduced.</param>");
        w.WriteLine("/// <returns>A " + deferred + "loss module for <see cref=\"Loss\"/>.</returns>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">There is not one count per class, or a count is negative or 0.</exception>");
        if (anyDb)
        {
            WriteCreateLossWithSamples(w, sweepType, deferred);
            WriteCreateLossBody(w, sweep, sweepType, "samples, ");
        }
        else
        {
            w.WriteLine("public " + LossBase + " CreateLoss(global::System.ReadOnlySpan<long> counts, " + Reduction + " reduction)");
            WriteCreateLossBody(w, sweep, sweepType, string.Empty);
        }

        w.WriteLine();
        w.WriteLine("private " + LossBase + " NewLoss(global::System.ReadOnlySpan<long> counts, global::System.ReadOnlySpan<double> weights, "
            + (anyDb ? "long samples, " : string.Empty) + Reduction + " reduction)");
        w.OpenBrace();
        w.WriteLine("switch (Loss)");
        w.OpenBrace();
        string tail = "reduction: reduction, normalizer: " + normalizer + ", device: " + device + ")";
        (CbLoss Loss, string Create)[] variants =
        {
            (CbLoss.Softmax, "new global::CbGen.TorchSharp.ClassBalancedSoftmaxLoss(weights, " + tail),
            (CbLoss.Sigmoid, "new global::CbGen.TorchSharp.ClassBalancedSigmoidLoss(weights, " + tail),
            (CbLoss.Focal, "new global::CbGen.TorchSharp.ClassBalancedFocalLoss(weights, gamma: Gamma, " + tail),
        };
        foreach ((CbLoss loss, string create) in variants)
        {
            if (!sweep.Points.Any(p => p.Loss == loss))
            {
                continue;
            }

            w.WriteLine("case global::CbGen.CbLoss." + loss.ToString() + ":");
            w.WriteLine(sweep.DeferUntilEpoch > 0
                ? "    return new global::CbGen.TorchSharp.DeferredReweightingLoss(" + create + ", DeferUntilEpoch);"
                : "    return " + create + ";");
        }

        if (sweep.Points.Any(p => p.Loss == CbLoss.LogitAdjusted))
        {
            // Never deferred: the logit-adjusted loss applies no weights.
            w.WriteLine("case global::CbGen.CbLoss.LogitAdjusted:");
            w.WriteLine("    return new global::CbGen.TorchSharp.LogitAdjustedLoss(counts, reduction: reduction, normalizer: "
                + normalizer + ", tau: Tau, device: " + device + ");");
        }

        if (sweep.Points.Any(p => p.Loss == CbLoss.VectorScaling))
        {
            // Never deferred: the VS loss applies no weights.
            w.WriteLine("case global::CbGen.CbLoss.VectorScaling:");
            w.WriteLine("    return new global::CbGen.TorchSharp.VectorScalingLoss(counts, reduction: reduction, normalizer: "
                + normalizer + ", gamma: Gamma, tau: Tau, device: " + device + ");");
        }

        if (sweep.Points.Any(p => p.Loss == CbLoss.Ldam))
        {
            string ldam = "new global::CbGen.TorchSharp.LdamLoss(counts, reduction: reduction, normalizer: " + normalizer
                + (sweep.DeferUntilEpoch > 0 ? ", weight: weights" : string.Empty) + ", device: " + device + ")";
            w.WriteLine("case global::CbGen.CbLoss.Ldam:");
            w.WriteLine(sweep.DeferUntilEpoch > 0
                ? "    return new global::CbGen.TorchSharp.DeferredReweightingLoss(" + ldam + ", DeferUntilEpoch);"
                : "    return " + ldam + ";");
        }

        if (anyDb)
        {
            // Never deferred: the distribution-balanced loss applies no class weights.
            w.WriteLine("case global::CbGen.CbLoss.DistributionBalanced:");
            w.WriteLine("    return new global::CbGen.TorchSharp.DistributionBalancedLoss(counts, samples, reduction: reduction, normalizer: "
                + normalizer + ", device: " + device + ");");
        }

        if (sweep.Points.Any(p => p.Loss == CbLoss.Asymmetric))
        {
            // Never deferred, no weights and no device: the asymmetric loss holds no tensor.
            w.WriteLine("case global::CbGen.CbLoss.Asymmetric:");
            w.WriteLine("    return new global::CbGen.TorchSharp.AsymmetricLoss(counts.Length, reduction: reduction, normalizer: " + normalizer + ");");
        }

        w.WriteLine("default:");
        w.WriteLine("    throw new global::System.InvalidOperationException(\"Unknown loss \" + Loss.ToString() + \".\");");
        w.CloseBrace();
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary><see cref=\"CreateLoss()\"/> as a factory, for training loops that take one.</summary>");
        w.WriteLine("public global::System.Func<" + LossBase + "> Factory => CreateLoss;");
    }

    /// <summary>The body of a <c>CreateLoss(counts, …)</c>: the count check, then <c>NewLoss</c> with the weights for β
    /// of <c>counts</c> (none for the points without weights) and <paramref name="samplesArgument"/>.</summary>
    private static void WriteCreateLossBody(SourceWriter w, SweepSpec sweep, string sweepType, string samplesArgument)
    {
        w.OpenBrace();
        w.WriteLine("if (counts.Length != " + sweepType + ".ClassCount)");
        w.OpenBrace();
        w.WriteLine("throw new global::System.ArgumentException(\"Expected one count per class (\" + " + sweepType
            + ".ClassCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"), got \" + counts.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\", nameof(counts));");
        w.CloseBrace();
        w.WriteLine();
        string weights = "global::CbGen.ClassBalancedWeights.Compute(counts, Beta)";
        w.WriteLine("return NewLoss(counts, "
            + (sweep.Points.Any(p => !p.UsesWeights) ? "_weights.Length == 0 ? global::System.ReadOnlySpan<double>.Empty : " + weights : weights)
            + ", " + samplesArgument + "reduction);");
        w.CloseBrace();
    }

    /// <summary>A sweep with a distribution-balanced point: <c>CreateLoss(counts, reduction)</c> refuses that point (it
    /// needs the N of the same counts, and the compile-time N belongs to the compile-time counts), and
    /// <c>CreateLoss(counts, samples[, reduction])</c> builds any point from a split's counts and N.</summary>
    private static void WriteCreateLossWithSamples(SourceWriter w, string sweepType, string deferred)
    {
        w.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">The point is <c>DistributionBalanced</c>, which also needs N: call <see cref=\"CreateLoss(global::System.ReadOnlySpan{long}, long, " + Reduction + ")\"/>.</exception>");
        w.WriteLine("public " + LossBase + " CreateLoss(global::System.ReadOnlySpan<long> counts, " + Reduction + " reduction)");
        w.OpenBrace();
        w.WriteLine("if (Loss == global::CbGen.CbLoss.DistributionBalanced)");
        w.OpenBrace();
        w.WriteLine("throw new global::System.InvalidOperationException(\"The sweep point \" + Name + \" (DistributionBalanced) needs the number of samples N that the counts are positives out of: call CreateLoss(counts, samples).\");");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("return CreateLoss(counts, 0L, reduction);");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary>A new loss module for this point with <c>Reduction.Mean</c>, from <paramref name=\"counts\"/> and <paramref name=\"samples\"/>");
        w.WriteLine("/// instead of the compile-time counts and <see cref=\"" + sweepType + ".SampleCount\"/>, e.g. a training split's. Dispose it after use.</summary>");
        w.WriteLine("/// <param name=\"counts\">Positives per class of the split, indexed by class.</param>");
        w.WriteLine("/// <param name=\"samples\">N, the split's number of samples (used by the distribution-balanced point only).</param>");
        w.WriteLine("/// <returns>A " + deferred + "loss module for <see cref=\"Loss\"/>.</returns>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">There is not one count per class, a count is out of range, or (distribution-balanced) N is below a count.</exception>");
        w.WriteLine("public " + LossBase + " CreateLoss(global::System.ReadOnlySpan<long> counts, long samples) => CreateLoss(counts, samples, " + Reduction + ".Mean);");
        w.WriteLine();
        w.WriteLine("/// <summary>A new loss module for this point from <paramref name=\"counts\"/> and <paramref name=\"samples\"/> (see <see cref=\"CreateLoss(global::System.ReadOnlySpan{long}, long)\"/>); dispose it after use.</summary>");
        w.WriteLine("/// <param name=\"counts\">Positives per class of the split, indexed by class.</param>");
        w.WriteLine("/// <param name=\"samples\">N, the split's number of samples (used by the distribution-balanced point only).</param>");
        w.WriteLine("/// <param name=\"reduction\">How the per-sample losses are reduced.</param>");
        w.WriteLine("/// <returns>A " + deferred + "loss module for <see cref=\"Loss\"/>.</returns>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentException\">There is not one count per class, a count is out of range, or (distribution-balanced) N is below a count.</exception>");
        w.WriteLine("public " + LossBase + " CreateLoss(global::System.ReadOnlySpan<long> counts, long samples, " + Reduction + " reduction)");
    }
}
