using System;

namespace CbGen;

/// <summary>
/// Asks the CbGen generator for one class-balanced config of a label set read from a counts file, for label sets
/// too large to annotate by hand (iNaturalist 2018 has 8,142 classes). Put it on a <c>partial</c> class at
/// namespace level and pass the file to the compiler as <c>&lt;AdditionalFiles Include="…" /&gt;</c>. The file is
/// CSV or TSV with two columns, class name and number of training samples, one class per line in class-index
/// order; a header line, blank lines and lines starting with '#' are skipped.
/// </summary>
/// <remarks>
/// The generator adds to the class a nested enum <c>Label</c> (one member per row, named after the class name
/// made into a C# identifier), the original names (<c>Names</c>, <c>NameOf(Label)</c>, <c>TryGetLabel</c>) and
/// <c>ClassCount</c>; and, as for a <see cref="ClassBalancedAttribute"/> enum, the namespace-level types
/// <c>{Name}Weights</c> and (with CbGen.TorchSharp) <c>{Name}Loss</c>, <c>Name</c> defaulting to the class's name
/// (plus the loss name when the class has several configs).
/// </remarks>
/// <example>
/// <code>
/// // .csproj: &lt;AdditionalFiles Include="data/inat2018.counts.csv" /&gt;
/// [ClassBalancedDataset("inat2018.counts.csv", Beta = 0.999, Loss = CbLoss.Focal, Gamma = 0.5)]
/// public static partial class INat2018;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[System.Diagnostics.Conditional("CBGEN_KEEP_ATTRIBUTES")]
public sealed class ClassBalancedDatasetAttribute : ClassBalancedOptionsAttribute
{
    /// <summary>Names the counts file of the label set.</summary>
    /// <param name="countsFile">The file's name or the end of its path (e.g. <c>"inat2018.counts.csv"</c> or
    /// <c>"data/inat2018.counts.csv"</c>), matched against the paths of the project's AdditionalFiles. Every
    /// attribute on one class names the same file.</param>
    public ClassBalancedDatasetAttribute(string countsFile) => CountsFile = countsFile;

    /// <summary>The counts file's name or the end of its path.</summary>
    public string CountsFile { get; }
}
