using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CbGen.Cli.Commands;
using CbGen.Cli.Input;
using CbGen.CountsFiles;

namespace CbGen.Cli.Emit;

/// <summary>What <c>cbgen enum</c> writes: the enum's name and namespace and its <c>[ClassBalanced]</c> config.</summary>
internal sealed record EnumSpec(
    string Name,
    string? Namespace,
    double Beta,
    CbLoss Loss,
    double? Gamma,
    ZeroCountPolicy ZeroCounts,
    MemberNaming Naming);

/// <summary>Writes a C# label enum annotated for the CbGen generator: <c>[ClassBalanced(…)]</c> on the enum and
/// <c>[Samples(n)]</c> on every member (<c>[Samples(n, Label = "…")]</c> where the member name is not the class name
/// as the data writes it), members valued 0..C-1 in class-index order.</summary>
internal static class EnumEmitter
{
    public static string Emit(CountTable table, EnumSpec spec)
    {
        var names = new List<string>(table.Classes.Count);
        foreach (ClassCount c in table.Classes)
        {
            names.Add(c.Name);
        }

        List<string> members = CSharpIdentifiers.MemberNames(names, spec.Naming, spec.Name);
        var sb = new StringBuilder();
        sb.Append("// Written by `cbgen enum` from ").Append(CountsFileFormat.VisibleText(table.Source));
        if (table.Kind != SourceKind.Inline)
        {
            sb.Append(" (").Append(CountsFileFormat.VisibleText(table.Description)).Append(')');
        }

        sb.Append(": ").Append(Invariant.Plural(table.Classes.Count, "class", "classes")).Append(", ")
            .Append(table.SizeText).Append(".\n");
        sb.Append("// The CbGen source generator turns this enum into constant class-balanced weight tables (and a typed loss\n");
        sb.Append("// when the project references CbGen.TorchSharp). Re-run cbgen when the training data changes.\n");
        sb.Append("using CbGen;\n\n");

        string indent = string.Empty;
        if (spec.Namespace is not null)
        {
            sb.Append("namespace ").Append(spec.Namespace).Append('\n').Append("{\n");
            indent = "    ";
        }

        sb.Append(indent).Append("/// <summary>The ").Append(Invariant.Plural(table.Classes.Count, "class", "classes")).Append(" of ")
            .Append(CountsFileFormat.DocText(table.Source)).Append(" in class-index order (the logits columns).</summary>\n");
        // The attribute's arguments are bound inside the enum, where a member named CbLoss would hide the type.
        string qualifier = members.Contains("CbLoss") || members.Contains("ZeroCountPolicy") ? "global::CbGen." : string.Empty;
        // β and the zero-count policy shape class-balanced weights only; on the long-tail losses Beta is CB030.
        bool weighted = GeneratorRules.UsesClassBalancedWeights(spec.Loss);
        sb.Append(indent).Append("[ClassBalanced(");
        if (weighted)
        {
            sb.Append("Beta = ").Append(Literal(spec.Beta)).Append(", ");
        }

        sb.Append("Loss = ").Append(qualifier).Append("CbLoss.").Append(spec.Loss.ToString());
        if (spec.Loss == CbLoss.Focal)
        {
            sb.Append(", Gamma = ").Append(Literal(spec.Gamma ?? CbDefaults.Gamma));
        }

        // The asymmetric loss reads no counts, so an empty class is fine under ZeroWeight (the generator needs the policy).
        if ((weighted || spec.Loss == CbLoss.Asymmetric) && spec.ZeroCounts == ZeroCountPolicy.ZeroWeight)
        {
            sb.Append(", ZeroCounts = ").Append(qualifier).Append("ZeroCountPolicy.ZeroWeight");
        }

        sb.Append(")]\n");
        sb.Append(indent).Append("public enum ").Append(spec.Name).Append('\n');
        sb.Append(indent).Append("{\n");
        for (int i = 0; i < members.Count; i++)
        {
            ClassCount c = table.Classes[i];
            string inner = indent + "    ";
            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append(inner).Append("/// <summary>").Append(CountsFileFormat.DocText(c.Name)).Append(": ").Append(Invariant.Format(c.Count))
                .Append(c.Count == 1 ? " sample" : " samples").Append(".</summary>\n");
            sb.Append(inner).Append("[Samples(").Append(Invariant.Format(c.Count));
            // The data's own label where the member name is not it: the generated ML.NET helpers match labels by it.
            if (LabelDiffers(members[i], c.Name))
            {
                sb.Append(", Label = ").Append(CountsFileFormat.StringLiteral(c.Name));
            }

            sb.Append(")]\n");
            sb.Append(inner).Append(members[i]).Append(" = ").Append(Invariant.Format(i)).Append(",\n");
        }

        sb.Append(indent).Append("}\n");
        if (spec.Namespace is not null)
        {
            sb.Append("}\n");
        }

        return sb.ToString();
    }

    /// <summary>Whether the member <paramref name="identifier"/> (a keyword escaped with '@') stands for another text
    /// than the class name <paramref name="className"/>: then the member needs <c>Label = "…"</c>.</summary>
    public static bool LabelDiffers(string identifier, string className) =>
        !string.Equals(identifier.StartsWith('@') ? identifier.Substring(1) : identifier, className, StringComparison.Ordinal);

    /// <summary>A C# double literal in the invariant culture that round-trips: 0.9999, 1.0, 1E-05.</summary>
    public static string Literal(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
