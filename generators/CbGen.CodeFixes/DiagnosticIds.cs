namespace CbGen.CodeFixes
{
    /// <summary>The IDs of the diagnostics this assembly fixes, as plain strings: the code fixes do not reference the
    /// generator assembly (the tests check every ID against the analyzers' descriptors).</summary>
    internal static class DiagnosticIds
    {
        public const string MissingSamples = "CB001";
        public const string GammaIgnored = "CB005";
        public const string ValuesNotClassIndices = "CB006";
        public const string FlagsEnum = "CB007";
        public const string SamplesWithoutConfig = "CB009";
        public const string WeightsCollapse = "CB011";
        public const string UnreachableEnum = "CB012";
        public const string EmptySweepAxis = "CB023";
        public const string DuplicateSweepValue = "CB024";
        public const string OptionNotApplicable = "CB030";

        /// <summary>CB011's property bag: the suggested β, round-trip invariant text.</summary>
        public const string SuggestedBetaProperty = "SuggestedBeta";

        /// <summary>CB011's property bag: N, the largest count.</summary>
        public const string LargestCountProperty = "LargestCount";
    }
}
