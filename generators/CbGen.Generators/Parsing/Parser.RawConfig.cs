using System.Collections.Generic;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing
{
    // Parser: the arguments of one [ClassBalanced]/[ClassBalancedDataset] attribute, with the attribute's defaults.
    internal static partial class Parser
    {
        /// <summary>The attribute's arguments, with the attribute's defaults.</summary>
        internal readonly struct RawConfig
        {
            private RawConfig(bool readable, string typeName, string? explicitName, CbLoss loss, double beta, double gamma,
                bool gammaSet, CbDevice device, MeanNormalizer normalizer, ZeroCountPolicy zeroCounts, int deferUntilEpoch)
            {
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

            /// <param name="location">Where a clash of its type names is reported (its <c>Name</c>, else the attribute).</param>
            public ConfigSpec ToSpec(LocationInfo? location) => new ConfigSpec(TypeName, Loss, Beta, Loss == CbLoss.Focal ? Gamma : 0.0, Device,
                Normalizer, ZeroCounts, DeferUntilEpoch, location);

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
                        MeanNormalizer.PositiveLabels, ZeroCountPolicy.Throw, 0);
                }

                double beta = DefaultBeta;
                double gamma = DefaultGamma;
                bool gammaSet = false;
                var loss = CbLoss.Softmax;
                var device = CbDevice.Auto;
                var normalizer = MeanNormalizer.PositiveLabels;
                var zeroCounts = ZeroCountPolicy.Throw;
                string? name = null;
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
                            break;
                        case "ZeroCounts" when value is int z:
                            zeroCounts = (ZeroCountPolicy)z;
                            break;
                        case "Name":
                            name = value as string;
                            break;
                        case "DeferUntilEpoch" when value is int k:
                            deferUntilEpoch = k;
                            break;
                        default:
                            readable = false;
                            break;
                    }
                }

                string typeName = name ?? (configCount > 1 ? enumName + loss.ToString() : enumName);
                return new RawConfig(readable, typeName, name, loss, beta, gamma, gammaSet, device, normalizer, zeroCounts,
                    deferUntilEpoch);
            }
        }
    }
}
