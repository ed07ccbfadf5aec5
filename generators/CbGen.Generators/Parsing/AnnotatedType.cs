using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Parsing;

/// <summary>A declaration that carries one of CbGen's attributes, as the parsers read it (what
/// <c>GeneratorAttributeSyntaxContext</c> gives a <c>ForAttributeWithMetadataName</c> transform):
/// <see cref="Attributes"/> are the matching attributes written on <see cref="TargetNode"/>.</summary>
internal readonly struct AnnotatedType
{
    public AnnotatedType(SyntaxNode targetNode, INamedTypeSymbol targetSymbol, SemanticModel semanticModel, ImmutableArray<AttributeData> attributes)
    {
        TargetNode = targetNode;
        TargetSymbol = targetSymbol;
        SemanticModel = semanticModel;
        Attributes = attributes;
    }

    public SyntaxNode TargetNode { get; }

    public INamedTypeSymbol TargetSymbol { get; }

    public SemanticModel SemanticModel { get; }

    public ImmutableArray<AttributeData> Attributes { get; }
}
