using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing;

/// <summary>The generator's fast path for the members of one enum: reads <c>[Samples(n)]</c> from syntax when n is a
/// plain positive integer literal, instead of binding every member's attributes (<c>GetAttributes()</c> was most of
/// the parser's time on an 8,142-member enum), with an optional <c>Label = "…"</c> string literal after n (what
/// <c>cbgen enum</c> writes). The attribute's name is bound once, on the first member that qualifies: all members of
/// the enum share one scope, so <c>Samples</c> names the same type on each. Anything else (a constant, a cast, an
/// expression, zero, another named argument, an alias, a qualified or full name, a target, a second attribute, a
/// user's own <c>SamplesAttribute</c> with other constructors or without a string <c>Label</c>) returns null, and the
/// parser binds that member's attributes as before; <c>SamplesSyntaxTests</c> checks both paths give the same model.</summary>
internal sealed class SamplesSyntax
{
    private readonly SemanticModel _model;
    private INamedTypeSymbol? _samplesType;
    private bool? _namesSamples;
    private bool? _hasLabel;

    public SamplesSyntax(SemanticModel model) => _model = model;

    /// <summary>The count (and label, null without one) of <paramref name="field"/>, or null when its syntax is not a
    /// plain <c>[Samples(n)]</c> or <c>[Samples(n, Label = "…")]</c> with n ≥ 1 that binds to
    /// <c>CbGen.SamplesAttribute(long)</c>.</summary>
    public PlainSamples? Read(IFieldSymbol field, CancellationToken cancellationToken)
    {
        ImmutableArray<SyntaxReference> references = field.DeclaringSyntaxReferences;
        if (references.Length != 1
            || references[0].GetSyntax(cancellationToken) is not EnumMemberDeclarationSyntax member
            || member.SyntaxTree != _model.SyntaxTree
            || member.AttributeLists.Count != 1)
        {
            return null;
        }

        AttributeListSyntax list = member.AttributeLists[0];
        if (list.Target is not null || list.Attributes.Count != 1 || list.ContainsDiagnostics)
        {
            return null;
        }

        AttributeSyntax attribute = list.Attributes[0];
        if (attribute.Name is not IdentifierNameSyntax { Identifier.Text: "Samples" }
            || attribute.ArgumentList is not { Arguments.Count: 1 or 2 } arguments
            || arguments.Arguments[0] is not { NameEquals: null, NameColon: null, Expression: LiteralExpressionSyntax literal }
            || !literal.IsKind(SyntaxKind.NumericLiteralExpression))
        {
            return null;
        }

        string? label = null;
        if (arguments.Arguments.Count == 2)
        {
            if (arguments.Arguments[1] is not { NameEquals.Name.Identifier.Text: "Label", NameColon: null, Expression: LiteralExpressionSyntax text }
                || !text.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            label = text.Token.ValueText;
        }

        // The literal types that convert implicitly to long; a double, decimal or ulong literal does not compile.
        long count = literal.Token.Value switch
        {
            int value => value,
            uint value => value,
            long value => value,
            _ => 0,
        };
        if (count <= 0)
        {
            return null;
        }

        _namesSamples ??= BindsToSamplesConstructor(attribute, cancellationToken);
        if (!_namesSamples.Value)
        {
            return null;
        }

        if (label is not null)
        {
            _hasLabel ??= _samplesType!.GetMembers("Label").Length == 1
                && _samplesType.GetMembers("Label")[0] is IPropertySymbol { IsStatic: false, Type.SpecialType: SpecialType.System_String, SetMethod: not null };
            if (!_hasLabel.Value)
            {
                return null;
            }
        }

        return new PlainSamples(count, label);
    }

    /// <summary>Whether <paramref name="attribute"/> binds to the constructor of a <c>CbGen.SamplesAttribute</c> (the
    /// type the slow path accepts) that is its only constructor and takes one <c>long</c>: then every literal above
    /// binds to it, converted to long.</summary>
    private bool BindsToSamplesConstructor(AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        if (_model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            || constructor.ContainingType is not { } type
            || !Parser.IsAttribute(type, "CbGen", "SamplesAttribute"))
        {
            return false;
        }

        _samplesType = type;
        ImmutableArray<IMethodSymbol> constructors = type.InstanceConstructors;
        return constructors.Length == 1
            && SymbolEqualityComparer.Default.Equals(constructors[0], constructor)
            && constructor.Parameters.Length == 1
            && constructor.Parameters[0] is { IsParams: false, IsOptional: false, RefKind: RefKind.None, Type.SpecialType: SpecialType.System_Int64 };
    }
}

/// <summary>A member's <c>[Samples(n)]</c> read from syntax: n, and its <c>Label</c> (null without one).</summary>
internal readonly record struct PlainSamples(long Count, string? Label);
