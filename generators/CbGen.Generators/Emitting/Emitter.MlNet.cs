using System.Linq;
using CbGen.CountsFiles;
using CbGen.Generators.Helpers;
using CbGen.Generators.Model;

namespace CbGen.Generators.Emitting;

/// <summary>The ML.NET one-liners, emitted when the compilation references Microsoft.ML: extension methods on
/// <c>mlContext.Transforms</c> that add the constant weight table as a <c>Single</c> weight column through ML.NET's
/// own value mapping (no CbGen.ML needed, no reflection): by key (matched by the label value each key stands for,
/// never by its position), by class index (Int32 labels) or by label name.</summary>
internal static partial class Emitter
{
    private const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";
    private const string Ml = "global::Microsoft.ML.";
    private const string MlData = "global::Microsoft.ML.Data.";
    private const string ByKey = GeneratedNames.ByKeySuffix;
    private const string ByIndex = GeneratedNames.ByIndexSuffix;
    private const string ByName = GeneratedNames.ByNameSuffix;

    public static string MlNetHintName(EnumSpec spec, ConfigSpec config) =>
        spec.HintPrefix + "." + config.TypeName + "MlNet.g.cs";

    /// <summary>The helpers of one config. <paramref name="names"/> are the data labels the by-name and by-key helpers
    /// match: each member's <see cref="MemberSpec.DataLabel"/>, or the counts file's class names for a dataset.</summary>
    public static string EmitMlNet(EnumSpec spec, ConfigSpec config, EquatableArray<string> names, CompilationFeatures features)
    {
        int classCount = spec.Members.Count;
        double[] weights = ClassBalancedWeights.Compute(CountsOf(spec), config.Beta, WeightNormalization.SumToClassCount, config.ZeroCounts);
        string weightsType = GeneratedNames.Weights(config.TypeName);
        string access = spec.IsPublic ? "public" : "internal";
        string catalog = Ml + "TransformsCatalog";
        string nameSource = spec.CountsFile is null ? "each member's [Samples] Label, else its name" : "the class names of the counts file";

        // Stryker disable once Arithmetic : a capacity hint, which cannot change the text
        var w = new SourceWriter(6144 + (classCount * 300));
        WriteHeader(w, spec, config, features);
        OpenNamespace(w, spec);

        w.WriteLine("/// <summary>");
        w.WriteLine("/// ML.NET one-liners for <see cref=\"" + weightsType + "\"/>: add its weights as the <c>Single</c> column a");
        w.WriteLine("/// trainer reads through <c>ExampleWeightColumnName</c>, e.g.");
        w.WriteLine("/// <c>mlContext.Transforms." + weightsType + ByKey + "(\"Label\")</c> after <c>MapValueToKey</c>. The models save and");
        w.WriteLine("/// load with <c>mlContext.Model.Save/Load</c> (ML.NET's value mapping); <c>Fit</c> refuses a training label outside the table.");
        w.WriteLine("/// </summary>");
        w.WriteLine(GeneratedCodeAttribute);
        w.WriteLine(access + " static partial class " + GeneratedNames.MlNet(config.TypeName));
        w.OpenBrace();

        WriteByKey(w, catalog, weightsType, nameSource);
        w.WriteLine();
        WriteMlNetHelper(w, catalog, weightsType + ByIndex, "int",
            "Int32 labels holding the class index (0 … " + Literals.Int(classCount - 1) + ", "
                + (spec.CountsFile is null ? "the enum member's value" : "the class's row in the counts file") + ")",
            classCount, i => Literals.Int(i), weights,
            new LabelCheck("IsClassIndex", "ShowIndex", weightsType + " (class indices 0 … " + Literals.Int(classCount - 1) + ")"));
        w.WriteLine();
        WriteMlNetHelper(w, catalog, weightsType + ByName, "string",
            "string labels holding the class names (" + nameSource + ")",
            classCount, i => Literals.String(names[i]), weights,
            new LabelCheck("IsClassName", "ShowName", weightsType + " (" + ClassList(names) + ")"));
        w.WriteLine();
        WriteKeyMatching(w, catalog, weightsType, names, weights);
        w.WriteLine();
        WriteLabelWeightsEstimator(w);

        w.CloseBrace();
        CloseNamespace(w, spec);
        return w.ToString();
    }

