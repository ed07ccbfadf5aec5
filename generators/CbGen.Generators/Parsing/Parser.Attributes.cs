using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing
{
    // Parser: reading attributes and finding the syntax of their arguments (for diagnostic locations).
    internal static partial class Parser
    {
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
    }
}
