using System;
using System.Collections.Generic;
using System.Linq;
using CbGen.Docs;
using Microsoft.CodeAnalysis;

namespace CbGen.ML.Tests;

/// <summary>Every <c>```csharp</c> block of docs/mlnet.md compiles as a whole Program.cs, exactly as written, with
/// CbGen.ML, Microsoft.ML and Microsoft.ML.LightGbm referenced and the generator run.</summary>
public class MlNetDocsTests
{
    private const string Page = "docs/mlnet.md";

    public static TheoryData<int> Blocks() => DocsSnippets.BlockLines(Page);

    [Fact]
    public void The_page_has_its_examples()
    {
        Assert.True(DocsSnippets.CSharpBlocks(Page).Count >= 4, Page + " should hold the one-line, keys, generated-helper and recipe programs.");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_csharp_block_compiles_as_a_whole_program(int line)
    {
        DocsSnippets.AssertCompiles(Page, line, References());
    }

    /// <summary>What a console project with CbGen.ML, Microsoft.ML and Microsoft.ML.LightGbm references.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        // Loads the assemblies of these packages, so that the scan below finds them.
        GC.KeepAlive(new[]
        {
            typeof(ClassBalancedWeightsTransformer),
            typeof(Microsoft.ML.MLContext),
            typeof(Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer),
            typeof(Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer),
            // Microsoft.ML.Transforms (FeaturizeText): loaded only if another test used it first, so name it here.
            typeof(Microsoft.ML.Transforms.Text.TextFeaturizingEstimator),
        });
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Where(a => a.GetName().Name is string n && (n.StartsWith("Microsoft.ML", StringComparison.Ordinal) || n == "CbGen.ML"))
            .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location))
            .ToList();
    }
}
