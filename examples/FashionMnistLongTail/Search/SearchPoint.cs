using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FashionMnistLongTail.Search;

/// <summary>
/// One point of the search grid: a generated sweep point (β, loss, γ) and the weight decay it trains with. Without
/// <c>--weight-decays</c> the grid is the sweep itself at the protocol's weight decay, under the sweep points' own
/// names; with it, one point per (sweep point, weight decay), named <c>{sweep name}_WD{decay}</c>.
/// </summary>
/// <param name="Sweep">The generated sweep point.</param>
/// <param name="WeightDecay">The L2 weight decay of its training.</param>
/// <param name="Name">The point's unique name.</param>
/// <param name="IsWeightDecayAxis">Whether the weight decay is an axis of the grid (<c>--weight-decays</c>).</param>
public sealed record SearchPoint(FashionMnistSweepPoint Sweep, double WeightDecay, string Name, bool IsWeightDecayAxis)
{
    /// <summary>
    /// The grid: every sweep point at the protocol's weight decay when <paramref name="weightDecays"/> is
    /// <c>null</c>, else every sweep point at each weight decay (sweep-point-major, in the order given).
    /// </summary>
    public static IReadOnlyList<SearchPoint> Grid(IReadOnlyList<FashionMnistSweepPoint> sweep, IReadOnlyList<double>? weightDecays)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (weightDecays is null)
        {
            return sweep.Select(p => new SearchPoint(p, Protocol.WeightDecay, p.Name, false)).ToArray();
        }

        return (from p in sweep from wd in weightDecays select new SearchPoint(p, wd, p.Name + "_WD" + Format(wd), true)).ToArray();
    }

    /// <summary>A weight decay in invariant round-trip form, as names and reports show it: 5e-4 → "0.0005".</summary>
    public static string Format(double weightDecay) => weightDecay.ToString("R", CultureInfo.InvariantCulture);
}
