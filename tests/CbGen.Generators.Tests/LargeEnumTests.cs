extern alias gen;

using System.Linq;
using System.Text;
using gen::CbGen.Generators;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators.Tests
{
    /// <summary>The emitter and the analyzer are linear: an 8,142-class enum (iNaturalist 2018's class count)
    /// generates, analyses and compiles without trouble.</summary>
    public sealed class LargeEnumTests
    {
        private const int ClassCount = 8142;

        [Fact]
        public void An_8142_member_enum_generates_and_compiles()
        {
            var source = new StringBuilder("using CbGen;\n\nnamespace INat;\n\n[ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax)]\n[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 2.0)]\npublic enum Species\n{\n");
            var counts = new long[ClassCount];
            for (int c = 0; c < ClassCount; c++)
            {
                counts[c] = 2 + (long)(1000.0 / (1 + c) * 10) + (c * 7919 % 13);
                source.Append("    [Samples(").Append(counts[c]).Append(")] S").Append(c).Append(",\n");
            }

            source.Append("}\n");
            CbGenRunResult run = GeneratorHarness.Run(withTorchSharp: true, source.ToString());

            Assert.Equal(4, run.Files.Length);
            run.AssertCompilesCleanly();
            Assert.Empty(run.AnalyzerDiagnostics);
            string weights = run.File("SpeciesSoftmaxWeights.g.cs").Text;
            Assert.Contains("public const int ClassCount = 8142;", weights);
            Assert.Contains("public const long S8141Count = " + counts[8141] + "L;", weights);
            Assert.Contains("S8141Weight", weights);
        }
    }
}
