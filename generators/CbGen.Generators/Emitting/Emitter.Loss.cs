using System;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting
{
    /// <summary>The <c>{Name}Loss</c> class of a config (with TorchSharp): the runtime module with the weights baked in and
    /// typed label overloads.</summary>
    internal static partial class Emitter
    {
        public static string LossHintName(EnumSpec spec, ConfigSpec config) =>
            spec.HintPrefix + "." + config.TypeName + "Loss.g.cs";

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
                case CbLoss.LogitAdjusted:
                    baseType = "global::CbGen.TorchSharp.LogitAdjustedLoss";
                    baseArguments = weightsType + ".Counts, reduction: reduction, normalizer: " + normalizer + ", tau: " + weightsType
                        + ".Tau, device: " + device;
                    what = "logit-adjusted softmax cross-entropy CE(z + τ·log π, y)";
                    break;
                case CbLoss.Ldam:
                    baseType = "global::CbGen.TorchSharp.LdamLoss";
                    baseArguments = weightsType + ".Counts, reduction: reduction, normalizer: " + normalizer + ", maxMargin: " + weightsType
                        + ".MaxMargin, scale: " + weightsType + ".Scale, "
                        + (config.DeferUntilEpoch > 0 ? "weight: " + weightsType + ".Weights, " : string.Empty) + "device: " + device;
                    what = config.DeferUntilEpoch > 0 ? "LDAM-DRW loss (label-distribution-aware margins, deferred re-weighting)" : "LDAM loss (label-distribution-aware margins)";
                    break;
                case CbLoss.DistributionBalanced:
                case CbLoss.Asymmetric:
                    (baseType, baseArguments, what) = MultiLabelBase(config, weightsType, normalizer, device);
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
            w.WriteLine("/// The " + what + " for <see cref=\"" + enumType + "\"/>, with the " + BakedIn(config) + " of");
            w.WriteLine("/// <see cref=\"" + weightsType + "\"/> (" + KnobsText(config)
                + "), <see cref=\"" + normalizer + "\"/> and <see cref=\"" + device + "\"/> baked in.");
            w.WriteLine(config.IsMultiLabel
                ? "/// Call it with logits [B, C] and floating multi-hot targets [B, C] (column c is the enum member of value c)."
                : "/// Call it with logits [B, C] and either int64 class indices or the enum's labels.");
            if (deferred is not null)
            {
                w.WriteLine(deferred);
            }

            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedCodeAttribute);
            WriteDeprecation(w, spec);
            w.WriteLine(access + " sealed class " + type + " : " + baseType);
            w.OpenBrace();

            if (config.IsMultiLabel)
            {
                WriteMultiLabelConstructors(w, config, type, baseArguments);
                w.CloseBrace();
                WriteAdjustLogits(w, spec, config);
                CloseNamespace(w, spec);
                return w.ToString();
            }

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
            WriteAdjustLogits(w, spec, config);
            CloseNamespace(w, spec);
            return w.ToString();
        }


        /// <summary>The constructors of a multi-label <c>{Name}Loss</c>, which keeps the base <c>forward(logits, target)</c>
        /// for multi-hot targets; the distribution-balanced one takes N, the number of training samples.</summary>
        private static void WriteMultiLabelConstructors(SourceWriter w, ConfigSpec config, string type, string baseArguments)
        {
            bool db = config.Loss == CbLoss.DistributionBalanced;
            string samples = db ? "long samples" : string.Empty;
            string samplesDoc = "/// <param name=\"samples\">N, the number of training samples the positives per class are counted out of.</param>";
            w.WriteLine("/// <summary>Creates the loss with <c>Reduction.Mean</c>.</summary>");
            if (db)
            {
                w.WriteLine(samplesDoc);
            }

            w.WriteLine("public " + type + "(" + samples + ")");
            w.WriteLine("    : this(" + (db ? "samples, " : string.Empty) + Reduction + ".Mean)");
            w.OpenBrace();
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("/// <summary>Creates the loss with the given reduction.</summary>");
            if (db)
            {
                w.WriteLine(samplesDoc);
            }

            w.WriteLine("/// <param name=\"reduction\">How the element losses are reduced.</param>");
            w.WriteLine("public " + type + "(" + (db ? samples + ", " : string.Empty) + Reduction + " reduction)");
            w.WriteLine("    : base(" + baseArguments + ")");
            w.OpenBrace();
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

        /// <summary>What a loss takes from its weights class: "weights", "log-priors", "margins" or "margins and weights".</summary>
        private static string BakedIn(ConfigSpec config) => config.Loss switch
        {
            CbLoss.LogitAdjusted => "log-priors",
            CbLoss.Ldam => config.DeferUntilEpoch > 0 ? "margins and weights" : "margins",
            CbLoss.DistributionBalanced => "counts",
            CbLoss.Asymmetric => "class count",
            _ => "weights",
        };

        /// <summary>The knobs of a config for its docs, e.g. "β = 0.999, γ = 2" or "m_max = 0.5, s = 30".</summary>
        private static string KnobsText(ConfigSpec config)
        {
            string text = config.UsesWeights ? "β = " + Literals.Text(config.Beta) : string.Empty;
            string Join(string more) => text.Length == 0 ? more : text + ", " + more;
            if (config.Loss == CbLoss.Focal)
            {
                text = Join("γ = " + Literals.Text(config.Gamma));
            }
            else if (config.Loss == CbLoss.LogitAdjusted)
            {
                text = Join("τ = " + Literals.Text(config.Tau));
            }
            else if (config.Loss == CbLoss.Ldam)
            {
                text = Join("m_max = " + Literals.Text(config.MaxMargin) + ", s = " + Literals.Text(config.Scale));
            }
            else if (config.IsMultiLabel)
            {
                text = Join(MultiLabelKnobsText(config));
            }

            return text;
        }
    }
}
