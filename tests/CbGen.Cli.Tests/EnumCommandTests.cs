using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbGen.Cli.Tests;

public sealed class EnumCommandTests : IDisposable
{
    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    private static Type Compile(string source, string typeName) => EnumCompiler.Compile(source, typeName);

    private static (string Name, int Value, long Samples)[] Members(Type enumType) => enumType
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (f.Name, (int)f.GetRawConstantValue()!, f.GetCustomAttribute<SamplesAttribute>()!.Count))
        .OrderBy(m => m.Item2)
        .ToArray();

    [Fact]
    public void Enum_from_a_folder_compiles_with_attributes_values_and_counts()
    {
        temp.File("train/pickup_truck/1.png", "x");
        temp.File("train/pickup_truck/2.png", "x");
        temp.File("train/t-shirt/1.png", "x");
        temp.File("train/3d model/1.png", "x");
        temp.File("train/3d model/2.png", "x");
        temp.File("train/3d model/3.png", "x");
        string output = Path.Combine(temp.Path, "Labels.cs");

        CliResult r = Cli.Run("enum", Path.Combine(temp.Path, "train"), "--name", "Clothes", "--namespace", "My.App",
            "--beta", "0.9999", "--loss", "focal", "--gamma", "1", "-o", output);

        Assert.True(r.ExitCode == 0, r.Stderr);
        string source = File.ReadAllText(output);
        Assert.Contains("[ClassBalanced(Beta = 0.9999, Loss = CbLoss.Focal, Gamma = 1.0)]", source);
        Assert.Contains("/// <summary>3d model: 3 samples.</summary>", source);
        Type type = Compile(source, "My.App.Clothes");
        Assert.True(type.IsEnum);
        Assert.Equal(new[] { ("_3dModel", 0, 3L), ("PickupTruck", 1, 2L), ("TShirt", 2, 1L) }, Members(type));
        ClassBalancedAttribute config = type.GetCustomAttribute<ClassBalancedAttribute>()!;
        Assert.Equal(0.9999, config.Beta);
        Assert.Equal(CbLoss.Focal, config.Loss);
        Assert.Equal(1.0, config.Gamma);
        Assert.Equal(ZeroCountPolicy.Throw, config.ZeroCounts);
    }

    [Fact]
    public void Keywords_duplicates_and_the_enum_name_become_distinct_valid_members()
    {
        string counts = temp.File("counts.csv",
            "name,count\nclass,5\nint,4\na-b,3\na_b,2\nLabels,1\n\"x<y & z\",7\nüber,6\n0,8\nSamples,9\nCbLoss,10\n");

        CliResult verbatim = Cli.Run("enum", counts, "--name", "Labels", "--naming", "verbatim");
        Assert.True(verbatim.ExitCode == 0, verbatim.Stderr);
        Assert.Contains("@class = 0,", verbatim.Stdout);
        Assert.Contains("@int = 1,", verbatim.Stdout);
        Assert.Contains("Loss = global::CbGen.CbLoss.Softmax", verbatim.Stdout); // the member CbLoss would hide the type
        Assert.Contains("/// <summary>x&lt;y &amp; z: 7 samples.</summary>", verbatim.Stdout);
        Type v = Compile(verbatim.Stdout, "Labels");
        Assert.Equal(
            new[] { ("class", 0, 5L), ("int", 1, 4L), ("a_b", 2, 3L), ("a_b_2", 3, 2L), ("Labels_2", 4, 1L), ("x_y_z", 5, 7L), ("über", 6, 6L), ("_0", 7, 8L), ("Samples", 8, 9L), ("CbLoss", 9, 10L) },
            Members(v));

        CliResult pascal = Cli.Run("enum", counts, "--name", "Labels");
        Assert.True(pascal.ExitCode == 0, pascal.Stderr);
        Type p = Compile(pascal.Stdout, "Labels");
        Assert.Equal(
            new[] { ("Class", 0, 5L), ("Int", 1, 4L), ("AB", 2, 3L), ("AB_2", 3, 2L), ("Labels_2", 4, 1L), ("XYZ", 5, 7L), ("Über", 6, 6L), ("_0", 7, 8L), ("Samples", 8, 9L), ("CbLoss", 9, 10L) },
            Members(p));
    }

    [Fact]
    public void Idx_labels_become_underscore_0_to_N_in_the_global_namespace()
    {
        string idx = temp.Gzip("train-labels-idx1-ubyte.gz", Idx.Labels(new byte[] { 2, 0, 2, 1, 2 }));
        CliResult r = Cli.Run("enum", idx, "--name", "Digits", "--loss", "sigmoid", "--beta", "1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("[ClassBalanced(Beta = 1.0, Loss = CbLoss.Sigmoid)]", r.Stdout);
        Assert.DoesNotContain("namespace", r.Stdout);
        Assert.Equal(new[] { ("_0", 0, 1L), ("_1", 1, 1L), ("_2", 2, 3L) }, Members(Compile(r.Stdout, "Digits")));
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture_whatever_the_current_one()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (string culture in new[] { "de-DE", "fi-FI", "tr-TR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                CliResult r = Cli.Run("enum", "--counts", "1200,30", "--name", "E",
                    "--beta", "0.99", "--loss", "focal", "--gamma", "0.5");
                Assert.True(r.ExitCode == 0, r.Stderr);
                Assert.Contains("[ClassBalanced(Beta = 0.99, Loss = CbLoss.Focal, Gamma = 0.5)]", r.Stdout);
                Assert.Contains("[Samples(1200, Label = \"0\")]", r.Stdout);
                Compile(r.Stdout, "E");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Zero_counts_need_zero_weight_which_the_enum_then_declares()
    {
        CliResult thrown = Cli.Run("enum", "--counts", "a=3,b=0", "--name", "E");
        Assert.Equal(1, thrown.ExitCode);
        Assert.Contains("--zero-counts zero-weight", thrown.Stderr);

        CliResult r = Cli.Run("enum", "--counts", "a=3,b=0", "--name", "E", "--zero-counts", "zero-weight");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ZeroCounts = ZeroCountPolicy.ZeroWeight", r.Stdout);
        Assert.Equal(ZeroCountPolicy.ZeroWeight, Compile(r.Stdout, "E").GetCustomAttribute<ClassBalancedAttribute>()!.ZeroCounts);
    }

    [Fact]
    public void Keyword_names_are_escaped_and_invalid_names_rejected()
    {
        CliResult r = Cli.Run("enum", "--counts", "1,2", "--name", "event", "--namespace", "My.class");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("public enum @event", r.Stdout);
        Assert.Contains("namespace My.@class", r.Stdout);
        Compile(r.Stdout, "My.class.event");

        CliResult bad = Cli.Run("enum", "--counts", "1,2", "--name", "2Fast");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not a valid C# identifier", bad.Stderr);
        CliResult badNs = Cli.Run("enum", "--counts", "1,2", "--name", "E", "--namespace", "My..App");
        Assert.Equal(1, badNs.ExitCode);
        CliResult hiding = Cli.Run("enum", "--counts", "1,2", "--name", "Samples");
        Assert.Equal(1, hiding.ExitCode);
        Assert.Contains("would hide CbGen's own type", hiding.Stderr);
    }

    [Fact]
    public void Gamma_without_focal_and_missing_name_are_usage_errors()
    {
        CliResult gamma = Cli.Run("enum", "--counts", "1,2", "--name", "E", "--gamma", "2");
        Assert.Equal(1, gamma.ExitCode);
        Assert.Contains("--gamma applies to the focal loss only", gamma.Stderr);
        CliResult negative = Cli.Run("enum", "--counts", "1,2", "--name", "E", "--loss", "focal", "--gamma", "-1");
        Assert.Equal(1, negative.ExitCode);
        CliResult name = Cli.Run("enum", "--counts", "1,2");
        Assert.Equal(1, name.ExitCode);
        Assert.Contains("--name is required", name.Stderr);
    }

    [Fact]
    public void Defaults_are_the_attribute_defaults_written_out()
    {
        CliResult r = Cli.Run("enum", "--counts", "5,6", "--name", "E");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("[ClassBalanced(Beta = 0.999, Loss = CbLoss.Softmax)]", r.Stdout);
        ClassBalancedAttribute config = Compile(r.Stdout, "E").GetCustomAttribute<ClassBalancedAttribute>()!;
        Assert.Equal(0.999, config.Beta);
        Assert.Equal(CbLoss.Softmax, config.Loss);
    }

    [Fact]
    public void Counts_file_mode_writes_name_count_rows_instead_of_an_enum()
    {
        string csv = temp.File("l.csv", "label\nb\na\nb\n");
        string output = Path.Combine(temp.Path, "counts.csv");
        CliResult r = Cli.Run("enum", csv, "--counts-file", "-o", output);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("name,count\na,1\nb,2\n", File.ReadAllText(output));
    }
}
