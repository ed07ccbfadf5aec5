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
        bool weightDecays = sweep.WeightDecays.Count > 0;
        w.WriteLine("/// <summary>One point of the <see cref=\"" + sweepType + "\"/> grid: a typed class-balanced config of");
        w.WriteLine("/// <see cref=\"" + enumType + "\"/> (name, β, loss, γ, τ" + (weightDecays ? ", weight decay" : string.Empty) + " and the weights for β).</summary>");
        w.WriteLine(GeneratedCodeAttribute);
        WriteDeprecation(w, spec);
        w.WriteLine(access + " sealed class " + pointType);
        w.OpenBrace();
        w.WriteLine("private readonly double[] _weights;");
        w.WriteLine();
        w.WriteLine("internal " + pointType + "(int index, string name, global::CbGen.CbLoss loss, double beta, double gamma, double tau, double[] weights"
            + (weightDecays ? ", double weightDecay" : string.Empty) + ")");
        w.OpenBrace();
        w.WriteLine("Index = index;");
        w.WriteLine("Name = name;");
        w.WriteLine("Loss = loss;");
        w.WriteLine("Beta = beta;");
        w.WriteLine("Gamma = gamma;");
        w.WriteLine("Tau = tau;");
        w.WriteLine("_weights = weights;");
        if (weightDecays)
        {
            w.WriteLine("WeightDecay = weightDecay;");
        }

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
        w.WriteLine("/// <summary>β of the effective number; 0 for the points whose loss applies no weights (LogitAdjusted, Ldam without DeferUntilEpoch"
            + (sweep.Points.Any(p => p.Loss is CbLoss.DistributionBalanced or CbLoss.Asymmetric) ? ", the multi-label losses" : string.Empty) + ").</summary>");
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
        if (weightDecays)
        {
            w.WriteLine("/// <summary>The L2 weight decay to train this point with, from the sweep's weight-decay axis (for your optimiser: the loss does not use it).</summary>");
            w.WriteLine("public double WeightDecay { get; }");
            w.WriteLine();
        }

        w.WriteLine("/// <summary>What <c>Reduction.Mean</c> divides by.</summary>");
        w.WriteLine("public global::CbGen.MeanNormalizer Normalizer => " + normalizer + ";");
        w.WriteLine();
        w.WriteLine("/// <summary>Where the losses keep their weights.</summary>");
        w.WriteLine("public global::CbGen.CbDevice Device => " + device + ";");
        w.WriteLine();
        // The logit-adjusted loss has no weights to defer: its points report 0, so a point never claims a deferral
        // that its loss (or CbLosses.FromCounts) would refuse.
        string[] notDeferred = NotDeferred(sweep, anyVs);
        bool someNotDeferred = sweep.DeferUntilEpoch > 0 && notDeferred.Length > 0;
        string notDeferredList = notDeferred.Length <= 1 ? string.Concat(notDeferred)
            : string.Join(", ", notDeferred.Take(notDeferred.Length - 1)) + " and " + notDeferred[notDeferred.Length - 1];
        w.WriteLine("/// <summary>Deferred re-weighting: the first 0-based epoch that uses the weights ("
            + (someNotDeferred ? "0 for the " + notDeferredList + (notDeferred.Length == 1 ? " points, whose loss has" : " points, whose losses have")
                + " no weights to defer" : "0: always weighted") + ").</summary>");
        w.WriteLine("public int DeferUntilEpoch => "
            + (someNotDeferred
                ? (notDeferred.Length == 1 ? "Loss == global::CbGen.CbLoss." + notDeferred[0] : "Loss is " + string.Join(" or ", notDeferred.Select(l => "global::CbGen.CbLoss." + l)))
                    + " ? 0 : "
                : string.Empty) + Literals.Int(sweep.DeferUntilEpoch) + ";");
        w.WriteLine();
        w.WriteLine("/// <summary>The class-balanced weights for <see cref=\"Beta\"/>, indexed by class (sum = C); empty when the point's loss applies none.</summary>");
        w.WriteLine("public global::System.ReadOnlySpan<double> Weights => _weights;");
        w.WriteLine();
        bool someWeightless = sweep.Points.Any(p => !p.UsesWeights);
        // What a point without weights offers instead: its loss (with TorchSharp) and the counts; name(member) writes a member.
        string Instead(System.Func<string, string> name) =>
            (features.HasTorchSharpRuntime ? "use " + name("CreateLoss()") + " for the point's loss and " : "use ")
            + name(sweepType + ".Counts") + " for the class counts, or check Weights.IsEmpty before calling WeightOf";
        w.WriteLine("/// <summary>The class-balanced weight of <paramref name=\"label\"/> at this point.</summary>");
        w.WriteLine("/// <param name=\"label\">A class.</param>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"label\"/> is not a defined class.</exception>");
        if (someWeightless)
        {
            w.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">The point's loss applies no class weights (<see cref=\"Weights\"/> is empty): "
                + Instead(member => "<see cref=\"" + member + "\"/>") + ".</exception>");
        }

        w.WriteLine("public double WeightOf(" + enumType + " label)");
        if (someWeightless)
        {
            // Some points apply no weights: say so, and what to use instead, rather than calling every label undefined.
            w.OpenBrace();
            w.WriteLine("if (_weights.Length == 0)");
            w.OpenBrace();
            w.WriteLine("throw new global::System.InvalidOperationException(\"The sweep point \" + Name + \" (\" + Loss.ToString() + \") applies no class weights, "
                + "so it has no weight per class: " + Instead(member => member) + ".\");");
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

    /// <summary>The losses of <paramref name="sweep"/> that never defer (no weights): LogitAdjusted (with VectorScaling
    /// when the sweep has VS points), then the multi-label losses it has.</summary>
    private static string[] NotDeferred(SweepSpec sweep, bool anyVs)
    {
        var losses = new System.Collections.Generic.List<string>();
        if (sweep.Points.Any(p => p.Loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling))
        {
            losses.Add(nameof(CbLoss.LogitAdjusted));
            if (anyVs)
            {
                losses.Add(nameof(CbLoss.VectorScaling));
            }
        }

        losses.AddRange(new[] { CbLoss.DistributionBalanced, CbLoss.Asymmetric }.Where(l => sweep.Points.Any(p => p.Loss == l)).Select(l => l.ToString()));
        return losses.ToArray();
    }
}
