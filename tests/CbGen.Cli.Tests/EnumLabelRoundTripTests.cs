using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using CbGen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CbGen.Cli.Tests;

/// <summary>The tool's own workflow: count the data, write the enum, weight an ML.NET pipeline by the data's labels.
/// The enum <c>cbgen enum</c> writes is compiled with the real generator and Microsoft.ML, and its generated
/// <c>…ByName</c> and <c>…ByKey</c> run on the very labels the tool read, which are not C# identifiers.</summary>
public sealed class EnumLabelRoundTripTests : IDisposable
{
    // The classes in cbgen's class-index order (labels sorted ordinally) with their counts in labels.csv.
    private static readonly (string Label, long Count)[] Classes =
    {
        ("Bus", 1), ("a \"quoted\" \\ label", 2), ("pickup_truck", 5), ("t-shirt/top", 3), ("über", 4),
    };

    private readonly TempDir temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("pascal")]
    [InlineData("verbatim")]
    public void The_emitted_enums_ML_NET_helpers_weight_the_datas_own_labels(string naming)
    {
        // Rows interleaved, so first-appearance key order (MapValueToKey's default) is not the class order.
        string[] labels = Classes.SelectMany(c => Enumerable.Repeat(c.Label, (int)c.Count))
            .Select((label, i) => (label, key: (i * 7) % 15)).OrderBy(p => p.key).Select(p => p.label).ToArray();
        string csv = temp.File("labels.csv", "path,label\n" + string.Concat(labels.Select((l, i) => i + ".png,\"" + l.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"\n")));
        CliResult r = Cli.Run("enum", csv, "--name", "Vehicles", "--namespace", "T", "--beta", "0.99", "--naming", naming);
        Assert.True(r.ExitCode == 0, r.Stderr);

        Type helpers = CompileWithGenerator(r.Stdout).GetType("T.VehiclesWeightsMlNet", throwOnError: true)!;
        double[] expected = ClassBalancedWeights.Compute(Classes.Select(c => c.Count).ToArray(), 0.99);
        float[] rowWeights = labels.Select(l => (float)expected[Array.FindIndex(Classes, c => c.Label == l)]).ToArray();
        Assert.Equal(5, rowWeights.Distinct().Count());

        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(labels.Select(l => new TextLabel { Label = l }));
        IEstimator<ITransformer> byName = Helper(helpers, "VehiclesWeightsByName", ml);
        Assert.Equal(rowWeights, Weights(byName.Fit(data).Transform(data)));

        IDataView keyed = ml.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data);
        Assert.NotEqual(Classes.Select(c => c.Label), KeyValues(keyed));
        IEstimator<ITransformer> byKey = Helper(helpers, "VehiclesWeightsByKey", ml);
        Assert.Equal(rowWeights, Weights(byKey.Fit(keyed).Transform(keyed)));
    }

    [Theory]
    [InlineData("pascal")]
    [InlineData("verbatim")]
    public void Very_long_labels_give_members_the_generator_accepts_and_keep_their_text_in_Label(string naming)
    {
        // 1200 characters: the member name would be past CB026's 1023 UTF-8 bytes (and the compiler's identifier limit);
        // two labels that differ only past the cut, and labels of 2- and 3-byte characters.
        string[] names =
        {
            new string('a', 1200) + "x", new string('a', 1200) + "y", new string('\u00fc', 1200), new string('\u732b', 700),
            "e\u0301" + new string('b', CbGen.Cli.Emit.CSharpIdentifiers.MaxMemberLength - 2) + "e\u0301e\u0301",
        };
        string csv = temp.File("long.csv", "label\n" + string.Concat(names.Select((n, i) => string.Concat(Enumerable.Repeat(n + "\n", i + 1)))));
        CliResult r = Cli.Run("enum", csv, "--name", "Long", "--namespace", "T", "--beta", "0.99", "--naming", naming);
        Assert.True(r.ExitCode == 0, r.Stderr);

        // The generator accepts it (no CB026, no compiler error), and the enum holds every label in full.
        CompileWithGenerator(r.Stdout);
        Type enumType = EnumCompiler.Compile(r.Stdout, "T.Long");
        FieldInfo[] members = enumType.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => (int)f.GetRawConstantValue()!).ToArray();
        string[] sorted = names.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(sorted, members.Select(f => f.GetCustomAttribute<SamplesAttribute>()!.Label ?? f.Name));
        Assert.All(members, f => Assert.InRange(f.Name.Length, 1, CbGen.Cli.Emit.CSharpIdentifiers.MaxMemberLength + 2));
        int max = CbGen.Cli.Emit.CSharpIdentifiers.MaxMemberLength;
        string prefix = naming == "pascal" ? "A" + new string('a', max - 1) : new string('a', max);
        Assert.Equal(new[] { prefix, prefix + "_2" }, members.Select(f => f.Name).Where(n => n.StartsWith(prefix[..1], StringComparison.Ordinal)));
    }

    private static IEstimator<ITransformer> Helper(Type helpers, string name, MLContext ml) =>
        (IEstimator<ITransformer>)helpers.GetMethod(name)!.Invoke(null, new object[] { ml.Transforms, "Label", "Weight" })!;

    private static float[] Weights(IDataView view) => view.GetColumn<float>("Weight").ToArray();

    private static string[] KeyValues(IDataView keyed)
    {
        VBuffer<ReadOnlyMemory<char>> values = default;
        keyed.Schema["Label"].GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    /// <summary>Runs the generator on <paramref name="source"/> with Microsoft.ML referenced (so it writes the
    /// <c>…MlNet</c> helpers), asserts it compiles cleanly, and loads the assembly.</summary>
    private static Assembly CompileWithGenerator(string source)
    {
        MetadataReference[] ml = new[] { typeof(MLContext), typeof(TransformsCatalog), typeof(Microsoft.ML.Transforms.ValueMappingEstimator), typeof(IDataView), typeof(IEstimator<>) }
            .Select(t => t.Assembly.Location).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
        CbGenRunResult run = CbGenRunner.Run(CbGenRunner.CreateCompilation(new[] { source }, withTorchSharp: false, ml));
        run.AssertCompilesCleanly();
        Assert.True(run.AnalyzerDiagnostics.IsEmpty, run.DescribeDiagnostics());
        using var pe = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = run.OutputCompilation.Emit(pe);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        pe.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(pe);
    }

    public sealed class TextLabel
    {
        public string Label { get; set; } = string.Empty;
    }
}
