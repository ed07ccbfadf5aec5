using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CbGen.CodeFixes;

/// <summary>
/// CB001: adds <c>[Samples(-1)]</c> to a member without a count. -1 is a placeholder that cannot pass: it is
/// reported as CB002 ("counts must be ≥ 1") under every ZeroCounts policy until the user writes the real count
/// (0 would pass silently with ZeroCounts = ZeroCountPolicy.ZeroWeight).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSamplesCodeFix)), Shared]
public sealed class AddSamplesCodeFix : CbGenCodeFixProvider
{
    /// <summary>The placeholder count.</summary>
    public const int Placeholder = -1;

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingSamples);

    /// <inheritdoc />
    protected override SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<EnumMemberDeclarationSyntax>();

    /// <inheritdoc />
    protected override SyntaxNode Rewrite(SyntaxNode root, SyntaxNode target, Diagnostic diagnostic)
    {
        var member = (EnumMemberDeclarationSyntax)target;
        // global::CbGen.Samples, reduced to what the file's usings allow (Samples with `using CbGen;`).
        NameSyntax name = SyntaxFactory.ParseName("global::CbGen.Samples").WithAdditionalAnnotations(Simplifier.Annotation);
        ExpressionSyntax count = SyntaxFactory.PrefixUnaryExpression(
            SyntaxKind.UnaryMinusExpression,
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(-Placeholder)));
        AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(name, SyntaxFactory.AttributeArgumentList(
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(count))))));
        return root.ReplaceNode(member, SyntaxEdits.AddFirstAttributeListInline(member, list));
    }

    /// <inheritdoc />
    protected override string Title(SyntaxNode target, Diagnostic diagnostic) =>
        "Add [Samples(-1)] to '" + ((EnumMemberDeclarationSyntax)target).Identifier.ValueText +
        "' (a placeholder: replace -1 with the class's number of training samples)";
}
