using System;
using System.Globalization;
using CbGen.TorchSharp.Internal;

namespace CbGen.TorchSharp;

/// <summary>
/// The deferred re-weighting (DRW) schedule of Cao et al., NeurIPS 2019 ("Learning Imbalanced Datasets with
/// Label-Distribution-Aware Margin Loss"): train with the unweighted loss for the first
/// <see cref="DeferUntilEpoch"/> epochs, then with the class-balanced (effective-number) weights. Epochs are
/// counted from 0, as in the reference code's <c>epoch // 160</c>: with K = 160, epochs 0..159 use weight 1 for
/// every class and epochs 160.. use the class-balanced weights.
/// </summary>
/// <example>
/// <code>
/// var drw = new DeferredReweighting(DeferredReweighting.LdamDrwEpoch);   // K = 160 of 200 epochs
/// double[] alpha = drw.WeightsAt(epoch, ClassBalancedWeights.Compute(counts, DeferredReweighting.LdamDrwBeta));
/// </code>
/// </example>
public sealed class DeferredReweighting
{
    /// <summary>The epoch at which the LDAM-DRW recipe switches to re-weighting (of 200 epochs).</summary>
    public const int LdamDrwEpoch = 160;

    /// <summary>β of the effective-number weights in the LDAM-DRW recipe.</summary>
    public const double LdamDrwBeta = CbDefaults.LdamDrwBeta;

    /// <summary>Creates the schedule.</summary>
    /// <param name="deferUntilEpoch">K ≥ 0, the first (0-based) epoch that uses the class-balanced weights; 0
    /// re-weights from the start.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deferUntilEpoch"/> is negative.</exception>
    public DeferredReweighting(int deferUntilEpoch)
    {
        if (deferUntilEpoch < 0)
        {
            throw Validation.OutOfRange(nameof(deferUntilEpoch), deferUntilEpoch,
                "deferUntilEpoch must be ≥ 0: it is the first 0-based epoch that uses the class-balanced weights (0 "
                + "re-weights from the start; the LDAM-DRW recipe uses DeferredReweighting.LdamDrwEpoch).");
        }

        DeferUntilEpoch = deferUntilEpoch;
    }

    /// <summary>K: the first (0-based) epoch that uses the class-balanced weights.</summary>
    public int DeferUntilEpoch { get; }

    /// <summary>Whether <paramref name="epoch"/> uses the class-balanced weights (epoch ≥ K).</summary>
    /// <param name="epoch">A 0-based epoch.</param>
    /// <returns>True from epoch K on.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    public bool IsReweighting(int epoch)
    {
        CheckEpoch(epoch, nameof(epoch));
        return epoch >= DeferUntilEpoch;
    }

    /// <summary>The weights to use at <paramref name="epoch"/>: all ones before K, a copy of
    /// <paramref name="classBalancedWeights"/> from K on.</summary>
    /// <param name="epoch">A 0-based epoch.</param>
    /// <param name="classBalancedWeights">The class-balanced weights α_c.</param>
    /// <returns>A new array of the same length.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    public double[] WeightsAt(int epoch, ReadOnlySpan<double> classBalancedWeights)
    {
        var result = new double[classBalancedWeights.Length];
        if (IsReweighting(epoch))
        {
            classBalancedWeights.CopyTo(result);
        }
        else
        {
            result.AsSpan().Fill(1.0);
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        "DeferredReweighting(K = " + DeferUntilEpoch.ToString(CultureInfo.InvariantCulture) + ")";

    internal static void CheckEpoch(int epoch, string paramName)
    {
        if (epoch < 0)
        {
            throw Validation.OutOfRange(paramName, epoch,
                paramName + " must be a 0-based epoch ≥ 0; pass the epoch about to be trained, counting from 0.");
        }
    }
}
