using System.Collections.Generic;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: the arguments of one [ClassBalanced]/[ClassBalancedDataset] attribute, with the attribute's defaults.
internal static partial class Parser
{
    /// <summary>The official LDAM-DRW code's β (the runtime's <c>DeferredReweighting.LdamDrwBeta</c>).</summary>
    internal const double LdamDrwBeta = CbDefaults.LdamDrwBeta;

    /// <summary>The long-tail losses' knobs as written (or defaulted), and which options were written.</summary>
    internal readonly record struct LongTailKnobs(
        double Tau, double MaxMargin, double Scale,
        bool TauSet, bool MaxMarginSet, bool ScaleSet, bool BetaSet, bool NormalizerSet)
    {
        public static LongTailKnobs Default => new LongTailKnobs(CbDefaults.Tau, CbDefaults.MaxMargin, CbDefaults.Scale, false, false, false, false, false);

        /// <summary>γ of the VS loss as written (or defaulted).</summary>
        public double VsGamma { get; init; } = CbDefaults.VsGamma;

        public bool VsGammaSet { get; init; }

        /// <summary>q of the generated sampling probabilities; NaN when not written (no table).</summary>
        public double SamplingPower { get; init; } = double.NaN;

        public bool SamplingPowerSet { get; init; }
    }

    /// <summary>Multi-label counts as written: <c>Samples = N</c> (N, and whether it was written) and
    /// <c>MultiLabel = true</c>.</summary>
    internal readonly record struct MultiLabelRequest(long Samples, bool SamplesSet, bool Asked)
    {
        /// <summary>Whether the config is multi-label: N written, or asked for.</summary>
        public bool IsMultiLabel => SamplesSet || Asked;
    }

