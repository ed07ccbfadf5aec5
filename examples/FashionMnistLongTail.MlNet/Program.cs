using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CbGen;
using FashionMnistLongTail.Data;
using FashionMnistLongTail.MlNet;
using LongTailData.CommandLine;
using Microsoft.ML;
using Spectre.Console;

if (!ProgramShell.TryParse(args, DemoOptions.Parse, o => o.Help, DemoOptions.Usage, out DemoOptions? options, out int usageExit))
{
    return usageExit;
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 140;
}

FashionMnistDataset data;
try
{
    data = FashionMnistFiles.Load(FashionMnistFiles.Locate(options.DataDirectory));
}
catch (DatasetException e)
{
    AnsiConsole.MarkupLine("[red]error:[/] " + Markup.Escape(e.Message));
    return 3;
}

var wall = Stopwatch.StartNew();
long[] wanted = LongTail.Counts(options.Imbalance);
(int[] indices, long[] kept) = LongTail.Select(data.TrainLabels.Labels, wanted);
var ml = new MLContext(seed: 1);
IDataView train = ml.Data.Cache(PixelData.Keyed(ml, PixelData.Rows(data.TrainImages, data.TrainLabels, indices)));
IDataView test = ml.Data.Cache(PixelData.Keyed(ml, PixelData.Rows(data.TestImages, data.TestLabels)));
AnsiConsole.WriteLine(string.Format(CultureInfo.InvariantCulture,
    "Fashion-MNIST-LT, IF {0}: {1} training images ({2}), 10,000 balanced test images, 784 standardised pixels.",
    options.Imbalance, kept.Sum(), string.Join("/", kept)));
foreach (double beta in options.Betas)
{
    double[] w = ClassBalancedWeights.Compute(kept, beta);
    AnsiConsole.WriteLine("  β=" + beta.ToString(CultureInfo.InvariantCulture) + " weights: "
        + string.Join(" ", w.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture))));
}

IReadOnlyList<RunSpec> grid = Runs.Grid(options);
var results = new List<RunResult>();
void RunAll(Action<RunSpec> started, Action<RunResult> done)
{
    foreach (RunSpec spec in grid)
    {
        started(spec);
        RunResult r = Runs.Run(spec, options, train, test);
        results.Add(r);
        done(r);
    }
}

if (Console.IsOutputRedirected)
{
    RunAll(
        s => Console.WriteLine("[" + (results.Count + 1) + "/" + grid.Count + "] " + s.Display + ", seed " + s.Seed),
        r => Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "      error {0:F2} %, {1:F0} s", 100 * r.Error, r.Seconds)));
}
else
{
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
        .Start(ctx =>
        {
            ProgressTask all = ctx.AddTask("runs", maxValue: grid.Count);
            RunAll(
                s => all.Description = Markup.Escape(s.Display + ", seed " + s.Seed.ToString(CultureInfo.InvariantCulture)),
                _ => all.Increment(1));
            all.Description = "done";
        });
}

string markdown = Report.Markdown(results, kept, options, wall.Elapsed.TotalSeconds);
Report.Print(AnsiConsole.Console, results, kept);
Console.WriteLine();
Console.WriteLine(markdown);
return 0;