    private static void WriteParams(SourceWriter w)
    {
        w.WriteLine("/// <param name=\"transforms\">The transforms catalog (<c>mlContext.Transforms</c>).</param>");
        w.WriteLine("/// <param name=\"labelColumnName\">The label column.</param>");
        w.WriteLine("/// <param name=\"outputColumnName\">The weight column to add.</param>");
    }

    private static void WriteNullCheck(SourceWriter w)
    {
        w.WriteLine("if (transforms == null)");
        w.OpenBrace();
        w.WriteLine("throw new global::System.ArgumentNullException(nameof(transforms));");
        w.CloseBrace();
        w.WriteLine();
    }

    private static void WriteByKey(SourceWriter w, string catalog, string weightsType, string nameSource)
    {
        w.WriteLine("/// <summary>Adds the column <paramref name=\"outputColumnName\"/> holding the class-balanced weight of each");
        w.WriteLine("/// row's label, for key labels from <c>MapValueToKey</c> in any key order: each key gets the weight of the class");
        w.WriteLine("/// its label value names (its KeyValues, which <c>MapValueToKey</c> records), by class name (" + nameSource + ")");
        w.WriteLine("/// or by class index (an integer, or integer text). A key column without KeyValues is refused in <c>Fit</c>.</summary>");
        WriteParams(w);
        w.WriteLine("public static " + Ml + "IEstimator<" + Ml + "ITransformer> " + weightsType + ByKey + "(this " + catalog
            + " transforms, string labelColumnName = \"Label\", string outputColumnName = \"Weight\")");
        w.OpenBrace();
        WriteNullCheck(w);
        w.WriteLine("return new KeyWeightsEstimator(transforms, labelColumnName, outputColumnName);");
        w.CloseBrace();
    }

    private static void WriteMlNetHelper(
        SourceWriter w, string catalog, string method, string labelType, string labels, int classCount,
        System.Func<int, string> label, double[] weights, LabelCheck check)
    {
        w.WriteLine("/// <summary>Adds the column <paramref name=\"outputColumnName\"/> holding the class-balanced weight of each");
        w.WriteLine("/// row's label, for " + labels + ". <c>Fit</c> refuses a training label outside the table (its rows");
        w.WriteLine("/// would train with weight 0); a fitted model gives such a label weight 0 when it transforms other data.</summary>");
        WriteParams(w);
        w.WriteLine("public static " + Ml + "IEstimator<" + Ml + "ITransformer> " + method
            + "(this " + catalog + " transforms, string labelColumnName = \"Label\", string outputColumnName = \"Weight\")");
        w.OpenBrace();
        WriteNullCheck(w);
        w.WriteLine("return new LabelWeightsEstimator<" + labelType + ">(" + Ml + "ConversionsExtensionsCatalog.MapValue(transforms.Conversion, outputColumnName, new "
            + KeyValuePair + "<" + labelType + ", float>[]");
        w.OpenBrace();
        for (int c = 0; c < classCount; c++)
        {
            w.WriteLine("new " + KeyValuePair + "<" + labelType + ", float>(" + label(c) + ", (float)"
                + Literals.Double(Literals.RequireFinite(weights[c], "A weight")) + "),");
        }

        w.CloseBrace(", labelColumnName),");
        w.WriteLine("    labelColumnName, " + check.Known + ", " + check.Show + ", " + Literals.String(check.Table) + ");");
        w.CloseBrace();
    }