    /// <summary>The attribute's arguments, with the attribute's defaults.</summary>
    internal readonly struct RawConfig
    {
        private RawConfig(bool readable, string typeName, string? explicitName, CbLoss loss, double beta, double gamma,
            bool gammaSet, CbDevice device, MeanNormalizer normalizer, ZeroCountPolicy zeroCounts, int deferUntilEpoch,
            LongTailKnobs knobs, MultiLabelKnobs multiLabelKnobs)
        {
            Knobs = knobs;
            MultiLabelKnobs = multiLabelKnobs;
            DeferUntilEpoch = deferUntilEpoch;
            Readable = readable;
            TypeName = typeName;
            ExplicitName = explicitName;
            Loss = loss;
            Beta = beta;
            Gamma = gamma;
            GammaSet = gammaSet;
            Device = device;
            Normalizer = normalizer;
            ZeroCounts = zeroCounts;
        }

        /// <summary>False when the compiler could not bind the attribute (it reports that itself).</summary>
        public bool Readable { get; }

        public string TypeName { get; }

        public string? ExplicitName { get; }

        public CbLoss Loss { get; }

        public double Beta { get; }

        public double Gamma { get; }

        public bool GammaSet { get; }

        public CbDevice Device { get; }

        public MeanNormalizer Normalizer { get; }

        public ZeroCountPolicy ZeroCounts { get; }

        /// <summary>K of deferred re-weighting; 0 for none.</summary>
        public int DeferUntilEpoch { get; }

        /// <summary>τ, m_max, s and which of the options were written (the long-tail losses' defaults differ).</summary>
        public LongTailKnobs Knobs { get; }

        /// <summary>The multi-label losses' knobs as written (or defaulted), and which were written.</summary>
        public MultiLabelKnobs MultiLabelKnobs { get; }

        /// <summary>Samples = N and MultiLabel as written.</summary>
        public MultiLabelRequest MultiLabel { get; init; }

        /// <summary>Whether the loss is LogitAdjusted, Ldam or VectorScaling.</summary>
        public bool IsLongTail => Loss is CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling;

        /// <summary>Whether the loss needs a finite per-class value of every class (CB031 for an empty class): the long-tail
        /// losses and DistributionBalanced (1/n_c).</summary>
        public bool NeedsEveryClass => ConfigSpec.NeedsEveryClassFor(Loss);

        /// <summary>Whether the loss is DistributionBalanced or Asymmetric (no class weights, multi-hot targets).</summary>
        public bool IsMultiLabelLoss => Loss == CbLoss.DistributionBalanced || Loss == CbLoss.Asymmetric;

        /// <summary>Whether the loss applies class-balanced weights: the CB losses, and LDAM with DeferUntilEpoch (LDAM-DRW).</summary>
        public bool UsesWeights => (!IsLongTail && !IsMultiLabelLoss) || (Loss == CbLoss.Ldam && DeferUntilEpoch > 0);

        /// <param name="location">Where a clash of its type names is reported (its <c>Name</c>, else the attribute).</param>
        public ConfigSpec ToSpec(LocationInfo? location)
        {
            // The long-tail losses default to the official code's choices when the option is not written:
            // PyTorch's weighted mean (WeightSum) and, for LDAM-DRW, β = 0.9999. Knobs of other losses are 0.
            MeanNormalizer normalizer = IsLongTail && !Knobs.NormalizerSet ? MeanNormalizer.WeightSum : Normalizer;
            double beta = !UsesWeights ? 0.0 : Loss == CbLoss.Ldam && !Knobs.BetaSet ? LdamDrwBeta : Beta;
            return new ConfigSpec(TypeName, Loss, beta, Loss == CbLoss.Focal ? Gamma : 0.0, Device,
                normalizer, ZeroCounts, Loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling || IsMultiLabelLoss ? 0 : DeferUntilEpoch, location)
            {
                MultiLabelKnobs = IsMultiLabelLoss ? MultiLabelKnobs.For(Loss) : MultiLabelKnobs.None,
                Tau = Loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling ? Knobs.Tau : 0.0,
                VsGamma = Loss == CbLoss.VectorScaling ? Knobs.VsGamma : 0.0,
                SamplingPower = Knobs.SamplingPowerSet ? Knobs.SamplingPower : -1.0,
                MaxMargin = Loss == CbLoss.Ldam ? Knobs.MaxMargin : 0.0,
                Scale = Loss == CbLoss.Ldam ? Knobs.Scale : 0.0,
                SampleCount = MultiLabel.SamplesSet ? MultiLabel.Samples : 0,
                MultiLabel = MultiLabel.IsMultiLabel,
            };
        }

        public static RawConfig Read(AttributeData attribute, string enumName, int configCount)
        {
            // Only [ClassBalanced] and [ClassBalancedDataset] are configs; a [ClassBalancedSweep] passed in as the
            // anchor of the member checks reads as unreadable (skipped).
            bool readable = attribute.AttributeConstructor is not null
                && (IsAttribute(attribute, "CbGen", "ClassBalancedAttribute")
                    || IsAttribute(attribute, "CbGen", "ClassBalancedDatasetAttribute"));
            int deferUntilEpoch = 0;
            if (!readable)
            {
                return new RawConfig(false, enumName, null, CbLoss.Softmax, DefaultBeta, DefaultGamma, false, CbDevice.Auto,
                    MeanNormalizer.PositiveLabels, ZeroCountPolicy.Throw, 0, LongTailKnobs.Default, MultiLabelKnobs.Default);
            }

            double beta = DefaultBeta;
            double gamma = DefaultGamma;
            bool gammaSet = false;
            var loss = CbLoss.Softmax;
            var device = CbDevice.Auto;
            var normalizer = MeanNormalizer.PositiveLabels;
            var zeroCounts = ZeroCountPolicy.Throw;
            string? name = null;
            LongTailKnobs knobs = LongTailKnobs.Default;
            MultiLabelKnobs multiLabelKnobs = MultiLabelKnobs.Default;
            MultiLabelRequest multiLabel = default;
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                TypedConstant constant = argument.Value;
                if (constant.Kind == TypedConstantKind.Error)
                {
                    readable = false;
                    continue;
                }

                object? value = constant.Value;
                switch (argument.Key)
                {
                    case "Beta" when value is double b:
                        beta = b;
                        knobs = knobs with { BetaSet = true };
                        break;
                    case "Tau" when value is double t:
                        knobs = knobs with { Tau = t, TauSet = true };
                        break;
                    case "VsGamma" when value is double vg:
                        knobs = knobs with { VsGamma = vg, VsGammaSet = true };
                        break;
                    case "SamplingPower" when value is double q:
                        knobs = knobs with { SamplingPower = q, SamplingPowerSet = true };
                        break;
                    case "MaxMargin" when value is double m:
                        knobs = knobs with { MaxMargin = m, MaxMarginSet = true };
                        break;
                    case "Scale" when value is double sc:
                        knobs = knobs with { Scale = sc, ScaleSet = true };
                        break;
                    case "Gamma" when value is double g:
                        gamma = g;
                        gammaSet = true;
                        break;
                    case "Loss" when value is int l:
                        loss = (CbLoss)l;
                        break;
                    case "Device" when value is int d:
                        device = (CbDevice)d;
                        break;
                    case "Normalizer" when value is int m:
                        normalizer = (MeanNormalizer)m;
                        knobs = knobs with { NormalizerSet = true };
                        break;
                    case "ZeroCounts" when value is int z:
                        zeroCounts = (ZeroCountPolicy)z;
                        break;
                    case "Name":
                        name = value as string;
                        break;
                    case "Samples" when value is long n:
                        multiLabel = multiLabel with { Samples = n, SamplesSet = true };
                        break;
                    case "MultiLabel" when value is bool asked:
                        multiLabel = multiLabel with { Asked = asked };
                        break;
                    case "DeferUntilEpoch" when value is int k:
                        deferUntilEpoch = k;
                        break;
                    default:
                        if (!MultiLabelKnobs.TryRead(ref multiLabelKnobs, argument.Key, value))
                        {
                            readable = false;
                        }

                        break;
                }
            }

            string typeName = name ?? (configCount > 1 ? enumName + loss.ToString() : enumName);
            return new RawConfig(readable, typeName, name, loss, beta, gamma, gammaSet, device, normalizer, zeroCounts,
                deferUntilEpoch, knobs, multiLabelKnobs)
            { MultiLabel = multiLabel };
        }
    }
}
