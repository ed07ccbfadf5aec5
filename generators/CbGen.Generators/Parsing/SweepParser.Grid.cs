using System.Collections.Generic;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Parsing;

/// <summary>A sweep's grid points and their names: loss-major, then β, then γ (focal only), in the order the arrays
/// give them.</summary>
internal static partial class SweepParser
{
    /// <summary>The grid's points: loss-major, then β, then γ (focal only), in the order the arrays give them. A
    /// LogitAdjusted point per τ (it uses no β); a VectorScaling point per (γ, τ), its γ in <see cref="SweepPoint.Gamma"/>;
    /// Ldam one point per β with DeferUntilEpoch (LDAM-DRW), else one; DistributionBalanced and Asymmetric one each
    /// (no β, their runtime defaults).</summary>
    private static List<SweepPoint> Expand(
        CbLoss[] losses, double[] betas, double[] gammas, double[] taus, double[] vsGammas, int deferUntilEpoch)
    {
        var points = new List<SweepPoint>();
        foreach (CbLoss loss in losses)
        {
            if (loss == CbLoss.VectorScaling)
            {
                foreach (double vsGamma in vsGammas)
                {
                    foreach (double tau in taus)
                    {
                        points.Add(new SweepPoint(loss.ToString() + "_G" + NumberName(vsGamma) + "_T" + NumberName(tau), loss, 0.0, -1, vsGamma) { Tau = tau });
                    }
                }

                continue;
            }

            if (loss == CbLoss.LogitAdjusted)
            {
                foreach (double tau in taus)
                {
                    points.Add(new SweepPoint(loss.ToString() + "_T" + NumberName(tau), loss, 0.0, -1, 0.0) { Tau = tau });
                }

                continue;
            }

            if (loss is CbLoss.DistributionBalanced or CbLoss.Asymmetric || (loss == CbLoss.Ldam && deferUntilEpoch <= 0))
            {
                points.Add(new SweepPoint(loss.ToString(), loss, 0.0, -1, 0.0));
                continue;
            }

            for (int b = 0; b < betas.Length; b++)
            {
                string member = loss.ToString() + "_B" + NumberName(betas[b]);
                if (loss == CbLoss.Focal)
                {
                    foreach (double gamma in gammas)
                    {
                        points.Add(new SweepPoint(member + "_G" + NumberName(gamma), loss, betas[b], b, gamma));
                    }
                }
                else
                {
                    points.Add(new SweepPoint(member, loss, betas[b], b, 0.0));
                }
            }
        }

        return points;
    }

    /// <summary>A number as identifier text: 0.9999 → 0_9999, 2 → 2, 1E-05 → 1Em05.</summary>
    public static string NumberName(double value) =>
        Literals.Text(value).Replace(".", "_").Replace("-", "m").Replace("+", string.Empty);
}
