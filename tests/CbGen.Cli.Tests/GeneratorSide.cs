using System;
using System.Globalization;
using System.Linq;
using CbGen.Testing;
using Microsoft.CodeAnalysis;

namespace CbGen.Cli.Tests;

/// <summary>Runs the real CbGen generator (through CbGen.Testing) on what the tool writes, so the tests compare the
/// tool against the generator itself rather than against a copy of its rules.</summary>
internal static class GeneratorSide
{
    /// <summary>A <c>[ClassBalancedDataset("counts.csv")]</c> class <c>T.Data</c> over <paramref name="countsFile"/>.</summary>
    public static CbGenRunResult Dataset(string countsFile, double beta = 0.999)
    {
        string source = "using CbGen;\nnamespace T\n{\n    [ClassBalancedDataset(\"counts.csv\", Beta = "
            + beta.ToString("R", CultureInfo.InvariantCulture)
            + ")]\n    public static partial class Data\n    {\n    }\n}\n";
        return CbGenRunner.Run(
            CbGenRunner.CreateCompilation(new[] { source }, withTorchSharp: false),
            additionalFiles: new[] { CbGenRunner.AdditionalFile("counts.csv", countsFile) });
    }

    /// <summary>The members of the generated <c>T.Data.Label</c> enum in value order, each with the count the
    /// generated weights class holds for it (<c>{member}Count</c>).</summary>
    public static (string Name, long Count)[] LabelMembers(CbGenRunResult run)
    {
        Assert.True(run.CompilationProblems().IsEmpty, run.DescribeDiagnostics() + string.Join("\n", run.CompilationProblems()));
        INamedTypeSymbol data = run.OutputCompilation.GetTypeByMetadataName("T.Data")!;
        INamedTypeSymbol label = data.GetTypeMembers("Label").SingleOrDefault()
            ?? throw new InvalidOperationException("no T.Data.Label was generated:\n" + run.DescribeDiagnostics());
        INamedTypeSymbol weights = data.ContainingNamespace.GetTypeMembers().Concat(data.GetTypeMembers())
            .Single(t => t.Name.EndsWith("Weights", StringComparison.Ordinal) && !t.GetMembers("ClassCount").IsEmpty);
        return label.GetMembers().OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .OrderBy(f => Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture))
            .Select(f => (f.Name, Convert.ToInt64(weights.GetMembers(f.Name + "Count").OfType<IFieldSymbol>().Single().ConstantValue, CultureInfo.InvariantCulture)))
            .ToArray();
    }
}
