using System;

namespace CbGen
{
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
    public sealed class ClassBalancedDatasetAttribute : Attribute
    {
        /// <summary>Names the counts file of the label set.</summary>
        /// <param name="countsFile">The file's name or the end of its path (e.g. <c>"inat2018.counts.csv"</c> or
        /// <c>"data/inat2018.counts.csv"</c>), matched against the paths of the project's AdditionalFiles. Every
        /// attribute on one class names the same file.</param>
        public ClassBalancedDatasetAttribute(string countsFile) => CountsFile = countsFile;

        /// <summary>The counts file's name or the end of its path.</summary>
        public string CountsFile { get; }

        /// <summary>β in [0, 1] of the effective number E_n = (1 - β^n) / (1 - β). Default 0.999; for LDAM-DRW
        /// (<see cref="CbLoss.Ldam"/> with <c>DeferUntilEpoch</c>) the official code's 0.9999. A plain
        /// <see cref="CbLoss.LogitAdjusted"/> or <see cref="CbLoss.Ldam"/> config applies no class weights and has no β
        /// (setting it is warning CB030).</summary>
        public double Beta { get; set; } = 0.999;

        /// <summary>The loss variant. Default <see cref="CbLoss.Softmax"/>.</summary>
        public CbLoss Loss { get; set; } = CbLoss.Softmax;

        /// <summary>The focal loss's γ ≥ 0 (focal configs only). Default 2.0.</summary>
        public double Gamma { get; set; } = 2.0;

        /// <summary>The logit adjustment's τ ≥ 0 (<see cref="CbLoss.LogitAdjusted"/> configs only). Default 1.0 (the
        /// balanced softmax); 0 is plain cross-entropy.</summary>
        public double Tau { get; set; } = 1.0;

        /// <summary>LDAM's largest margin m_max &gt; 0, given to the rarest class (<see cref="CbLoss.Ldam"/> configs
        /// only). Default 0.5, the official code's.</summary>
        public double MaxMargin { get; set; } = 0.5;

        /// <summary>LDAM's logit scale s &gt; 0 (<see cref="CbLoss.Ldam"/> configs only). Default 30, the official
        /// code's.</summary>
        public double Scale { get; set; } = 30.0;

        /// <summary>Where the generated loss keeps its weights. Default <see cref="CbDevice.Auto"/>.</summary>
        public CbDevice Device { get; set; } = CbDevice.Auto;

        /// <summary>What <c>Reduction.Mean</c> divides by. Default <see cref="MeanNormalizer.PositiveLabels"/>; for
        /// <see cref="CbLoss.LogitAdjusted"/> and <see cref="CbLoss.Ldam"/> <see cref="MeanNormalizer.WeightSum"/>, PyTorch's
        /// weighted mean as in their official code.</summary>
        public MeanNormalizer Normalizer { get; set; } = MeanNormalizer.PositiveLabels;

        /// <summary>What to do with a class of count 0. Default <see cref="ZeroCountPolicy.Throw"/> (a compile error).</summary>
        public ZeroCountPolicy ZeroCounts { get; set; } = ZeroCountPolicy.Throw;

        /// <summary>The name of the generated types. Default: the class's name, plus the loss name when the class has
        /// several configs.</summary>
        public string? Name { get; set; }

        /// <summary>Deferred re-weighting: K ≥ 1 trains unweighted for the 0-based epochs 0..K-1. Default 0: always
        /// weighted. See <see cref="ClassBalancedAttribute.DeferUntilEpoch"/>.</summary>
        public int DeferUntilEpoch { get; set; }
    }
}
