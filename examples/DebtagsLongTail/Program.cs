using System;
using System.Globalization;
using System.Linq;
using CbGen.Evaluation;
using DebtagsLongTail;
using LongTailData.CommandLine;
using LongTailData.Debtags;
using LongTailData.Files;

// The debtags multi-label benchmark: `./build.sh run --debtags [--packages FILE] [--seeds N] [--epochs E] [--rows NAME,…] [--out DIR]`.
// Thin shell: the options are checked before any data is read (exit 2), then a data file's error is exit 3, as in the
// other demos.
CultureInfo c = CultureInfo.InvariantCulture;
if (!ProgramShell.TryParse(args, BenchmarkOptions.Parse, o => o.Help, BenchmarkOptions.Usage, out BenchmarkOptions? options, out int usageExit))
{
    return usageExit;
}

int seeds = options.Seeds;
TrainSettings settings = options.Settings;
try
{
    DebtagsDataset data = DebtagsDataset.Build(options.Packages ?? DebtagsDataset.FindList());
    Console.Write(DebtagsSummary.Of(data));
    long[][] features = Benchmark.Featurise(data, settings);
    var results = new ResultsFile(options.OutputDirectory, "DebtagsLongTail " + string.Join(" ", args), data, settings, seeds);
    Console.WriteLine(string.Format(c, "model: hashed bag of words ({0:N0} buckets, unigrams and bigrams), linear; Adam lr {1}, {2} epochs, batch {3}; seeds 1..{4}",
        settings.Buckets, settings.LearningRate, settings.Epochs, settings.BatchSize, seeds));
    Console.WriteLine();
    Console.WriteLine("loss         mAP             many-shot       medium-shot     few-shot        s/run");
    foreach (RowResult row in Benchmark.Run(data, features, seeds, settings, options.Rows))
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
        results.Add(row);
    }

    Console.WriteLine("(mAP in %, mean ± standard deviation over the seeds; shot groups by training positives: many > 100, few < 20)");
    return 0;
}
catch (DataFileException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 3;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
