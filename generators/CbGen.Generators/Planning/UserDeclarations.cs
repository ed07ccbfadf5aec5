using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.Generators.Planning;

/// <summary>Finds, from syntax alone, the namespace-level types and the namespaces of the user's source that are
/// named like something the generator writes (every generated type name ends with one of
/// <see cref="GeneratedSuffixes"/>). The clash stage compares them with the generated names.</summary>
internal static class UserDeclarations
{
    /// <summary>The endings of every namespace-level type name the generator writes.</summary>
    public static readonly string[] GeneratedSuffixes = { "Weights", "Loss", "Sweep", "SweepPoint", "WeightsMlNet" };

    /// <summary>The cheap syntactic filter: a namespace-level type whose name has a generated ending, or a
    /// namespace declaration (whose parts are checked by <see cref="Read"/>).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case BaseNamespaceDeclarationSyntax:
                return true;
            case BaseTypeDeclarationSyntax type:
                return IsNamespaceLevel(node) && HasGeneratedSuffix(type.Identifier.ValueText);
            case DelegateDeclarationSyntax @delegate:
                return IsNamespaceLevel(node) && HasGeneratedSuffix(@delegate.Identifier.ValueText);
            default:
                return false;
        }
    }

    /// <summary>The declarations of <paramref name="tree"/> that could clash, in document order: what
    /// <see cref="Read"/> finds in each node that <see cref="IsCandidate"/> accepts. Only the levels that can hold a
    /// namespace or a namespace-level type are walked (never enum members or member bodies, where nothing can clash):
    /// on a large enum the full walk of every node was most of the generator's time.</summary>
    public static EquatableArray<UserDeclaration> ReadTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        List<UserDeclaration>? found = null;
        foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf(MayHoldCandidates))
        {
            if (IsCandidate(node, cancellationToken))
            {
                found ??= new List<UserDeclaration>();
                found.AddRange(Read(node, cancellationToken));
            }
        }

        return found is null ? EquatableArray<UserDeclaration>.Empty : found.ToEquatableArray();
    }

    /// <summary>Whether a namespace or a namespace-level type can sit below <paramref name="node"/>. Type bodies are
    /// walked for the parser's recovery of a namespace declared inside a type.</summary>
    private static bool MayHoldCandidates(SyntaxNode node) =>
        node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax;

    /// <summary>The declarations <paramref name="node"/> makes that could clash (a namespace <c>A.BWeights.C</c>
    /// declares <c>A.BWeights</c> too).</summary>
    public static EquatableArray<UserDeclaration> Read(SyntaxNode node, CancellationToken cancellationToken)
    {
        var found = new List<UserDeclaration>();
        if (node is BaseNamespaceDeclarationSyntax ns)
        {
            string outer = NamespaceOf(ns.Parent);
            string prefix = outer;
            foreach (string part in Parts(ns.Name))
            {
                if (HasGeneratedSuffix(part))
                {
                    found.Add(new UserDeclaration(prefix, Normalize(part), 0, "namespace", false, string.Empty));
                }

                prefix = prefix.Length == 0 ? Normalize(part) : prefix + "." + Normalize(part);
            }
        }
        else if (node is BaseTypeDeclarationSyntax type)
        {
            int arity = type is TypeDeclarationSyntax { TypeParameterList: { } parameters } ? parameters.Parameters.Count : 0;
            string kind = type switch
            {
                RecordDeclarationSyntax => "record",
                ClassDeclarationSyntax => "class",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                EnumDeclarationSyntax => "enum",
                _ => "type",
            };
            SyntaxTokenList modifiers = type.Modifiers;
            bool extensible = kind == "class"
                && Has(modifiers, SyntaxKind.PartialKeyword)
                && !Has(modifiers, SyntaxKind.SealedKeyword)
                && !Has(modifiers, SyntaxKind.AbstractKeyword)
                && !Has(modifiers, SyntaxKind.FileKeyword)
                && type.BaseList is null;
            found.Add(new UserDeclaration(NamespaceOf(type.Parent), Normalize(type.Identifier.ValueText), arity, kind,
                extensible, AccessibilityOf(modifiers))
            {
                Members = extensible && type is TypeDeclarationSyntax body ? MembersOf(body, withLocations: true) : EquatableArray<ClassMember>.Empty,
            });
        }
        else if (node is DelegateDeclarationSyntax @delegate)
        {
            int arity = @delegate.TypeParameterList?.Parameters.Count ?? 0;
            found.Add(new UserDeclaration(NamespaceOf(@delegate.Parent), Normalize(@delegate.Identifier.ValueText), arity,
                "delegate", false, AccessibilityOf(@delegate.Modifiers)));
        }

        return found.ToEquatableArray();
    }

    /// <summary>A name as the compiler compares it: without '@' and without formatting characters (C# drops
    /// Unicode category Cf from identifiers, so <c>Foo\u200B</c> is <c>Foo</c>).</summary>
    public static string Normalize(string name)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool drop = c == '@' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
            if (drop && builder is null)
            {
                builder = new StringBuilder(name, 0, i, name.Length);
            }
            else if (!drop)
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? name;
    }

    /// <summary>The members <paramref name="type"/> declares, as the clash stage compares them (<see cref="ClassMember"/>).
    /// The generator reads its own weights classes with this too, so both sides are read by one rule.</summary>
    public static EquatableArray<ClassMember> MembersOf(TypeDeclarationSyntax type, bool withLocations)
    {
        var members = new List<ClassMember>();
        void Add(SyntaxToken name, string kind, BaseParameterListSyntax? parameters = null) =>
            members.Add(new ClassMember(Normalize(name.ValueText), kind,
                parameters is null ? EquatableArray<string>.Empty : parameters.Parameters.Select(ParameterKey).ToEquatableArray(),
                withLocations ? LocationInfo.From(name.GetLocation()) : null));

        foreach (MemberDeclarationSyntax member in type.Members)
        {
            switch (member)
            {
                case BaseFieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        Add(variable.Identifier, field is EventFieldDeclarationSyntax ? "event" : "field");
                    }

                    break;
                case PropertyDeclarationSyntax property:
                    Add(property.Identifier, "property");
                    break;
                case EventDeclarationSyntax @event:
                    Add(@event.Identifier, "event");
                    break;
                case MethodDeclarationSyntax method when method.ExplicitInterfaceSpecifier is null:
                    Add(method.Identifier, "method", method.ParameterList);
                    break;
                case BaseTypeDeclarationSyntax nested:
                    Add(nested.Identifier, "type");
                    break;
                case DelegateDeclarationSyntax @delegate:
                    Add(@delegate.Identifier, "type");
                    break;
            }
        }

        return members.ToEquatableArray();
    }

    /// <summary>A parameter as overloads are told apart, roughly: its ref kind and its type's last identifier
    /// (<c>global::C.Label</c> and <c>Label</c> are one type here).</summary>
    private static string ParameterKey(ParameterSyntax parameter)
    {
        string refKind = string.Concat(parameter.Modifiers.Where(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword)
            || m.IsKind(SyntaxKind.InKeyword)).Select(m => m.ValueText + " "));
        TypeSyntax? type = parameter.Type;
        while (type is QualifiedNameSyntax or AliasQualifiedNameSyntax)
        {
            type = type is QualifiedNameSyntax qualified ? qualified.Right : ((AliasQualifiedNameSyntax)type).Name;
        }

        string text = type switch
        {
            SimpleNameSyntax simple => Normalize(simple.Identifier.ValueText),
            PredefinedTypeSyntax predefined => PredefinedName(predefined.Keyword.ValueText),
            null => string.Empty,
            _ => type.ToString(),
        };
        return refKind + text;
    }

    private static string PredefinedName(string keyword) => keyword switch
    {
        "double" => "Double",
        "int" => "Int32",
        "long" => "Int64",
        "string" => "String",
        "float" => "Single",
        "bool" => "Boolean",
        _ => keyword,
    };

    private static bool HasGeneratedSuffix(string name)
    {
        string normalized = Normalize(name);
        return GeneratedSuffixes.Any(suffix => normalized.EndsWith(suffix, StringComparison.Ordinal));
    }

    private static bool IsNamespaceLevel(SyntaxNode node) =>
        node.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax;

    private static bool Has(SyntaxTokenList modifiers, SyntaxKind kind) => modifiers.Any(m => m.IsKind(kind));

    private static string AccessibilityOf(SyntaxTokenList modifiers) =>
        Has(modifiers, SyntaxKind.PublicKeyword) ? "public"
        : Has(modifiers, SyntaxKind.InternalKeyword) ? "internal"
        : Has(modifiers, SyntaxKind.PrivateKeyword) || Has(modifiers, SyntaxKind.ProtectedKeyword) ? "other"
        : string.Empty;

    /// <summary>The namespace (dotted, normalised) that <paramref name="node"/> sits in.</summary>
    private static string NamespaceOf(SyntaxNode? node)
    {
        var parts = new List<string>();
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            if (current is BaseNamespaceDeclarationSyntax ns)
            {
                parts.InsertRange(0, Parts(ns.Name).Select(Normalize));
            }
        }

        return string.Join(".", parts);
    }

    private static IEnumerable<string> Parts(NameSyntax name)
    {
        switch (name)
        {
            case QualifiedNameSyntax qualified:
                foreach (string part in Parts(qualified.Left))
                {
                    yield return part;
                }

                yield return qualified.Right.Identifier.ValueText;
                break;
            case SimpleNameSyntax simple:
                yield return simple.Identifier.ValueText;
                break;
            case AliasQualifiedNameSyntax alias:
                yield return alias.Name.Identifier.ValueText;
                break;
        }
    }
}
