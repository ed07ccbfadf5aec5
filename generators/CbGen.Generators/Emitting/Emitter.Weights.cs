using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting
{
    /// <summary>The <c>{Name}Weights</c> class of a config: counts, the class-balanced weights (when the loss uses them),
    /// the priors and the long-tail knobs as constants.</summary>
    internal static partial class Emitter
    {
        public static string WeightsHintName(EnumSpec spec, ConfigSpec config) =>
            spec.HintPrefix + "." + config.TypeName + "Weights.g.cs";

        public static string EmitWeights(EnumSpec spec, ConfigSpec config, CompilationFeatures features)
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

            // Stryker disable once Arithmetic : a capacity hint, which cannot change the text
            var w = new SourceWriter(2048 + (classCount * 400));
            WriteHeader(w, spec, config, features);
            OpenNamespace(w, spec);

            w.WriteLine("/// <summary>");
            if (weighted)
            {
                w.WriteLine("/// Class-balanced weights (Cui et al., CVPR 2019) of <see cref=\"" + enumType + "\"/> as compile-time");
                w.WriteLine("/// constants: α_c = (1 - β) / (1 - β^n_c), normalised so that the weights sum to the number of classes");
                w.WriteLine("/// " + (config.ZeroCounts == ZeroCountPolicy.ZeroWeight ? "that have samples (empty classes weigh 0)." : "(" + Literals.Int(classCount) + ")."));
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

            if (config.Loss == CbLoss.Focal)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>γ of the focal modulator (1 - p_t)^γ.</summary>");
                w.WriteLine("public const double Gamma = " + Literals.Double(config.Gamma) + ";");
            }

            WriteLongTailConstants(w, config);
            if (config.DeferUntilEpoch > 0)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>Deferred re-weighting: the first 0-based epoch that uses these weights (the loss is unweighted before).</summary>");
                w.WriteLine("public const int DeferUntilEpoch = " + Literals.Int(config.DeferUntilEpoch) + ";");
            }

            bool compact = IsCompact(spec);
            if (compact)
            {
                w.WriteLine();
                w.WriteLine("// The training samples ({Name}Count" + (weighted ? ") and class-balanced weight ({Name}Weight" : string.Empty)
                    + ") of each class, in class order: past " + Literals.Int(DocumentedClassCount) + " classes without XML docs.");
                w.WriteLine("#pragma warning disable CS1591 // Missing XML comment for publicly visible type or member");
            }

            foreach (MemberSpec member in spec.Members)
            {
                string cref = enumType + "." + member.Identifier;
                if (!compact)
                {
                    w.WriteLine();
                }

                if (member.Name + "Count" == "ClassCount")
                {
                    w.WriteLine("// The count of '" + member.Name + "' would be named ClassCount, which is the number of classes: read Counts[" + Literals.Int(member.Index) + "].");
                }
                else if (config.MultiLabel && member.Name + "Count" == SampleCountName)
                {
                    w.WriteLine("// The count of '" + member.Name + "' would be named " + SampleCountName + ", which is the number of samples N: read Counts[" + Literals.Int(member.Index) + "].");
                }
                else
                {
                    if (!compact)
                    {
                        w.WriteLine("/// <summary>Training samples of <see cref=\"" + cref + "\"/> (class " + Literals.Int(member.Index) + ").</summary>");
                    }

                    w.WriteLine("public const long " + member.Name + "Count = " + Literals.Long(member.Count) + ";");
                }

                if (weighted)
                {
                    if (!compact)
                    {
                        w.WriteLine();
                        w.WriteLine("/// <summary>Class-balanced weight of <see cref=\"" + cref + "\"/> (class " + Literals.Int(member.Index) + ").</summary>");
                    }

                    w.WriteLine("public const double " + member.Name + "Weight = " + Literals.Double(Literals.RequireFinite(weights[member.Index], "A weight")) + ";");
                }
            }

            if (compact)
            {
                w.WriteLine("#pragma warning restore CS1591");
            }

            WriteTable(w, features, "long", "Counts", "s_counts",
                "Training samples per class, indexed by class.", counts.Length, i => Literals.Long(counts[i]));
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
                    i => Literals.Double(weights[i]));
            }

            WriteLongTailTables(w, spec, config, features, counts);
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
            return w.ToString();
        }
    }
}
