using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;

namespace CbGen.Cli.Arguments;

/// <summary>System.CommandLine's help, followed by the sections a command adds after its options (what PATH may be,
/// examples): the root's help lists each command by its one-paragraph description only.</summary>
internal sealed class SectionsHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction help;
    private readonly IReadOnlyDictionary<string, string> sections;
    private readonly TextWriter output;

    public SectionsHelpAction(HelpAction help, IReadOnlyDictionary<string, string> sections, TextWriter output)
    {
        this.help = help;
        this.sections = sections;
        this.output = output;
    }

    public override int Invoke(ParseResult parseResult)
    {
        int code = help.Invoke(parseResult);
        if (sections.TryGetValue(parseResult.CommandResult.Command.Name, out string? text))
        {
            output.Write(text);
        }

        return code;
    }
}
