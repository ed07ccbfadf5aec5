using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>Small syntax edits that keep the user's layout: comments, doc comments and indentation stay where the
/// user put them.</summary>
internal static class SyntaxEdits
{
    /// <summary><paramref name="list"/> without its element at <paramref name="index"/> (and one separator); when
    /// the first element goes, the next one takes its leading trivia, when the last goes, the one before takes its
    /// trailing trivia (<c>{ 0.9, 0.99 }</c> keeps its spaces).</summary>
    public static SeparatedSyntaxList<T> RemoveAt<T>(SeparatedSyntaxList<T> list, int index)
        where T : SyntaxNode
    {
        T removed = list[index];
        SeparatedSyntaxList<T> result = list.RemoveAt(index);
        if (result.Count == 0)
        {
            return result;
        }

        if (index == 0)
        {
            result = result.Replace(result[0], result[0].WithLeadingTrivia(removed.GetLeadingTrivia()));
        }
        else if (index == result.Count)
        {
            T last = result[result.Count - 1];
            result = result.Replace(last, last.WithTrailingTrivia(removed.GetTrailingTrivia()));
        }

        return result;
    }

    /// <summary>The attribute without the argument; <c>[A(X = 1)]</c> becomes <c>[A]</c>.</summary>
    public static AttributeSyntax RemoveArgument(AttributeSyntax attribute, AttributeArgumentSyntax argument)
    {
        AttributeArgumentListSyntax list = attribute.ArgumentList!;
        int index = list.Arguments.IndexOf(argument);
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = RemoveAt(list.Arguments, index);
        return arguments.Count == 0
            ? attribute.WithArgumentList(null).WithTrailingTrivia(list.GetTrailingTrivia())
            : attribute.WithArgumentList(list.WithArguments(arguments));
    }

    /// <summary>The root without <paramref name="attribute"/>; its list goes too when it held nothing else, and the
    /// declaration keeps the list's leading trivia (doc comments, indentation).</summary>
    public static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        var list = (AttributeListSyntax)attribute.Parent!;
        if (list.Attributes.Count > 1)
        {
            return root.ReplaceNode(list, list.WithAttributes(RemoveAt(list.Attributes, list.Attributes.IndexOf(attribute))));
        }

        var declaration = (MemberDeclarationSyntax)list.Parent!;
        int index = declaration.AttributeLists.IndexOf(list);
        MemberDeclarationSyntax updated = declaration.WithAttributeLists(declaration.AttributeLists.RemoveAt(index));
        if (index == 0)
        {
            SyntaxToken first = updated.GetFirstToken();
            updated = updated.ReplaceToken(first, first.WithLeadingTrivia(list.GetLeadingTrivia()));
        }

        return root.ReplaceNode(declaration, updated);
    }

    /// <summary>The declaration with <paramref name="list"/> as its first attribute list, on a line of its own above
    /// the declaration (which keeps its doc comments above the new list).</summary>
    public static MemberDeclarationSyntax AddFirstAttributeListOnOwnLine(MemberDeclarationSyntax declaration, AttributeListSyntax list)
    {
        SyntaxToken first = declaration.GetFirstToken();
        SyntaxTriviaList leading = first.LeadingTrivia;
        SyntaxTriviaList indentation = Indentation(leading);
        MemberDeclarationSyntax updated = declaration.ReplaceToken(first, first.WithLeadingTrivia(indentation));
        list = WithoutElasticTrivia(list).WithLeadingTrivia(leading).WithTrailingTrivia(EndOfLine(declaration));
        return updated.WithAttributeLists(updated.AttributeLists.Insert(0, list));
    }

    /// <summary>The enum member with <paramref name="list"/> in front of it on the same line.</summary>
    public static EnumMemberDeclarationSyntax AddFirstAttributeListInline(EnumMemberDeclarationSyntax member, AttributeListSyntax list)
    {
        SyntaxToken first = member.GetFirstToken();
        SyntaxTriviaList leading = first.LeadingTrivia;
        EnumMemberDeclarationSyntax updated = member.ReplaceToken(first, first.WithLeadingTrivia(SyntaxTriviaList.Empty));
        list = WithoutElasticTrivia(list).WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space);
        return updated.WithAttributeLists(updated.AttributeLists.Insert(0, list));
    }

    /// <summary><paramref name="node"/> (built with SyntaxFactory) without elastic trivia, so the IDE's formatter
    /// leaves it and its surroundings in the layout these edits chose.</summary>
    public static T WithoutElasticTrivia<T>(T node)
        where T : SyntaxNode =>
        node.ReplaceTokens(node.DescendantTokens(), (_, token) => token
            .WithLeadingTrivia(token.LeadingTrivia.Where(t => !t.HasAnnotation(SyntaxAnnotation.ElasticAnnotation)))
            .WithTrailingTrivia(token.TrailingTrivia.Where(t => !t.HasAnnotation(SyntaxAnnotation.ElasticAnnotation))));

    /// <summary>The whitespace after the last line break of <paramref name="leading"/>.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        int start = 0;
        for (int i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
            {
                start = i + 1;
            }
        }

        return SyntaxFactory.TriviaList(leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }

    /// <summary>The document's line break (the first one found), else a line feed.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        SyntaxNode root = node.SyntaxTree.GetRoot();
        foreach (SyntaxTrivia trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }
}
