using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing;

/// <summary>The checks of a sweep's axes (empty, out of range, duplicate, unknown, a VS γ that underflows) and where each
/// element is written.</summary>
internal static partial class SweepParser
{
    private static void CheckAxes(
        AttributeData attribute,
        double[] betas,
        CbLoss[] losses,
        double[] gammas,
        bool gammasSet,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, int config, params object?[] args) =>
            report(descriptor, location, config, args);

        bool anyFocal = losses.Contains(CbLoss.Focal);
        if (betas.Length == 0)
        {
            Report(DiagnosticDescriptors.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Betas", cancellationToken), 0,
                "Betas", DefaultGrid(CbDefaults.SweepBetas));
        }

        if (losses.Length == 0)
        {
            Report(DiagnosticDescriptors.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Losses", cancellationToken), 0,
                "Losses", "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal");
        }

        if (gammas.Length == 0 && anyFocal)
        {
            Report(DiagnosticDescriptors.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Gammas", cancellationToken), 0,
                "Gammas", DefaultGrid(CbDefaults.SweepGammas));
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
                Report(DiagnosticDescriptors.DuplicateSweepValue, () => ElementLocation(attribute, "Betas", index, cancellationToken), 0,
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
                    "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal, CbLoss.LogitAdjusted, CbLoss.Ldam, CbLoss.VectorScaling, CbLoss.DistributionBalanced, CbLoss.Asymmetric");
            }
            else if (Array.IndexOf(losses, loss) < i)
            {
                Report(DiagnosticDescriptors.DuplicateSweepValue, () => ElementLocation(attribute, "Losses", index, cancellationToken), 0,
                    "Losses", "CbLoss." + loss.ToString());
            }
        }

        if (gammasSet && !anyFocal && losses.Length > 0)
        {
            Report(DiagnosticDescriptors.GammaIgnored, () => Parser.ArgumentLocation(attribute, "Gammas", cancellationToken), 0,
                "Gammas", string.Join(", ", losses.Select(l => "CbLoss." + l.ToString())),
                Parser.GammaIgnoredFix(sweep: true, losses.Contains(CbLoss.VectorScaling)));
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
                    Report(DiagnosticDescriptors.DuplicateSweepValue, () => ElementLocation(attribute, "Gammas", index, cancellationToken), 0,
                        "Gammas", Literals.Text(gamma));
                }
            }
        }
    }

    /// <summary>The VS γ axis: checked when the grid has VectorScaling points (empty, out of range: CB040, duplicate),
    /// else CB030 when it is written.</summary>
    private static void CheckVsGammas(
        AttributeData attribute,
        CbLoss[] losses,
        double[] vsGammas,
        bool vsGammasSet,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, params object?[] args) =>
            report(descriptor, location, 0, args);

        if (!losses.Contains(CbLoss.VectorScaling))
        {
            if (vsGammasSet && losses.Length > 0)
            {
                Report(DiagnosticDescriptors.OptionNotApplicable, () => Parser.ArgumentLocation(attribute, "VsGammas", cancellationToken),
                    "VsGammas", string.Join(", ", losses.Select(l => "CbLoss." + l.ToString())), "the CbLoss.VectorScaling points", DiagnosticDescriptors.SweepOptionFix);
            }

            return;
        }

        if (vsGammas.Length == 0)
        {
            Report(DiagnosticDescriptors.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "VsGammas", cancellationToken), "VsGammas", DefaultGrid(CbDefaults.SweepVsGammas));
        }

        for (int i = 0; i < vsGammas.Length; i++)
        {
            int index = i;
            double gamma = vsGammas[i];
            if (!VectorScalingTables.IsValidGamma(gamma))
            {
                Report(DiagnosticDescriptors.VsGammaOutOfRange, () => ElementLocation(attribute, "VsGammas", index, cancellationToken), Literals.Text(gamma));
            }
            else if (Array.IndexOf(vsGammas, gamma) < i)
            {
                Report(DiagnosticDescriptors.DuplicateSweepValue, () => ElementLocation(attribute, "VsGammas", index, cancellationToken),
                    "VsGammas", Literals.Text(gamma));
            }
        }
    }

    /// <summary>CB062 for each VS γ of <paramref name="grid"/> whose scale underflows for <paramref name="members"/>'
    /// counts, on its element of VsGammas (a warning: the sweep still generates).</summary>
    internal static IEnumerable<Issue> VsScaleUnderflows(
        AttributeData attribute, SweepSpec grid, EquatableArray<MemberSpec> members, CancellationToken cancellationToken)
    {
        long[] counts = grid.VsGammas.Count == 0 ? Array.Empty<long>() : members.Select(m => m.Count).ToArray();
        for (int i = 0; i < grid.VsGammas.Count; i++)
        {
            if (Underflows.InVsScales(counts, grid.VsGammas[i]) is { } scale)
            {
                yield return new Issue(DiagnosticDescriptors.VsScaleUnderflow, ElementLocation(attribute, "VsGammas", i, cancellationToken), 0,
                    "VsGammas holds " + Literals.Text(grid.VsGammas[i]), members[scale.Class].Name, scale.ValueText, scale.MoreText,
                    DiagnosticDescriptors.VsGammasFix);
            }
        }
    }

    /// <summary>The τ axis: checked when the grid has LogitAdjusted points (empty, out of range, duplicate), else
    /// CB030 when it is written.</summary>
    private static void CheckTaus(
        AttributeData attribute,
        CbLoss[] losses,
        double[] taus,
        bool tausSet,
        Action<DiagnosticDescriptor, Func<Location?>, int, object?[]> report,
        CancellationToken cancellationToken)
    {
        void Report(DiagnosticDescriptor descriptor, Func<Location?> location, params object?[] args) =>
            report(descriptor, location, 0, args);

        if (!losses.Contains(CbLoss.LogitAdjusted) && !losses.Contains(CbLoss.VectorScaling))
        {
            if (tausSet && losses.Length > 0)
            {
                Report(DiagnosticDescriptors.OptionNotApplicable, () => Parser.ArgumentLocation(attribute, "Taus", cancellationToken),
                    "Taus", string.Join(", ", losses.Select(l => "CbLoss." + l.ToString())), "the CbLoss.LogitAdjusted and CbLoss.VectorScaling points", DiagnosticDescriptors.SweepOptionFix);
            }

            return;
        }

        if (taus.Length == 0)
        {
            Report(DiagnosticDescriptors.EmptySweepAxis, () => Parser.ArgumentLocation(attribute, "Taus", cancellationToken), "Taus", DefaultGrid(CbDefaults.SweepTaus));
        }

        for (int i = 0; i < taus.Length; i++)
        {
            int index = i;
            double tau = taus[i];
            if (double.IsNaN(tau) || double.IsInfinity(tau) || tau < 0.0)
            {
                (string whose, string values) = Parser.TauWords(losses.Contains(CbLoss.LogitAdjusted), losses.Contains(CbLoss.VectorScaling));
                Report(DiagnosticDescriptors.TauOutOfRange, () => ElementLocation(attribute, "Taus", index, cancellationToken),
                    "Taus holds " + Literals.Text(tau), whose, values);
            }
            else if (Array.IndexOf(taus, tau) < i)
            {
                Report(DiagnosticDescriptors.DuplicateSweepValue, () => ElementLocation(attribute, "Taus", index, cancellationToken),
                    "Taus", Literals.Text(tau));
            }
        }
    }

    /// <summary>The location of element <paramref name="index"/> of the array argument <paramref name="name"/>
    /// (array creation, implicit array or collection expression), else of the argument.</summary>
    private static Location? ElementLocation(AttributeData attribute, string name, int index, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax
            && Parser.NamedArgument(syntax, name) is { } argument)
        {
            ExpressionSyntax? element = ElementAt(argument.Expression, index);
            return (element ?? argument.Expression).GetLocation();
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

    /// <summary>A default grid as the empty-axis message names it ("0.5, 1.0, 2.0"), read from
    /// <see cref="CbDefaults"/> so the message cannot drift from the grid a sweep uses.</summary>
    private static string DefaultGrid(double[] values) =>
        string.Join(", ", values.Select(v => v.ToString("0.0###", CultureInfo.InvariantCulture)));
}
