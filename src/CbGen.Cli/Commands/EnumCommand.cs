using System;
using System.Collections.Generic;
using System.IO;
using CbGen.Cli.Arguments;
using CbGen.Cli.Emit;
using CbGen.Cli.Input;
using CbGen.Cli.Output;

namespace CbGen.Cli.Commands;

/// <summary><c>cbgen enum PATH --name X</c>: a label enum annotated for the CbGen source generator.</summary>
internal static class EnumCommand
{
    public const string Name = "enum";

    /// <summary>Above this many classes an enum gets unwieldy; the tool suggests <c>--counts-file</c>.</summary>
    public const int LargeLabelSet = 1000;

    /// <summary>The <c>--loss</c> values: every <see cref="CbLoss"/> member in kebab case (LogitAdjusted →
    /// logit-adjusted), so a loss the generator gains is accepted here without a second list.</summary>
    private static readonly (string Text, CbLoss Value)[] Losses =
        Array.ConvertAll(Enum.GetValues<CbLoss>(), loss => (CliNames.Kebab(loss.ToString()), loss));

    /// <summary>The command's description in its help (System.CommandLine adds the usage, arguments and options).</summary>
    public const string Description =
        "Writes a C# label enum for the CbGen source generator, ready to compile: [ClassBalanced(…)] on the enum,\n"
        + "[Samples(n)] on every member, members valued 0..C-1 in class order, class names turned into valid\n"
        + "unique identifiers (keywords escaped with @) and kept in /// <summary> docs and, where the identifier\n"
        + "differs, as [Samples(n, Label = \"…\")] (the label the generated ML.NET helpers match). The classes come\n"
        + "from PATH or --counts; --name is required unless --counts-file.\n"
        + "\n"
        + CommandSupport.SourceHelp
        + "\n"
        + "Example:\n"
        + "  cbgen enum data/train --name Cifar10Lt --namespace MyApp --beta 0.9999 --loss focal --gamma 1 -o Cifar10Lt.cs\n";

    internal static readonly OptionSpec[] Specs = CommandSupport.Specs(
        CommandSupport.SourceOptions,
        new[]
        {
            new OptionSpec("--name", "NAME", "the enum's name (a C# identifier; required unless --counts-file)"),
            new OptionSpec("--namespace", "NS", "its namespace (default: none)"),
            new OptionSpec("--beta", "B", "β in [0, 1] (default " + Invariant.Format(CbDefaults.Beta) + "; the class-balanced losses softmax, sigmoid and focal)"),
            new OptionSpec("--loss", "LOSS", string.Join(", ", Array.ConvertAll(Losses, l => l.Text)) + " (default "
                + CliNames.Kebab(nameof(CbLoss.Softmax)) + ")"),
            new OptionSpec("--gamma", "G", "the focal loss's γ ≥ 0 (focal only; default " + Invariant.Format(CbDefaults.Gamma) + ")"),
            new OptionSpec("--zero-counts", "POLICY", "throw (default: classes without samples are an error) or zero-weight"),
            new OptionSpec("--naming", "MODE", "pascal (default: 'pickup_truck' → PickupTruck, '0' → _0) or verbatim (the member names "
                + "[ClassBalancedDataset] gives a counts file: 'pickup truck' → pickup_truck, each run of invalid characters one '_', a leading digit '_0')"),
            new OptionSpec("--counts-file", null, "write a counts file ('name,count' rows) instead of an enum, for label sets too large for an "
                + "enum (read it at run time and pass the counts to FromCounts)"),
            new OptionSpec("--counts", "LIST", "the counts in class order instead of PATH: 5000,2997 or cat=120,dog=80"),
            CommandSupport.Output,
        });

