using System.Linq;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>The typed point of a sweep and its loss factory.</summary>
internal static partial class Emitter
{
    /// <summary>The <c>{Prefix}SweepPoint</c> class: one typed config of the grid.</summary>
    private static void WriteSweepPointType(
        SourceWriter w, EnumSpec spec, SweepSpec sweep, CompilationFeatures features, string pointType, string sweepType, string normalizer, string device)
    {
        string enumType = spec.FullyQualifiedEnumName;
        string access = spec.IsPublic ? "public" : "internal";
        w.WriteLine("/// <summary>One point of the <see cref=\"" + sweepType + "\"/> grid: a typed class-balanced config of");
        w.WriteLine("/// <see cref=\"" + enumType + "\"/> (name, β, loss, γ, τ and the weights for β).</summary>");
        w.WriteLine(GeneratedCodeAttribute);
        WriteDeprecation(w, spec);
        w.WriteLine(access + " sealed class " + pointType);
        w.OpenBrace();
        w.WriteLine("private readonly double[] _weights;");
        w.WriteLine();
        w.WriteLine("internal " + pointType + "(int index, string name, global::CbGen.CbLoss loss, double beta, double gamma, double tau, double[] weights)");
        w.OpenBrace();
        w.WriteLine("Index = index;");
        w.WriteLine("Name = name;");
        w.WriteLine("Loss = loss;");
        w.WriteLine("Beta = beta;");
        w.WriteLine("Gamma = gamma;");
        w.WriteLine("Tau = tau;");
        w.WriteLine("_weights = weights;");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary>The position of the point in <see cref=\"" + sweepType + ".Points\"/>.</summary>");
        w.WriteLine("public int Index { get; }");
        w.WriteLine();
        w.WriteLine("/// <summary>The point's name, e.g. <c>" + Literals.Xml(sweep.Prefix + sweep.Points[sweep.Points.Count - 1].Member) + "</c> (a valid identifier).</summary>");
        w.WriteLine("public string Name { get; }");
        w.WriteLine();
        w.WriteLine("/// <summary>The loss variant.</summary>");
        w.WriteLine("public global::CbGen.CbLoss Loss { get; }");
        w.WriteLine();
        w.WriteLine("/// <summary>β of the effective number; 0 for the points whose loss applies no weights (LogitAdjusted, Ldam without DeferUntilEpoch).</summary>");
        w.WriteLine("public double Beta { get; }");
        w.WriteLine();
        bool anyVs = sweep.Points.Any(p => p.Loss == CbLoss.VectorScaling);
        w.WriteLine(anyVs
            ? "/// <summary>γ of the focal loss, or of the VS loss's scales (n_c / n_max)^γ; 0 for the other points.</summary>"
            : "/// <summary>γ of the focal loss; 0 for the softmax and sigmoid points.</summary>");
        w.WriteLine("public double Gamma { get; }");
        w.WriteLine();
        w.WriteLine(anyVs
            ? "/// <summary>τ of the logit adjustment (logit-adjusted and VS points); 0 for the other points.</summary>"
            : "/// <summary>τ of the logit adjustment; 0 for the other points.</summary>");
        w.WriteLine("public double Tau { get; }");
        w.WriteLine();
        w.WriteLine("/// <summary>What <c>Reduction.Mean</c> divides by.</summary>");
        w.WriteLine("public global::CbGen.MeanNormalizer Normalizer => " + normalizer + ";");
        w.WriteLine();
        w.WriteLine("/// <summary>Where the losses keep their weights.</summary>");
        w.WriteLine("public global::CbGen.CbDevice Device => " + device + ";");
        w.WriteLine();
        // The logit-adjusted loss has no weights to defer: its points report 0, so a point never claims a deferral
        // that its loss (or CbLosses.FromCounts) would refuse.
        bool someNotDeferred = sweep.DeferUntilEpoch > 0 && sweep.Points.Any(p => p.Loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling);
        w.WriteLine("/// <summary>Deferred re-weighting: the first 0-based epoch that uses the weights ("
            + (someNotDeferred ? (anyVs ? "0 for the LogitAdjusted and VectorScaling points, whose losses have" : "0 for the LogitAdjusted points, whose loss has")
                + " no weights to defer" : "0: always weighted") + ").</summary>");
        w.WriteLine("public int DeferUntilEpoch => "
            + (someNotDeferred
                ? (anyVs ? "Loss is global::CbGen.CbLoss.LogitAdjusted or global::CbGen.CbLoss.VectorScaling ? 0 : " : "Loss == global::CbGen.CbLoss.LogitAdjusted ? 0 : ")
                : string.Empty) + Literals.Int(sweep.DeferUntilEpoch) + ";");
        w.WriteLine();
        w.WriteLine("/// <summary>The class-balanced weights for <see cref=\"Beta\"/>, indexed by class (sum = C); empty when the point's loss applies none.</summary>");
        w.WriteLine("public global::System.ReadOnlySpan<double> Weights => _weights;");
        w.WriteLine();
        w.WriteLine("/// <summary>The class-balanced weight of <paramref name=\"label\"/> at this point.</summary>");
        w.WriteLine("/// <param name=\"label\">A class.</param>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"label\"/> is not a defined class.</exception>");
        w.WriteLine("public double WeightOf(" + enumType + " label)");
        if (sweep.Points.Any(p => !p.UsesWeights))
        {
            // Some points apply no weights: say so instead of calling every label undefined.
            w.OpenBrace();
            w.WriteLine("if (_weights.Length == 0)");
            w.OpenBrace();
            w.WriteLine("throw new global::System.InvalidOperationException(\"The sweep point \" + Name + \" (\" + Loss.ToString() + \") applies no class weights.\");");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("return " + sweepType + ".WeightOf(_weights, label);");
            w.CloseBrace();
        }
        else
        {
            WriteLookUpByLabel(w, spec, "_weights.Length", "_weights");
        }

        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public override string ToString() => Name;");
        if (features.HasTorchSharpRuntime)
        {
            WriteCreateLoss(w, sweep, sweepType, normalizer, device);
        }

        w.CloseBrace();
    }

    private static void WriteCreateLoss(SourceWriter w, SweepSpec sweep, string sweepType, string normalizer, string device)
    {
        string deferred = sweep.DeferUntilEpoch > 0 ? "deferred re-weighting " : string.Empty;
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
        w.WriteLine("public " + LossBase + " CreateLoss(" + Reduction + " reduction) => NewLoss(" + sweepType + ".Counts, Weights, reduction);");
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
        w.WriteLine("public " + LossBase + " CreateLoss(global::System.ReadOnlySpan<long> counts, " + Reduction + " reduction)");
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
            + ", reduction);");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("private " + LossBase + " NewLoss(global::System.ReadOnlySpan<long> counts, global::System.ReadOnlySpan<double> weights, " + Reduction + " reduction)");
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

        w.WriteLine("default:");
        w.WriteLine("    throw new global::System.InvalidOperationException(\"Unknown loss \" + Loss.ToString() + \".\");");
        w.CloseBrace();
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary><see cref=\"CreateLoss()\"/> as a factory, for training loops that take one.</summary>");
        w.WriteLine("public global::System.Func<" + LossBase + "> Factory => CreateLoss;");
    }
}
