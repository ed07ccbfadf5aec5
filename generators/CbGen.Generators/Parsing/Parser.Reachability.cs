using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

// Parser: where the generated types go (namespace, hint name) and whether they can name the enum.
internal static partial class Parser
{
    /// <summary>The namespace the generated types of <paramref name="symbol"/> go into (keywords escaped); null
    /// for the global namespace.</summary>
    internal static string? NamespaceOf(INamedTypeSymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString(NamespaceFormat)
            : null;

    /// <summary>The namespace as metadata holds it (no '@' escapes), for measuring names; null for the global namespace.</summary>
    internal static string? MetadataNamespaceOf(INamedTypeSymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString(MetadataNamespaceFormat)
            : null;

    private static readonly SymbolDisplayFormat MetadataNamespaceFormat = new SymbolDisplayFormat(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    public static string NamespaceText(INamedTypeSymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? "namespace " + ns.ToDisplayString()
            : "the global namespace";

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
}
