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

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        foreach ((int line, _) in DocsSnippets.CSharpBlocks(Page))
        {
            data.Add(line);
        }

        return data;
    }

    [Fact]
    public void The_page_has_its_examples()
    {
        Assert.True(DocsSnippets.CSharpBlocks(Page).Count >= 4, Page + " should hold the one-line, keys, generated-helper and recipe programs.");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_csharp_block_compiles_as_a_whole_program(int line)
    {
        string code = DocsSnippets.CSharpBlocks(Page).Single(b => b.Line == line).Code;
        string problems = DocsSnippets.Problems(code, References());
        Assert.True(problems.Length == 0, Page + ":" + line + " does not build as a Program.cs:\n" + problems);
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
