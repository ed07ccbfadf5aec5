using System;
using System.Collections.Generic;
using System.Linq;

namespace CbGen.Generators.Tests;

/// <summary>The random programs' sweeps: every axis of <c>[ClassBalancedSweep]</c>, each left out, valid or not
/// (empty, NaN, infinite, negative, duplicate, set where no point uses it), the multi-label points with and without
/// <c>Samples</c>, and the multi-label configs and counts files they share an enum or a dataset with.</summary>
public sealed partial class RandomProgramTests
{
    private static readonly string[] SweepLosses =
    {
        "Softmax", "Sigmoid", "Focal", "LogitAdjusted", "Ldam", "VectorScaling", "DistributionBalanced", "Asymmetric",
    };

    /// <summary>Elements of the non-negative axes (Gammas, Taus, VsGammas, WeightDecays): valid, out of range,
    /// a negative zero, and values whose point names are close.</summary>
    private static readonly string[] AxisValues = { "0.0", "-0.0", "0.5", "1.0", "2.0", "5e-4", "1e-5", "1e20", "double.Epsilon" };

    private static readonly string[] BetaValues = { "0.9", "0.99", "0.999", "0.9999", "0.0", "1.0", "-0.0", "double.Epsilon" };

    /// <summary>Out of range for every axis (CB003, CB019, CB027, CB040, CB060).</summary>
    private static readonly string[] BadValues = { "-1.0", "1.5", "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity" };

    /// <summary>The sweep's Samples: N fitting any count drawn; hostile, N below some and CB051's 0 and negative.</summary>
    private static readonly string[] SweepSamples = { "1000000", "100000L", "long.MaxValue" };

    private static readonly string[] BadSweepSamples = { "1500", "3", "0", "-1" };

    /// <summary>Multi-label configs on the enum a sweep is on: N fitting or not, CB050 without N, CB054 with a softmax.</summary>
    private static readonly string[] MultiLabelConfigs =
    {
        "[ClassBalanced(Loss = CbLoss.DistributionBalanced, Samples = 1000000)] ",
        "[ClassBalanced(Loss = CbLoss.Asymmetric, MultiLabel = true, Samples = 2000)] ",
        "[ClassBalanced(Loss = CbLoss.Sigmoid, MultiLabel = true, Samples = 1500)] ",
        "[ClassBalanced(Loss = CbLoss.Focal, MultiLabel = true)] ",
        "[ClassBalanced(Loss = CbLoss.Softmax, MultiLabel = true, Samples = 2000)] ",
        "[ClassBalanced(Loss = CbLoss.DistributionBalanced, Samples = 5)] ",
    };

    /// <summary>Multi-label counts files for datasets: N fitting the rows, below one, twice, and none.</summary>
    private static readonly (string Name, string Text)[] TagFiles =
    {
        ("tags.csv", "# samples: 1000\nname,count\ngame,400\nscience,30\nclass,2\n"),
        ("few.csv", "# samples: 100\nname,count\ngame,400\nscience,30\n"),
        ("twice.csv", "# samples: 1000\n# samples: 999\nname,count\ngame,400\n"),
        ("zero.csv", "# samples: 0\nname,count\ngame,4\n"),
    };

    /// <summary>A <c>[ClassBalancedSweep(…)]</c> drawing each axis (left out three times in four).</summary>
    private static string Sweep(Random random, string ns, Func<IReadOnlyList<string>, string> pick)
    {
        var arguments = new List<string>();
        bool Draw(int outOf) => random.Next(outOf) == 0;

        // One sweep in three may break its rules anywhere; the others are valid but for CB030 warnings and the counts.
        bool hostile = Draw(3);
        if (Draw(3))
        {
            arguments.Add("Betas = " + Axis(random, BetaValues, hostile, pick));
        }

        bool multiLabel = Draw(2);
        if (Draw(2) || multiLabel)
        {
            // Losses: a draw that leans on the multi-label ones, duplicates and an undefined value possible.
            int count = random.Next(hostile ? 0 : 1, 4);
            var losses = Enumerable.Range(0, count).Select(_ => "CbLoss." + pick(SweepLosses)).ToList();
            if (multiLabel)
            {
                losses.Add(random.Next(2) == 0 ? "CbLoss.DistributionBalanced" : "CbLoss.Asymmetric");
            }

            if (hostile && Draw(6))
            {
                losses.Add("(CbLoss)42");
            }

            losses = hostile ? losses : losses.Distinct().ToList();

            if (hostile && Draw(4) && losses.Count > 0)
            {
                losses.Add(losses[0]);
            }

            arguments.Add("Losses = " + (losses.Count == 0 ? "new CbLoss[0]" : "new[] { " + string.Join(", ", losses) + " }"));
        }

        foreach (string axis in new[] { "Gammas", "Taus", "VsGammas", "WeightDecays" })
        {
            if (Draw(axis == "WeightDecays" ? 2 : 4))
            {
                arguments.Add(axis + " = " + Axis(random, AxisValues, hostile, pick));
            }
        }

        if (Draw(multiLabel ? 1 : 4) && !Draw(5))
        {
            arguments.Add("Samples = " + pick(hostile && Draw(2) ? BadSweepSamples : SweepSamples));
        }

        if (Draw(6))
        {
            arguments.Add("Normalizer = MeanNormalizer." + pick(new[] { "PositiveLabels", "AllTerms", "WeightSum" }));
        }

        if (Draw(6))
        {
            arguments.Add("Device = CbDevice." + pick(new[] { "Auto", "Cpu" }));
        }

        if (Draw(6))
        {
            arguments.Add("DeferUntilEpoch = " + pick(hostile ? new[] { "0", "3", "-1" } : new[] { "0", "3" }));
        }

        if (Draw(2))
        {
            arguments.Add(NameArgument(random, ns, pick).TrimStart(',', ' '));
        }

        arguments.RemoveAll(string.IsNullOrEmpty);
        return "[ClassBalancedSweep(" + string.Join(", ", arguments) + ")] ";
    }

    /// <summary>An axis of one to three distinct elements of <paramref name="values"/>, as an array or a collection
    /// expression; when <paramref name="hostile"/>, also empty, null, duplicates and <see cref="BadValues"/>.</summary>
    private static string Axis(Random random, string[] values, bool hostile, Func<IReadOnlyList<string>, string> pick)
    {
        switch (hostile ? random.Next(8) : 2)
        {
            case 0:
                return "new double[0]";
            case 1:
                return "null";
            default:
                var elements = new List<string>();
                int count = random.Next(1, 4);
                for (int i = 0; i < count; i++)
                {
                    string element = pick(hostile && random.Next(3) == 0 ? BadValues : values);
                    if (hostile || !elements.Contains(element))
                    {
                        elements.Add(element);
                    }
                }

                string list = string.Join(", ", elements);
                return random.Next(4) == 0 ? "[" + list + "]" : "new double[] { " + list + " }";
        }
    }
}
