using System;
using GlyphsLongTail;
using LongTailData.CommandLine;
using LongTailData.Files;
using Spectre.Console;

// Thin shell: parse, run, map failures to exit codes (2 usage, 3 data). The work is in Benchmark.Run / GlyphSearch.Run.
if (!ProgramShell.TryParse(args, BenchmarkOptions.Parse, o => o.Help, BenchmarkOptions.Usage, out BenchmarkOptions? options, out int usageExit))
{
    return usageExit;
}

if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 140;
}

try
{
    if (options.Search)
    {
        GlyphSearch.Run(options);
    }
    else
    {
        Benchmark.Run(options);
    }

    return 0;
}
catch (DataFileException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 3;
}
catch (ArgumentOutOfRangeException e) when (e.ParamName == "classes")
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
