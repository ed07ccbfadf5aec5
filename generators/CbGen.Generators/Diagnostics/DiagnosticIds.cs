namespace CbGen;

/// <summary>The id of every CbGen diagnostic and the keys of the property bags some carry, as constants: the
/// generator's <c>DiagnosticDescriptors</c> and the code fixes (CbGen.CodeFixes links this file; it does not
/// reference the generator) read the same strings, so none is written twice.</summary>
internal static class DiagnosticIds
{
    public const string MissingSamples = "CB001";
    public const string NonPositiveCount = "CB002";
    public const string BetaOutOfRange = "CB003";
    public const string GammaOutOfRange = "CB004";
    public const string GammaIgnored = "CB005";
    public const string ValuesNotClassIndices = "CB006";
    public const string FlagsEnum = "CB007";
    public const string TooFewClasses = "CB008";
    public const string SamplesWithoutConfig = "CB009";
    public const string DuplicateName = "CB010";
    public const string WeightsCollapse = "CB011";
    public const string UnreachableEnum = "CB012";
    public const string AllCountsZero = "CB013";
    public const string InvalidName = "CB014";
    public const string UnknownOption = "CB015";
    public const string CountsFileMissing = "CB016";
    public const string MalformedCountsRow = "CB017";
    public const string DuplicateClassName = "CB018";
    public const string InvalidCount = "CB019";
    public const string EmptyCountsFile = "CB020";
    public const string IdentifierClash = "CB021";
    public const string InvalidDatasetClass = "CB022";
    public const string EmptySweepAxis = "CB023";
    public const string DuplicateSweepValue = "CB024";
    public const string InvalidDeferUntilEpoch = "CB025";
    public const string NameTooLong = "CB026";
    public const string TauOutOfRange = "CB027";
    public const string MaxMarginOutOfRange = "CB028";
    public const string ScaleOutOfRange = "CB029";
    public const string OptionNotApplicable = "CB030";
    public const string ZeroCountLongTail = "CB031";
    public const string CountTotalTooLarge = "CB032";
    public const string VsGammaOutOfRange = "CB040";
    public const string SamplingPowerOutOfRange = "CB041";
    public const string AsymmetricKnobOutOfRange = "CB045";
    public const string DistributionBalancedKnobOutOfRange = "CB046";
    public const string NormalizerWithoutWeights = "CB047";
    public const string SweepSamplesMissing = "CB048";
    public const string MultiLabelSamplesMissing = "CB050";
    public const string SamplesOutOfRange = "CB051";
    public const string CountAboveSamples = "CB052";
    public const string SamplesGivenTwice = "CB053";
    public const string MultiLabelSoftmax = "CB054";
    public const string WeightDecayOutOfRange = "CB060";
    public const string PositiveInEverySample = "CB061";
    public const string VsScaleUnderflow = "CB062";
    public const string SamplingProbabilityUnderflow = "CB063";
    public const string DuplicateLabel = "CB064";
    public const string EmptyLabel = "CB065";
    public const string WeightsMemberClash = "CB066";
    public const string SamplesLineNearMiss = "CB067";
    public const string GeneratorFailure = "CB900";

    /// <summary>CB011's property bag: the suggested β = (N-1)/N, round-trip invariant text.</summary>
    public const string SuggestedBetaProperty = "SuggestedBeta";

    /// <summary>CB011's property bag: N, the largest count, invariant integer text.</summary>
    public const string LargestCountProperty = "LargestCount";
}
