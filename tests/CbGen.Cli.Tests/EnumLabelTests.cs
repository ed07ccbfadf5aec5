using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CbGen.Cli.Tests;

/// <summary><c>cbgen enum</c> writes <c>[Samples(n, Label = "…")]</c> on exactly the members whose identifier is not
/// the class name as the data writes it, as a C# string literal that compiles back to that name.</summary>
public sealed class EnumLabelTests : IDisposable
{
    // The class names in a counts file's row order, which is their class index.
    private static readonly string[] Names = { "class", "Bus", "pickup_truck", "say \"hi\"\\now", "über", "a\tb", "x<y & z", "0" };

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private string CountsFile() => temp.File("counts.csv",
        "name,count\n" + string.Concat(Names.Select((n, i) => "\"" + n.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"," + (i + 1) + "\n")));

    /// <summary>Each member's data label as the compiled enum holds it: its [Samples]'s Label, else its name.</summary>
    private static string[] DataLabels(Type enumType) => enumType
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .OrderBy(f => (int)f.GetRawConstantValue()!)
        .Select(f => f.GetCustomAttribute<SamplesAttribute>()!.Label ?? f.Name)
        .ToArray();

    [Fact]
    public void Pascal_names_get_the_datas_label_where_the_identifier_differs()
    {
        CliResult r = Cli.Run("enum", CountsFile(), "--name", "Labels");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("[Samples(1, Label = \"class\")]\n    Class = 0,", r.Stdout);
        Assert.Contains("[Samples(2)]\n    Bus = 1,", r.Stdout);
        Assert.Contains("[Samples(3, Label = \"pickup_truck\")]\n    PickupTruck = 2,", r.Stdout);
        Assert.Contains("[Samples(4, Label = \"say \\\"hi\\\"\\\\now\")]\n    SayHiNow = 3,", r.Stdout);
        Assert.Contains("[Samples(5, Label = \"über\")]\n    Über = 4,", r.Stdout);
        Assert.Contains("[Samples(6, Label = \"a\\u0009b\")]\n    AB = 5,", r.Stdout);
        Assert.Contains("[Samples(7, Label = \"x<y & z\")]\n    XYZ = 6,", r.Stdout);
        Assert.Contains("[Samples(8, Label = \"0\")]\n    _0 = 7,", r.Stdout);
        Assert.Equal(Names, DataLabels(EnumCompiler.Compile(r.Stdout, "Labels")));
    }

    [Fact]
    public void Verbatim_names_get_a_label_only_where_a_character_was_replaced()
    {
        CliResult r = Cli.Run("enum", CountsFile(), "--name", "Labels", "--naming", "verbatim");
        Assert.True(r.ExitCode == 0, r.Stderr);
        // An escaped keyword is the class name itself: @class is the member "class".
        Assert.Contains("[Samples(1)]\n    @class = 0,", r.Stdout);
        Assert.Contains("[Samples(3)]\n    pickup_truck = 2,", r.Stdout);
        Assert.Contains("[Samples(5)]\n    über = 4,", r.Stdout);
        Assert.Contains("[Samples(6, Label = \"a\\u0009b\")]\n    a_b = 5,", r.Stdout);
        Assert.Equal(4, r.Stdout.Split("Label = ").Length - 1);
        Assert.Equal(Names, DataLabels(EnumCompiler.Compile(r.Stdout, "Labels")));
    }

    [Fact]
    public void Renamed_clashes_keep_their_own_labels()
    {
        string counts = temp.File("clash.csv", "name,count\na-b,3\na_b,2\nLabels,1\n");
        CliResult r = Cli.Run("enum", counts, "--name", "Labels", "--naming", "verbatim");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("[Samples(3, Label = \"a-b\")]\n    a_b = 0,", r.Stdout);
        Assert.Contains("[Samples(2, Label = \"a_b\")]\n    a_b_2 = 1,", r.Stdout);
        Assert.Contains("[Samples(1, Label = \"Labels\")]\n    Labels_2 = 2,", r.Stdout);
        Assert.Equal(new[] { "a-b", "a_b", "Labels" }, DataLabels(EnumCompiler.Compile(r.Stdout, "Labels")));
    }

    [Fact]
    public void A_class_named_only_white_space_is_refused_naming_CB065()
    {
        temp.File("train/ /1.png", "x");
        temp.File("train/cat/1.png", "x");
        CliResult r = Cli.Run("enum", Path.Combine(temp.Path, "train"), "--name", "Pets");
        Assert.Equal(ExitCodes.Failure, r.ExitCode);
        Assert.Contains("class 0 is named \" \", white space or invisible characters only, which the generator refuses as a member's data label (CB065)", r.Stderr);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Theory]
    [InlineData("\u200B", "\"\\u200b\"")]
    [InlineData("\uFEFF", "\"\\ufeff\"")]
    [InlineData(" \u2066\u2069", "\" \\u2066\\u2069\"")]
    public void A_class_named_only_invisible_characters_is_refused_naming_CB065(string name, string shown)
    {
        string counts = temp.File("hidden.csv", "name,count\ncat,3\n\"" + name + "\",2\n");
        CliResult r = Cli.Run("enum", counts, "--name", "Pets");
        Assert.Equal(ExitCodes.Failure, r.ExitCode);
        Assert.Contains("class 1 is named " + shown + ", white space or invisible characters only, which the generator refuses as a member's data label (CB065)", r.Stderr);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Fact]
    public void Bidi_and_invisible_characters_are_escaped_in_the_Label_and_shown_in_the_summary()
    {
        // Trojan Source: written raw, U+202E reverses what an editor shows of the rest of the line.
        string[] names = { "a\u202Eb", "x\u2066y\u2069", "zero\u200Bwidth", "bom\uFEFF", "nb\u00A0sp", "tag\U000E0041", "hf\u3164x" };
        string counts = temp.File("hidden.csv", "name,count\n" + string.Concat(names.Select((n, i) => "\"" + n + "\"," + (i + 1) + "\n")));
        CliResult r = Cli.Run("enum", counts, "--name", "Hidden");
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (char c in string.Concat(names).Where(c => c > 0x7F))
        {
            Assert.DoesNotContain(c.ToString(), r.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("/// <summary>a[U+202E]b: 1 sample.</summary>\n    [Samples(1, Label = \"a\\u202eb\")]\n    AB = 0,", r.Stdout);
        Assert.Contains("/// <summary>x[U+2066]y[U+2069]: 2 samples.</summary>\n    [Samples(2, Label = \"x\\u2066y\\u2069\")]\n    XY = 1,", r.Stdout);
        Assert.Contains("[Samples(3, Label = \"zero\\u200bwidth\")]", r.Stdout);
        Assert.Contains("[Samples(4, Label = \"bom\\ufeff\")]", r.Stdout);
        Assert.Contains("[Samples(5, Label = \"nb\\u00a0sp\")]", r.Stdout);
        Assert.Contains("/// <summary>tag[U+E0041]: 6 samples.</summary>\n    [Samples(6, Label = \"tag\\U000e0041\")]", r.Stdout);
        Assert.Contains("[Samples(7, Label = \"hf\\u3164x\")]\n    HfX = 6,", r.Stdout);
        Assert.Equal(names, DataLabels(EnumCompiler.Compile(r.Stdout, "Hidden")));
    }
}
