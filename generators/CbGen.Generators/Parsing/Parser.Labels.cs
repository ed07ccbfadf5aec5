using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CbGen.CountsFiles;
using CbGen.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: the data label of each class, [Samples(n, Label = "…")] or else the member's name (CB064, CB065).
internal static partial class Parser
{
    /// <summary>Reads the <c>Label</c> of a bound <c>[Samples]</c>: null when it has none (or <c>Label = null</c>).
    /// False when the argument does not bind to a string, which the compiler already reports.</summary>
    private static bool TryReadLabel(AttributeData samples, out string? label)
    {
        label = null;
        foreach (KeyValuePair<string, TypedConstant> argument in samples.NamedArguments)
        {
            if (argument.Key != "Label")
            {
                continue;
            }

            if (argument.Value.Kind == TypedConstantKind.Error || argument.Value.Value is not (null or string))
            {
                return false;
            }

            label = (string?)argument.Value.Value;
        }

        return true;
    }

    /// <summary>The data labels of an enum's members as they are read, checked as they come: a <c>Label</c> must hold
    /// a visible character, not only white space and invisible ones (CB065, <see cref="CountsFileFormat.IsBlankLabel"/>) and every class's data label (its <c>Label</c>, else its name) must be
    /// its own (CB064, ordinal, as the generated ML.NET helpers match). Each violation invalidates the enum.</summary>
    private sealed class DataLabels
    {
        private readonly Dictionary<string, (IFieldSymbol Field, AttributeData? Samples, string? Label)> _seen =
            new Dictionary<string, (IFieldSymbol, AttributeData?, string?)>(System.StringComparer.Ordinal);

        private readonly ConfigChecks _checks;
        private readonly CancellationToken _cancellationToken;

        public DataLabels(ConfigChecks checks, CancellationToken cancellationToken)
        {
            _checks = checks;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Adds the member <paramref name="field"/> with its <paramref name="label"/> (null: none) and the
        /// <c>[Samples]</c> it was bound from (null when read from syntax, by the generator, which reports nothing);
        /// false when a rule failed.</summary>
        public bool Add(IFieldSymbol field, AttributeData? samples, string? label)
        {
            if (label is not null && CountsFileFormat.IsBlankLabel(label))
            {
                _checks.Report(DiagnosticDescriptors.EmptyLabel, () => LabelLocation(field, samples), -1, field.Name, Literals.String(label));
                return false;
            }

            string dataLabel = label ?? field.Name;
            if (!_seen.TryGetValue(dataLabel, out (IFieldSymbol Field, AttributeData? Samples, string? Label) first))
            {
                _seen.Add(dataLabel, (field, samples, label));
                return true;
            }

            // On a Label: this member's, else the first's (member names are distinct, so one of the two has a Label).
            if (label is not null)
            {
                _checks.Report(DiagnosticDescriptors.DuplicateLabel, () => LabelLocation(field, samples), -1,
                    field.Name, Literals.String(label), LabelOwner(first.Field, first.Label));
            }
            else
            {
                _checks.Report(DiagnosticDescriptors.DuplicateLabel, () => LabelLocation(first.Field, first.Samples), -1,
                    first.Field.Name, Literals.String(dataLabel), LabelOwner(field, null));
            }

            return false;
        }

        /// <summary>What a label already is, for CB064: "the Label of member 'A'" or "the name of member 'B', its label
        /// without a Label".</summary>
        private static string LabelOwner(IFieldSymbol field, string? label) => label is not null
            ? "the Label of member '" + field.Name + "'"
            : "the name of member '" + field.Name + "', its label without a Label";

        private Location? LabelLocation(IFieldSymbol field, AttributeData? samples) =>
            (samples is null ? null : ArgumentLocation(samples, "Label", _cancellationToken)) ?? field.Locations.FirstOrDefault();
    }
}
