using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CbGen.Cli.Input;
using CbGen.CountsFiles;

namespace CbGen.Cli.Commands;

/// <summary>The generator's checks on counts, applied by <c>cbgen enum</c> and <c>cbgen weights</c> so the tool never
/// writes (or endorses) what the build would reject or warn about: CB008 (fewer than two classes, an error), CB065 (a
/// blank class name as a data label: white space or invisible characters only, an error) and CB011 (β too small for the counts, a warning with the suggested β). The rules are the
/// generator's own (shared from src/CbGen: WeightCollapse, CountsFileFormat); the wording is cbgen's.</summary>
internal static class GeneratorRules
{
    /// <summary>CB008: a classifier needs at least two classes.</summary>
    public static void RequireTwoClasses(CountTable table)
    {
        if (table.Classes.Count < 2)
        {
            throw new InputException(table.Source + ": " + Invariant.Plural(table.Classes.Count, "class", "classes")
                + "; a class-balanced loss needs at least 2 classes (the generator rejects this with CB008). Check the input: "
                + "an image folder needs one sub-folder per class, a label column one label per sample.");
        }
    }

    /// <summary>Whether <paramref name="loss"/> weights classes by β's effective numbers. The logit-adjusted, VS and LDAM
    /// losses do not (LDAM only as LDAM-DRW, which <c>cbgen enum</c> does not write): Beta on them is CB030.</summary>
    public static bool UsesClassBalancedWeights(CbLoss loss) => loss is CbLoss.Softmax or CbLoss.Sigmoid or CbLoss.Focal;

    /// <summary>CB031: the logit-adjusted and VS losses' log π_c, LDAM's n_c^(-1/4) and the distribution-balanced loss's
    /// 1/n_c are infinite for a class of count 0, with or without <c>--zero-counts zero-weight</c>. The asymmetric loss
    /// reads no counts.</summary>
    public static void RequireSamplesForLongTail(CountTable table, CbLoss loss)
    {
        if (UsesClassBalancedWeights(loss) || loss == CbLoss.Asymmetric)
        {
            return;
        }

        if (table.NoSamplesPhrase() is { } empty)
        {
            throw new InputException(table.Source + ": " + empty + ", but --loss "
                + CliNames.Kebab(loss.ToString()) + " needs "
                + (loss switch { CbLoss.Ldam => "n_c^(-1/4)", CbLoss.DistributionBalanced => "1/n_c", _ => "log π_c" })
                + " of every class, which is infinite for a count of 0, even with --zero-counts zero-weight (the generator "
                + "rejects this with CB031); give the class a pseudo-count of 1 if it can occur at test time, or remove it.");
        }
    }

    /// <summary>CB065: a blank class name (white space and invisible characters only, the generator's own rule
    /// <see cref="CountsFileFormat.IsBlankLabel"/>) would be the member's <c>Label</c>, which the generator refuses (an
    /// empty one cannot occur: every reader refuses it).</summary>
    public static void RequireLabels(CountTable table)
    {
        for (int i = 0; i < table.Classes.Count; i++)
        {
            string name = table.Classes[i].Name;
            if (CountsFileFormat.IsBlankLabel(name))
            {
                throw new InputException(table.Source + ": class " + Invariant.Format(i) + " is named " + CountsFileFormat.StringLiteral(name)
                    + ", white space or invisible characters only, which the generator refuses as a member's data label (CB065); give the class a name "
                    + "(rename its folder or its label), or remove it.");
            }
        }
    }

    /// <summary>A counts file holds one class per line, so a class name with a line break (CR, LF, NEL, LS or PS, where
    /// the generator splits the file) cannot be written into one: refuses it before anything is written, naming the
    /// class and the fix (the generator would report the broken rows as CB017).</summary>
    public static void RequireOneLineNames(CountTable table)
    {
        foreach (ClassCount c in table.Classes)
        {
            if (c.Name.Any(CountsFileFormat.IsLineBreak))
            {
                throw new InputException(table.Source + ": the class " + CountsFileFormat.StringLiteral(c.Name)
                    + " holds a line break, which a counts file cannot hold (one class per line; [ClassBalancedDataset] would "
                    + "reject the file with CB017); rename the class in the data, or write an enum instead (cbgen enum --name NAME), "
                    + "whose [Samples(n, Label = \"…\")] keeps the name as it is.");
            }
        }
    }

    /// <summary>CB021: warns when two class names of a counts file become one enum member in
    /// <c>[ClassBalancedDataset]</c> ("a-b" and "a_b" are both a_b), which the generator rejects.</summary>
    public static void WarnIfMembersClash(CountTable table, TextWriter stderr)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ClassCount c in table.Classes)
        {
            string member = CountsFileFormat.ToIdentifier(c.Name);
            if (!seen.TryAdd(member, c.Name))
            {
                stderr.WriteLine("cbgen: warning: the classes '" + seen[member] + "' and '" + c.Name + "' both become the member " + member
                    + " in [ClassBalancedDataset], which rejects this counts file (CB021); rename one of them.");
            }
        }
    }

    /// <summary>CB011: warns when β makes the weights nearly uniform although the counts differ, suggesting β = (N−1)/N
    /// for the largest count N: the generator's rule itself (<see cref="WeightCollapse"/>), in cbgen's words.</summary>
    public static void WarnIfCollapsed(CountTable table, double beta, ZeroCountPolicy zeroCounts, TextWriter stderr)
    {
        if (WeightCollapse.Check(table.Counts(), beta, zeroCounts) is not { } collapse)
        {
            return;
        }

        string suggested = collapse.SuggestedBeta.ToString("G6", CultureInfo.InvariantCulture);
        stderr.WriteLine("cbgen: warning: with β = " + beta.ToString("R", CultureInfo.InvariantCulture) + " the largest weight is only "
            + collapse.Ratio.ToString("0.###", CultureInfo.InvariantCulture) + "× the smallest although the counts differ "
            + collapse.CountRatio.ToString("0.#", CultureInfo.InvariantCulture) + "×; β = (N-1)/N ≈ "
            + suggested + " with N = " + Invariant.Format(collapse.LargestCount)
            + " (the largest count) re-weights by the effective number (the generator warns CB011; e.g. --beta "
            + suggested + ").");
    }
}
