using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators
{
    /// <summary>A rule violation found while reading an enum; the analyzer turns it into a diagnostic, the generator
    /// only uses it to skip what is invalid. Never stored in the pipeline model.</summary>
    internal readonly struct Issue
    {
        public Issue(DiagnosticDescriptor descriptor, Location? location, int config, params object?[] args)
        {
            Descriptor = descriptor;
            Location = location;
            Config = config;
            Args = args;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Location? Location { get; }

        /// <summary>The index of the config the issue invalidates, or -1 when it invalidates the whole enum.</summary>
        public int Config { get; }

        public object?[] Args { get; }

        /// <summary>Extra facts for code fixes (the diagnostic's property bag), or null.</summary>
        public ImmutableDictionary<string, string?>? Properties { get; init; }
    }

    /// <summary>Turns an annotated enum symbol into the equatable <see cref="EnumSpec"/>, checking every rule on the
    /// way. The generator and the analyzer share this code, so they agree on what is valid.</summary>
    internal static class Parser
    {
        public const string ClassBalancedAttributeName = "CbGen.ClassBalancedAttribute";
        public const string TorchSharpRuntimeAssemblyName = "CbGen.TorchSharp";

        private const double DefaultBeta = 0.999;
        private const double DefaultGamma = 2.0;
        private const double CollapseRatio = 1.05;

        private static readonly SymbolDisplayFormat NamespaceFormat = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        /// <summary>Reduces the compilation and the parse options to the three facts the emitter needs.</summary>
        public static CompilationFeatures ReadFeatures(Compilation compilation, bool supportsNullable)
        {
            bool torch = false;
            foreach (AssemblyIdentity identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == TorchSharpRuntimeAssemblyName)
                {
                    torch = true;
                    break;
                }
            }

            INamedTypeSymbol? helpers = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RuntimeHelpers");
            bool createSpan = helpers is not null && !helpers.GetMembers("CreateSpan").IsEmpty;
            return new CompilationFeatures(torch, createSpan, supportsNullable);
        }

        /// <summary>The generator's entry point: the model of the valid configs, or null when nothing is valid.
        /// Never throws (except on cancellation): an unexpected exception becomes <see cref="EnumSpec.Failure"/>.</summary>
        public static bool SupportsNullable(ParseOptions options) =>
            options is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;

        public static EnumSpec? ParseForGenerator(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol symbol || symbol.TypeKind != TypeKind.Enum)
            {
                return null;
            }

            try
            {
                return Parse(symbol, context.Attributes, issues: null, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return EnumSpec.Failed(symbol.Name, ex.GetType().Name + ": " + ex.Message);
            }
        }

        /// <summary>Reads and checks <paramref name="symbol"/>. With <paramref name="issues"/> non-null every
        /// violation is added with its location (the analyzer); the returned model holds only the valid configs.</summary>
        public static EnumSpec? Parse(
            INamedTypeSymbol symbol,
            ImmutableArray<AttributeData> attributes,
            List<Issue>? issues,
            CancellationToken cancellationToken,
            bool requireConfigs = true)
        {
            var checks = new ConfigChecks(attributes, symbol.Name, issues);
            RawConfig[] configs = checks.Configs;
            bool[] configValid = checks.ConfigValid;

            // Reachability: the generated types sit at namespace level.
            string? unreachable = Unreachable(symbol, out bool isPublic);
            if (unreachable is not null)
            {
                for (int i = 0; i < attributes.Length; i++)
                {
                    AttributeData attribute = attributes[i];
                    checks.Report(DiagnosticDescriptors.UnreachableEnum, () => AttributeLocation(attribute, cancellationToken), -1,
                        symbol.ToDisplayString(), unreachable);
                }
            }

            // [Flags]
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (IsAttribute(attribute, "System", "FlagsAttribute"))
                {
                    checks.Report(DiagnosticDescriptors.FlagsEnum, () => AttributeLocation(attribute, cancellationToken), -1, symbol.Name);
                }
            }

            // Members, values and counts.
            var fields = new List<IFieldSymbol>();
            foreach (ISymbol member in symbol.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field)
                {
                    fields.Add(field);
                }
            }

            int classCount = fields.Count;
            if (classCount < 2)
            {
                for (int i = 0; i < attributes.Length; i++)
                {
                    AttributeData attribute = attributes[i];
                    checks.Report(DiagnosticDescriptors.TooFewClasses, () => AttributeLocation(attribute, cancellationToken), -1,
                        symbol.Name, classCount);
                }
            }

            bool anyThrowConfig = configs.Any(c => c.ZeroCounts == ZeroCountPolicy.Throw);
            var members = new MemberSpec?[classCount];
            var owner = new string?[classCount];
            bool anyZero = false;
            bool anyPositive = false;
            foreach (IFieldSymbol field in fields)
            {
                cancellationToken.ThrowIfCancellationRequested();
                long value = ToInt64(field.ConstantValue);
                bool valueOk = true;
                if (value < 0 || value >= classCount)
                {
                    valueOk = false;
                    checks.Report(DiagnosticDescriptors.ValuesNotClassIndices, () => field.Locations.FirstOrDefault(), -1,
                        field.Name, Literals.Text(value), "outside 0.." + Literals.Text(classCount - 1L),
                        Literals.Text(classCount - 1L));
                }
                else if (owner[value] is { } first)
                {
                    valueOk = false;
                    checks.Report(DiagnosticDescriptors.ValuesNotClassIndices, () => field.Locations.FirstOrDefault(), -1,
                        field.Name, Literals.Text(value), "the same as '" + first + "'", Literals.Text(classCount - 1L));
                }
                else
                {
                    owner[value] = field.Name;
                }

                AttributeData? samples = null;
                foreach (AttributeData attribute in field.GetAttributes())
                {
                    if (IsAttribute(attribute, "CbGen", "SamplesAttribute"))
                    {
                        samples = attribute;
                        break;
                    }
                }

                if (samples is null)
                {
                    checks.Report(DiagnosticDescriptors.MissingSamples, () => field.Locations.FirstOrDefault(), -1, field.Name, symbol.Name);
                    continue;
                }

                if (samples.ConstructorArguments.Length != 1 || samples.ConstructorArguments[0].Value is not long count)
                {
                    // The compiler already reports the malformed attribute.
                    checks.TargetValid = false;
                    continue;
                }

                if (count < 0)
                {
                    checks.Report(DiagnosticDescriptors.NonPositiveCount, () => ArgumentLocation(samples, null, cancellationToken), -1,
                        field.Name, Literals.Text(count));
                    continue;
                }

                if (count == 0)
                {
                    anyZero = true;
                    if (anyThrowConfig)
                    {
                        // Invalidates the configs that keep ZeroCountPolicy.Throw (below), not the ZeroWeight ones.
                        issues?.Add(new Issue(DiagnosticDescriptors.NonPositiveCount,
                            ArgumentLocation(samples, null, cancellationToken), 0, field.Name, "0"));
                    }
                }
                else
                {
                    anyPositive = true;
                }

                if (valueOk)
                {
                    string identifier = SyntaxFacts.GetKeywordKind(field.Name) != SyntaxKind.None ? "@" + field.Name : field.Name;
                    members[value] = new MemberSpec(field.Name, identifier, (int)value, count);
                }
            }

            // Per config.
            // Ignoring case: Roslyn compares hint names case-insensitively, so Foo and foo would clash there.
            var seenNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < configs.Length; i++)
            {
                RawConfig config = configs[i];
                AttributeData attribute = attributes[i];
                if (!config.Readable)
                {
                    continue;
                }

                CheckConfig(config, attribute, i, checks.Report, seenNames, NamespaceText(symbol), cancellationToken);

                if (anyZero && config.ZeroCounts == ZeroCountPolicy.Throw)
                {
                    configValid[i] = false;
                }

                if (checks.TargetValid && config.ZeroCounts == ZeroCountPolicy.ZeroWeight && !anyPositive)
                {
                    checks.Report(DiagnosticDescriptors.AllCountsZero, () => ArgumentLocation(attribute, "ZeroCounts", cancellationToken), i,
                        symbol.Name);
                }
            }

            if (!checks.TargetValid)
            {
                return null;
            }

            var memberSpecs = new MemberSpec[classCount];
            for (int c = 0; c < classCount; c++)
            {
                // With every value in 0..C-1, distinct and every count read, each slot is filled.
                memberSpecs[c] = members[c] ?? throw new InvalidOperationException("Class " + c + " has no member.");
            }

            // The collapse warning needs valid counts and β, so it runs last.
            var valid = new List<ConfigSpec>(configs.Length);
            for (int i = 0; i < configs.Length; i++)
            {
                if (!configValid[i])
                {
                    continue;
                }

                RawConfig config = configs[i];
                AttributeData attribute = attributes[i];
                if (issues is not null)
                {
                    CheckCollapse(memberSpecs, config, attribute, i, issues, cancellationToken);
                }

                valid.Add(config.ToSpec());
            }

            if (valid.Count == 0 && requireConfigs)
            {
                return null;
            }

            return new EnumSpec(
                NamespaceOf(symbol),
                symbol.Name,
                symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                HintPrefix(symbol),
                isPublic,
                new EquatableArray<MemberSpec>(memberSpecs),
                valid.ToEquatableArray(),
                Failure: null);
        }

        /// <summary>The type names (without the Weights/Loss suffix) that <paramref name="symbol"/>'s configs ask for,
        /// with the attribute of each; used by the analyzer to find clashes between enums.</summary>
        public static IEnumerable<(string TypeName, AttributeData Attribute)> ConfigTypeNames(
            INamedTypeSymbol symbol, ImmutableArray<AttributeData> attributes)
        {
            foreach (AttributeData attribute in attributes)
            {
                RawConfig config = RawConfig.Read(attribute, symbol.Name, attributes.Length);
                if (config.Readable)
                {
                    yield return (config.TypeName, attribute);
                }
            }
        }

        /// <summary>The checks of one config's own values (options, β, γ, name, DeferUntilEpoch), shared by enums and
        /// counts-file datasets.</summary>
        internal static void CheckConfig(
            RawConfig config,
            AttributeData attribute,
            int i,
            Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
            Dictionary<string, int> seenNames,
            string namespaceText,
            CancellationToken cancellationToken)
        {
            void Report(DiagnosticDescriptor descriptor, Func<Location?> location, int index, params object?[] args) =>
                report(descriptor, location, index, args);

            CheckOption(config.Loss, "Loss", "CbLoss", attribute, i, report, cancellationToken);
            CheckOption(config.Device, "Device", "CbDevice", attribute, i, report, cancellationToken);
            CheckOption(config.Normalizer, "Normalizer", "MeanNormalizer", attribute, i, report, cancellationToken);
            CheckOption(config.ZeroCounts, "ZeroCounts", "ZeroCountPolicy", attribute, i, report, cancellationToken);

            if (double.IsNaN(config.Beta) || config.Beta < 0.0 || config.Beta > 1.0)
            {
                Report(DiagnosticDescriptors.BetaOutOfRange, () => ArgumentLocation(attribute, "Beta", cancellationToken), i,
                    Literals.Text(config.Beta));
            }

            if (config.Loss == CbLoss.Focal)
            {
                if (double.IsNaN(config.Gamma) || double.IsInfinity(config.Gamma) || config.Gamma < 0.0)
                {
                    Report(DiagnosticDescriptors.GammaOutOfRange, () => ArgumentLocation(attribute, "Gamma", cancellationToken), i,
                        Literals.Text(config.Gamma));
                }
            }
            else if (config.GammaSet)
            {
                Report(DiagnosticDescriptors.GammaIgnored, () => ArgumentLocation(attribute, "Gamma", cancellationToken), i,
                    "CbLoss." + config.Loss.ToString());
            }

            if (config.DeferUntilEpoch < 0)
            {
                Report(TrainingSetupDiagnostics.InvalidDeferUntilEpoch,
                    () => ArgumentLocation(attribute, "DeferUntilEpoch", cancellationToken), i,
                    Literals.Text((long)config.DeferUntilEpoch));
            }

            if (config.ExplicitName is { } explicitName && !IsValidTypeName(explicitName))
            {
                Report(DiagnosticDescriptors.InvalidName, () => ArgumentLocation(attribute, "Name", cancellationToken), i,
                    explicitName);
            }
            else if (seenNames.ContainsKey(config.TypeName))
            {
                Report(DiagnosticDescriptors.DuplicateName, () => ArgumentLocation(attribute, "Name", cancellationToken), i,
                    config.TypeName, namespaceText, "another config of this " + (attribute.AttributeClass?.Name == "ClassBalancedDatasetAttribute" ? "class" : "enum"));
            }
            else
            {
                seenNames.Add(config.TypeName, i);
            }
        }

        /// <summary>The namespace the generated types of <paramref name="symbol"/> go into (keywords escaped); null
        /// for the global namespace.</summary>
        internal static string? NamespaceOf(INamedTypeSymbol symbol) =>
            symbol.ContainingNamespace is { IsGlobalNamespace: false } containing
                ? containing.ToDisplayString(NamespaceFormat)
                : null;

        public static string NamespaceText(INamedTypeSymbol symbol) =>
            symbol.ContainingNamespace is { IsGlobalNamespace: false } ns
                ? "namespace " + ns.ToDisplayString()
                : "the global namespace";

        public static bool IsAttribute(AttributeData attribute, string ns, string name)
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            return type is not null
                && type.Name == name
                && type.ContainingNamespace is { } containing
                && containing.Name == ns
                && containing.ContainingNamespace is { IsGlobalNamespace: true };
        }

        /// <summary>The location of the named argument <paramref name="name"/> (or the first positional argument when
        /// null), else of the whole attribute.</summary>
        public static Location? ArgumentLocation(AttributeData attribute, string? name, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
            {
                if (syntax.ArgumentList is { } list)
                {
                    foreach (AttributeArgumentSyntax argument in list.Arguments)
                    {
                        bool match = name is null
                            ? argument.NameEquals is null && argument.NameColon is null
                            : argument.NameEquals?.Name.Identifier.ValueText == name;
                        if (match)
                        {
                            return argument.GetLocation();
                        }
                    }
                }

                return syntax.GetLocation();
            }

            return null;
        }

        public static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

        private static void CheckCollapse(
            MemberSpec[] members,
            RawConfig config,
            AttributeData attribute,
            int index,
            List<Issue> issues,
            CancellationToken cancellationToken)
        {
            // β = 0 is the deliberate "no re-weighting" baseline of the paper: uniform weights are what was asked for.
            if (config.Beta == 0.0)
            {
                return;
            }

            long minCount = long.MaxValue;
            long maxCount = 0;
            var counts = new long[members.Length];
            for (int c = 0; c < members.Length; c++)
            {
                long n = members[c].Count;
                counts[c] = n;
                if (n > 0)
                {
                    minCount = Math.Min(minCount, n);
                    maxCount = Math.Max(maxCount, n);
                }
            }

            if (maxCount == 0 || maxCount / 2 < minCount)
            {
                return;
            }

            double[] weights = ClassBalancedWeights.Compute(counts, config.Beta, WeightNormalization.SumToClassCount, config.ZeroCounts);
            double minWeight = double.MaxValue;
            double maxWeight = 0.0;
            for (int c = 0; c < weights.Length; c++)
            {
                if (counts[c] > 0)
                {
                    minWeight = Math.Min(minWeight, weights[c]);
                    maxWeight = Math.Max(maxWeight, weights[c]);
                }
            }

            double ratio = maxWeight / minWeight;
            if (ratio < CollapseRatio)
            {
                double suggested = (maxCount - 1.0) / maxCount;
                // A warning: it leaves the config valid, so it skips ConfigChecks.Report and carries the exact β for the
                // code fix (CbGen.CodeFixes) in its property bag.
                issues.Add(new Issue(DiagnosticDescriptors.WeightsCollapse, ArgumentLocation(attribute, "Beta", cancellationToken), index,
                    Literals.Text(config.Beta),
                    ratio.ToString("0.###", CultureInfo.InvariantCulture),
                    ((double)maxCount / minCount).ToString("0.#", CultureInfo.InvariantCulture),
                    suggested.ToString("G6", CultureInfo.InvariantCulture),
                    Literals.Text(maxCount))
                {
                    Properties = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticDescriptors.SuggestedBetaProperty, Literals.Text(suggested))
                        .Add(DiagnosticDescriptors.LargestCountProperty, Literals.Text(maxCount)),
                });
            }
        }

        internal static void CheckOption<TEnum>(
            TEnum value,
            string property,
            string enumName,
            AttributeData attribute,
            int index,
            Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
            CancellationToken cancellationToken)
            where TEnum : struct, Enum
        {
            if (!Enum.IsDefined(typeof(TEnum), value))
            {
                string names = string.Join(", ", Enum.GetNames(typeof(TEnum)).Select(n => enumName + "." + n));
                report(DiagnosticDescriptors.UnknownOption, () => ArgumentLocation(attribute, property, cancellationToken), index,
                    new object?[] { property, Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), enumName, names });
            }
        }

        internal static bool IsValidTypeName(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name + "Weights") == SyntaxKind.None;

        /// <summary>Null when the generated namespace-level types can name the enum, otherwise why not.</summary>
        internal static string? Unreachable(INamedTypeSymbol symbol, out bool isPublic)
        {
            isPublic = true;
            for (INamedTypeSymbol? type = symbol; type is not null; type = type.ContainingType)
            {
                string subject = SymbolEqualityComparer.Default.Equals(type, symbol)
                    ? string.Empty
                    : " (through its containing type '" + type.ToDisplayString() + "')";
                if (!SymbolEqualityComparer.Default.Equals(type, symbol) && type.Arity > 0)
                {
                    return "nested in the generic type '" + type.ToDisplayString() + "'";
                }

                if (type.IsFileLocal)
                {
                    return "file-local" + subject;
                }

                switch (type.DeclaredAccessibility)
                {
                    case Accessibility.Private:
                        return "private" + subject;
                    case Accessibility.Protected:
                        return "protected" + subject;
                    case Accessibility.ProtectedAndInternal:
                        return "private protected" + subject;
                    case Accessibility.Internal:
                    case Accessibility.ProtectedOrInternal:
                        isPublic = false;
                        break;
                }
            }

            return null;
        }

        internal static string HintPrefix(INamedTypeSymbol symbol)
        {
            var parts = new List<string>();
            for (INamedTypeSymbol? type = symbol; type is not null; type = type.ContainingType)
            {
                parts.Add(type.Name);
            }

            for (INamespaceSymbol? ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                parts.Add(ns.Name);
            }

            parts.Reverse();
            return string.Join(".", parts);
        }

        private static long ToInt64(object? value) => value switch
        {
            ulong u => u > long.MaxValue ? long.MaxValue : (long)u,
            null => -1,
            _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        };

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

            public ConfigSpec ToSpec() => new ConfigSpec(TypeName, Loss, Beta, Loss == CbLoss.Focal ? Gamma : 0.0, Device,
                Normalizer, ZeroCounts, DeferUntilEpoch);

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
