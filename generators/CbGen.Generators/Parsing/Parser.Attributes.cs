using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CbGen.Generators.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing;

// Parser: reading attributes and finding the syntax of their arguments (for diagnostic locations).
internal static partial class Parser
{
    public static bool IsAttribute(AttributeData attribute, string ns, string name) =>
        IsAttribute(attribute.AttributeClass, ns, name);

    /// <summary>Whether <paramref name="type"/> is the attribute class <paramref name="name"/> of the top-level
    /// namespace <paramref name="ns"/>.</summary>
    public static bool IsAttribute(INamedTypeSymbol? type, string ns, string name)
    {
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
            AttributeArgumentSyntax? argument = name is null
                ? syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)
                : NamedArgument(syntax, name);
            return (argument ?? (SyntaxNode)syntax).GetLocation();
        }

        return null;
    }

    /// <summary>The named argument <paramref name="name"/> of <paramref name="syntax"/>, or null. When it is written
    /// twice (the compiler's CS0643), the last: the value the parsers read (<see cref="AttributeData.NamedArguments"/>
    /// holds both, in order, and each later one overwrites), so a diagnostic on it sits on the copy that it names and
    /// that a code fix rewrites, the repeat, as the compiler's own error does.</summary>
    internal static AttributeArgumentSyntax? NamedArgument(AttributeSyntax syntax, string name) =>
        syntax.ArgumentList?.Arguments.LastOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    public static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    /// <summary>The <c>[Obsolete]</c> and <c>[Experimental]</c> attributes of <paramref name="symbol"/> or of its
    /// nearest containing type that has one, as C# attribute lines for the generated types (joined by '\n'); null
    /// when there is none. An attribute whose arguments the compiler cannot bind to a constructor
    /// (<c>[Obsolete(Missing)]</c>, <c>[Experimental]</c> without its id) counts as absent, as it does for the compiler:
    /// the type is not obsolete or experimental, and a copy without those arguments would be a different attribute
    /// (a warning on every use of the generated types) or the user's error a second time, in the generated files.</summary>
    internal static string? DeprecationOf(INamedTypeSymbol symbol)
    {
        string? obsolete = null;
        string? experimental = null;
        string? experimentalId = null;
        bool experimentalFound = false;
        for (INamedTypeSymbol? type = symbol; type is not null; type = type.ContainingType)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.AttributeConstructor is null)
                {
                    continue;
                }

                if (obsolete is null && IsAttribute(attribute, "System", "ObsoleteAttribute"))
                {
                    obsolete = Render(attribute, "global::System.ObsoleteAttribute");
                }
                else if (!experimentalFound
                    && attribute.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.ExperimentalAttribute")
                {
                    experimentalFound = true;
                    experimental = Render(attribute, "global::System.Diagnostics.CodeAnalysis.ExperimentalAttribute");
                    // A polyfill's single argument may be an array, whose Value throws.
                    experimentalId = attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string id } ? id : null;
                }
            }
        }

        if (experimentalFound && experimental is null)
        {
            // A polyfill whose arguments cannot be written back (a type, an enum, a number, an array): the compiler
            // reports each use of the type as CS9204 (no diagnostic id), which the generated files then suppress.
            experimental = "#pragma warning disable " + (ValidId(experimentalId) ? experimentalId : "CS9204");
            return obsolete is null ? experimental : experimental + "\n" + obsolete;
        }

        if (obsolete is null || experimental is null)
        {
            return obsolete ?? experimental;
        }

        // A type has one obsolete state: with both, [Obsolete] covers the obsolete uses (CS0619 cannot be
        // suppressed) and a pragma the experimental one (its diagnostics can be).
        return ValidId(experimentalId)
            ? "#pragma warning disable " + experimentalId + "\n" + obsolete
            : obsolete;
    }

    private static bool ValidId(string? id) => id is not null && SyntaxFacts.IsValidIdentifier(id);

    /// <summary><c>[Name(args, Named = value)]</c> for string and bool arguments; null when an argument has another
    /// type (the compiler reports a malformed attribute itself).</summary>
    private static string? Render(AttributeData attribute, string name)
    {
        var arguments = new List<string>();
        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            if (Constant(argument) is not { } text)
            {
                return null;
            }

            arguments.Add(text);
        }

        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (Constant(argument.Value) is not { } text)
            {
                return null;
            }

            arguments.Add(argument.Key + " = " + text);
        }

        return "[" + name + "(" + string.Join(", ", arguments) + ")]";
    }

    private static string? Constant(TypedConstant constant) =>
        constant.Kind != TypedConstantKind.Primitive ? null
        : constant.Value switch
        {
            null => "null",
            string text => Literals.String(text),
            bool flag => flag ? "true" : "false",
            _ => null,
        };
}
