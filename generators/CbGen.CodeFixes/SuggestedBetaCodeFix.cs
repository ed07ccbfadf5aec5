using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbGen.CodeFixes;

/// <summary>
/// CB011: sets β to the (N-1)/N the warning suggests (N = the largest count), which the analyzer passes in the
/// diagnostic's properties as round-trip text. Replaces the <c>Beta</c> argument, or adds one when β was the
/// default.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuggestedBetaCodeFix)), Shared]
public sealed class SuggestedBetaCodeFix : CbGenCodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WeightsCollapse);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
    {
        if (Suggested(diagnostic) is null)
        {
            return null;
        }

        return root.FindNode(diagnostic.Location.SourceSpan) switch
        {
            AttributeArgumentSyntax { NameEquals.Name.Identifier.ValueText: "Beta" } argument => argument,
            AttributeSyntax attribute => attribute,
            _ => null,
        };
    }

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        (string text, double value) = Suggested(diagnostic)!.Value;
        LiteralExpressionSyntax literal = SyntaxFactory.LiteralExpression(
            SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, value));
        if (target is AttributeArgumentSyntax argument)
        {
            return root.ReplaceNode(argument.Expression, literal.WithTriviaFrom(argument.Expression));
        }

        var attribute = (AttributeSyntax)target;
        AttributeArgumentSyntax beta = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Beta"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            null,
            literal);
        AttributeArgumentListSyntax list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = list.Arguments.Count == 0
            ? SyntaxFactory.SingletonSeparatedList(beta)
            : list.Arguments.AddRange(new[] { beta.WithLeadingTrivia(SyntaxFactory.Space) });
        return root.ReplaceNode(attribute, attribute.WithArgumentList(SyntaxEdits.WithoutElasticTrivia(list.WithArguments(arguments))));
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic)
    {
        string title = "Set Beta = " + Suggested(diagnostic)!.Value.Text;
        return diagnostic.Properties.TryGetValue(DiagnosticIds.LargestCountProperty, out string? n) && n is not null
            ? title + " ((N-1)/N with N = " + n + ", the largest count)"
            : title;
    }

    /// <summary>The suggested β as a C# double literal and its value, or null when the diagnostic carries none (or
    /// one outside (0, 1)).</summary>
    private static (string Text, double Value)? Suggested(Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticIds.SuggestedBetaProperty, out string? text)
            || text is null
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !(value > 0.0 && value < 1.0))
        {
            return null;
        }

        // "R" text of a value in (0, 1): digits with a '.' or an exponent, already a valid double literal.
        return (text.IndexOf('.') >= 0 || text.IndexOfAny(new[] { 'E', 'e' }) >= 0 ? text : text + ".0", value);
    }
}
