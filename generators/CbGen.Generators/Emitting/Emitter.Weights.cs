using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace CbGen.Generators.Emitting;

/// <summary>The <c>{Name}Weights</c> class of a config: counts, the class-balanced weights (when the loss uses them),
/// the priors and the long-tail knobs as constants.</summary>
internal static partial class Emitter
{
    public static string WeightsHintName(EnumSpec spec, ConfigSpec config) =>
        spec.HintPrefix + "." + config.TypeName + "Weights.g.cs";

    public static SourceText EmitWeights(EnumSpec spec, ConfigSpec config, CompilationFeatures features)
    {
        int classCount = spec.Members.Count;
        long[] counts = CountsOf(spec);
        bool weighted = config.UsesWeights;

        double[] effective = weighted ? ClassBalancedWeights.EffectiveNumbers(counts, config.Beta) : System.Array.Empty<double>();
        double[] weights = weighted
            ? ClassBalancedWeights.Compute(counts, config.Beta, WeightNormalization.SumToClassCount, config.ZeroCounts)
            : System.Array.Empty<double>();
        string type = config.TypeName + "Weights";
        string access = spec.IsPublic ? "public" : "internal";
        string enumType = spec.FullyQualifiedEnumName;

        bool compact = IsCompact(spec);

        // Each distinct count and weight formatted once, for the constant and for the table (round-trip formatting
        // of doubles was the costliest part of writing the file; docs/performance.md).
        string[] countTexts = Literals.Longs(counts);
        if (weighted)
        {
            RequireFinite(weights, "A weight");
        }

        string[] weightTexts = weighted ? Literals.Doubles(weights) : System.Array.Empty<string>();

        // Stryker disable once all : a capacity hint, which cannot change the text
        var w = new SourceWriter(TextCapacity(classCount, compact));
        WriteHeader(w, spec, config, features);
        OpenNamespace(w, spec);

        w.WriteLine("/// <summary>");
        if (weighted)
        {
            w.WriteLine("/// Class-balanced weights (Cui et al., CVPR 2019) of <see cref=\"" + enumType + "\"/> as compile-time");
            w.WriteLine("/// constants: α_c = (1 - β) / (1 - β^n_c), normalised so that the weights sum to the number of classes");
            w.WriteLine("/// " + (config.ZeroCounts == ZeroCountPolicy.ZeroWeight ? "that have samples (empty classes weigh 0)." : "(" + Literals.Int(classCount) + ")."));
        }
        else if (config.IsMultiLabelLoss)
        {
            WriteMultiLabelSummary(w, config, enumType);
        }
        else
        {
            WriteLongTailSummary(w, config, enumType);
        }

        w.WriteLine("/// Indexed by class: the enum member's value is the logits column.");
        w.WriteLine("/// </summary>");
        w.WriteLine(GeneratedCodeAttribute);
        WriteDeprecation(w, spec);
        w.WriteLine(access + " static partial class " + type);
        w.OpenBrace();

        w.WriteLine("/// <summary>The number of classes C (the width of the logits).</summary>");
        w.WriteLine("public const int ClassCount = " + Literals.Int(classCount) + ";");
        WriteMultiLabelConstant(w, config);
        if (weighted)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>β of the effective number E_n = (1 - β^n) / (1 - β).</summary>");
            w.WriteLine("public const double Beta = " + Literals.Double(config.Beta) + ";");
        }

