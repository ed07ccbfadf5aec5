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

namespace CbGen.Generators.Parsing;

// Parser: the enum's members, their values (class indices) and their [Samples] counts and labels.
internal static partial class Parser
{
    /// <summary>Reads the enum's members: each value must be a class index 0..C-1 (distinct), each member needs a
    /// count, and the data labels must be valid and distinct (<see cref="DataLabels"/>). Returns the member of each class index (null where a rule failed, which invalidates the enum).</summary>
    private static MemberSpec?[] ReadMembers(
        INamedTypeSymbol symbol,
        ImmutableArray<AttributeData> attributes,
        ConfigChecks checks,
        List<Issue>? issues,
        bool anyThrowConfig,
        (string Negative, string Zero) countFix,
        SamplesSyntax? samplesSyntax,
        CancellationToken cancellationToken,
        out int classCount,
        out bool anyZero,
        out bool anyPositive)
    {
        ImmutableArray<ISymbol> declared = symbol.GetMembers();
        var fields = new List<IFieldSymbol>(declared.Length);
        foreach (ISymbol member in declared)
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                fields.Add(field);
            }
        }

        classCount = fields.Count;
        if (classCount < 2)
        {
            for (int i = 0; i < attributes.Length; i++)
            {
                AttributeData attribute = attributes[i];
                checks.Report(DiagnosticDescriptors.TooFewClasses, () => AttributeLocation(attribute, cancellationToken), -1,
                    symbol.Name, classCount);
            }
        }

        var members = new MemberSpec?[classCount];
        var owner = new string?[classCount];
        var labels = new DataLabels(checks, cancellationToken);
        anyZero = false;
        anyPositive = false;
        foreach (IFieldSymbol field in fields)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long value = ToInt64(field.ConstantValue);
            bool valueOk = true;
            if (value < 0 || value >= classCount)
            {
                valueOk = false;
                // The value as declared: ToInt64 clamps a ulong past Int64.MaxValue for the range check only.
                checks.Report(DiagnosticDescriptors.ValuesNotClassIndices, FirstLocation(field), -1,
                    field.Name, Convert.ToString(field.ConstantValue, CultureInfo.InvariantCulture), "outside 0.." + Literals.Text(classCount - 1L),
                    Literals.Text(classCount - 1L));
            }
            else if (owner[value] is { } first)
            {
                valueOk = false;
                checks.Report(DiagnosticDescriptors.ValuesNotClassIndices, FirstLocation(field), -1,
                    field.Name, Literals.Text(value), "the same as '" + first + "'", Literals.Text(classCount - 1L));
            }
            else
            {
                owner[value] = field.Name;
            }

            // A UTF-16 character is at most 3 UTF-8 bytes: most names are far too short to count.
            if ((field.Name.Length + "Weight".Length) * 3 > MetadataNameLimit && TooLong(field.Name + "Weight") is var bytes and > 0)
            {
                valueOk = false;
                checks.Report(DiagnosticDescriptors.NameTooLong, FirstLocation(field), -1,
                    Shorten(field.Name + "Weight"), Literals.Text((long)bytes), field.Name);
            }

            // A plain [Samples(n)] with n ≥ 1 is read from syntax when the generator allows it; every other
            // member binds its attributes.
            long count;
            string? label;
            // Not captured by the lambdas below, which would then allocate their closure for every member.
            AttributeData? bound = null;
            if (samplesSyntax?.Read(field, cancellationToken) is { } plain)
            {
                count = plain.Count;
                label = plain.Label;
                anyPositive = true;
            }
            else
            {
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
                    checks.Report(DiagnosticDescriptors.MissingSamples, FirstLocation(field), -1, field.Name, symbol.Name);
                    continue;
                }

                if (samples.ConstructorArguments.Length != 1 || samples.ConstructorArguments[0].Value is not long boundCount
                    || !TryReadLabel(samples, out label))
                {
                    // The compiler already reports the malformed attribute.
                    checks.TargetValid = false;
                    continue;
                }

                bound = samples;
                count = boundCount;
                if (count < 0)
                {
                    checks.Report(DiagnosticDescriptors.NonPositiveCount, () => ArgumentLocation(samples, null, cancellationToken), -1,
                        field.Name, Literals.Text(count), countFix.Negative);
                    continue;
                }

                if (count == 0)
                {
                    anyZero = true;
                    if (anyThrowConfig)
                    {
                        // Invalidates the configs that keep ZeroCountPolicy.Throw (below), not the ZeroWeight ones.
                        issues?.Add(new Issue(DiagnosticDescriptors.NonPositiveCount,
                            ArgumentLocation(samples, null, cancellationToken), 0, field.Name, "0", countFix.Zero));
                    }
                }
                else
                {
                    anyPositive = true;
                }
            }

            if (!labels.Add(field, bound, label))
            {
                continue;
            }

            if (valueOk)
            {
                string identifier = SyntaxFacts.GetKeywordKind(field.Name) != SyntaxKind.None ? "@" + field.Name : field.Name;
                members[value] = new MemberSpec(field.Name, identifier, (int)value, count, label);
            }
        }

        return members;
    }

    /// <summary>Where a diagnostic about <paramref name="field"/> points, found only when it is reported: a lambda
    /// written in the loop above would allocate its closure for every member.</summary>
    private static Func<Location?> FirstLocation(IFieldSymbol field) => () => field.Locations.FirstOrDefault();

    private static long ToInt64(object? value) => value switch
    {
        int i => i,
        ulong u => u > long.MaxValue ? long.MaxValue : (long)u,
        null => -1,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };
}
