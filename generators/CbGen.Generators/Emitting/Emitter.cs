using System;
using System.Reflection;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting
{
    /// <summary>Turns an <see cref="EnumSpec"/> into C# text. Pure: strings in, strings out, linear in the number of
    /// classes.</summary>
    internal static partial class Emitter
    {
        private const string Tensor = "global::TorchSharp.torch.Tensor";
        private const string Reduction = "global::TorchSharp.torch.nn.Reduction";

        /// <summary>The product version written into <c>[GeneratedCode]</c> (the informational version without the
        /// source-revision suffix).</summary>
        public static readonly string Version = ReadVersion();

        private static readonly string GeneratedCodeAttribute =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"CbGen\", \"" + Version + "\")]";

        public static string WeightsHintName(EnumSpec spec, ConfigSpec config) =>
            spec.HintPrefix + "." + config.TypeName + "Weights.g.cs";

        public static string LossHintName(EnumSpec spec, ConfigSpec config) =>
            spec.HintPrefix + "." + config.TypeName + "Loss.g.cs";

        public static string EmitWeights(EnumSpec spec, ConfigSpec config, CompilationFeatures features)
        {
            int classCount = spec.Members.Count;
            long[] counts = CountsOf(spec);

            double[] effective = ClassBalancedWeights.EffectiveNumbers(counts, config.Beta);
            double[] weights = ClassBalancedWeights.Compute(counts, config.Beta, WeightNormalization.SumToClassCount, config.ZeroCounts);
            string type = config.TypeName + "Weights";
            string access = spec.IsPublic ? "public" : "internal";
            string enumType = spec.FullyQualifiedEnumName;

            var w = new SourceWriter(2048 + (classCount * 400));
            WriteHeader(w, spec, config, features);
            OpenNamespace(w, spec);

            w.WriteLine("/// <summary>");
            w.WriteLine("/// Class-balanced weights (Cui et al., CVPR 2019) of <see cref=\"" + enumType + "\"/> as compile-time");
            w.WriteLine("/// constants: α_c = (1 - β) / (1 - β^n_c), normalised so that the weights sum to the number of classes");
            w.WriteLine("/// " + (config.ZeroCounts == ZeroCountPolicy.ZeroWeight ? "that have samples (empty classes weigh 0)." : "(" + Literals.Int(classCount) + ")."));
            w.WriteLine("/// Indexed by class: the enum member's value is the logits column.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCodeAttribute);
            WriteDeprecation(w, spec);
            w.WriteLine(access + " static partial class " + type);
            w.OpenBrace();

            w.WriteLine("/// <summary>The number of classes C (the width of the logits).</summary>");
            w.WriteLine("public const int ClassCount = " + Literals.Int(classCount) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>β of the effective number E_n = (1 - β^n) / (1 - β).</summary>");
            w.WriteLine("public const double Beta = " + Literals.Double(config.Beta) + ";");
            if (config.Loss == CbLoss.Focal)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>γ of the focal modulator (1 - p_t)^γ.</summary>");
                w.WriteLine("public const double Gamma = " + Literals.Double(config.Gamma) + ";");
            }

            if (config.DeferUntilEpoch > 0)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>Deferred re-weighting: the first 0-based epoch that uses these weights (the loss is unweighted before).</summary>");
                w.WriteLine("public const int DeferUntilEpoch = " + Literals.Int(config.DeferUntilEpoch) + ";");
            }

            foreach (MemberSpec member in spec.Members)
            {
                string cref = enumType + "." + member.Identifier;
                w.WriteLine();
                if (member.Name + "Count" == "ClassCount")
                {
                    w.WriteLine("// The count of '" + member.Name + "' would be named ClassCount, which is the number of classes: read Counts[" + Literals.Int(member.Index) + "].");
                }
                else
                {
                    w.WriteLine("/// <summary>Training samples of <see cref=\"" + cref + "\"/> (class " + Literals.Int(member.Index) + ").</summary>");
                    w.WriteLine("public const long " + member.Name + "Count = " + Literals.Long(member.Count) + ";");
                }

                w.WriteLine();
                w.WriteLine("/// <summary>Class-balanced weight of <see cref=\"" + cref + "\"/> (class " + Literals.Int(member.Index) + ").</summary>");
                w.WriteLine("public const double " + member.Name + "Weight = " + Literals.Double(Literals.RequireFinite(weights[member.Index], "A weight")) + ";");
            }

            WriteTable(w, features, "long", "Counts", "s_counts",
                "Training samples per class, indexed by class.", counts.Length, i => Literals.Long(counts[i]));
            WriteTable(w, features, "double", "EffectiveNumbers", "s_effectiveNumbers",
                "Effective numbers E_n = (1 - β^n) / (1 - β) per class (0 for an empty class).", effective.Length,
                i => Literals.Double(Literals.RequireFinite(effective[i], "An effective number")));
            WriteTable(w, features, "double", "Weights", "s_weights",
                "Class-balanced weights per class, equal to <c>ClassBalancedWeights.Compute(Counts, Beta"
                + (config.ZeroCounts == ZeroCountPolicy.ZeroWeight ? ", zeroCounts: ZeroCountPolicy.ZeroWeight" : string.Empty)
                + ")</c>.", weights.Length,
                i => Literals.Double(weights[i]));

            w.WriteLine();
            w.WriteLine("/// <summary>The class-balanced weight of <paramref name=\"label\"/>.</summary>");
            w.WriteLine("/// <param name=\"label\">A class of <see cref=\"" + enumType + "\"/>.</param>");
            w.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"label\"/> is not a defined class.</exception>");
            w.WriteLine("public static double WeightOf(" + enumType + " label)");
            WriteLookUpByLabel(w, spec, "ClassCount", "Weights");

            w.CloseBrace();
            CloseNamespace(w, spec);
            return w.ToString();
        }

        public static string EmitLoss(EnumSpec spec, ConfigSpec config, CompilationFeatures features)
        {
            string type = config.TypeName + "Loss";
            string weightsType = (spec.Namespace is null ? "global::" : "global::" + spec.Namespace + ".") + config.TypeName + "Weights";
            string access = spec.IsPublic ? "public" : "internal";
            string enumType = spec.FullyQualifiedEnumName;
            string normalizer = "global::CbGen.MeanNormalizer." + config.Normalizer.ToString();
            string device = "global::CbGen.CbDevice." + config.Device.ToString();
            string baseType;
            string baseArguments;
            string what;
            switch (config.Loss)
            {
                case CbLoss.Softmax:
                    baseType = "global::CbGen.TorchSharp.ClassBalancedSoftmaxLoss";
                    baseArguments = weightsType + ".Weights, reduction: reduction, normalizer: " + normalizer + ", device: " + device;
                    what = "class-balanced softmax cross-entropy";
                    break;
                case CbLoss.Sigmoid:
                    baseType = "global::CbGen.TorchSharp.ClassBalancedSigmoidLoss";
                    baseArguments = weightsType + ".Weights, reduction: reduction, normalizer: " + normalizer + ", device: " + device;
                    what = "class-balanced sigmoid (one-vs-all binary) cross-entropy";
                    break;
                case CbLoss.Focal:
                    baseType = "global::CbGen.TorchSharp.ClassBalancedFocalLoss";
                    baseArguments = weightsType + ".Weights, gamma: " + weightsType + ".Gamma, reduction: reduction, normalizer: "
                        + normalizer + ", device: " + device;
                    what = "class-balanced focal loss";
                    break;
                default:
                    throw new InvalidOperationException("Unknown loss " + config.Loss.ToString() + ".");
            }

            string? deferred = null;
            if (config.DeferUntilEpoch > 0)
            {
                // The class-balanced module becomes the inner loss of a deferred re-weighting wrapper.
                baseArguments = "new " + baseType + "(" + baseArguments + "), deferUntilEpoch: " + weightsType + ".DeferUntilEpoch";
                baseType = "global::CbGen.TorchSharp.DeferredReweightingLoss";
                deferred = "/// Deferred re-weighting: unweighted for the 0-based epochs 0.." + Literals.Int(config.DeferUntilEpoch - 1)
                    + ", weighted from epoch " + Literals.Int(config.DeferUntilEpoch) + " on; set <c>Epoch</c> or call <c>Step(epoch)</c> each epoch.";
            }

            var w = new SourceWriter(4096);
            WriteHeader(w, spec, config, features);
            OpenNamespace(w, spec);

            w.WriteLine("/// <summary>");
            w.WriteLine("/// The " + what + " for <see cref=\"" + enumType + "\"/>, with the weights of");
            w.WriteLine("/// <see cref=\"" + weightsType + "\"/> (β = " + Literals.Text(config.Beta)
                + (config.Loss == CbLoss.Focal ? ", γ = " + Literals.Text(config.Gamma) : string.Empty)
                + "), <see cref=\"" + normalizer + "\"/> and <see cref=\"" + device + "\"/> baked in.");
            w.WriteLine("/// Call it with logits [B, C] and either int64 class indices or the enum's labels.");
            if (deferred is not null)
            {
                w.WriteLine(deferred);
            }

            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCodeAttribute);
            WriteDeprecation(w, spec);
            w.WriteLine(access + " sealed class " + type + " : " + baseType);
            w.OpenBrace();

            w.WriteLine("/// <summary>Creates the loss with <c>Reduction.Mean</c>.</summary>");
            w.WriteLine("public " + type + "()");
            w.WriteLine("    : this(" + Reduction + ".Mean)");
            w.OpenBrace();
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("/// <summary>Creates the loss with the given reduction.</summary>");
            w.WriteLine("/// <param name=\"reduction\">How the per-sample losses are reduced.</param>");
            w.WriteLine("public " + type + "(" + Reduction + " reduction)");
            w.WriteLine("    : base(" + baseArguments + ")");
            w.OpenBrace();
            w.CloseBrace();
            w.WriteLine();
            WriteForwardLabelsDocs(w);
            w.WriteLine("public " + Tensor + " forward(" + Tensor + " logits, global::System.ReadOnlySpan<" + enumType + "> labels)");
            w.OpenBrace();
            w.WriteLine("if (logits is null)");
            w.OpenBrace();
            w.WriteLine("throw new global::System.ArgumentNullException(nameof(logits));");
            w.CloseBrace();
            w.WriteLine();
            WriteLabelsToIndices(w);
            w.WriteLine();
            w.WriteLine("using (" + Tensor + " target = global::TorchSharp.torch.tensor(indices, dtype: global::TorchSharp.torch.ScalarType.Int64, device: logits.device))");
            w.OpenBrace();
            w.WriteLine("return base.forward(logits, target);");
            w.CloseBrace();
            w.CloseBrace();
            w.WriteLine();
            WriteForwardLabelsDocs(w);
            w.WriteLine("public " + Tensor + " forward(" + Tensor + " logits, " + enumType + "[] labels)");
            w.OpenBrace();
            w.WriteLine("if (labels is null)");
            w.OpenBrace();
            w.WriteLine("throw new global::System.ArgumentNullException(nameof(labels));");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("return forward(logits, new global::System.ReadOnlySpan<" + enumType + ">(labels));");
            w.CloseBrace();

            w.CloseBrace();
            CloseNamespace(w, spec);
            return w.ToString();
        }

        private static void WriteTable(
            SourceWriter w,
            CompilationFeatures features,
            string elementType,
            string property,
            string field,
            string summary,
            int length,
            Func<int, string> literal)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>" + summary + "</summary>");
            if (features.HasCreateSpan)
            {
                // .NET 7+: the compiler reads the constant data in place (RuntimeHelpers.CreateSpan), no allocation.
                w.WriteLine("public static global::System.ReadOnlySpan<" + elementType + "> " + property + " => new " + elementType + "[]");
                WriteArrayItems(w, length, literal);
            }
            else
            {
                // Older targets would allocate the array on every access: cache it once.
                w.WriteLine("public static global::System.ReadOnlySpan<" + elementType + "> " + property + " => " + field + ";");
                WriteArray(w, elementType, field, length, literal);
            }
        }

        /// <summary>A blank line and <c>private static readonly T[] field = new T[] { … };</c>.</summary>
        private static void WriteArray(SourceWriter w, string elementType, string field, int length, Func<int, string> literal)
        {
            w.WriteLine();
            w.WriteLine("private static readonly " + elementType + "[] " + field + " = new " + elementType + "[]");
            WriteArrayItems(w, length, literal);
        }

        /// <summary>The braces of an array initialiser with <paramref name="length"/> items, eight a line.</summary>
        private static void WriteArrayItems(SourceWriter w, int length, Func<int, string> literal)
        {
            w.OpenBrace();
            const int PerLine = 8;
            for (int start = 0; start < length; start += PerLine)
            {
                w.StartLine();
                int end = Math.Min(length, start + PerLine);
                for (int i = start; i < end; i++)
                {
                    w.Append(literal(i)).Append(",");
                    if (i + 1 < end)
                    {
                        w.Append(" ");
                    }
                }

                w.EndLine();
            }

            w.CloseBrace(";");
        }

        private static void WriteHeader(SourceWriter w, EnumSpec spec, ConfigSpec config, CompilationFeatures features)
        {
            w.WriteLine("// <auto-generated/>");
            w.WriteLine("// Generated by CbGen from the " + (spec.CountsFile is null ? "[ClassBalanced]" : "[ClassBalancedDataset]")
                + " config \"" + config.TypeName + "\" of "
                + spec.FullyQualifiedEnumName.Replace("global::", string.Empty)
                + (spec.CountsFile is null ? string.Empty : " (counts file \"" + Literals.Comment(spec.CountsFile) + "\")") + ":");
            w.WriteLine("//   loss: " + config.Loss.ToString()
                + ", beta: " + Literals.Text(config.Beta)
                + (config.Loss == CbLoss.Focal ? ", gamma: " + Literals.Text(config.Gamma) : string.Empty)
                + ", normalizer: " + config.Normalizer.ToString()
                + ", device: " + config.Device.ToString()
                + ", zero counts: " + config.ZeroCounts.ToString()
                + (config.DeferUntilEpoch > 0 ? ", defer until epoch: " + Literals.Int(config.DeferUntilEpoch) : string.Empty));
            {
                w.WriteLine("//   counts (class index: member = samples):");
                const int PerLine = 6;
                for (int start = 0; start < spec.Members.Count; start += PerLine)
                {
                    w.StartLine().Append("//    ");
                    int end = Math.Min(spec.Members.Count, start + PerLine);
                    for (int i = start; i < end; i++)
                    {
                        MemberSpec member = spec.Members[i];
                        w.Append(" ").Append(Literals.Int(member.Index)).Append(": ").Append(member.Name)
                            .Append(" = ").Append(Literals.Text(member.Count)).Append(i + 1 < spec.Members.Count ? "," : string.Empty);
                    }

                    w.EndLine();
                }
            }

            if (features.SupportsNullable)
            {
                w.WriteLine("#nullable enable");
            }

            w.WriteLine();
        }

        /// <summary>The training samples of each class, indexed by class.</summary>
        private static long[] CountsOf(EnumSpec spec)
        {
            var counts = new long[spec.Members.Count];
            for (int c = 0; c < counts.Length; c++)
            {
                counts[c] = spec.Members[c].Count;
            }

            return counts;
        }

        /// <summary>The body of a look-up by a <c>label</c> parameter: <paramref name="table"/>[label] after checking
        /// the label against <paramref name="bound"/>.</summary>
        private static void WriteLookUpByLabel(SourceWriter w, EnumSpec spec, string bound, string table)
        {
            w.OpenBrace();
            w.WriteLine("ulong index = unchecked((ulong)(long)label);");
            w.WriteLine("if (index >= (ulong)" + bound + ")");
            w.OpenBrace();
            w.WriteLine("throw new global::System.ArgumentOutOfRangeException(nameof(label), label, "
                + Literals.String("Not a class of " + spec.EnumName + ": the classes are 0.." + Literals.Int(spec.Members.Count - 1) + ".") + ");");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("return " + table + "[(int)index];");
            w.CloseBrace();
        }

        /// <summary>The XML docs of a typed <c>forward(logits, labels)</c>.</summary>
        private static void WriteForwardLabelsDocs(SourceWriter w)
        {
            w.WriteLine("/// <summary>The loss of <paramref name=\"logits\"/> [B, C] against the labels of a batch.</summary>");
            w.WriteLine("/// <param name=\"logits\">Unnormalised scores [B, C].</param>");
            w.WriteLine("/// <param name=\"labels\">B labels; they become an int64 tensor on the device of <paramref name=\"logits\"/>.</param>");
            w.WriteLine("/// <returns>The reduced loss, or the per-sample losses with <c>Reduction.None</c>.</returns>");
        }

        /// <summary><c>long[] indices</c>: the <c>labels</c> span as int64 class indices.</summary>
        private static void WriteLabelsToIndices(SourceWriter w)
        {
            w.WriteLine("long[] indices = new long[labels.Length];");
            w.WriteLine("for (int i = 0; i < indices.Length; i++)");
            w.OpenBrace();
            w.WriteLine("indices[i] = unchecked((long)labels[i]);");
            w.CloseBrace();
        }

        /// <summary>The enum's <c>[Obsolete]</c>/<c>[Experimental]</c> lines (see <see cref="EnumSpec.Deprecation"/>).</summary>
        private static void WriteDeprecation(SourceWriter w, EnumSpec spec)
        {
            if (spec.Deprecation is { } lines)
            {
                foreach (string line in lines.Split('\n'))
                {
                    w.WriteLine(line);
                }
            }
        }

        private static void OpenNamespace(SourceWriter w, EnumSpec spec)
        {
            if (spec.Namespace is not null)
            {
                w.WriteLine("namespace " + spec.Namespace);
                w.OpenBrace();
            }
        }

        private static void CloseNamespace(SourceWriter w, EnumSpec spec)
        {
            if (spec.Namespace is not null)
            {
                w.CloseBrace();
            }
        }

        private static string ReadVersion()
        {
            Assembly assembly = typeof(Emitter).Assembly;
            string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString();
            if (version is null)
            {
                return "0.0.0";
            }

            int plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }
}