        foreach (LossKnob knob in KindOf(config.Loss).Knobs)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>" + knob.Summary + "</summary>");
            w.WriteLine("public const double " + knob.Constant + " = " + Literals.Double(knob.Value(config)) + ";");
        }

        if (config.DeferUntilEpoch > 0)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>Deferred re-weighting: the first 0-based epoch that uses these weights (the loss is unweighted before).</summary>");
            w.WriteLine("public const int DeferUntilEpoch = " + Literals.Int(config.DeferUntilEpoch) + ";");
        }

        if (compact)
        {
            w.WriteLine();
            w.WriteLine("// The training samples ({Name}Count" + (weighted ? ") and class-balanced weight ({Name}Weight" : string.Empty)
                + ") of each class, in class order: past " + Literals.Int(DocumentedClassCount) + " classes without XML docs.");
            w.WriteLine("#pragma warning disable CS1591 // Missing XML comment for publicly visible type or member");
        }

        foreach (MemberSpec member in spec.Members)
        {
            // The documented form only: a per-member string is the costliest part of the compact loop.
            string? cref = compact ? null : enumType + "." + member.Identifier;
            if (!compact)
            {
                w.WriteLine();
            }

            if (NamesConstant(member.Name, "ClassCount"))
            {
                w.WriteLine("// The count of '" + member.Name + "' would be named ClassCount, which is the number of classes: read Counts[" + Literals.Int(member.Index) + "].");
            }
            else if (config.MultiLabel && NamesConstant(member.Name, SampleCountName))
            {
                w.WriteLine("// The count of '" + member.Name + "' would be named " + SampleCountName + ", which is the number of samples N: read Counts[" + Literals.Int(member.Index) + "].");
            }
            else
            {
                if (!compact)
                {
                    w.WriteLine("/// <summary>Training samples of <see cref=\"" + cref + "\"/> (class " + Literals.Int(member.Index) + ").</summary>");
                }

                w.StartLine().Append("public const long ").Append(member.Name).Append("Count = ").Append(countTexts[member.Index]).Append(";").EndLine();
            }

            if (weighted)
            {
                if (!compact)
                {
                    w.WriteLine();
                    w.WriteLine("/// <summary>Class-balanced weight of <see cref=\"" + cref + "\"/> (class " + Literals.Int(member.Index) + ").</summary>");
                }

                w.StartLine().Append("public const double ").Append(member.Name).Append("Weight = ").Append(weightTexts[member.Index]).Append(";").EndLine();
            }
        }

        if (compact)
        {
            w.WriteLine("#pragma warning restore CS1591");
        }

        WriteTable(w, features, "long", "Counts", "s_counts",
            "Training samples per class, indexed by class.", counts.Length, i => countTexts[i]);
        WriteMultiLabelTables(w, spec, config, features, counts);
        if (weighted)
        {
            const string EffectiveSummary = "Effective numbers E_n = (1 - β^n) / (1 - β) per class (0 for an empty class)";
            if (compact)
            {
                RequireFinite(effective, "An effective number");
                WriteComputedTable(w, "EffectiveNumbers", "s_effectiveNumbers",
                    EffectiveSummary + ", equal to <c>ClassBalancedWeights.EffectiveNumbers(Counts, Beta)</c>.",
                    "global::CbGen.ClassBalancedWeights.EffectiveNumbers(Counts, Beta)");
            }
            else
            {
                WriteTable(w, features, "double", "EffectiveNumbers", "s_effectiveNumbers", EffectiveSummary + ".", effective.Length,
                    i => Literals.Double(Literals.RequireFinite(effective[i], "An effective number")));
            }

            WriteTable(w, features, "double", "Weights", "s_weights",
                "Class-balanced weights per class, equal to <c>ClassBalancedWeights.Compute(Counts, Beta"
                + (config.ZeroCounts == ZeroCountPolicy.ZeroWeight ? ", zeroCounts: ZeroCountPolicy.ZeroWeight" : string.Empty)
                + ")</c>.", weights.Length,
                i => weightTexts[i]);
        }

        WriteLongTailTables(w, spec, config, features, counts);
        WriteSamplingProbabilities(w, spec, config, features, counts);
        if (weighted)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The class-balanced weight of <paramref name=\"label\"/>.</summary>");
            w.WriteLine("/// <param name=\"label\">A class of <see cref=\"" + enumType + "\"/>.</param>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"label\"/> is not a defined class.</exception>");
            w.WriteLine("public static double WeightOf(" + enumType + " label)");
            WriteLookUpByLabel(w, spec, "ClassCount", "Weights");
        }

        w.CloseBrace();
        CloseNamespace(w, spec);
        return w.ToSourceText();
    }

    /// <summary>Whether the count constant of the member <paramref name="name"/> (<c>{name}Count</c>) would be named
    /// <paramref name="constant"/>, compared without building the name.</summary>
    private static bool NamesConstant(string name, string constant) =>
        constant.Length == name.Length + "Count".Length
        && constant.StartsWith(name, System.StringComparison.Ordinal)
        && constant.EndsWith("Count", System.StringComparison.Ordinal);
}
