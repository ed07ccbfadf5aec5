using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CbGen.Evaluation;
using DebtagsLongTail;
using LongTailData.Debtags;
using LongTailData.Files;

// The debtags multi-label benchmark: `./build.sh run --debtags [--packages FILE] [--seeds N] [--epochs E] [--rows NAME,…] [--out DIR]`.
CultureInfo c = CultureInfo.InvariantCulture;
string? packages = null;
string? outDirectory = null;
IReadOnlyList<LossRow> rows = LossRows.All;
int seeds = 3;
var settings = new TrainSettings();
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException("the option '" + args[i] + "' needs a value");
        switch (args[i++])
        {
            case "--packages": packages = value; break;
            case "--seeds": seeds = int.Parse(value, c); break;
            case "--epochs": settings = settings with { Epochs = int.Parse(value, c) }; break;
            case "--out": outDirectory = value; break;
            case "--rows": rows = LossRows.Named(value.Split(',', StringSplitOptions.TrimEntries)); break;
            default: throw new ArgumentException("unknown option '" + args[i - 1] + "'; usage: DebtagsLongTail [--packages FILE] [--seeds N] [--epochs E] [--rows NAME,…] [--out DIR]");
        }
    }

    DebtagsDataset data = DebtagsDataset.Build(packages ?? DebtagsDataset.FindList());
    Console.Write(DebtagsSummary.Of(data));
    long[][] features = Benchmark.Featurise(data, settings);
    var results = outDirectory is null ? null : new ResultsFile(outDirectory, "DebtagsLongTail " + string.Join(" ", args), data, settings, seeds);
    Console.WriteLine(string.Format(c, "model: hashed bag of words ({0:N0} buckets, unigrams and bigrams), linear; Adam lr {1}, {2} epochs, batch {3}; seeds 1..{4}",
        settings.Buckets, settings.LearningRate, settings.Epochs, settings.BatchSize, seeds));
    Console.WriteLine();
    Console.WriteLine("loss         mAP             many-shot       medium-shot     few-shot        s/run");
    foreach (RowResult row in Benchmark.Run(data, features, seeds, settings, rows))
    {
        string Cell(Func<MultiLabelReport, double?> metric)
        {
            double[] v = row.Reports.Select(r => metric(r) ?? double.NaN).ToArray();
            double mean = v.Average();
            double sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0;
            return string.Format(c, "{0,6:F2} ± {1,4:F2}   ", 100 * mean, 100 * sd);
        }

        Console.WriteLine(string.Format(c, "{0,-12} {1}{2}{3}{4}{5,5:F1}", row.Name, Cell(r => r.MeanAveragePrecision),
            Cell(r => r.ManyShotMeanAveragePrecision), Cell(r => r.MediumShotMeanAveragePrecision), Cell(r => r.FewShotMeanAveragePrecision),
            row.SecondsPerRun));
        results?.Add(row);
    }

    Console.WriteLine("(mAP in %, mean ± standard deviation over the seeds; shot groups by training positives: many > 100, few < 20)");
    return 0;
}
catch (DataFileException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
