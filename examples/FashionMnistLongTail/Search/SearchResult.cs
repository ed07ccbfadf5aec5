using System.Collections.Generic;
using System.Text.Json.Serialization;
using FashionMnistLongTail.Reporting;

namespace FashionMnistLongTail.Search;

/// <summary>One grid point of the search: its validation and (for the report only) test metrics.</summary>
/// <param name="Name">The generated point's name (e.g. <c>FashionMnistFocal_B0_999_G0_5</c>).</param>
/// <param name="Display">A readable name.</param>
/// <param name="Loss">softmax, sigmoid or focal.</param>
/// <param name="Beta">β.</param>
/// <param name="Gamma">γ (focal only).</param>
/// <param name="ValidationRank">1 = chosen.</param>
/// <param name="ValidationBalancedErrorPercent">Balanced error on the validation split, %.</param>
/// <param name="ValidationErrorPercent">Error on the validation split, %.</param>
/// <param name="TestBalancedErrorPercent">Balanced error on the test set, %: never seen by the ranking.</param>
/// <param name="TestErrorPercent">Error on the test set, %.</param>
/// <param name="Epochs">Epochs the point trained for.</param>
/// <param name="Seconds">Training and evaluation time.</param>
public sealed record GridPoint(string Name, string Display, string Loss, double Beta, double Gamma, int ValidationRank,
    double ValidationBalancedErrorPercent, double ValidationErrorPercent, double TestBalancedErrorPercent, double TestErrorPercent,
    int Epochs, double Seconds)
{
    /// <summary>The point's weight decay when it is an axis of the grid (<c>--weight-decays</c>); <c>null</c> (and
    /// absent from search.json) when every point trains with the protocol's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WeightDecay { get; init; }
}

/// <summary>What successive halving over the same grid chose, and what it cost.</summary>
/// <param name="Rungs">Rungs.</param>
/// <param name="Winner">The point it chose.</param>
/// <param name="SameWinner">Whether that is the full grid's choice.</param>
/// <param name="Epochs">Epochs it trained in all (each rung retrains from scratch at its budget).</param>
/// <param name="FullGridEpochs">Epochs the full grid trained.</param>
/// <param name="Seconds">Its wall time.</param>
/// <param name="FullGridSeconds">The full grid's wall time.</param>
public sealed record HalvingOutcome(int Rungs, string Winner, bool SameWinner, int Epochs, int FullGridEpochs, double Seconds, double FullGridSeconds);

/// <summary>Everything <c>--search</c> found, as written to search.json.</summary>
/// <param name="Command">The command line.</param>
/// <param name="Machine">The machine.</param>
/// <param name="WallSeconds">The whole run's wall time.</param>
/// <param name="Imbalance">The imbalance factor.</param>
/// <param name="ValidationFraction">The share of each class held out.</param>
/// <param name="TrainCounts">Training images per class after the hold-out (the search's weights come from these).</param>
/// <param name="ValidationCounts">Validation images per class.</param>
/// <param name="SearchEpochs">Epochs per grid point.</param>
/// <param name="FinalEpochs">Epochs of the final runs.</param>
/// <param name="Grid">The grid, best validation first.</param>
/// <param name="Spearman">Rank correlation of validation and test balanced error over the grid; null when every point ties
/// on one of them (the correlation is undefined).</param>
/// <param name="WinnerTestRank">Where the validation winner ranks by test balanced error (1 = best).</param>
/// <param name="Halving">Successive halving's outcome (with <c>--halving</c>), or null.</param>
/// <param name="Final">The winner retrained on the full training subset and the paper-default rows, over the seeds.</param>
/// <param name="Runs">Every final run.</param>
/// <param name="Files">The files written.</param>
public sealed record SearchResult(string Command, string Machine, double WallSeconds, int Imbalance, double ValidationFraction,
    long[] TrainCounts, long[] ValidationCounts, int SearchEpochs, int FinalEpochs, IReadOnlyList<GridPoint> Grid, double? Spearman,
    int WinnerTestRank, HalvingOutcome? Halving, IReadOnlyList<SummaryRow> Final, IReadOnlyList<RunResult> Runs, IReadOnlyList<string> Files)
{
    /// <summary>The weight decays of the grid's weight-decay axis (<c>--weight-decays</c>), or <c>null</c> (and absent
    /// from search.json) when every point trains with the protocol's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? WeightDecays { get; init; }
}
