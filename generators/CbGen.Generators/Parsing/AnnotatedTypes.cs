using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Parsing;

/// <summary>
/// Finds the enums and classes that carry one of CbGen's attributes, as <c>ForAttributeWithMetadataName</c> would, but
/// reads only the levels where a type can be declared (namespaces and type bodies, never enum members or member
/// bodies). <c>ForAttributeWithMetadataName</c> visits every attributed node of every tree, once per attribute name:
/// on an enum whose 8,142 members each carry <c>[Samples]</c>, its three walks were about 45 % of the generator's time
/// (docs/performance.md). Syntax picks the candidates (an attribute named like the attribute, or like any using alias,
/// which may name it), then the symbol's attributes decide, as <c>ForAttributeWithMetadataName</c> does: a match is an
/// attribute of the class <c>CbGen.{Name}</c> applied on that very declaration.
/// </summary>
internal static class AnnotatedTypes
{
    /// <summary>The attributed enum and class declarations of <paramref name="tree"/> and the using aliases it declares.</summary>
    public static TreeTypes ReadTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        List<TypeWithAttributes>? types = null;
        List<string>? aliases = null, globalAliases = null;
        foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf(MayHoldTypes))
        {
            switch (node)
            {
                case UsingDirectiveSyntax { Alias: { } alias } directive:
                    string name = alias.Name.Identifier.ValueText;
                    if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    {
                        (globalAliases ??= new List<string>()).Add(name);
                    }
                    else
                    {
                        (aliases ??= new List<string>()).Add(name);
                    }

                    break;
                case EnumDeclarationSyntax or ClassDeclarationSyntax when ((BaseTypeDeclarationSyntax)node).AttributeLists.Count > 0:
                    var declaration = (BaseTypeDeclarationSyntax)node;
                    var names = new List<string>();
                    foreach (AttributeListSyntax list in declaration.AttributeLists)
                    {
                        foreach (AttributeSyntax attribute in list.Attributes)
                        {
                            names.Add(SimpleName(attribute.Name));
                        }
                    }

                    (types ??= new List<TypeWithAttributes>()).Add(new TypeWithAttributes(
                        declaration.Identifier.SpanStart, node is EnumDeclarationSyntax, names.ToEquatableArray()));
                    break;
            }
        }

        return new TreeTypes(tree, Array(types), Array(aliases), Array(globalAliases));
    }

    /// <summary>The declarations of <paramref name="tree"/> that may carry the attribute <paramref name="name"/>
    /// (its simple name without the <c>Attribute</c> suffix) on an enum (<paramref name="enums"/>) or a class: an attribute written with
    /// that name, with or without the suffix, or with the name of a using alias of this tree or a global one.</summary>
    public static TreeTypes Candidates(TreeTypes tree, EquatableArray<string> globalAliases, string name, bool enums)
    {
        List<TypeWithAttributes>? found = null;
        foreach (TypeWithAttributes type in tree.Types)
        {
            if (type.IsEnum == enums && Any(type.AttributeNames, written =>
                    IsName(written, name) || IsAlias(written, tree.Aliases) || IsAlias(written, tree.GlobalAliases) || IsAlias(written, globalAliases)))
            {
                (found ??= new List<TypeWithAttributes>()).Add(type);
            }
        }

        return tree with { Types = Array(found) };
    }

    /// <summary>The attributed declarations among <paramref name="candidates"/> that carry the attribute class
    /// <paramref name="attributeName"/> (a metadata name such as <c>CbGen.ClassBalancedAttribute</c>), each with the
    /// attributes written on it, given to <paramref name="parse"/>.</summary>
    public static ImmutableArray<TModel> Bind<TModel>(
        TreeTypes candidates,
        Compilation compilation,
        string attributeName,
        Func<AnnotatedType, CancellationToken, TModel?> parse,
        CancellationToken cancellationToken)
        where TModel : class
    {
        if (candidates.Types.Count == 0)
        {
            return ImmutableArray<TModel>.Empty;
        }

        int dot = attributeName.LastIndexOf('.');
        string ns = attributeName.Substring(0, dot), attributeClass = attributeName.Substring(dot + 1);
        SemanticModel model = compilation.GetSemanticModel(candidates.Tree);
        SyntaxNode root = candidates.Tree.GetRoot(cancellationToken);
        ImmutableArray<TModel>.Builder? models = null;
        foreach (TypeWithAttributes type in candidates.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (root.FindToken(type.IdentifierStart).Parent is not BaseTypeDeclarationSyntax node
                || model.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol symbol)
            {
                continue;
            }

            ImmutableArray<AttributeData> attributes = WrittenOn(node, symbol, ns, attributeClass, cancellationToken);
            if (!attributes.IsEmpty && parse(new AnnotatedType(node, symbol, model, attributes), cancellationToken) is { } parsed)
            {
                (models ??= ImmutableArray.CreateBuilder<TModel>()).Add(parsed);
            }
        }

        return models?.ToImmutable() ?? ImmutableArray<TModel>.Empty;
    }

    /// <summary>The attributes of <paramref name="symbol"/> of the class <paramref name="attributeClass"/> (not generic,
    /// not nested) of the top-level namespace <paramref name="ns"/> written on the declaration <paramref name="node"/>,
    /// in source order.</summary>
    private static ImmutableArray<AttributeData> WrittenOn(
        SyntaxNode node, INamedTypeSymbol symbol, string ns, string attributeClass, CancellationToken cancellationToken)
    {
        ImmutableArray<AttributeData>.Builder? found = null;
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Arity: 0, ContainingType: null } type
                && Parser.IsAttribute(type, ns, attributeClass)
                && attribute.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == node.SyntaxTree
                && reference.GetSyntax(cancellationToken).Parent?.Parent == node)
            {
                (found ??= ImmutableArray.CreateBuilder<AttributeData>()).Add(attribute);
            }
        }

        return found?.ToImmutable() ?? ImmutableArray<AttributeData>.Empty;
    }

    /// <summary>Whether a type can be declared below <paramref name="node"/> (usings are children of the nodes walked).</summary>
    private static bool MayHoldTypes(SyntaxNode node) =>
        node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    /// <summary>The rightmost identifier of an attribute's name: <c>X</c> of <c>X</c>, <c>A.X</c>, <c>global::X</c>
    /// or <c>X&lt;T&gt;</c>.</summary>
    private static string SimpleName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };

    private static bool IsName(string written, string name) =>
        written == name || (written.Length == name.Length + 9 && written.StartsWith(name, StringComparison.Ordinal)
            && written.EndsWith("Attribute", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="written"/> may name one of <paramref name="aliases"/> (C# also tries the name
    /// with the suffix <c>Attribute</c>).</summary>
    private static bool IsAlias(string written, EquatableArray<string> aliases) =>
        Any(aliases, alias => alias == written || (alias.Length == written.Length + 9
            && alias.StartsWith(written, StringComparison.Ordinal) && alias.EndsWith("Attribute", StringComparison.Ordinal)));

    private static bool Any(EquatableArray<string> items, Func<string, bool> predicate)
    {
        foreach (string item in items)
        {
            if (predicate(item))
            {
                return true;
            }
        }

        return false;
    }

    private static EquatableArray<T> Array<T>(List<T>? items)
        where T : IEquatable<T> =>
        items is null ? EquatableArray<T>.Empty : new EquatableArray<T>(items.ToArray());
}
