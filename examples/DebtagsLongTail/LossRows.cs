using System.Collections.Generic;
using System.Linq;
using CbGen;
using CbGen.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace DebtagsLongTail;

/// <summary>What a row's loss is built from: the training positives n_c and the number of training samples N.</summary>
/// <param name="Positives">n_c per tag, over the training split.</param>
/// <param name="Samples">N, the training packages.</param>
public sealed record LossInputs(long[] Positives, long Samples);

/// <summary>One row of the table: a name and how to build its loss (logits [B, C], multi-hot targets [B, C]).</summary>
public sealed record LossRow(string Name, System.Func<LossInputs, Loss<Tensor, Tensor, Tensor>> Create);

/// <summary>
/// The rows, in table order. Every loss divides its sum by the B·C terms (plain BCE's mean; the other losses with
/// <see cref="MeanNormalizer.AllTerms"/>, also the DB and ASL losses, whose own default is the number of positive
/// labels), so the rows differ in their per-term losses and weights only, not in a per-batch scale. β = 0.999 for
/// the CB rows and the focal loss's default γ = 2; DB and ASL take their defaults (<see cref="CbDefaults"/>: DB's α, β, μ, λ
/// and κ with N the training packages; ASL's γ+, γ− and probability margin) and ignore the CB β. A row for another loss is one
/// more line here.
/// </summary>
public static class LossRows
{
    /// <summary>β of the class-balanced rows: the benchmark's choice, equal to CbGen's default.</summary>
    public const double Beta = 0.999;

    private static readonly CbLossOptions AllTerms = new() { Normalizer = MeanNormalizer.AllTerms, Device = CbDevice.Cpu };

    /// <summary>The rows of <paramref name="names"/>, in table order.</summary>
    /// <exception cref="System.ArgumentException">A name is not a row's.</exception>
    public static IReadOnlyList<LossRow> Named(IReadOnlyCollection<string> names)
    {
        foreach (string name in names)
        {
            if (!All.Any(r => r.Name == name))
            {
                throw new System.ArgumentException("unknown row '" + name + "' in --rows; the rows are " + string.Join(", ", All.Select(r => r.Name)));
            }
        }

        return All.Where(r => names.Contains(r.Name)).ToList();
    }

    /// <summary>Every row.</summary>
    public static IReadOnlyList<LossRow> All { get; } =
    [
        new("BCE", _ => nn.BCEWithLogitsLoss()),
        new("CB sigmoid", i => CbLosses.FromCounts(CbLoss.Sigmoid, i.Positives, Beta, AllTerms)),
        new("CB focal", i => CbLosses.FromCounts(CbLoss.Focal, i.Positives, Beta, AllTerms)),
        new("DB", i => CbLosses.FromCounts(CbLoss.DistributionBalanced, i.Positives, Beta, AllTerms with { Samples = i.Samples })),
        new("ASL", i => CbLosses.FromCounts(CbLoss.Asymmetric, i.Positives, Beta, AllTerms)),
    ];
}
