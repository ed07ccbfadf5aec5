using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>How the generated files scale with the number of classes. Up to <see cref="DocumentedClassCount"/>
/// classes every member carries its XML doc and every table is written out. Past it the per-class text is what a
/// build pays for (docs/performance.md measures it), so the files are written compactly: the per-member constants
/// stay (the compile-time values the package promises) without XML docs, the header does not list the classes, and
/// the tables that follow from the counts (effective numbers, priors, log-priors, margins) are computed once, at type
/// initialisation, by the same runtime maths that the generator links in, so they are bit-identical to the written
/// ones. <c>Counts</c> and <c>Weights</c> stay written out: <c>Weights</c> equals the <c>{Name}Weight</c> constants.</summary>
internal static partial class Emitter
{
    /// <summary>The largest number of classes whose generated files are written out in full (ImageNet's 1,000 classes are;
    /// iNaturalist 2018's 8,142 are not). Documented in docs/performance.md.</summary>
    public const int DocumentedClassCount = 1000;

    private static bool IsCompact(EnumSpec spec) => spec.Members.Count > DocumentedClassCount;

    /// <summary>The initial capacity, in chars, of a weights file's writer: about what the file takes per class (the
    /// compact focal file of GeneratorBenchmarks takes 145 chars per class, a documented one about 400). The writer caps
    /// it at <see cref="SourceWriter.MaxFirstChunk"/>, so it sizes small files only; a large one grows in chunks.</summary>
    // Stryker disable once all : a capacity hint, which cannot change the text
    private static int TextCapacity(int classCount, bool compact) => 4096 + (classCount * (compact ? 150 : 400));

    /// <summary>The line that replaces the per-class listing of the header past <see cref="DocumentedClassCount"/>.</summary>
    private static void WriteCompactCounts(SourceWriter w, EnumSpec spec) =>
        w.WriteLine("//   counts: " + Literals.Int(spec.Members.Count) + " classes, in the {Name}Count constants and the Counts table"
            + " (listed here up to " + Literals.Int(DocumentedClassCount) + " classes).");

    /// <summary>A table computed at type initialisation: <c>public static ReadOnlySpan&lt;double&gt; property =&gt; field;</c>
    /// and <c>private static readonly double[] field = expression;</c>. The expression reads <c>Counts</c>, whose data is
    /// written out above it (an RVA span, or a static field initialised first).</summary>
    private static void WriteComputedTable(SourceWriter w, string property, string field, string summary, string expression)
    {
        w.WriteLine();
        w.WriteLine("/// <summary>" + summary + " Computed once, when the class is initialised.</summary>");
        w.WriteLine("public static global::System.ReadOnlySpan<double> " + property + " => " + field + ";");
        w.WriteLine();
        w.WriteLine("private static readonly double[] " + field + " = " + expression + ";");
    }
}
