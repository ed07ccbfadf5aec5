using CbGen.Generators.Helpers;
using Microsoft.CodeAnalysis;

namespace CbGen.Generators;

// DiagnosticDescriptors: CB050-CB054, CB061 and CB067, multi-label counts (positives n_c out of N samples). The attribute's Samples and
// MultiLabel are checked by the analyzers; a counts file's "# samples: N" line by the generator, which reads the file.
internal static partial class DiagnosticDescriptors
{
    /// <summary>The fix for a missing N, named by CB050's messages.</summary>
    internal const string SamplesFix = "set Samples = N on the attribute, N being the number of training samples (labelled or not)";

    /// <summary>CB050: multi-label counts are asked for (MultiLabel = true) but no N is given.</summary>
    public static readonly DiagnosticDescriptor MultiLabelSamplesMissing = Create(
        DiagnosticIds.MultiLabelSamplesMissing, "Multi-label counts need the number of samples N",
        "{0} asks for multi-label counts (MultiLabel = true) but gives no number of samples N, without which the negatives N − n_c and the priors n_c / N are unknown; {1}",
        DiagnosticSeverity.Error,
        "Multi-label counts are the positives n_c of each class out of N samples. N is not the sum of the counts (a sample may carry several labels or none), so it must be given: Samples = N on the attribute, or for a counts file a '# samples: N' line (cbgen count writes it for multi-label sources).");

    /// <summary>CB051: N (Samples, or a counts file's samples line) is not a whole number ≥ 1.</summary>
    public static readonly DiagnosticDescriptor SamplesOutOfRange = Create(
        DiagnosticIds.SamplesOutOfRange, "The number of samples must be a whole number ≥ 1",
        "{0} is '{1}', which {2}; the number of samples N counts every training sample (labelled or not): write a whole number ≥ 1",
        DiagnosticSeverity.Error,
        "N is the number of training samples of a multi-label data set, the denominator of the priors n_c / N; 0, a negative number or text is not a number of samples. Write the number of samples, at least the largest count.");

    /// <summary>CB052: a class has more positives n_c than there are samples N.</summary>
    public static readonly DiagnosticDescriptor CountAboveSamples = Create(
        DiagnosticIds.CountAboveSamples, "A class has more positives than there are samples",
        "Class '{0}' has {1} positives but {2} gives N = {3} samples; a class is positive at most once per sample, so each count must be ≤ N: correct N (every training sample, labelled or not) or the count",
        DiagnosticSeverity.Error,
        "In multi-label counts n_c is the number of samples that carry class c, so it cannot exceed the number of samples N; a larger count means that N or the count is wrong (for example N counted only one split, or the counts are label occurrences, not samples). Correct whichever is wrong.");

    /// <summary>CB053: N is given twice: Samples and the counts file, two configs, or a sweep and a config with different values, or two samples lines in one file (whatever their values).</summary>
    public static readonly DiagnosticDescriptor SamplesGivenTwice = Create(
        DiagnosticIds.SamplesGivenTwice, "The number of samples is given twice",
        "The number of samples is given twice, {0} and {1}; give N once: {2}",
        DiagnosticSeverity.Error,
        "A label set has one number of samples N. When the attribute's Samples and the counts file's '# samples: N' line disagree, the generator cannot know which is meant; a counts file holds one such line (a second is reported even when its value is the same: remove it). Keep the file's line (it travels with the counts) and remove Samples, or correct the one that is wrong. The configs of one enum or dataset class, and its [ClassBalancedSweep], describe one training set too, so their Samples must be equal.");

    /// <summary>CB067: a counts-file comment line reads like a samples line ("# samples 100", "# sample: 100") but is
    /// not one, so the file is read as single-label counts.</summary>
    public static readonly DiagnosticDescriptor SamplesLineNearMiss = Create(
        DiagnosticIds.SamplesLineNearMiss, "A comment line looks like a samples line but is not one",
        "Line {0} of '{1}' ('{2}') reads like the number of samples but is only a comment, so the counts are read as single-label; write it as '# samples: N' (the word samples, then a colon) for multi-label counts, or reword the comment",
        DiagnosticSeverity.Warning,
        "A counts file gives the number of samples N of multi-label counts on a comment line '# samples: N'. A line such as '# samples 100', '# sample: 100' or '# samples = 100' is a plain comment, so the file quietly stays single-label (no SampleCount, priors n_c / Σn). Write the line in the exact form, or reword a comment that is not meant as N. MultiLabel = true on the attribute turns a missing N into an error (CB050).");

    /// <summary>CB054: a multi-label config uses a softmax loss (one class per sample).</summary>
    public static readonly DiagnosticDescriptor MultiLabelSoftmax = Create(
        DiagnosticIds.MultiLabelSoftmax, "A multi-label config needs a per-class binary loss",
        "{0} is multi-label ({1}) but its loss is {2}, a softmax over the classes that takes one class per sample; use a loss with a binary term per class (CbLoss.Sigmoid, Focal, DistributionBalanced or Asymmetric), or drop the multi-label counts",
        DiagnosticSeverity.Error,
        "A softmax loss (CbLoss.Softmax, LogitAdjusted, Ldam and VectorScaling) takes one class index per sample and cannot express a sample with several labels. The class-balanced sigmoid and focal losses, the distribution-balanced loss and the asymmetric loss take multi-hot targets, one binary term per class.");

    /// <summary>The fix CB061 names for a config: its own BiasScale, or the counts.</summary>
    internal const string PriorBiasFix = "set BiasScale = 0 (no prior bias), or drop the class or check N (every training sample, labelled or not) and the counts";

    /// <summary>How CB061 names a sweep's distribution-balanced point, which always uses the default BiasScale.</summary>
    internal static readonly string SweepPriorBiasPoint =
        "the [ClassBalancedSweep]'s CbLoss.DistributionBalanced point (BiasScale = " + Literals.Text(CbDefaults.DbKappa) + ", a sweep's default)";

    /// <summary>The fix CB061 names for a sweep's point: a sweep has no BiasScale, so the counts, or a config.</summary>
    internal const string SweepPriorBiasFix = "drop the class or check N (every training sample, labelled or not) and the counts, or leave CbLoss.DistributionBalanced out of the sweep and train it from a config with BiasScale = 0 (no prior bias)";

    /// <summary>CB061: a distribution-balanced config (or sweep point) with a class-prior bias (BiasScale = κ ≠ 0) has
    /// a class positive in all N samples (n_c = N), whose bias log(n_c / (N − n_c)) is infinite.</summary>
    public static readonly DiagnosticDescriptor PositiveInEverySample = Create(
        DiagnosticIds.PositiveInEverySample, "A class positive in every sample has an infinite prior bias",
        "Class '{0}' has {1} positives and {2} gives N = {3} samples, so the class is positive in every sample: its prior n/N is 1 and the class-prior bias log(n/(N − n)) of {4} is infinite; {5}",
        DiagnosticSeverity.Error,
        "The distribution-balanced loss subtracts the class-prior bias ν_c = κ·log(n_c / (N − n_c)) from class c's logit, κ being BiasScale (0.05 by default). A class positive in every one of the N samples (n_c = N) has prior 1 and an infinite bias, so the generated loss could not be constructed. Set BiasScale = 0 to train without the prior bias, or drop the class (it carries no information) or correct N or the count if one of them is wrong. A count above N is CB052.");
}