    /// <summary>The estimator behind <c>…ByKey</c>: at <c>Fit</c> it reads the key column's KeyValues and maps each
    /// key to the weight of the class its value names.</summary>
    private static void WriteKeyMatching(SourceWriter w, string catalog, string weightsType, EquatableArray<string> names, double[] weights)
    {
        string pair = KeyValuePair + "<uint, float>";
        string column = Ml + "DataViewSchema.Column";
        string classList = ClassList(names);
        w.WriteLine("private static readonly string[] ClassNames = { " + string.Join(", ", names.Select(Literals.String)) + " };");
        w.WriteLine();
        w.WriteLine("private static readonly float[] ClassWeights = { "
            + string.Join(", ", weights.Select(x => "(float)" + Literals.Double(Literals.RequireFinite(x, "A weight")))) + " };");
        w.WriteLine();
        // A label that is integer text would make a key's integer value ambiguous (label "1" at index 0): then keys
        // match labels only.
        bool labelsOnly = names.Any(IsIntegerText);
        w.WriteLine(labelsOnly
            ? "/// <summary>The class of a key's label value (the labels are integer text, so never an index); -1 for none.</summary>"
            : "/// <summary>The class of a key's label value: a class name, else a class index written as the integer is; -1 for neither.</summary>");
        w.WriteLine("private static int ClassOf(string label)");
        w.OpenBrace();
        if (labelsOnly)
        {
            w.WriteLine("return global::System.Array.IndexOf(ClassNames, label);");
        }
        else
        {
            w.WriteLine("int index = global::System.Array.IndexOf(ClassNames, label);");
            w.WriteLine("if (index >= 0)");
            w.OpenBrace();
            w.WriteLine("return index;");
            w.CloseBrace();
            w.WriteLine();
            w.WriteLine("global::System.IFormatProvider invariant = global::System.Globalization.CultureInfo.InvariantCulture;");
            w.WriteLine("return int.TryParse(label, global::System.Globalization.NumberStyles.None, invariant, out index)");
            w.WriteLine("    && index < ClassNames.Length && index.ToString(invariant) == label ? index : -1;");
        }

        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary>The label value of each key as text (key k at k - 1), from the column's KeyValues.</summary>");
        w.WriteLine("private static string[] KeyValueTexts(" + column + " column)");
        w.OpenBrace();
        w.WriteLine("global::System.Nullable<" + column + "> annotation = column.Annotations.Schema.GetColumnOrNull(\"KeyValues\");");
        w.WriteLine("if (annotation == null || !(annotation.Value.Type is " + MlData + "VectorDataViewType vector))");
        w.OpenBrace();
        w.WriteLine("throw new global::System.InvalidOperationException(\"Label column '\" + column.Name + \"' is a key type that has no KeyValues annotation, so which class each key stands for cannot be known. \"");
        w.WriteLine("    + \"Make the keys with mlContext.Transforms.Conversion.MapValueToKey over the class names or class indices (it records the label of each key), \"");
        w.WriteLine("    + \"or add the weights before MapValueToKey with " + weightsType + ByName + " or " + weightsType + ByIndex + ".\");");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("global::System.Type raw = vector.ItemType.RawType;");
        w.WriteLine("global::System.IFormatProvider invariant = global::System.Globalization.CultureInfo.InvariantCulture;");
        w.WriteLine("if (vector.ItemType is " + MlData + "TextDataViewType) return Texts<global::System.ReadOnlyMemory<char>>(column, v => v.ToString());");
        foreach (string t in new[] { "int", "uint", "long", "ulong", "short", "ushort", "byte", "sbyte" })
        {
            w.WriteLine("if (raw == typeof(" + t + ")) return Texts<" + t + ">(column, v => v.ToString(invariant));");
        }

        w.WriteLine("if (raw == typeof(float)) return Texts<float>(column, v => v.ToString(\"R\", invariant));");
        w.WriteLine("if (raw == typeof(double)) return Texts<double>(column, v => v.ToString(\"R\", invariant));");
        w.WriteLine("throw new global::System.InvalidOperationException(\"Label column '\" + column.Name + \"' is a key type whose KeyValues are \" + vector.ItemType");
        w.WriteLine("    + \" values, which cannot be matched to a class name or index. Map class names or class indices to keys with MapValueToKey.\");");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("private static string[] Texts<T>(" + column + " column, global::System.Func<T, string> text)");
        w.OpenBrace();
        w.WriteLine(MlData + "VBuffer<T> buffer = default(" + MlData + "VBuffer<T>);");
        w.WriteLine("column.Annotations.GetValue(\"KeyValues\", ref buffer);");
        w.WriteLine("return global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select(buffer.DenseValues(), text));");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("/// <summary>Maps each key to the weight of the class its label value names, when it is fitted.</summary>");
        w.WriteLine("private sealed class KeyWeightsEstimator : " + Ml + "IEstimator<" + Ml + "ITransformer>");
        w.OpenBrace();
        w.WriteLine("private readonly " + catalog + " _transforms;");
        w.WriteLine("private readonly string _labelColumnName;");
        w.WriteLine("private readonly string _outputColumnName;");
        w.WriteLine();
        w.WriteLine("public KeyWeightsEstimator(" + catalog + " transforms, string labelColumnName, string outputColumnName)");
        w.OpenBrace();
        w.WriteLine("_transforms = transforms;");
        w.WriteLine("_labelColumnName = labelColumnName;");
        w.WriteLine("_outputColumnName = outputColumnName;");
        w.CloseBrace();
        w.WriteLine();
        WriteFitStart(w);
        w.WriteLine("return Map(KeyWeights(input.Schema)).Fit(input);");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("public " + Ml + "SchemaShape GetOutputSchema(" + Ml + "SchemaShape inputSchema) =>");
        w.WriteLine("    Map(new[] { new " + pair + "(1u, 0f) }).GetOutputSchema(inputSchema);");
        w.WriteLine();
        w.WriteLine("private " + Ml + "Transforms.ValueMappingEstimator<uint, float> Map(" + pair + "[] pairs) =>");
        w.WriteLine("    " + Ml + "ConversionsExtensionsCatalog.MapValue(_transforms.Conversion, _outputColumnName, pairs, _labelColumnName);");
        w.WriteLine();
        w.WriteLine("private " + pair + "[] KeyWeights(" + Ml + "DataViewSchema schema)");
        w.OpenBrace();
        w.WriteLine("global::System.Nullable<" + column + "> found = schema.GetColumnOrNull(_labelColumnName);");
        w.WriteLine("if (found == null || !(found.Value.Type is " + MlData + "KeyDataViewType) || found.Value.Type.RawType != typeof(uint))");
        w.OpenBrace();
        w.WriteLine("throw new global::System.ArgumentOutOfRangeException(\"input\", \"Label column '\" + _labelColumnName + \"' \"");
        w.WriteLine("    + (found == null ? \"not found in the input schema\" : \"has type \" + found.Value.Type)");
        w.WriteLine("    + \"; " + weightsType + ByKey + " expects a key column from MapValueToKey. For Int32 class indices use " + weightsType
            + ByIndex + ", for the class names " + weightsType + ByName + ".\");");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("string[] values = KeyValueTexts(found.Value);");
        w.WriteLine(pair + "[] pairs = new " + pair + "[values.Length];");
        w.WriteLine("for (int k = 0; k < values.Length; k++)");
        w.OpenBrace();
        w.WriteLine("int c = ClassOf(values[k]);");
        w.WriteLine("if (c < 0)");
        w.OpenBrace();
        w.WriteLine("throw new global::System.InvalidOperationException(\"The key \" + (k + 1) + \" of column '\" + _labelColumnName + \"' stands for '\" + values[k]");
        w.WriteLine(labelsOnly
            ? "    + \"', which is not a class label (\" + " + Literals.String(classList) + " + \") of " + weightsType + ". Give the rows one of these labels, or remove them.\");"
            : "    + \"', which is neither a class name (\" + " + Literals.String(classList) + " + \") nor a class index 0 … " + Literals.Int(names.Count - 1)
                + " of " + weightsType + ". Give the rows one of these labels, or remove them.\");");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("pairs[k] = new " + pair + "((uint)(k + 1), ClassWeights[c]);");
        w.CloseBrace();
        w.WriteLine();
        w.WriteLine("return pairs;");
        w.CloseBrace();
        w.CloseBrace();
    }

    /// <summary>Whether a label is integer text a key's value could also be read as (blanks, an optional sign, digits:
    /// the counts files' integer rule).</summary>
    private static bool IsIntegerText(string label) => CountsFileFormat.IsInteger(label.Trim());
}
