using System;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

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
        LossKind kind = KindOf(config.Loss);
        bool deferred = config.DeferUntilEpoch > 0;
        // N comes from the multi-label counts when the config has them, otherwise from the constructor.
        bool samplesArgument = kind.TakesSamples && !IsMultiLabel(config);
        string inner = "new " + kind.RuntimeType + "(" + weightsType + "." + kind.Table.ToString()
            + (kind.TakesSamples ? ", " + (samplesArgument ? "samples" : weightsType + "." + SampleCountName) : string.Empty);
        foreach (LossKnob knob in kind.Knobs)
        {
            inner += ", " + knob.Parameter + ": " + weightsType + "." + knob.Constant;
        }

        inner += (deferred && kind.Table == LossTable.Counts ? ", weight: " + weightsType + ".Weights" : string.Empty)
            + ", reduction: reduction, normalizer: " + normalizer + (kind.HasDevice ? ", device: " + device : string.Empty) + ")";
        string innerType = kind.RuntimeType;
        if (deferred)
        {
            // The runtime loss becomes the inner loss of a deferred re-weighting wrapper.
            inner = "new global::CbGen.TorchSharp.DeferredReweightingLoss(" + inner + ", deferUntilEpoch: " + weightsType + ".DeferUntilEpoch)";
            innerType = "global::CbGen.TorchSharp.DeferredReweightingLoss";
        }

        string what = deferred && kind.DeferredWhat is { } deferredWhat ? deferredWhat : kind.What;

        var w = new SourceWriter(4096);
        WriteHeader(w, spec, config, features);
        OpenNamespace(w, spec);

        w.WriteLine("/// <summary>");
        w.WriteLine("/// The " + what + " for <see cref=\"" + enumType + "\"/>, with the " + BakedIn(config) + " of");
        // Only what the runtime loss is built with: a loss without buffers (the asymmetric loss) takes no device.
        w.WriteLine("/// <see cref=\"" + weightsType + "\"/> (" + KnobsText(config) + "), <see cref=\"" + normalizer + "\"/>"
            + (kind.HasDevice ? " and <see cref=\"" + device + "\"/>" : string.Empty) + " baked in.");
        // A multi-label config's sigmoid or focal loss gets no single-label overloads: one enum label per sample would
        // weigh all C terms of the sample by that label's weight, not each term by its own class's.
        bool multiHot = kind.MultiLabel || config.MultiLabel;
        w.WriteLine(multiHot
            ? "/// Call it with logits [B, C] and floating multi-hot targets [B, C] (column c is the enum member of value c)."
            : "/// Call it with logits [B, C] and either int64 class indices or the enum's labels.");
        if (deferred)
        {
            w.WriteLine("/// Deferred re-weighting: unweighted for the 0-based epochs 0.." + Literals.Int(config.DeferUntilEpoch - 1)
                + ", weighted from epoch " + Literals.Int(config.DeferUntilEpoch) + " on; set <c>Epoch</c> or call <c>Step(epoch)</c> each epoch.");
        }

        w.WriteLine("/// <c>Inner</c> is the <see cref=\"" + innerType + "\"/> it wraps.");
        w.WriteLine("/// </summary>");
        w.WriteLine(GeneratedCodeAttribute);
        WriteDeprecation(w, spec);
        w.WriteLine(access + " sealed class " + type + " : global::CbGen.TorchSharp.PerClassLoss<" + innerType + ">");
        w.OpenBrace();

        if (kind.MultiLabel)
        {
            WriteMultiLabelConstructors(w, type, inner, samplesArgument);
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
        w.WriteLine("    : base(" + inner + ")");
        w.OpenBrace();
        w.CloseBrace();
        if (deferred)
        {
            w.WriteLine();
            WriteDeferredMembers(w);
        }

        if (multiHot)
        {
            w.CloseBrace();
            WriteAdjustLogits(w, spec, config);
            CloseNamespace(w, spec);
            return w.ToString();
        }

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


    /// <summary>A deferred loss's <c>Epoch</c> and <c>Step(epoch)</c>, passed on to its <c>Inner</c>.</summary>
    private static void WriteDeferredMembers(SourceWriter w)
    {
        w.WriteLine("/// <summary>The current 0-based epoch (0 after construction); the loss re-weights from <c>DeferUntilEpoch</c> on.</summary>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">Set to a negative value.</exception>");
        w.WriteLine("public int Epoch");
        w.OpenBrace();
        w.WriteLine("get => Inner.Epoch;");
        w.WriteLine("set => Inner.Epoch = value;");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary>Moves to <paramref name=\"epoch\"/> (call it at the start of each epoch).</summary>");
        w.WriteLine("/// <param name=\"epoch\">The 0-based epoch about to be trained.</param>");
        w.WriteLine("/// <returns>Whether this epoch re-weights.</returns>");
        w.WriteLine("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"epoch\"/> is negative.</exception>");
        w.WriteLine("public bool Step(int epoch) => Inner.Step(epoch);");
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
    private static string BakedIn(ConfigSpec config)
    {
        LossKind kind = KindOf(config.Loss);
        return kind.BakedIn + (config.DeferUntilEpoch > 0 && kind.Table == LossTable.Counts ? " and weights" : string.Empty);
    }

    /// <summary>The knobs of a config for its docs, e.g. "β = 0.999, γ = 2" or "m_max = 0.5, s = 30".</summary>
    private static string KnobsText(ConfigSpec config)
    {
        string text = config.UsesWeights ? "β = " + Literals.Text(config.Beta) : string.Empty;
        foreach (LossKnob knob in KindOf(config.Loss).Knobs)
        {
            text += (text.Length == 0 ? string.Empty : ", ") + knob.Symbol + " = " + Literals.Text(knob.Value(config));
        }
        return text;
    }
}