    public static int Run(ParsedArgs args, TextWriter stdout, TextWriter stderr)
    {

        bool countsFile = args.Has("--counts-file");
        EnumSpec? spec = countsFile ? null : ReadSpec(args);
        CountTable table = CommandSupport.ReadCounts(Name, args, allowInline: true);
        CommandSupport.WriteNotes(table, stderr);
        GeneratorRules.RequireTwoClasses(table);
        if (spec is null)
        {
            GeneratorRules.RequireOneLineNames(table);
            GeneratorRules.WarnIfMembersClash(table, stderr);
            CommandSupport.WriteOutput(args, stdout, stderr, output => CsvText.WriteCounts(output, table.Classes, table.Samples));
            return ExitCodes.Success;
        }

        GeneratorRules.RequireLabels(table);
        GeneratorRules.RequireSamplesForLongTail(table, spec.Loss);
        WeightsCommand.CheckZeroCounts(table, spec.ZeroCounts);
        if (GeneratorRules.UsesClassBalancedWeights(spec.Loss))
        {
            GeneratorRules.WarnIfCollapsed(table, spec.Beta, spec.ZeroCounts, stderr);
        }

        if (table.Classes.Count > LargeLabelSet)
        {
            stderr.WriteLine("cbgen: note: " + Invariant.Format(table.Classes.Count)
                + " classes make a large enum; --counts-file writes a counts file instead.");
        }

        string source = EnumEmitter.Emit(table, spec);
        CommandSupport.WriteOutput(args, stdout, stderr, output => output.Write(source));
        return ExitCodes.Success;
    }

    /// <summary>Names the emitted file uses unqualified (through <c>using CbGen;</c>), which an enum of the same name
    /// would hide.</summary>
    private static readonly string[] ReservedNames =
    {
        "CbGen", "ClassBalanced", "ClassBalancedAttribute", "Samples", "SamplesAttribute", "CbLoss", "ZeroCountPolicy",
    };

    private static EnumSpec ReadSpec(ParsedArgs args)
    {
        string name = args.Require("--name", " (the enum's name, e.g. --name Cifar10Lt)");
        if (!CSharpIdentifiers.IsValid(name))
        {
            throw new UsageException(Name, "--name '" + name + "' is not a valid C# identifier (letters, digits and '_', not starting with a digit).");
        }

        if (Array.IndexOf(ReservedNames, name) >= 0)
        {
            throw new UsageException(Name, "--name '" + name + "' would hide CbGen's own " + (name == "CbGen" ? "namespace" : "type")
                + " of that name in the enum's file; choose another name.");
        }

        name = CSharpIdentifiers.Escape(name);
        string? ns = args.Get("--namespace");
        if (ns is not null)
        {
            var parts = new List<string>();
            foreach (string part in ns.Split('.'))
            {
                if (!CSharpIdentifiers.IsValid(part))
                {
                    throw new UsageException(Name, "--namespace '" + ns + "' is not a valid C# namespace (identifiers separated by '.').");
                }

                parts.Add(CSharpIdentifiers.Escape(part));
            }

            ns = string.Join(".", parts);
        }

        double beta = WeightsCommand.ReadBeta(Name, args, fallback: CbDefaults.Beta);
        CbLoss loss = args.GetChoice("--loss", CbLoss.Softmax, Losses);
        if (args.Get("--beta") is not null && !GeneratorRules.UsesClassBalancedWeights(loss))
        {
            throw new UsageException(Name, "--beta applies to the class-balanced losses (softmax, sigmoid, focal), not to "
                + CliNames.Kebab(loss.ToString()) + ", which has no class-balanced weights (the generator warns CB030); drop --beta.");
        }
        double? gamma = args.GetDouble("--gamma");
        if (gamma is not null && loss != CbLoss.Focal)
        {
            throw new UsageException(Name, "--gamma applies to the focal loss only; add --loss focal or drop --gamma.");
        }

        if (gamma < 0.0)
        {
            throw new UsageException(Name, "--gamma must be ≥ 0 (the focal loss paper uses 0.5 to 2); got " + args.Get("--gamma") + ".");
        }

        MemberNaming naming = args.GetChoice("--naming", MemberNaming.Pascal,
            ("pascal", MemberNaming.Pascal), ("verbatim", MemberNaming.Verbatim));
        return new EnumSpec(name, ns, beta, loss, gamma, WeightsCommand.ReadZeroCounts(args), naming);
    }
}
