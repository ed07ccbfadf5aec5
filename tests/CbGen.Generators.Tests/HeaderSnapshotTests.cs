extern alias gen;

using System;
using System.Linq;
using System.Reflection;
using gen::CbGen.Generators;

namespace CbGen.Generators.Tests;

/// <summary>What the snapshots scrub or never reach in a generated file's header (issue 16, emitter survivors): the
/// version in <c>[GeneratedCode]</c>, and the counts comment when the class count is a multiple of its six per
/// line.</summary>
public sealed class HeaderSnapshotTests
{
    [Fact]
    public void GeneratedCode_carries_the_generators_informational_version_without_the_source_revision()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            "using CbGen;\nnamespace Shop;\n[ClassBalanced]\npublic enum Fruit { [Samples(9)] Apple, [Samples(3)] Pear }\n");
        string informational = typeof(ClassBalancedGenerator).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        string expected = informational.Split('+')[0];
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"CbGen\", \"" + expected + "\")]", run.File("FruitWeights.g.cs").Text);
    }

    [Fact]
    public void Six_classes_fill_one_counts_line_and_no_empty_one()
    {
        CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: false,
            "using CbGen;\nnamespace Shop;\n[ClassBalanced]\npublic enum Die { [Samples(6)] One, [Samples(5)] Two, [Samples(4)] Three, "
            + "[Samples(3)] Four, [Samples(2)] Five, [Samples(1)] Six }\n");
        string[] lines = run.File("DieWeights.g.cs").Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string counts = Assert.Single(lines, l => l.StartsWith("//    ", StringComparison.Ordinal));
        Assert.Equal("//     0: One = 6, 1: Two = 5, 2: Three = 4, 3: Four = 3, 4: Five = 2, 5: Six = 1", counts);
    }
}
