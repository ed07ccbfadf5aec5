namespace CbGen.Generators
{
    /// <summary>The keys of the property bags some diagnostics carry for the code fixes (CbGen.CodeFixes, which
    /// repeats these strings: it does not reference this assembly).</summary>
    public static class DiagnosticProperties
    {
        /// <summary>CB011: the suggested β = (N-1)/N, round-trip invariant text.</summary>
        public const string SuggestedBeta = "SuggestedBeta";

        /// <summary>CB011: N, the largest count, invariant integer text.</summary>
        public const string LargestCount = "LargestCount";
    }
}
