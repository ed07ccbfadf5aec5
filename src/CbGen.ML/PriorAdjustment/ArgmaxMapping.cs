using System;
using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace CbGen.ML;

/// <summary>The input row of the argmax step of <see cref="PriorAdjustmentTransformer"/> (a saved model reads it by
/// these names; not for direct use).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ArgmaxInput
{
    /// <summary>The adjusted scores.</summary>
    [VectorType]
    [ColumnName(PriorAdjustmentTransformer.ScoreCopy)]
    public float[] Scores { get; set; } = [];
}

/// <summary>The output row of the argmax step: the 1-based slot of the largest score, 0 when a score is NaN.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ArgmaxOutput
{
    /// <summary>The 1-based slot of the largest score (the first of equal ones), 0 for a row with a NaN score.</summary>
    [ColumnName(PriorAdjustmentTransformer.Argmax)]
    public uint Slot { get; set; }
}

/// <summary>The argmax of <see cref="PriorAdjustmentTransformer"/>'s adjusted scores as an ML.NET custom mapping:
/// parameter-free, so a saved model finds it by its contract name without any registration.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(Contract)]
public sealed class ArgmaxMapping : CustomMappingFactory<ArgmaxInput, ArgmaxOutput>
{
    /// <summary>The contract name saved with the model.</summary>
    public const string Contract = "CbGen.ML.PriorAdjustment.Argmax";

    /// <inheritdoc />
    public override Action<ArgmaxInput, ArgmaxOutput> GetMapping() => Map;

    internal static void Map(ArgmaxInput input, ArgmaxOutput output)
    {
        float[] s = input.Scores;
        uint best = 0;
        float max = float.NegativeInfinity;
        for (int i = 0; i < s.Length; i++)
        {
            if (float.IsNaN(s[i]))
            {
                output.Slot = 0;
                return;
            }

            if (best == 0 || s[i] > max)
            {
                max = s[i];
                best = (uint)(i + 1);
            }
        }

        output.Slot = best;
    }
}
