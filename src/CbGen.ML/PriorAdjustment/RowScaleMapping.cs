using System;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML;

/// <summary>The output row of the row-scale step of <see cref="PriorAdjustmentTransformer"/>.</summary>
internal sealed class RowScaleOutput
{
    /// <summary>A power of two ≥ the row's largest |score|, that the next step divides the row by.</summary>
    [ColumnName(PriorAdjustmentTransformer.RowScale)]
    public float Scale { get; set; }
}

/// <summary>
/// The divisor that brings a score row into the range single precision can normalise, as an ML.NET custom mapping
/// (parameter-free, found by its contract name like <see cref="ArgmaxMapping"/>). Appended to the row as one more
/// slot, it is the row's L∞ norm, so ML.NET's L∞ normaliser divides the row by it: a power of two, so the division
/// is exact and the later L1 step gives the same bits as without it. It is 1 for a row whose largest |score| is in
/// [2⁻⁶⁴, 1] (every probability row but a vanishing one), for an all-zero row and for a row holding a NaN or an
/// infinity, so those rows are left as they are. A smaller row is scaled up to a largest score in (½, 1] (by at
/// most 2¹²⁶, which lifts even 1.4·10⁻⁴⁵ to 1.2·10⁻⁷), so that 1 / Σ no longer overflows; a row of raw scores
/// above 1 is scaled down to (½, 1], which the L1 step cancels.
/// </summary>
[CustomMappingFactoryAttribute(Contract)]
internal sealed class RowScaleMapping : CustomMappingFactory<ArgmaxInput, RowScaleOutput>
{
    /// <summary>The contract name saved with the model.</summary>
    internal const string Contract = "CbGen.ML.PriorAdjustment.RowScale";

    private const int SmallestUntouchedExponent = -64;
    private const int LargestScaleUpExponent = 126;

    /// <inheritdoc />
    public override Action<ArgmaxInput, RowScaleOutput> GetMapping() => Map;

    internal static void Map(ArgmaxInput input, RowScaleOutput output)
    {
        float max = 0;
        foreach (float v in input.Scores)
        {
            if (!float.IsFinite(v))
            {
                output.Scale = 1;
                return;
            }

            max = Math.Max(max, Math.Abs(v));
        }

        if (max == 0 || (max <= 1 && Math.ILogB(max) >= SmallestUntouchedExponent))
        {
            output.Scale = 1;
            return;
        }

        // The smallest power of two ≥ max (max itself when it is one), at least 2^-126.
        int exponent = Math.ILogB(max) + (Math.ScaleB(1.0, Math.ILogB(max)) == max ? 0 : 1);
        output.Scale = (float)Math.ScaleB(1.0, Math.Max(exponent, -LargestScaleUpExponent));
    }
}
