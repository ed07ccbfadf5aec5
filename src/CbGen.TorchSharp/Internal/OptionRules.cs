using System;

namespace CbGen.TorchSharp.Internal;

/// <summary>
/// Which <see cref="CbLossOptions"/> each loss uses, and the one check that an option set for a loss that does not
/// use it is an error (the run-time twin of the generator's CB005 and CB030, worded like CB030). An option left
/// null is never an error.
/// </summary>
internal static class OptionRules
{
    private const string IgnoreIndexUsers = "CbLoss.Softmax, CbLoss.LogitAdjusted, CbLoss.Ldam and CbLoss.VectorScaling";

    private const string DeferUsers = "CbLoss.Softmax, CbLoss.Sigmoid, CbLoss.Focal and CbLoss.Ldam";

    /// <summary>Throws when <paramref name="options"/> sets an option <paramref name="loss"/> does not use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="loss">A defined loss.</param>
    /// <param name="paramName">The options' parameter name.</param>
    internal static void CheckApplies(CbLossOptions options, CbLoss loss, string paramName)
    {
        Check(options.Gamma is not null, "Gamma", loss, loss == CbLoss.Focal, "CbLoss.Focal", paramName);
        Check(options.LabelSmoothing is not null, "LabelSmoothing", loss, loss == CbLoss.Softmax, "CbLoss.Softmax", paramName);
        Check(options.IgnoreIndex is not null, "IgnoreIndex", loss,
            loss is CbLoss.Softmax or CbLoss.LogitAdjusted or CbLoss.Ldam or CbLoss.VectorScaling, IgnoreIndexUsers, paramName);
        Check(options.Tau is not null, "Tau", loss, loss is CbLoss.LogitAdjusted or CbLoss.VectorScaling,
            "CbLoss.LogitAdjusted and CbLoss.VectorScaling", paramName);
        Check(options.VsGamma is not null, "VsGamma", loss, loss == CbLoss.VectorScaling, "CbLoss.VectorScaling",
            paramName);
        Check(options.MaxMargin is not null, "MaxMargin", loss, loss == CbLoss.Ldam, "CbLoss.Ldam", paramName);
        Check(options.Scale is not null, "Scale", loss, loss == CbLoss.Ldam, "CbLoss.Ldam", paramName);
        Check(options.DeferUntilEpoch is not null, "DeferUntilEpoch", loss,
            loss is CbLoss.Softmax or CbLoss.Sigmoid or CbLoss.Focal or CbLoss.Ldam, DeferUsers, paramName);
        bool db = loss == CbLoss.DistributionBalanced;
        const string Db = "CbLoss.DistributionBalanced";
        Check(options.Samples is not null, "Samples", loss, db, Db, paramName);
        Check(options.SmoothingAlpha is not null, "SmoothingAlpha", loss, db, Db, paramName);
        Check(options.SmoothingBeta is not null, "SmoothingBeta", loss, db, Db, paramName);
        Check(options.SmoothingMu is not null, "SmoothingMu", loss, db, Db, paramName);
        Check(options.NegativeScale is not null, "NegativeScale", loss, db, Db, paramName);
        Check(options.BiasScale is not null, "BiasScale", loss, db, Db, paramName);
        Check(options.InstancePrior is not null, "InstancePrior", loss, db, Db, paramName);
        bool asl = loss == CbLoss.Asymmetric;
        const string Asl = "CbLoss.Asymmetric";
        Check(options.GammaPositive is not null, "GammaPositive", loss, asl, Asl, paramName);
        Check(options.GammaNegative is not null, "GammaNegative", loss, asl, Asl, paramName);
        Check(options.Clip is not null, "Clip", loss, asl, Asl, paramName);
        Check(options.LogEpsilon is not null, "LogEpsilon", loss, asl, Asl, paramName);
    }

    /// <summary>As <see cref="CheckApplies"/>, for <see cref="CbLosses.Create(CbLoss, ReadOnlySpan{double}, CbLossOptions?)"/>,
    /// which builds no deferred loss.</summary>
    internal static void CheckAppliesToWeights(CbLossOptions options, CbLoss loss, string paramName)
    {
        CheckApplies(options, loss, paramName);
        if (options.DeferUntilEpoch is not null)
        {
            throw new ArgumentException(
                "CbLossOptions.DeferUntilEpoch is set but CbLosses.Create builds no deferred loss; DeferUntilEpoch only "
                + "applies to CbLosses.FromCounts: use it (or wrap the module in a DeferredReweightingLoss), or leave "
                + "DeferUntilEpoch unset.", paramName);
        }
    }

    private static void Check(bool isSet, string option, CbLoss loss, bool applies, string usedBy, string paramName)
    {
        if (isSet && !applies)
        {
            throw new ArgumentException(
                "CbLossOptions." + option + " is set but the loss is CbLoss." + loss.ToString() + "; " + option
                + " only applies to " + usedBy + ": leave it unset (null) for this loss, or change the loss.",
                paramName);
        }
    }
}
