using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using LongTailData;
using LongTailData.CommandLine;
using LongTailData.Files;
using LongTailData.WordNet;
using Microsoft.ML;
using WordNetLongTail.MlNet;

// `./build.sh run --wordnet [options]`: the ML.NET text benchmark of issue 25 (docs/mlnet.md, "WordNet glosses").
// Exit codes as the other demos': 2 a wrong command line (with the usage line), 3 a data file's error.
if (!ProgramShell.TryParse(args, BenchmarkOptions.Parse, o => o.Help, BenchmarkOptions.Usage, out BenchmarkOptions? options, out int usageExit, usageAfterError: true))
{
    return usageExit;
}

try
{
    var clock = Stopwatch.StartNew();
    DateTime started = DateTime.UtcNow;
    string loadAtStart = MachineInfo.LoadAverage();
    LongTailDataset<GlossSample> data = WordNetDataset.Build(options.WordNetDirectory);
    Console.WriteLine(DatasetSummary.Of(data));
    var ml = new MLContext(seed: options.Seed);
    Prepared prepared = TextBenchmark.Prepare(ml, data, options);
    Console.WriteLine("features: " + prepared.FeatureCount.ToString(CultureInfo.InvariantCulture) + " word uni- and bigrams");
    var rows = new List<ResultRow>();
    foreach (string trainer in options.TrainerNames)
    {
        rows.AddRange(TextBenchmark.Run(ml, prepared, trainer, options, Console.WriteLine));
    }

    var run = new BenchmarkRun(options, data, prepared, rows, started, clock.Elapsed.TotalSeconds, args, loadAtStart, MachineInfo.LoadAverage());
    Directory.CreateDirectory(options.OutputDirectory);
    File.WriteAllText(Path.Combine(options.OutputDirectory, "results.json"), Report.Json(run));
    string markdown = Report.Markdown(run);
    File.WriteAllText(Path.Combine(options.OutputDirectory, "results.md"), markdown);
    Console.WriteLine(markdown);
    return 0;
}
catch (DataFileException e)
{
    // The command line was right: no usage line; 3, the data-error code of the other demos.
    Console.Error.WriteLine("error: " + e.Message);
    return 3;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}
