using System.Collections.Generic;
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
/// The rows, in table order. Every loss divides its sum by the B·C terms (plain BCE's mean; the class-balanced
/// losses with <see cref="MeanNormalizer.AllTerms"/>), so the rows differ in weighting only. β = 0.999 and the focal loss's default γ = 2. A row for another multi-label loss is one more line here,
/// e.g. <c>new("DB", i =&gt; CbLosses.FromCounts(CbLoss.DistributionBalanced, i.Positives, Beta, AllTerms))</c>.
/// </summary>
public static class LossRows
{
    /// <summary>β of the class-balanced rows: the benchmark's choice, equal to CbGen's default.</summary>
    public const double Beta = 0.999;

    private static readonly CbLossOptions AllTerms = new() { Normalizer = MeanNormalizer.AllTerms, Device = CbDevice.Cpu };

    /// <summary>Every row.</summary>
    public static IReadOnlyList<LossRow> All { get; } =
    [
        new("BCE", _ => nn.BCEWithLogitsLoss()),
        new("CB sigmoid", i => CbLosses.FromCounts(CbLoss.Sigmoid, i.Positives, Beta, AllTerms)),
        new("CB focal", i => CbLosses.FromCounts(CbLoss.Focal, i.Positives, Beta, AllTerms)),
    ];
}
