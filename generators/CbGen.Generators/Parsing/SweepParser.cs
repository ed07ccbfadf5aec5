using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing
{
    /// <summary>Reads and checks a <c>[ClassBalancedSweep]</c> and expands its grid: loss-major, then β, then γ (focal
    /// only), in the order the arrays give them.</summary>
    internal static class SweepParser
    {
        public const string SweepAttributeName = "CbGen.ClassBalancedSweepAttribute";

        private static readonly double[] DefaultBetas = { 0.9, 0.99, 0.999, 0.9999 };
        private static readonly CbLoss[] DefaultLosses = { CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal };
        private static readonly double[] DefaultGammas = { 0.5, 1.0, 2.0 };

        /// <summary>The generator's entry point for a sweep on an enum: the enum's members and the expanded grid, or
        /// null when either is invalid (the analyzers report why).</summary>
        public static EnumSweepSpec? ParseForGenerator(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Enum } symbol || context.Attributes.Length != 1)
            {
                return null;
            }

            try
            {
                EnumSpec? members = Parser.Parse(symbol, context.Attributes, issues: null, cancellationToken, requireConfigs: false);
                SweepSpec? sweep = Read(context.Attributes[0], symbol.Name, issues: null, cancellationToken);
                // Sweeps use ZeroCountPolicy.Throw: a zero count (reported as CB002) leaves nothing to generate.
                if (members is null || sweep is null || members.Members.Any(m => m.Count <= 0))
                {
                    return null;
                }

                return new EnumSweepSpec(members, sweep);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new EnumSweepSpec(EnumSpec.Failed(symbol.Name, ex.GetType().Name + ": " + ex.Message),
                    new SweepSpec(symbol.Name, EquatableArray<double>.Empty, EquatableArray<double>.Empty,
                        EquatableArray<SweepPoint>.Empty, CbDevice.Auto, MeanNormalizer.PositiveLabels, 0));
            }
        }

        /// <summary>The sweep attribute of <paramref name="symbol"/>, or null.</summary>
        public static AttributeData? Find(INamedTypeSymbol symbol)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (Parser.IsAttribute(attribute, "CbGen", "ClassBalancedSweepAttribute"))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>Checks the grid (adding every violation to <paramref name="issues"/> when non-null) and expands it;
        /// null when it is invalid.</summary>
        public static SweepSpec? Read(AttributeData attribute, string defaultPrefix, List<Issue>? issues, CancellationToken cancellationToken)
        {
            if (attribute.AttributeConstructor is null)
            {
                return null;
            }

            bool valid = true;
            void Report(DiagnosticDescriptor descriptor, Func<Location?> location, int config, params object?[] args)
            {
                if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
                {
                    valid = false;
                }

                issues?.Add(new Issue(descriptor, location(), config, args));
            }

            double[] betas = DefaultBetas;
            CbLoss[] losses = DefaultLosses;
            double[] gammas = DefaultGammas;
            bool gammasSet = false;
            var device = CbDevice.Auto;
            var normalizer = MeanNormalizer.PositiveLabels;
            int deferUntilEpoch = 0;
            string? name = null;
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                TypedConstant constant = argument.Value;
                if (constant.Kind == TypedConstantKind.Error)
                {
                    return null;
                }

                switch (argument.Key)
                {
                    case "Betas":
                        betas = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray();
                        break;
                    case "Losses":
                        losses = constant.IsNull ? Array.Empty<CbLoss>() : constant.Values.Select(v => v.Value is int l ? (CbLoss)l : (CbLoss)(-1)).ToArray();
                        break;
                    case "Gammas":
                        gammas = constant.IsNull ? Array.Empty<double>() : constant.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray();
                        gammasSet = true;
                        break;
                    case "Device" when constant.Value is int d:
                        device = (CbDevice)d;
                        break;
                    case "Normalizer" when constant.Value is int m:
                        normalizer = (MeanNormalizer)m;
                        break;
                    case "DeferUntilEpoch" when constant.Value is int k:
                        deferUntilEpoch = k;
                        break;
                    case "Name":
                        name = constant.Value as string;
                        break;
                    default:
                        return null;
                }
            }

            Parser.CheckOption(device, "Device", "CbDevice", attribute, 0, Report, cancellationToken);
            Parser.CheckOption(normalizer, "Normalizer", "MeanNormalizer", attribute, 0, Report, cancellationToken);
            if (deferUntilEpoch < 0)
            {
                Report(TrainingSetupDiagnostics.InvalidDeferUntilEpoch,
                    () => Parser.ArgumentLocation(attribute, "DeferUntilEpoch", cancellationToken), 0,
                    Literals.Text((long)deferUntilEpoch));
            }

            if (name is not null && !Parser.IsValidTypeName(name + "Sweep"))
            {
                Report(DiagnosticDescriptors.InvalidName, () => Parser.ArgumentLocation(attribute, "Name", cancellationToken), 0, name);
            }

            bool anyFocal = losses.Contains(CbLoss.Focal);
            if (betas.Length == 0)
            {
                Report(TrainingSetupDiagnostics.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Betas", cancellationToken), 0,
                    "Betas", "0.9, 0.99, 0.999, 0.9999");
            }

            if (losses.Length == 0)
            {
                Report(TrainingSetupDiagnostics.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Losses", cancellationToken), 0,
                    "Losses", "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal");
            }

            if (gammas.Length == 0 && anyFocal)
            {
                Report(TrainingSetupDiagnostics.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Gammas", cancellationToken), 0,
                    "Gammas", "0.5, 1.0, 2.0");
            }

            for (int i = 0; i < betas.Length; i++)
            {
                int index = i;
                double beta = betas[i];
                if (double.IsNaN(beta) || beta < 0.0 || beta > 1.0)
                {
                    Report(DiagnosticDescriptors.BetaOutOfRange, () => ElementLocation(attribute, "Betas", index, cancellationToken), 0,
                        Literals.Text(beta));
                }
                else if (Array.IndexOf(betas, beta) < i)
                {
                    Report(TrainingSetupDiagnostics.DuplicateSweepValue, () => ElementLocation(attribute, "Betas", index, cancellationToken), 0,
                        "Betas", Literals.Text(beta));
                }
            }

            for (int i = 0; i < losses.Length; i++)
            {
                int index = i;
                CbLoss loss = losses[i];
                if (!Enum.IsDefined(typeof(CbLoss), loss))
                {
                    Report(DiagnosticDescriptors.UnknownOption, () => ElementLocation(attribute, "Losses", index, cancellationToken), 0,
                        "Losses[" + index.ToString(CultureInfo.InvariantCulture) + "]",
                        ((int)loss).ToString(CultureInfo.InvariantCulture), "CbLoss",
                        "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal");
                }
                else if (Array.IndexOf(losses, loss) < i)
                {
                    Report(TrainingSetupDiagnostics.DuplicateSweepValue, () => ElementLocation(attribute, "Losses", index, cancellationToken), 0,
                        "Losses", "CbLoss." + loss.ToString());
                }
            }

            if (gammasSet && !anyFocal && losses.Length > 0)
            {
                Report(DiagnosticDescriptors.GammaIgnored, () => Parser.ArgumentLocation(attribute, "Gammas", cancellationToken), 0,
                    string.Join(", ", losses.Select(l => "CbLoss." + l.ToString())));
            }

            if (anyFocal)
            {
                for (int i = 0; i < gammas.Length; i++)
                {
                    int index = i;
                    double gamma = gammas[i];
                    if (double.IsNaN(gamma) || double.IsInfinity(gamma) || gamma < 0.0)
                    {
                        Report(DiagnosticDescriptors.GammaOutOfRange, () => ElementLocation(attribute, "Gammas", index, cancellationToken), 0,
                            Literals.Text(gamma));
                    }
                    else if (Array.IndexOf(gammas, gamma) < i)
                    {
                        Report(TrainingSetupDiagnostics.DuplicateSweepValue, () => ElementLocation(attribute, "Gammas", index, cancellationToken), 0,
                            "Gammas", Literals.Text(gamma));
                    }
                }
            }

            if (!valid)
            {
                return null;
            }

            var points = new List<SweepPoint>();
            foreach (CbLoss loss in losses)
            {
                for (int b = 0; b < betas.Length; b++)
                {
                    string member = loss.ToString() + "_B" + NumberName(betas[b]);
                    if (loss == CbLoss.Focal)
                    {
                        foreach (double gamma in gammas)
                        {
                            points.Add(new SweepPoint(member + "_G" + NumberName(gamma), loss, betas[b], b, gamma));
                        }
                    }
                    else
                    {
                        points.Add(new SweepPoint(member, loss, betas[b], b, 0.0));
                    }
                }
            }

            return new SweepSpec(name ?? defaultPrefix, betas.ToEquatableArray(), (anyFocal ? gammas : Array.Empty<double>()).ToEquatableArray(),
                points.ToEquatableArray(), device, normalizer, deferUntilEpoch,
                LocationInfo.From(Parser.ArgumentLocation(attribute, "Name", cancellationToken)));
        }

        /// <summary>A number as identifier text: 0.9999 → 0_9999, 2 → 2, 1E-05 → 1Em05.</summary>
        public static string NumberName(double value) =>
            Literals.Text(value).Replace(".", "_").Replace("-", "m").Replace("+", string.Empty);

        /// <summary>The location of element <paramref name="index"/> of the array argument <paramref name="name"/>
        /// (array creation, implicit array or collection expression), else of the argument.</summary>
        private static Location? ElementLocation(AttributeData attribute, string name, int index, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } list })
            {
                foreach (AttributeArgumentSyntax argument in list.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    ExpressionSyntax? element = ElementAt(argument.Expression, index);
                    return (element ?? argument.Expression).GetLocation();
                }
            }

            return Parser.ArgumentLocation(attribute, name, cancellationToken);
        }

        private static ExpressionSyntax? ElementAt(ExpressionSyntax expression, int index)
        {
            InitializerExpressionSyntax? initializer = expression switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer,
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                _ => null,
            };
            if (initializer is not null)
            {
                return index < initializer.Expressions.Count ? initializer.Expressions[index] : null;
            }

            if (expression is CollectionExpressionSyntax collection && index < collection.Elements.Count
                && collection.Elements[index] is ExpressionElementSyntax element)
            {
                return element.Expression;
            }

            return null;
        }

        internal static ImmutableArray<AttributeData> AsArray(AttributeData attribute) => ImmutableArray.Create(attribute);
    }
}
