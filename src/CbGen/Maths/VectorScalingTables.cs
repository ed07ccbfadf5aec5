// Linked into CbGen.Generators as well (every file of src/CbGen/Maths is).
using System;

namespace CbGen;

/// <summary>
/// The per-class tables of the vector-scaling (VS) loss of Kini et al. (NeurIPS 2021), ℓ = CE(Δ ⊙ z + ι, y): the
/// multiplicative scales Δ_c = (n_c / n_max)^γ and the additive offsets ι_c = τ·log π_c
/// (<see cref="ClassPriors.LogPriors"/>). γ = 0 makes every Δ_c = 1 (the logit-adjusted loss); τ = 0 makes every
/// ι_c = 0 (the multiplicative, class-dependent-temperature part alone).
/// </summary>
/// <remarks>
/// <para><b>Accuracy:</b> Δ_c is one <see cref="Math.Pow"/> of one correctly rounded quotient in (0, 1], so the most
/// frequent class's scale is 1 bit for bit, and every scale is 1 exactly at γ = 0. ι_c is τ times the log-prior, the
/// same product the logit-adjusted loss forms.</para>
/// <para><b>Zero counts</b> are refused: an empty class's scale would be 0 and its offset −∞, not a usable logit
/// transform. Give such a class a pseudo-count (e.g. 1).</para>
/// </remarks>
public static class VectorScalingTables
{
    /// <summary>The VS loss's default γ: 0.3, the default of the paper's official code (its experiments tune γ and τ per
    /// data set).</summary>
    public const double DefaultGamma = CbDefaults.VsGamma;

    /// <summary>Returns the scale Δ_c = (n_c / n_max)^γ of every class.</summary>
    /// <param name="counts">Training samples per class, indexed by class (the logits column); every count ≥ 1.</param>
    /// <param name="gamma">γ ≥ 0 (finite): 0 scales nothing, larger values shrink the rare classes' logits more.</param>
    /// <returns>A new array of <c>counts.Length</c> scales in (0, 1], the most frequent class's being 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gamma"/> is NaN, negative or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, holds a negative count or a 0, or sums
    /// past <see cref="long.MaxValue"/>.</exception>
    public static double[] Scales(ReadOnlySpan<long> counts, double gamma = DefaultGamma)
    {
        ValidateGamma(gamma, nameof(gamma));
        _ = ClassPriors.Total(counts, ZeroCountPolicy.Throw, nameof(counts));
        long max = 0;
        foreach (long n in counts)
        {
            max = Math.Max(max, n);
        }

        var scales = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            scales[c] = Math.Pow(counts[c] / (double)max, gamma);
        }

        return scales;
    }

    /// <summary>Returns the offset ι_c = τ·log π_c of every class.</summary>
    /// <param name="counts">Training samples per class, indexed by class; every count ≥ 1.</param>
    /// <param name="tau">τ ≥ 0 (finite): 1 is the logit adjustment of Menon et al., 0 no offset.</param>
    /// <returns>A new array of <c>counts.Length</c> offsets, each ≤ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tau"/> is NaN, negative or infinite.</exception>
    /// <exception cref="ArgumentException">As <see cref="Scales"/>.</exception>
    public static double[] Offsets(ReadOnlySpan<long> counts, double tau = CbDefaults.Tau)
    {
        ClassPriors.ValidateTau(tau, nameof(tau));
        double[] offsets = ClassPriors.LogPriors(counts);
        for (int c = 0; c < offsets.Length; c++)
        {
            offsets[c] *= tau;
        }

        return offsets;
    }

    /// <summary>The one rule for the VS loss's γ (the runtime's entry points and the generator's CB040 apply it):
    /// finite and ≥ 0.</summary>
    internal static void ValidateGamma(double gamma, string paramName)
    {
        if (!IsValidGamma(gamma))
        {
            throw new ArgumentOutOfRangeException(paramName, gamma,
                "The VS loss's γ must be finite and ≥ 0 (0 leaves the logits unscaled, the official code's default is "
                + DefaultGamma.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "); got "
                + gamma.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ".");
        }
    }

    /// <summary>Whether γ is finite and ≥ 0.</summary>
    internal static bool IsValidGamma(double gamma) => gamma >= 0.0 && !double.IsInfinity(gamma);
}
