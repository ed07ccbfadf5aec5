using System;
using FashionMnistLongTail;
using FashionMnistLongTail.Data;
using LongTailData.CommandLine;
using Spectre.Console;

// Thin shell: parse, run, map failures to exit codes. Everything else lives in Experiment.Run (callable from tests).
if (!ProgramShell.TryParse(args, Options.Parse, o => o.Help, Options.Usage, out Options? options, out int usageExit))
{
    return usageExit;
}

// Logs and CI get plain lines (no live progress); give their tables room instead of the 80-column default.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 140;
}

try
{
    if (options.Search)
    {
        FashionMnistLongTail.Search.GridSearch.Run(options);
    }
    else
    {
        Experiment.Run(options);
    }

    return 0;
}
catch (DatasetException e)
{
    AnsiConsole.MarkupLine("[red]error:[/] " + Markup.Escape(e.Message));
    return 3;
}
